import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { readLimit, returnAllFields } from '../lists';
import { dataList } from './common';
import { dateFields, readRange, windows } from './dateRange';
import { text } from '../../../shared/resource';

/**
 * Message > Get Many: every message in a date range (`GET /messages`). Sociocs answers at most
 * 31 days per request, so a longer range is read as consecutive windows, oldest first (with
 * Return All a few at once, their rows kept in order); with a Limit, no window is asked for
 * once the limit is reached.
 */

const show = { resource: ['message'], operation: ['getMany'] };

export const option = { name: 'Get Many', action: 'Get many messages', description: 'List the messages of a date range' };

export const subtitle = text('Get Many Messages');

export const description: INodeProperties[] = [
	...dateFields(show, 'the same day as the End Date'),
	...returnAllFields(show),
	{
		displayName:
			'Sociocs answers at most 31 days per request: a longer range is read in 31-day windows, oldest first, one request each (with Return All, three at a time). Within a window, messages come in Sociocs\' order.',
		name: 'windowsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const range = readRange(fields, this, 0);
	const limit = readLimit(fields);
	return {
		requests: windows(range).map(({ start, end }) => ({
			method: 'GET',
			path: '/messages',
			qs: { start_date: start, end_date: end },
		})),
		rows: dataList,
		limit,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
