import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idField } from '../../../shared/idFields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { apiVersionOption, byIdRequest, CONVERSATIONS_API_VERSION } from '../common';
import { text } from '../../../shared/resource';

/** Message > Get: `GET /conversations/messages/{id}`, one message per input item. */

const on = { resource: ['message'], operation: ['get'] };

export const option = { name: 'Get', action: 'Get a message', description: 'Get one message by its ID' };

export const subtitle = text('Get Message');

export const description: INodeProperties[] = [
	idField(on, {
		displayName: 'Message ID',
		name: 'messageId',
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
		description: 'The ID of the message (Send and the trigger give it)',
	}),
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

/** The spec shows the message unwrapped; the live API may wrap it in `message`: both are read. */
export function unwrapMessage(body: unknown): IDataObject {
	const answer = (body ?? {}) as IDataObject;
	const inner = answer.message;
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : answer;
}

export function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const { request } = byIdRequest(new ItemFields(this, itemIndex), { name: 'messageId', label: 'Message ID' }, 'GET', (id) => `/conversations/messages/${id}`);
	return { request, output: unwrapMessage };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
