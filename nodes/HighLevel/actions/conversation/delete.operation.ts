import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api, BodyProof } from '../../../shared/transport';
import { apiVersionOption, byIdRequest, CONVERSATIONS_API_VERSION, idLocator } from '../common';
import { text } from '../../../shared/resource';

/** Conversation > Delete: `DELETE /conversations/{id}`, done only when HighLevel answers `success: true`. */

const on = { resource: ['conversation'], operation: ['delete'] };

export const SUCCESS: BodyProof = { expected: 'success: true', holds: (body) => (body as { success?: unknown } | undefined)?.success === true };

export const option = { name: 'Delete', action: 'Delete a conversation', description: 'Delete a conversation' };

export const subtitle = text('Delete Conversation');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to delete', on),
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const { id: conversationId, request } = byIdRequest(new ItemFields(this, itemIndex), { name: 'conversationId', label: 'Conversation' }, 'DELETE', (id) => `/conversations/${id}`);
	return {
		request: { ...request, proof: SUCCESS },
		orderKey: `conversation:${conversationId}`,
		output: () => ({ deleted: true, conversationId }),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
