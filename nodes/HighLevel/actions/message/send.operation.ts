import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkHttpUrl, ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { phoneOptions, readOptionalPhone, readPhoneOptions } from '../../../shared/phone';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api, BodyProof } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, HIGHLEVEL_ID, ID_EXPECTED, idLocator, readApiVersion, readEmailHeaders } from '../common';
import { labelOf, text as fixedText } from '../../../shared/resource';

/**
 * Message > Send: `POST /conversations/messages`. The Type chooses the fields: a text and
 * attachments for the chat channels (and the numbers for SMS), the email fields for Email,
 * the provider for Custom. Sent: `type`, `contactId` and the channel's fields, nothing else
 * (the 2026 spec's required `subType` / `status` look like a spec error; see the API sheet).
 */

const on = { resource: ['message'], operation: ['send'] };
const forTypes = (...type: string[]) => ({ show: { ...on, type } });

export const SEND_TYPES = [
	{ name: 'Custom (Conversation Provider)', value: 'Custom' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook', value: 'FB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];
const CHAT_TYPES = SEND_TYPES.map((t) => t.value).filter((t) => t !== 'Email');
const REPLY_MODES = ['reply', 'reply_all'];


/** Delivered only when the answer names the message: `messageId`, or GMB's `messageIds`. */
export const SENT: BodyProof = {
	expected: 'a messageId (or messageIds)',
	holds: (body) => {
		const { messageId, messageIds } = (body ?? {}) as IDataObject;
		if (typeof messageId === 'string' && messageId.trim() !== '') return true;
		return Array.isArray(messageIds) && messageIds.length > 0 && messageIds.every((id) => typeof id === 'string' && id.trim() !== '');
	},
};

function text(displayName: string, name: string, description: string, show: IDataObject, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, displayOptions: { show: show as { [key: string]: string[] } }, ...extra };
}

