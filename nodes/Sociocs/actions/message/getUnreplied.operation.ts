import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { readLimit, returnAllFields } from '../lists';
import { dataList } from './common';
import { dateFields, readRange } from './dateRange';
import { DEFAULT_DAYS } from './search.operation';
import { text } from '../../../shared/resource';

/** Message > Get Unreplied: incoming messages nobody has answered yet (`GET /messages/unreplied`). */

const show = { resource: ['message'], operation: ['getUnreplied'] };

export const option = { name: 'Get Unreplied', action: 'Get unreplied messages', description: 'List incoming messages nobody has answered' };

export const subtitle = text('Get Unreplied Messages');

export const description: INodeProperties[] = [...dateFields(show, `${DEFAULT_DAYS} days before the End Date`), ...returnAllFields(show)];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const { start, end } = readRange(fields, this, DEFAULT_DAYS);
	return {
		requests: [{ method: 'GET', path: '/messages/unreplied', qs: { start_date: start, end_date: end } }],
		rows: dataList,
		limit: readLimit(fields),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
