import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { readItems } from '../../../shared/reads';
import type { Reading } from '../../../shared/reads';
import type { Api } from '../../../shared/transport';
import { readLimit, returnAllFields } from '../lists';
import { dataList } from '../message/common';

/** Bulk Job > Get Many: `GET /messages/bulk`, the 100 jobs with the newest scheduled date. */

const show = { resource: ['bulkJob'], operation: ['getMany'] };

export const description: INodeProperties[] = returnAllFields(show, 100).map((property) =>
	property.name === 'returnAll'
		? {
				...property,
				hint: 'Sociocs returns at most the 100 jobs with the newest scheduled date and offers no paging: older jobs cannot be listed here. Job fields are passed on as Sociocs gives them.',
			}
		: property,
);

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	return { requests: [{ method: 'GET', path: '/messages/bulk' }], rows: dataList, limit: readLimit(fields) };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await readItems(this, api, build);
}
