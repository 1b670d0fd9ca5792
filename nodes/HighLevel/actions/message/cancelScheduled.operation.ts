import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idField } from '../../../shared/idFields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api, BodyProof } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, readApiVersion, requiredId } from '../common';
import { text } from '../../../shared/resource';

/**
 * Message > Cancel Scheduled: `DELETE /conversations/messages/{id}/schedule`, or for an email
 * `DELETE /conversations/messages/email/{emailMessageId}/schedule` (which the spec lists with
 * no Version header). The answer's own `status` decides: HighLevel answers
 * `{ status: 404, message: "Failed cancel" }` for a message it did not cancel.
 */

const on = { resource: ['message'], operation: ['cancelScheduled'] };

const ANSWERED: BodyProof = { expected: 'a numeric status', holds: (body) => typeof (body as IDataObject | undefined)?.status === 'number' };

export const option = { name: 'Cancel Scheduled', action: 'Cancel a scheduled message', description: 'Cancel an SMS or email scheduled with Send' };

export const subtitle = text('Cancel Scheduled Message');

export const description: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'SMS (and Other Messages)', value: 'message' },
			{ name: 'Email', value: 'email' },
		],
		default: 'message',
		description: 'Emails are cancelled by their email message ID',
		displayOptions: { show: on },
	},
	idField({ ...on, channel: ['message'] }, {
		displayName: 'Message ID',
		name: 'messageId',
		description: 'The messageId Send gave for the scheduled message',
	}),
	idField({ ...on, channel: ['email'] }, {
		displayName: 'Email Message ID',
		name: 'emailMessageId',
		description: 'The emailMessageId Send gave for the scheduled email',
	}),
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const email = fields.resolved('channel', 'message') === 'email';
	const id = email ? requiredId(fields, 'emailMessageId', 'Email Message ID') : requiredId(fields, 'messageId', 'Message ID');
	const version = readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION);
	return {
		request: {
			method: 'DELETE',
			path: email ? `/conversations/messages/email/${id}/schedule` : `/conversations/messages/${id}/schedule`,
			...(email ? {} : { headers: { Version: version } }),
			proof: ANSWERED,
		},
		orderKey: `message:${id}`,
		output: (response) => {
			const answer = response as IDataObject;
			const status = answer.status as number;
			if (status >= 200 && status < 300) return { cancelled: true, [email ? 'emailMessageId' : 'messageId']: id, ...answer };
			throw new NodeOperationError(this.getNode(), `HighLevel did not cancel the scheduled message: ${String(answer.message ?? `status ${status}`)}`, {
				itemIndex,
				description: `Not cancelled: HighLevel answered with status ${status} in its body. The message may already have been sent, or the ID is not of a scheduled message.`,
			});
		},
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
