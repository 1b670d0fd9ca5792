import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { readItems } from '../../../shared/reads';
import type { Reading } from '../../../shared/reads';
import type { Api } from '../../../shared/transport';
import { readLimit, returnAllFields } from '../lists';
import { dataList } from '../message/common';

/** Scheduled Message > Get Many: `GET /messages/scheduled`, the 100 with the newest scheduled date. */

const show = { resource: ['scheduledMessage'], operation: ['getMany'] };

export const description: INodeProperties[] = returnAllFields(show, 100).map((property) =>
	property.name === 'returnAll'
		? {
				...property,
				hint: 'Sociocs returns at most the 100 scheduled messages with the newest scheduled date and offers no paging. Fields are passed on as Sociocs gives them.',
			}
		: property,
);

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	return { requests: [{ method: 'GET', path: '/messages/scheduled' }], rows: dataList, limit: readLimit(fields) };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await readItems(this, api, build);
}
