import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiFailure } from '../errors';
import { asItemError, errorItem } from '../items';
import { apiRequest } from './request';
import type { Api, ApiRequest } from './types';

/**
 * Lists, written once. A list is `Pages`: a generator of pages (arrays of items) that asks
 * for the next page only when the items of the last one were taken, and is told how many
 * items are still wanted (for the page size it asks for). `readItems` takes items from it
 * until the Limit, then stops it: no page is requested past the Limit, and no page is kept
 * after its items were emitted, so memory is bounded by what is output.
 * The shapes: `cursorPages` (Inbox `nextCursor`, HighLevel `lastMessageId` /
 * `startAfterDate`), `dateWindows` (a range read as windows of at most N days, oldest
 * first: Sociocs' 31 days), `singlePage`.
 */

/** How many items are still wanted: undefined for all of them (Return All). */
export type Remaining = () => number | undefined;

export type Pages = (remaining: Remaining) => AsyncGenerator<IDataObject[], void, undefined>;

export interface CursorPages<C> {
	/** The request for the first page (`cursor` undefined) or for the page after `cursor`. */
	request(cursor: C | undefined, remaining: number | undefined): ApiRequest;
	/** The items of a page's body. */
	items(body: unknown): IDataObject[];
	/** The cursor of the page after this one, or undefined when this one is the last. */
	next(body: unknown, items: IDataObject[]): C | undefined;
}

/** Where a list reads from: the run's context, its API session and the item it reads for. */
export interface ListSource {
	ctx: IExecuteFunctions;
	api: Api;
	itemIndex: number;
}

export function cursorPages<C>(source: ListSource, spec: CursorPages<C>): Pages {
	return async function* (remaining) {
		let cursor: C | undefined;
		const seen = new Set<string>();
		for (;;) {
			const body = await apiRequest(source.ctx, source.api, spec.request(cursor, remaining()), source.itemIndex);
			const items = spec.items(body);
			yield items;
			cursor = spec.next(body, items);
			if (cursor === undefined || !items.length) return;
			// An API that hands back a cursor it gave before would be read forever.
			const key = JSON.stringify(cursor);
			if (seen.has(key)) {
				throw apiFailure(
					source.ctx.getNode(),
					{
						message: `${source.api.service.name} returned the same page cursor twice`,
						description: `Not read to the end: the list was read up to that page (cursor ${key.slice(0, 100)}); the items before it were output.`,
						delivery: 'no',
						itemIndex: source.itemIndex,
					},
					source.api.secrets,
				);
			}
			seen.add(key);
		}
	};
}

export function singlePage(source: ListSource, request: ApiRequest, items: (body: unknown) => IDataObject[]): Pages {
	return async function* () {
		yield items(await apiRequest(source.ctx, source.api, request, source.itemIndex));
	};
}

export interface DateWindow {
	from: Date;
	to: Date;
}

const DAY_MS = 86_400_000;

/** The range split into consecutive windows of at most `maxDays` days, oldest first. */
export function windowsOf(range: DateWindow, maxDays: number): DateWindow[] {
	const windows: DateWindow[] = [];
	const span = Math.max(1, maxDays) * DAY_MS;
	for (let from = range.from.getTime(); from < range.to.getTime(); from += span) {
		windows.push({ from: new Date(from), to: new Date(Math.min(from + span, range.to.getTime())) });
	}
	return windows;
}

/** A range read window by window (each window a list of its own), oldest first. */
export function dateWindows(range: DateWindow, maxDays: number, pagesOf: (window: DateWindow) => Pages): Pages {
	return async function* (remaining) {
		for (const window of windowsOf(range, maxDays)) {
			yield* pagesOf(window)(remaining);
			if (remaining() === 0) return;
		}
	};
}

/** The item's Limit: undefined when Return All is on (n8n's usual `returnAll` / `limit` pair). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50))));
}

/** The pages of `pages`, the last cut at `limit` items; the pages stop being read there. */
export async function* readPages(pages: Pages, limit: number | undefined): AsyncGenerator<IDataObject[], void, undefined> {
	let taken = 0;
	const remaining = () => (limit === undefined ? undefined : limit - taken);
	if (remaining() === 0) return;
	for await (const page of pages(remaining)) {
		const wanted = limit === undefined || page.length <= limit - taken ? page : page.slice(0, limit - taken);
		taken += wanted.length;
		yield wanted;
		if (taken === limit) return;
	}
}

/** The items of `pages`, one at a time, up to `limit`; the pages stop being read there. */
export async function* readItems(pages: Pages, limit: number | undefined): AsyncGenerator<IDataObject, void, undefined> {
	for await (const page of readPages(pages, limit)) yield* page;
}

/**
 * A list operation's output: for each input item, the items of its list up to its Limit, each
 * paired with it. With Continue On Fail a failed list gives one error item in its place.
 */
export async function emitPages(ctx: IExecuteFunctions, api: Api, pagesFor: (source: ListSource) => Pages): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const pages = pagesFor({ ctx, api, itemIndex });
			// Page by page: an item at a time would be a trip through two async generators for each item.
			for await (const page of readPages(pages, readLimit(ctx, itemIndex))) for (const json of page) out.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = asItemError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw failure;
			out.push(errorItem(failure, itemIndex));
		}
	}
	return out;
}
