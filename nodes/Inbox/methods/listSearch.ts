import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { INBOX } from '../../shared/services';
import { apiRequest, openApi } from '../../shared/transport';

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

/** Threads, newest first, 100 a page; the filter matches the person's name, handle or last message. */
export async function searchThreads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await openApi(this, INBOX);
	const qs: IDataObject = { limit: 100 };
	if (paginationToken) {
		const { id, timestamp } = JSON.parse(paginationToken) as { id: string; timestamp: string };
		qs.cursorId = id;
		qs.cursorTimestamp = timestamp;
	}
	const page = (await apiRequest(this, api, { method: 'GET', path: '/threads', qs })) as {
		threads?: Thread[];
		nextCursor?: { id: string; timestamp: string | number } | null;
	};
	const needle = filter?.trim().toLowerCase();
	const results = (page.threads ?? [])
		.map((thread) => ({ name: label(thread), value: thread.id }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle);
	return {
		results,
		paginationToken: page.nextCursor ? JSON.stringify(page.nextCursor) : undefined,
	};
}
