import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';

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
	const raw = fields.raw('limit', 50);
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) fields.fail('Limit', 'a whole number of at least 1', raw);
	return limit;
}

/** An id that goes into a request path: required, no spaces or slashes. */
export function readPathId(fields: ItemFields, name: string, label: string, example: string): string {
	return fields.requiredId(name, label, /^[^\s/?#]+$/, `an ID without spaces or slashes, e.g. ${example}`);
}

/** The answer of a call that changes one thing: Sociocs' data (if any) plus what was asked. */
export function changed(response: unknown, extra: IDataObject): IDataObject[] {
	const data = (response as IDataObject | undefined)?.data;
	return [{ ...(data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {}), ...extra }];
}
