import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as getMany from './getMany.operation';
import * as reschedule from './reschedule.operation';

/** Bulk Job: the jobs Send to Many creates (`/messages/bulk`). */
export const operations = { getMany, reschedule, cancel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bulkJob'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', action: 'Cancel a bulk job', description: 'Delete a bulk job that has not started' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many bulk jobs', description: 'List the newest 100 bulk jobs' },
			{ name: 'Reschedule', value: 'reschedule', action: 'Reschedule a bulk job', description: 'Change when a bulk job is sent' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...reschedule.description,
	...cancel.description,
];
