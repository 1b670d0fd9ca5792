import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { phoneOptions, readPhone, readPhoneOptions } from '../../../shared/phone';
import { optionsCollection } from '../../../shared/sendOptions';
import { idProof } from '../../../shared/transport';
import type { Api } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, idLocator, readApiVersion, requiredId } from '../common';
import { CALL_STATUSES } from './addInbound.operation';
import { text } from '../../../shared/resource';

/**
 * Message > Log External Call: `POST /conversations/messages/outbound` with `type: "Call"`
 * (its only value): records a call made outside HighLevel in a conversation. HighLevel
 * matches the `to` number to an existing contact.
 */

const on = { resource: ['message'], operation: ['logExternalCall'] };

const LOGGED = idProof('success with a messageId', (body) => (body.success === true ? body.messageId : undefined));

export const option = { name: 'Log External Call', action: 'Log an external call', description: 'Record a call made outside HighLevel in a conversation' };

export const subtitle = text('Log External Call');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to log the call in', on),
	{
		displayName: 'Conversation Provider ID',
		name: 'conversationProviderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 61d6d1f9cdac7612faf80753',
		description: 'The calling provider of your Marketplace app',
		displayOptions: { show: on },
	},
	{
		displayName: 'Call To',
		name: 'callTo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +16175551212 (the contact)',
		description: "The number called: it must be an existing contact's",
		displayOptions: { show: on },
	},
	{
		displayName: 'Call From',
		name: 'callFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +15037081210 (your line)',
		description: 'The number that made the call',
		displayOptions: { show: on },
	},
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: CALL_STATUSES.map((value) => ({ name: value.replace('-', ' ').replace(/(^|\s)\w/g, (l) => l.toUpperCase()), value })),
		default: 'completed',
		displayOptions: { show: on },
	},
	optionsCollection(on, [
		apiVersionOption(CONVERSATIONS_API_VERSION),
		{ displayName: 'Alt ID', name: 'altId', type: 'string', default: '', description: "The call's ID at your provider" },
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: "When the call took place (in the workflow's time zone unless the value has its own offset)" },
		...phoneOptions,
	]),
];

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const conversationId = requiredId(fields, 'conversationId', 'Conversation');
	const conversationProviderId = requiredId(fields, 'conversationProviderId', 'Conversation Provider ID');
	const options = fields.options();
	const phones = readPhoneOptions(options);
	const status = String(fields.resolved('callStatus', 'completed'));
	if (!CALL_STATUSES.includes(status)) fields.fail('Call Status', `one of ${CALL_STATUSES.join(', ')}`, status);
	const body: IDataObject = {
		type: 'Call',
		conversationId,
		conversationProviderId,
		call: { to: readPhone(fields, 'callTo', 'Call To', phones), from: readPhone(fields, 'callFrom', 'Call From', phones), status },
	};
	const altId = fields.text('options.altId', 'Alt ID')?.trim();
	if (altId) body.altId = altId;
	const date = fields.dateTime('options.date', 'Date');
	if (date) body.date = date;
	return {
		request: {
			method: 'POST',
			path: '/conversations/messages/outbound',
			body,
			headers: { Version: readApiVersion(fields, options, CONVERSATIONS_API_VERSION) },
			proof: LOGGED,
		},
		orderKey: `conversation:${conversationId}`,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
