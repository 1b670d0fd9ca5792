import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idField } from '../../../shared/idFields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api, BodyProof } from '../../../shared/transport';
import { apiVersionOption, byIdRequest, CONVERSATIONS_API_VERSION, HIGHLEVEL_ID, ID_EXPECTED, withHintOn } from '../common';
import { text } from '../../../shared/resource';

/**
 * Message > Update Status: `PUT /conversations/messages/{id}/status`, for a custom
 * conversation provider's own app: it reports what became of a message HighLevel handed it
 * (Provider Outbound Message). HighLevel answers anyone else 403, and the provider too until
 * the message has reached it.
 */

const on = { resource: ['message'], operation: ['updateStatus'] };
export const STATUSES = ['delivered', 'failed', 'pending', 'read'];

export const FORBIDDEN_HINT =
	"HighLevel lets only the conversation provider's own Marketplace app update a message's status: use this node with that app's OAuth2 credential, for a message HighLevel sent to your provider (the Provider Outbound Message event). Right after a send HighLevel answers 403 until the message has reached the provider.";

const UPDATED: BodyProof = {
	expected: 'the messageId (or success: true)',
	holds: (body) => {
		const { messageId, success } = (body ?? {}) as IDataObject;
		return success === true || (typeof messageId === 'string' && messageId.trim() !== '');
	},
};

export const option = { name: 'Update Status', action: 'Update a message status', description: 'Report delivered, failed or read for a message of your app\'s conversation provider' };

export const subtitle = text('Update Message Status');

export const description: INodeProperties[] = [
	idField(on, {
		displayName: 'Message ID',
		name: 'messageId',
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
		description: 'The message HighLevel handed your provider (messageId of the Provider Outbound Message event)',
	}),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUSES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
		default: 'delivered',
		displayOptions: { show: on },
	},
	{
		displayName: 'Error Code',
		name: 'errorCode',
		type: 'string',
		default: '',
		description: "Your channel's error code, e.g. Sociocs' or the carrier's. Sent only when Status is failed.",
		displayOptions: { show: on },
	},
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		description: 'What went wrong, shown in the conversation. Sent only when Status is failed (one node can then serve both outcomes by expression).',
		displayOptions: { show: on },
	},
	optionsCollection(on, [
		apiVersionOption(CONVERSATIONS_API_VERSION),
		{
			displayName: 'Email Message ID',
			name: 'emailMessageId',
			type: 'string',
			default: '',
			description: 'For an email: its emailMessageId from the event',
		},
	]),
];

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const { id: messageId, request } = byIdRequest(fields, { name: 'messageId', label: 'Message ID' }, 'PUT', (id) => `/conversations/messages/${id}/status`);
	const status = fields.text('status', 'Status')?.trim() ?? '';
	if (!STATUSES.includes(status)) fields.fail('Status', `one of ${STATUSES.join(', ')}`, status);
	const body: IDataObject = { status };
	if (status === 'failed') {
		const code = fields.text('errorCode', 'Error Code')?.trim();
		const message = fields.text('errorMessage', 'Error Message')?.trim();
		if (!code && !message) fields.fail('Error Message', 'an error message or code for a failed message');
		body.error = { ...(code ? { code } : {}), type: 'saas', ...(message ? { message } : {}) };
	}
	const emailMessageId = fields.matching('options.emailMessageId', 'Email Message ID', HIGHLEVEL_ID, ID_EXPECTED);
	if (emailMessageId) body.emailMessageId = emailMessageId;
	return {
		request: { ...request, body, proof: UPDATED },
		orderKey: `message:${messageId}`,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await withHintOn(403, FORBIDDEN_HINT, async () => await sendItems(this, api, build));
}
