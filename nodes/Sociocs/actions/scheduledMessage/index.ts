import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as getMany from './getMany.operation';

/** Scheduled Message: single messages sent with a future Schedule (`/messages/scheduled`). */
export const operations = { getMany, cancel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scheduledMessage'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', action: 'Cancel a scheduled message', description: 'Delete a scheduled message before it is sent' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many scheduled messages', description: 'List the newest 100 scheduled messages' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...cancel.description,
];
