import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { phoneOptions, readOptionalPhone, readPhoneOptions } from '../../../shared/phone';
import { labelOf, text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import { idProof } from '../../../shared/transport';
import type { Api } from '../../../shared/transport';
import { INBOUND_API_VERSION, CONVERSATIONS_API_VERSION } from '../../apiVersions';
import { MESSAGE_TYPES } from '../../messageTypes';
import { HIGHLEVEL_ID, ID_EXPECTED, idLocator, readEmailHeaders } from '../common';

const on = { resource: ['message'], operation: ['addInbound'] };
const forTypes = (...type: string[]) => ({ show: { ...on, type } });

/** HighLevel answers `{ success: true, messageId, ... }` (`success: false` is refused by the transport). */
const ADDED = idProof('a messageId', (body) => body.messageId);

export const CALL_STATUSES = ['pending', 'completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled', 'voicemail'];

function listField(displayName: string, name: string, description: string, show: IDataObject, placeholder: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${displayName.replace(/s$/, '')}` },
		default: [],
		placeholder,
		description,
		displayOptions: { show: show as { [key: string]: string[] } },
	};
}

/** Message, shown with its own words for an email (where HTML is the other body). */
function messageField(text: Pick<INodeProperties, 'description' | 'hint' | 'displayOptions'>): INodeProperties {
	return { displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 4 }, default: '', ...text };
}

export const option = { name: 'Add Inbound', action: 'Add an inbound message', description: 'Add a message (SMS, email, call, ...) to a conversation' };

/** "Add Inbound Message (Email)": the Type's label. */
export const subtitle = `${text('Add Inbound Message (')} + ${labelOf('type', MESSAGE_TYPES, 'SMS')} + ${text(')')}`;

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		noDataExpression: true,
		options: MESSAGE_TYPES,
		default: 'SMS',
		description: 'The channel the message came through. Email and Call show their own fields.',
		displayOptions: { show: on },
	},
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to add the message to', on),
	{
		displayName: 'Conversation Provider ID',
		name: 'conversationProviderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 61d6d1f9cdac7612faf80753',
		description: 'The ID of the conversation provider of your HighLevel Marketplace app (HighLevel has no endpoint that lists them)',
		displayOptions: { show: on },
	},
	messageField({ description: 'The text of the message', displayOptions: { show: on, hide: { type: ['Email'] } } }),
	// The same field for an email, where it is one of two bodies.
	messageField({
		description: 'The plain-text body of the email',
		hint: 'Plain text. For an HTML email fill HTML below; fill both to give both versions.',
		displayOptions: forTypes('Email'),
	}),
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'inbound', description: 'The contact sent it' },
			{ name: 'Outbound', value: 'outbound', description: 'It was sent to the contact' },
		],
		default: 'inbound',
		description: 'Whether the message came from the contact or went to them. Always sent.',
		hint: 'HighLevel\'s own default, when no direction is sent, is outbound: this field always sends one.',
		displayOptions: { show: on },
	},
	listField('Attachments', 'attachments', 'Public URLs of files that came with the message', on, 'https://example.com/file.pdf'),
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The HTML body of the email',
		hint: 'The HTML version. For a plain-text email leave this empty and fill Message.',
		displayOptions: forTypes('Email'),
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'The subject of the email',
		displayOptions: forTypes('Email'),
	},
	{
		displayName: 'Email From',
		name: 'emailFrom',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'The sender\'s address. HighLevel ties it to the contact record.',
		displayOptions: forTypes('Email'),
	},
	{
		displayName: 'Email To',
		name: 'emailTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. support@yourcompany.com',
		description: 'The recipient\'s address. HighLevel ties it to the contact record.',
		displayOptions: forTypes('Email'),
	},
	listField('Email CC', 'emailCc', 'Addresses in copy', { ...on, type: ['Email'] }, 'e.g. john@example.com'),
	listField('Email BCC', 'emailBcc', 'Addresses in blind copy', { ...on, type: ['Email'] }, 'e.g. john@example.com'),
	{
		displayName: 'Email Message ID',
		name: 'emailMessageId',
		type: 'string',
		default: '',
		description: 'The ID of the email this one answers, to thread it in the conversation',
		displayOptions: forTypes('Email'),
	},
	{
		displayName: 'Call To',
		name: 'callTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. +15037081210 (your business line)',
		description: 'The phone number that received the call. Leave empty when it is not known.',
		displayOptions: forTypes('Call'),
	},
	{
		displayName: 'Call From',
		name: 'callFrom',
		type: 'string',
		default: '',
		placeholder: 'e.g. +16175551212 (the caller)',
		description: 'The phone number that made the call. Leave empty for a withheld or anonymous caller.',
		displayOptions: forTypes('Call'),
	},
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: CALL_STATUSES.map((status) => ({
			name: status.replace(/(^|-)(\w)/g, (_all, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`),
			value: status,
		})),
		default: 'completed',
		description: 'How the call ended',
		displayOptions: forTypes('Call'),
	},
	optionsCollection(on, [
		{
			displayName: 'Alt ID',
			name: 'altId',
			type: 'string',
			default: '',
			description: 'The message\'s ID at your provider (e.g. the external mail provider\'s message ID)',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: INBOUND_API_VERSION,
			description:
				`Sent as the Version header. The specification gives ${INBOUND_API_VERSION}; HighLevel's newer docs list ${CONVERSATIONS_API_VERSION} for conversations.`,
		},
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			description: 'The HighLevel contact the message belongs to',
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: 'When the message was received (in the workflow\'s time zone unless the value has its own offset)',
		},
		...phoneOptions,
	]),
];

