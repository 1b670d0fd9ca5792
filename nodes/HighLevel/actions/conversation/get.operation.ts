import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { apiVersionOption, byIdRequest, CONVERSATIONS_API_VERSION, idLocator } from '../common';
import { text } from '../../../shared/resource';

/** Conversation > Get: `GET /conversations/{id}` (answered unwrapped). */

const on = { resource: ['conversation'], operation: ['get'] };

export const option = { name: 'Get', action: 'Get a conversation', description: 'Get one conversation by its ID' };

export const subtitle = text('Get Conversation');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to get', on),
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const { request } = byIdRequest(new ItemFields(this, itemIndex), { name: 'conversationId', label: 'Conversation' }, 'GET', (id) => `/conversations/${id}`);
	return { request };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
