import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { openInbox } from '../v2/api';
import { withQuery } from '../v2/lists';
import type { Query } from '../v2/lists';

/** Dropdowns of the version-2 operations, over API v2's lists (`{ data, nextCursor }`). */

async function page(ctx: ILoadOptionsFunctions, path: string, query: Query, cursor?: string) {
	const api = await openInbox(ctx, undefined, 2);
	const all: Query = [...query, ['limit', '100']];
	if (cursor) all.push(['cursor', cursor]);
	const body = (await apiRequest(ctx, api, { method: 'GET', path: withQuery(path, all) })) as IDataObject;
	const data = (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
	const next = typeof body?.nextCursor === 'string' && body.nextCursor ? body.nextCursor : undefined;
	return { data, next };
}

function threadLabel(thread: IDataObject): string {
	const profile = (thread.profile ?? {}) as IDataObject;
	const who = [profile.displayName, profile.username ? `@${String(profile.username)}` : ''].filter(Boolean).join(' ');
	const preview = String(((thread.activity ?? {}) as IDataObject).preview ?? '').replace(/\s+/g, ' ').trim();
	const text = preview.length > 60 ? `${preview.slice(0, 60)}…` : preview;
	return [who || String(thread.id), text].filter(Boolean).join(': ');
}

/** Threads, newest first; v2 searches them itself (`q`). */
export async function searchThreadsV2(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query: Query = [['expand', 'profile']];
	if (filter?.trim()) query.push(['q', filter.trim()]);
	const { data, next } = await page(this, '/threads', query, paginationToken);
	return { results: data.map((thread) => ({ name: threadLabel(thread), value: String(thread.id) })), paginationToken: next };
}

/** The team's connected accounts, to send from. */
export async function searchAccountLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { data, next } = await page(this, '/account-links', [], paginationToken);
	const needle = filter?.trim().toLowerCase().replace(/^@/, '');
	const results = data
		.map((link) => {
			const status = link.status && link.status !== 'active' ? ` (${String(link.status)})` : '';
			const name = `${String(link.displayName ?? link.username ?? link.id)} @${String(link.username ?? '')} · ${String(link.platform ?? '')}${status}`;
			return { name, value: String(link.id) };
		})
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle);
	return { results, paginationToken: next };
}
