import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { returnAllOrLimit } from '../../../shared/listOptions';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { checkLimit, readLists } from '../../v2/lists';
import type { ListOf, Query } from '../../v2/lists';
import { threadLocator } from '../../v2/properties';

/** Message > Get Many (API v2): `GET /threads/{threadId}/messages` over `nextCursor`. */
const show = { '@version': [2], resource: ['message'], operation: ['getAll'] };

export const option = { name: 'Get Many', action: 'Get many messages', description: 'List the messages of a thread' };

export const subtitle = text('Get Many Messages');

export const description: INodeProperties[] = [
	threadLocator(show, 'The thread whose messages to get'),
	...returnAllOrLimit(show),
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: 'desc',
		options: [
			{ name: 'Newest First', value: 'desc' },
			{ name: 'Oldest First', value: 'asc' },
		],
		displayOptions: { show },
	},
	optionsCollection(show),
];

/** The path and query of one thread's messages (pure). */
export function build(threadId: string, order: string): { path: string; query: Query } {
	return { path: `/threads/${threadId}/messages`, query: order === 'asc' ? [['order', 'asc']] : [] };
}

function read(this: IExecuteFunctions, itemIndex: number): ListOf {
	const fields = new ItemFields(this, itemIndex);
	const threadId = fields.requiredMatching('threadId', 'Thread', INBOX_ID, INBOX_ID_EXPECTED);
	checkLimit(fields);
	const order = fields.text('order', 'Order') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') fields.fail('Order', 'asc or desc', order);
	return build(threadId, order);
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await readLists(this, api, read.bind(this));
}
