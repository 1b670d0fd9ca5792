import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { readLimit, returnAllFields } from '../lists';
import { dataList } from './common';
import { dateFields, readRange } from './dateRange';
import { text } from '../../../shared/resource';

/** Message > Search: messages whose text contains a term (`GET /messages/search`). */

const show = { resource: ['message'], operation: ['search'] };

/** Sociocs' own default range for search and unreplied messages. */
export const DEFAULT_DAYS = 90;

const DIRECTIONS = ['both', 'incoming', 'outbound'];

export const option = { name: 'Search', action: 'Search messages', description: 'Find messages by their text' };

export const subtitle = text('Search Messages');

export const description: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. refund',
		description: 'Messages whose text contains this',
		displayOptions: { show },
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Both', value: 'both', description: 'Incoming and outbound messages' },
			{ name: 'Incoming', value: 'incoming', description: 'Messages contacts sent' },
			{ name: 'Outbound', value: 'outbound', description: 'Messages sent from Sociocs' },
		],
		default: 'both',
		displayOptions: { show },
	},
	...dateFields(show, `${DEFAULT_DAYS} days before the End Date`),
	...returnAllFields(show),
];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const text = fields.requiredText('searchText', 'Search Text', 'a text to search for').trim();
	const direction = fields.resolved('direction', 'both') as string;
	if (!DIRECTIONS.includes(direction)) fields.fail('Direction', 'one of both, incoming, outbound', direction);
	const { start, end } = readRange(fields, this, DEFAULT_DAYS);
	return {
		requests: [{ method: 'GET', path: '/messages/search', qs: { text, direction, start_date: start, end_date: end } }],
		rows: dataList,
		limit: readLimit(fields),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