function listField(displayName: string, name: string, description: string, show: IDataObject, placeholder: string): INodeProperties {
	return text(displayName, name, description, show, {
		typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${displayName.replace(/s$/, '')}` },
		default: [],
		placeholder,
	});
}

export const option = { name: 'Send', action: 'Send a message', description: 'Send an SMS, an email or a chat message to a contact' };

export const subtitle = `${fixedText('Send ')} + ${labelOf('type', SEND_TYPES, 'SMS')}`;

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		noDataExpression: true,
		options: SEND_TYPES,
		default: 'SMS',
		description: 'The channel to send through. Email and Custom show their own fields.',
		displayOptions: { show: on },
	},
	idLocator('Contact', 'contactId', 'searchContacts', 'The HighLevel contact to send to (the list shows contacts that have a conversation)', on),
	text('Conversation Provider ID', 'conversationProviderId', 'The conversation provider (of your Marketplace app) to send through', forTypes('Custom').show, {
		required: true,
		placeholder: 'e.g. 61d6d1f9cdac7612faf80753',
	}),
	text('Message', 'message', 'The text of the message', { ...on, type: CHAT_TYPES }, { typeOptions: { rows: 4 } }),
	text('Message', 'message', 'The plain-text body of the email', forTypes('Email').show, {
		typeOptions: { rows: 4 },
		hint: 'Plain text. For an HTML email fill HTML below; fill both to give both versions.',
	}),
	text('HTML', 'html', 'The HTML body of the email', forTypes('Email').show, { typeOptions: { rows: 4 } }),
	text('Subject', 'subject', 'The subject of the email', forTypes('Email').show),
	listField('Attachments', 'attachments', 'Public URLs of files to send (Upload Attachment gives such URLs)', on, 'https://example.com/file.pdf'),
	text('From Number', 'fromNumber', "The sending number (one of the sub-account's). Leave empty for the default number.", forTypes('SMS').show, {
		placeholder: 'e.g. +15037081210',
	}),
	text('To Number', 'toNumber', "The number to send to, when it is not the contact's main number", forTypes('SMS').show, {
		placeholder: 'e.g. +16175551212',
	}),
	text('Email From', 'emailFrom', "The sender's address. Leave empty for the sub-account's default.", forTypes('Email').show, {
		placeholder: 'e.g. support@yourcompany.com',
	}),
	text('Email To', 'emailTo', "Only when not the contact's primary address (it must belong to the contact)", forTypes('Email').show, {
		placeholder: 'e.g. jane@example.com',
	}),
	listField('Email CC', 'emailCc', 'Addresses in copy', forTypes('Email').show, 'e.g. john@example.com'),
	listField('Email BCC', 'emailBcc', 'Addresses in blind copy', forTypes('Email').show, 'e.g. john@example.com'),
	text('Thread ID', 'threadId', 'The email thread to reply in', forTypes('Email').show),
	{
		displayName: 'Reply Mode',
		name: 'emailReplyMode',
		type: 'options',
		options: [
			{ name: 'None', value: '' },
			{ name: 'Reply', value: 'reply' },
			{ name: 'Reply All', value: 'reply_all' },
		],
		default: '',
		description: 'Whether the email answers the sender only or everyone on the email it replies to',
		displayOptions: forTypes('Email'),
	},
	text('Reply To Message ID', 'replyMessageId', 'The message this email answers', forTypes('Email').show),
	text('Unsubscribe Group ID', 'customSubtypeId', 'The unsubscribe preference group the email belongs to', forTypes('Email').show),
	optionsCollection(on, [
		apiVersionOption(CONVERSATIONS_API_VERSION),
		{
			displayName: 'Appointment ID',
			name: 'appointmentId',
			type: 'string',
			default: '',
			description: 'The appointment the message is about',
		},
		{
			displayName: 'Schedule',
			name: 'scheduledAt',
			type: 'dateTime',
			default: '',
			description: "When HighLevel should send it (in the workflow's time zone unless the value has its own offset). Empty: now.",
		},
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			description: 'A HighLevel message template to send',
		},
		...phoneOptions,
	]),
];

/** Optional id-like text: trimmed, checked against HighLevel's id shape. */
function optionalId(fields: ItemFields, name: string, label: string): string | undefined {
	return fields.matching(name, label, HIGHLEVEL_ID, ID_EXPECTED);
}

function emailFields(fields: ItemFields, body: IDataObject, attachments: string[]): void {
	const html = fields.text('html', 'HTML');
	if (html) body.html = html;
	if (!body.message && !html && !attachments.length) fields.fail('HTML', 'an HTML body or a plain-text Message for an email');
	readEmailHeaders(fields, body);
	const threadId = optionalId(fields, 'threadId', 'Thread ID');
	if (threadId) body.threadId = threadId;
	const replyMessageId = optionalId(fields, 'replyMessageId', 'Reply To Message ID');
	if (replyMessageId) body.replyMessageId = replyMessageId;
	const mode = fields.text('emailReplyMode', 'Reply Mode')?.trim();
	if (mode) {
		if (!REPLY_MODES.includes(mode)) fields.fail('Reply Mode', 'reply or reply_all', mode);
		if (!threadId && !replyMessageId) fields.fail('Reply Mode', 'a Thread ID or a Reply To Message ID to reply to', mode);
		body.emailReplyMode = mode;
	}
	const group = optionalId(fields, 'customSubtypeId', 'Unsubscribe Group ID');
	if (group) body.customSubtypeId = group;
}

/** The request of one item; pure apart from reading the item's parameters. */
export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const type = fields.resolved('type', 'SMS') as string;
	if (!SEND_TYPES.some((known) => known.value === type)) fields.fail('Type', `one of ${SEND_TYPES.map((t) => t.value).join(', ')}`, type);
	const options = fields.options();
	const contactId = fields.requiredMatching('contactId', 'Contact', HIGHLEVEL_ID, ID_EXPECTED);
	const body: IDataObject = { type, contactId };

	const message = fields.text('message', 'Message');
	if (message) body.message = message;
	const attachments = fields.list('attachments');
	for (const url of attachments) if (!checkHttpUrl(url)) fields.fail('Attachments', 'a list of http:// or https:// URLs', url);
	if (attachments.length) body.attachments = attachments;

	if (type === 'Email') emailFields(fields, body, attachments);
	else if (!message && !attachments.length) fields.fail('Message', `a message text or attachments for ${type}`);
	if (type === 'SMS') {
		const phones = readPhoneOptions(options);
		const fromNumber = readOptionalPhone(fields, 'fromNumber', 'From Number', phones);
		if (fromNumber) body.fromNumber = fromNumber;
		const toNumber = readOptionalPhone(fields, 'toNumber', 'To Number', phones);
		if (toNumber) body.toNumber = toNumber;
	}
	if (type === 'Custom') {
		body.conversationProviderId = fields.requiredMatching('conversationProviderId', 'Conversation Provider ID', HIGHLEVEL_ID, ID_EXPECTED);
	}

	const templateId = optionalId(fields, 'options.templateId', 'Template ID');
	if (templateId) body.templateId = templateId;
	const appointmentId = optionalId(fields, 'options.appointmentId', 'Appointment ID');
	if (appointmentId) body.appointmentId = appointmentId;
	const scheduledAt = fields.dateTime('options.scheduledAt', 'Schedule');
	// HighLevel takes UTC seconds here, not milliseconds.
	if (scheduledAt) body.scheduledTimestamp = Math.floor(Date.parse(scheduledAt) / 1000);

	return {
		request: {
			method: 'POST',
			path: '/conversations/messages',
			body,
			headers: { Version: readApiVersion(fields, options, CONVERSATIONS_API_VERSION) },
			proof: SENT,
		},
		orderKey: `contact:${contactId}`,
		output: (response) => sentOutput(response as IDataObject),
	};
}

/** The ids a later step needs (reply threading uses emailMessageId), then what else HighLevel said. */
function sentOutput(answer: IDataObject): IDataObject {
	const out: IDataObject = { messageId: answer.messageId ?? (answer.messageIds as string[])[0], conversationId: answer.conversationId };
	for (const key of ['emailMessageId', 'messageIds', 'status', 'msg']) if (answer[key] !== undefined) out[key] = answer[key];
	return out;
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
