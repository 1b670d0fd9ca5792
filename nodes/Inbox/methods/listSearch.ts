import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import type { Api } from '../../shared/transport';
import { openInbox } from '../v2/api';

interface Thread {
	id: string;
	platform?: string;
	lastMessage?: unknown;
	prospect?: { name?: string; username?: string; displayName?: string } | null;
}

function lastMessageText(message: unknown): string {
	if (typeof message === 'string') return message;
	if (message && typeof message === 'object') {
		const { content, text } = message as IDataObject;
		if (typeof content === 'string') return content;
		if (typeof text === 'string') return text;
	}
	return '';
}

function label(thread: Thread): string {
	const who = thread.prospect?.name || thread.prospect?.displayName;
	const handle = thread.prospect?.username ? `@${thread.prospect.username}` : '';
	const person = [who, handle && (who ? `(${handle})` : handle)].filter(Boolean).join(' ') || thread.id;
	const last = lastMessageText(thread.lastMessage).replace(/\s+/g, ' ').trim();
	return last ? `${person}: ${last.length > 60 ? `${last.slice(0, 60)}…` : last}` : person;
}

/** Threads of one page of GET /threads, and the cursor of the next. */
async function page(ctx: ILoadOptionsFunctions, api: Api, cursor?: string) {
	const qs: IDataObject = { limit: PAGE_SIZE };
	if (cursor) {
		const { id, timestamp } = JSON.parse(cursor) as { id: string; timestamp: string };
		qs.cursorId = id;
		qs.cursorTimestamp = timestamp;
	}
	const answer = (await apiRequest(ctx, api, { method: 'GET', path: '/threads', qs })) as {
		threads?: Thread[];
		nextCursor?: { id: string; timestamp: string | number } | null;
	};
	return { threads: answer.threads ?? [], next: answer.nextCursor ? JSON.stringify(answer.nextCursor) : undefined };
}

/** Inbox's API cannot search threads: a search reads this many pages of 100 for matches before it answers. */
export const SEARCH_PAGES = 10;
const PAGE_SIZE = 100;

/**
 * Threads, newest first, 100 a page. A search text matches the person's name, handle or last
 * message; as the API lists threads but cannot search them, pages are read until one has a
 * match or SEARCH_PAGES pages (1,000 threads) were read; scrolling goes on from there.
 */
export async function searchThreads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await openInbox(this, undefined, 1);
	const needle = filter?.trim().toLowerCase();
	let cursor = paginationToken;
	for (let read = 0; ; ) {
		const { threads, next } = await page(this, api, cursor);
		read++;
		const results = threads
			.map((thread) => ({ name: label(thread), value: thread.id }))
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle);
		cursor = next;
		if (results.length || !needle || !next || read >= SEARCH_PAGES) return { results, paginationToken: next };
	}
}
