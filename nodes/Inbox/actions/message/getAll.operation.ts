import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { returnAllAndLimit } from '../../v2/lists';
import type { Query } from '../../v2/lists';
import { threadLocator } from '../../v2/properties';
import { listOutgoing, maxOf } from '../../v2/readMany';

/** Message > Get Many (API v2): `GET /threads/{threadId}/messages` over `nextCursor`. */
const show = { '@version': [2], resource: ['message'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	threadLocator(show, 'The thread whose messages to get'),
	...returnAllAndLimit(show),
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

function read(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const threadId = fields.requiredId('threadId', 'Thread', INBOX_ID, INBOX_ID_EXPECTED);
	const max = maxOf(fields);
	const order = fields.text('order', 'Order') ?? 'desc';
	if (order !== 'asc' && order !== 'desc') fields.fail('Order', 'asc or desc', order);
	const { path, query } = build(threadId, order);
	return listOutgoing(this, path, query, max);
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, read);
}
