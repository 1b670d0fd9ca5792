import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, idLocator, locationOf, readApiVersion, requiredId } from '../common';
import { SUCCESS } from './delete.operation';
import { text } from '../../../shared/resource';

/** Conversation > Update: `PUT /conversations/{id}`: unread count and starred. */

const on = { resource: ['conversation'], operation: ['update'] };

export const option = { name: 'Update', action: 'Update a conversation', description: 'Change the unread count or the star' };

export const subtitle = text('Update Conversation');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to update', on),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: on },
		options: [
			{
				displayName: 'Starred',
				name: 'starred',
				type: 'boolean',
				default: false,
				description: 'Whether the conversation is starred',
			},
			{
				displayName: 'Unread Count',
				name: 'unreadCount',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many messages count as unread (0 marks it read)',
			},
		],
	},
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

export function build(this: IExecuteFunctions, itemIndex: number, locationId: unknown): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const conversationId = requiredId(fields, 'conversationId', 'Conversation');
	const update = (fields.resolved('updateFields', {}) as IDataObject | undefined) ?? {};
	const body: IDataObject = { locationId: locationOf(fields, locationId) };
	if (update.unreadCount !== undefined && update.unreadCount !== '') {
		const count = Number(update.unreadCount);
		if (!Number.isInteger(count) || count < 0) fields.fail('Unread Count', 'a whole number of 0 or more', update.unreadCount);
		body.unreadCount = count;
	}
	if (update.starred !== undefined) body.starred = fields.boolean('updateFields.starred', 'Starred');
	if (Object.keys(body).length === 1) fields.fail('Update Fields', 'at least one field to change (Starred or Unread Count)');
	return {
		request: {
			method: 'PUT',
			path: `/conversations/${conversationId}`,
			body,
			headers: { Version: readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION) },
			proof: SUCCESS,
		},
		orderKey: `conversation:${conversationId}`,
		output: (response) => ((response as IDataObject).conversation as IDataObject | undefined) ?? { success: true, conversationId },
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, function (itemIndex) {
		return build.call(this, itemIndex, api.credentials.data?.locationId);
	});
}
