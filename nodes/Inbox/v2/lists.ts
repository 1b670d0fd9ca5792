import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';
import { asItemError } from '../../shared/items';
import { cursorPages, emitPages } from '../../shared/transport';
import type { Api, ApiRequest } from '../../shared/transport';

/** Query parameters in order; v2 repeats a key for a list (`?tag=a&tag=b`), never brackets or commas. */
export type Query = Array<[string, string]>;

/** A path with its query, built here so that repeated keys stay repeated whatever n8n's qs settings. */
export function withQuery(path: string, query: Query): string {
	if (!query.length) return path;
	return `${path}?${new URLSearchParams(query).toString()}`;
}

/** v2's largest page. */
export const PAGE_LIMIT = 100;

/** The request for one page of a v2 list (`{ data, nextCursor }`), same filters on every page. */
export function pageRequest(path: string, query: Query, cursor: string | undefined, remaining: number | undefined): ApiRequest {
	const page: Query = [...query, ['limit', String(Math.min(PAGE_LIMIT, remaining ?? PAGE_LIMIT))]];
	if (cursor) page.push(['cursor', cursor]);
	return { method: 'GET', path: withQuery(path, page) };
}

/** Checks Return All / Limit of an item (a whole number of at least 1) before anything is read. */
export function checkLimit(fields: ItemFields): void {
	if (fields.boolean('returnAll', 'Return All')) return;
	const limit = fields.resolved('limit', 50);
	if (!Number.isInteger(Number(limit)) || Number(limit) < 1) fields.fail('Limit', 'a whole number of at least 1', limit);
}

export interface ListOf {
	path: string;
	query: Query;
}

/**
 * A v2 Get Many: every item is read and checked first (bad input stops the node before any
 * request, or with Continue On Fail becomes its error item in place), then each item's list is
 * read page by page over `nextCursor` up to its Limit (the shared pagination).
 */
export async function readLists(ctx: IExecuteFunctions, api: Api, read: (itemIndex: number) => ListOf): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const lists: Array<ListOf | Error> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			lists.push(read(itemIndex));
		} catch (error) {
			const failure = asItemError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw failure;
			lists.push(failure);
		}
	}
	return await emitPages(ctx, api, (source) => {
		const list = lists[source.itemIndex];
		if (list instanceof Error) throw list;
		return cursorPages<string>(source, {
			request: (cursor, remaining) => pageRequest(list.path, list.query, cursor, remaining),
			items: (body) => ((body as IDataObject)?.data ?? []) as IDataObject[],
			next: (body) => {
				const next = (body as IDataObject)?.nextCursor;
				return typeof next === 'string' && next ? next : undefined;
			},
		});
	});
}