function checkEach(fields: ItemFields, values: string[], label: string, isValid: (value: string) => boolean, expected: string) {
	for (const value of values) if (!isValid(value)) fields.fail(label, expected, value);
	return values;
}


/** An email's own fields; one of message, HTML or attachments is needed. */
function addEmail(fields: ItemFields, body: IDataObject, hasContent: boolean) {
	const html = fields.text('html', 'HTML');
	if (html) body.html = html;
	readEmailHeaders(fields, body);
	const emailMessageId = fields.text('emailMessageId', 'Email Message ID')?.trim();
	if (emailMessageId) body.emailMessageId = emailMessageId;
	if (!hasContent && !body.html) fields.fail('Message', 'a message, an HTML body or attachments for an email');
}

/** A call's status and numbers. Neither number is required: a withheld caller is recorded without one. */
function addCall(fields: ItemFields, body: IDataObject, options: IDataObject) {
	const phones = readPhoneOptions(options);
	const status = fields.resolved('callStatus', 'completed') as string;
	if (!CALL_STATUSES.includes(status)) fields.fail('Call Status', `one of ${CALL_STATUSES.join(', ')}`, status);
	const call: IDataObject = { status };
	const to = readOptionalPhone(fields, 'callTo', 'Call To', phones);
	if (to) call.to = to;
	const from = readOptionalPhone(fields, 'callFrom', 'Call From', phones);
	if (from) call.from = from;
	body.call = call;
}

/** The fields every type has after its own: contact, alt id, direction, date; returns the API version. */
function addCommon(fields: ItemFields, body: IDataObject, options: IDataObject): string {
	const contactId = fields.matching('options.contactId', 'Contact ID', HIGHLEVEL_ID, ID_EXPECTED);
	if (contactId) body.contactId = contactId;
	const altId = fields.text('options.altId', 'Alt ID')?.trim();
	if (altId) body.altId = altId;
	// Always sent: left out, HighLevel would store the message as outbound.
	const direction = fields.text('direction', 'Direction')?.trim() ?? 'inbound';
	if (direction !== 'inbound' && direction !== 'outbound') fields.fail('Direction', 'inbound or outbound', direction);
	body.direction = direction;
	const date = fields.dateTime('options.date', 'Date');
	if (date) body.date = date;
	const version = String(options.apiVersion ?? '').trim() || INBOUND_API_VERSION;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) fields.fail('API Version', `a version date such as ${INBOUND_API_VERSION}`, version);
	return version;
}

function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const type = fields.resolved('type', 'SMS') as string;
	if (!MESSAGE_TYPES.some((known) => known.value === type)) {
		fields.fail('Type', `one of ${MESSAGE_TYPES.map((t) => t.value).join(', ')}`, type);
	}
	const options = fields.options();
	const conversationId = fields.requiredMatching('conversationId', 'Conversation', HIGHLEVEL_ID, ID_EXPECTED);
	const conversationProviderId = fields.requiredMatching(
		'conversationProviderId',
		'Conversation Provider ID',
		HIGHLEVEL_ID,
		ID_EXPECTED,
	);
	const body: IDataObject = { type, conversationId, conversationProviderId };

	const message = fields.text('message', 'Message');
	if (message) body.message = message;
	const attachments = checkEach(fields, fields.list('attachments'), 'Attachments', checkHttpUrl, 'a list of http:// or https:// URLs');
	if (attachments.length) body.attachments = attachments;
	const hasContent = !!message || attachments.length > 0;

	if (type === 'Email') addEmail(fields, body, hasContent);
	else if (type === 'Call') addCall(fields, body, options);
	else if (!hasContent) fields.fail('Message', 'a message text or attachments');
	const version = addCommon(fields, body, options);

	return {
		request: {
			method: 'POST',
			path: '/conversations/messages/inbound',
			body,
			headers: { Version: version },
			proof: ADDED,
		},
		orderKey: `conversation:${conversationId}`,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
