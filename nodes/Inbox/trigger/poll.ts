import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import type { Api } from '../../shared/transport';
import { apiVersionOf, openInbox } from '../v2/api';
import { eventName } from './events';

/**
 * Polling `GET /events?afterSeq=` (Inbox keeps 7 days). Events are numbered (`seq`) in order,
 * so "after the last seq we emitted" is exactly "new": nothing twice, nothing skipped. The
 * last seq is kept in the node's static data and moved on only after a poll has read every
 * page, so a poll that fails half-way is simply read again next time.
 */

export const PAGE_SIZE = 1000;

export interface PollState extends IDataObject {
	lastSeq?: number;
}

interface Page {
	events: IDataObject[];
	hasMore: boolean;
	lastSeq: number;
}

async function page(ctx: IPollFunctions, api: Api, afterSeq: number): Promise<Page> {
	const body = (await apiRequest(ctx, api, {
		method: 'GET',
		path: '/events',
		qs: { afterSeq, limit: PAGE_SIZE },
	})) as IDataObject | undefined;
	// v1 lists the page in `events`, v2 in `data`.
	const list = apiVersionOf(ctx) === 2 ? body?.data : body?.events;
	const events = (Array.isArray(list) ? list : []) as IDataObject[];
	const fresh = events.filter((event) => Number(event.seq) > afterSeq);
	const seen = Math.max(afterSeq, ...fresh.map((event) => Number(event.seq)).filter(Number.isFinite));
	const lastSeq = Number.isFinite(Number(body?.lastSeq)) ? Math.max(seen, Number(body?.lastSeq)) : seen;
	return { events: fresh, hasMore: body?.hasMore === true, lastSeq };
}

/** Every event after `afterSeq`, page by page, and the seq to continue from. */
export async function readAfter(
	ctx: IPollFunctions,
	afterSeq: number,
	keep: (event: IDataObject) => boolean,
): Promise<{ events: IDataObject[]; lastSeq: number }> {
	const api = await openInbox(ctx);
	const kept: IDataObject[] = [];
	let cursor = afterSeq;
	for (;;) {
		const next = await page(ctx, api, cursor);
		kept.push(...next.events.filter(keep));
		// A page that does not move the cursor would be asked for forever: stop there.
		const moved = next.lastSeq > cursor;
		cursor = next.lastSeq;
		if (!next.hasMore || !moved) break;
	}
	return { events: kept, lastSeq: cursor };
}

export const wants = (types: string[]) => (event: IDataObject) => types.includes(eventName(event));
