import type { ExecutionBaseError, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiFailure } from '../errors';
import { asItemError, buildEach, errorItem } from '../items';
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
 * first: Sociocs' 31 days), `singlePage`, and `requestPages` (requests all known up front,
 * an answer a page: Sociocs' reads, through `emitReadings`).
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
	const count = ctx.getInputData().length;
	return await emitLists(ctx, count, (itemIndex) => ({ pages: pagesFor({ ctx, api, itemIndex }), limit: readLimit(ctx, itemIndex) }), (error, itemIndex) =>
		asItemError(ctx, error, itemIndex),
	);
}

/** One item's list and its Limit, or the error item that stands in its place. */
type ItemList = { pages: Pages; limit: number | undefined } | { refused: INodeExecutionData };

async function emitLists(
	ctx: IExecuteFunctions,
	count: number,
	listOf: (itemIndex: number) => ItemList,
	failed: (error: unknown, itemIndex: number) => ExecutionBaseError,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const list = listOf(itemIndex);
			if ('refused' in list) {
				out.push(list.refused);
				continue;
			}
			// Page by page: an item at a time would be a trip through two async generators for each item.
			for await (const page of readPages(list.pages, list.limit)) for (const json of page) out.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = failed(error, itemIndex);
			if (!ctx.continueOnFail()) throw failure;
			out.push(errorItem(failure, itemIndex));
		}
	}
	return out;
}

/**
 * The reads of operations that send no message (Sociocs' lists, searches, cancels,
 * reschedules), whose requests are all known before the first one is sent: an item's
 * `requests` go out in order and each answer gives its `rows`.
 */
export interface Reading {
	/** Sent one after another, in order; no more are sent once `limit` rows are in. */
	requests: ApiRequest[];
	/** The output rows of one answer. */
	rows(response: unknown, request: ApiRequest): IDataObject[];
	/** At most this many rows for the item (undefined: all). */
	limit?: number;
}

export type BuildReading = (this: IExecuteFunctions, itemIndex: number) => Promise<Reading> | Reading;

/** Requests of one item under way at once when all rows are wanted (reads only: nothing is sent twice by reading ahead). */
export const READ_AHEAD = 3;

/**
 * A list of known requests, an answer a page, in order. With Return All every request is
 * needed, so the next ones go out while one is answered (up to READ_AHEAD at once, started in
 * order, their pages kept in order; the first failure ends the list). With a Limit, one at a
 * time, and none once the Limit is reached.
 */
export function requestPages(source: ListSource, requests: ApiRequest[], rows: Reading['rows']): Pages {
	const send = async (request: ApiRequest) => rows(await apiRequest(source.ctx, source.api, request, source.itemIndex), request);
	return async function* (remaining) {
		if (remaining() !== undefined) {
			for (const request of requests) yield await send(request);
			return;
		}
		const pending: Array<Promise<IDataObject[]>> = [];
		let next = 0;
		const startNext = () => {
			if (next < requests.length) pending.push(send(requests[next++]));
		};
		for (let i = 0; i < READ_AHEAD; i++) startNext();
		try {
			while (pending.length) {
				const page = await pending[0];
				pending.shift();
				startNext();
				yield page;
			}
		} finally {
			// Answers still under way after a failure are waited for, never left unhandled.
			await Promise.allSettled(pending);
		}
	};
}

const VERDICT = /^(?:Not delivered|May have been delivered): /;

/** A read's error says what happened to the request, not to a message. */
function withoutVerdict(error: ExecutionBaseError): ExecutionBaseError {
	delete error.context.delivery;
	if (error.description) error.description = error.description.replace(VERDICT, '');
	return error;
}

/**
 * The output of `Reading`s: every item is read and checked first (buildEach), then each item's
 * requests go out and its rows become output rows, in order, each paired with the item. Their
 * errors carry no delivery verdict: nothing they do delivers a message.
 */
export async function emitReadings(ctx: IExecuteFunctions, api: Api, build: BuildReading): Promise<INodeExecutionData[]> {
	const { built, refused } = await buildEach(ctx, build);
	const listOf = (itemIndex: number): ItemList => {
		const reading = built[itemIndex];
		if (!reading) return { refused: refused[itemIndex] };
		return { pages: requestPages({ ctx, api, itemIndex }, reading.requests, reading.rows), limit: reading.limit };
	};
	return await emitLists(ctx, built.length, listOf, (error, itemIndex) => {
		const failure = withoutVerdict(asItemError(ctx, error, itemIndex));
		if (itemIndex > 0 && !ctx.continueOnFail()) {
			const done = `Items 0 to ${itemIndex - 1} were done before the node stopped at item ${itemIndex}.`;
			failure.description = failure.description ? `${failure.description}\n\n${done}` : done;
		}
		return failure;
	});
}
