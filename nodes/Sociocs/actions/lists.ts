import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../shared/fields';
import { emitReadings } from '../../shared/transport';
import type { Api, Reading } from '../../shared/transport';
import { dataList } from './message/common';

/** Return All / Limit of a list operation (n8n's convention). */
export function returnAllFields(show: Record<string, string[]>, maxValue?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The item's limit, or undefined with Return All. */
export function readLimit(fields: ItemFields): number | undefined {
	if (fields.boolean('returnAll', 'Return All')) return undefined;
	const raw = fields.resolved('limit', 50);
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) fields.fail('Limit', 'a whole number of at least 1', raw);
	return limit;
}

/** An id that goes into a request path: required, no spaces or slashes. */
export function readPathId(fields: ItemFields, name: string, label: string, example: string): string {
	return fields.requiredMatching(name, label, /^[^\s/?#]+$/, `an ID without spaces or slashes, e.g. ${example}`);
}

/** The answer of a call that changes one thing: Sociocs' data (if any) plus what was asked. */
export function changed(response: unknown, extra: IDataObject): IDataObject[] {
	const data = (response as IDataObject | undefined)?.data;
	return [{ ...(data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {}), ...extra }];
}

/**
 * A Get Many of a Sociocs list that answers at most its 100 entries with the newest scheduled
 * date and offers no paging (bulk jobs, scheduled messages).
 */
export function newestHundred(resource: string, path: string, what: string) {
	const show = { resource: [resource], operation: ['getMany'] };
	const description: INodeProperties[] = returnAllFields(show, 100).map((property) =>
		property.name === 'returnAll'
			? {
					...property,
					hint: `Sociocs returns at most the 100 ${what} with the newest scheduled date and offers no paging: older ones cannot be listed here. Their fields are passed on as Sociocs gives them.`,
				}
			: property,
	);
	function build(this: IExecuteFunctions, itemIndex: number): Reading {
		const fields = new ItemFields(this, itemIndex);
		return { requests: [{ method: 'GET', path }], rows: dataList, limit: readLimit(fields) };
	}
	async function execute(this: IExecuteFunctions, api: Api) {
		return await emitReadings(this, api, build);
	}
	return { description, build, execute };
}
