import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

import { apiRequest } from '../../shared/transport';
import type { Api } from '../../shared/transport';

/** Query parameters in order; v2 repeats a key for a list (`?tag=a&tag=b`), never brackets or commas. */
export type Query = Array<[string, string]>;

/** A path with its query, built here so that repeated keys stay repeated whatever n8n's qs settings. */
export function withQuery(path: string, query: Query): string {
	if (!query.length) return path;
	return `${path}?${new URLSearchParams(query).toString()}`;
}

/** v2's largest page. */
export const PAGE_LIMIT = 100;

/**
 * Every entry of a v2 list (`{ data, nextCursor }`), page by page with the same filters, up to
 * `max` (undefined: all). Each page asks for no more than is still wanted.
 */
export async function readList(
	ctx: IExecuteFunctions,
	api: Api,
	path: string,
	query: Query,
	max: number | undefined,
	itemIndex: number,
	outside?: (wait: () => Promise<void>) => Promise<void>,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	let cursor: string | undefined;
	do {
		const want = max === undefined ? PAGE_LIMIT : Math.min(PAGE_LIMIT, max - found.length);
		const page: Query = [...query, ['limit', String(want)]];
		if (cursor) page.push(['cursor', cursor]);
		const body = (await apiRequest(ctx, api, { method: 'GET', path: withQuery(path, page) }, itemIndex, outside)) as IDataObject;
		const data = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
		found.push(...data.slice(0, max === undefined ? undefined : max - found.length));
		cursor = typeof body?.nextCursor === 'string' && body.nextCursor ? body.nextCursor : undefined;
		// A page that brings nothing but a cursor would be read forever: stop there.
		if (!data.length) break;
	} while (cursor && (max === undefined || found.length < max));
	return found;
}

/** Return All and Limit, n8n's pair for lists. */
export function returnAllAndLimit(show: Show): INodeProperties[] {
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
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
