import type { IDataObject } from 'n8n-workflow';

import { cursorPages, dateWindows, emitPages, readItems, singlePage, windowsOf } from '../../nodes/shared/transport';
import type { ListSource, Pages } from '../../nodes/shared/transport';
import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse } from '../mock/mockApi';
import { probe, probeNode } from './probe';

/**
 * Lists (nodes/shared/transport/paginate.ts) through n8n's engine against the mock's Inbox
 * thread list (three pages: t1 t2 | t3 t4 | t5, `nextCursor` { id, timestamp }), and the read
 * side of the fault matrix: a 503, a timeout and a lost connection on a page are retried, and
 * no item is output twice.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const THREADS = '/inbox/api/v1/threads';
const reads = () => api.requests.filter((r) => r.path === THREADS);

type Cursor = { id: string; timestamp: string };
const threads = (source: ListSource): Pages =>
	cursorPages<Cursor>(source, {
		request: (cursor, remaining) => ({
			method: 'GET',
			path: '/threads',
			qs: { limit: Math.min(100, remaining ?? 100), ...(cursor ? { cursorId: cursor.id, cursorTimestamp: cursor.timestamp } : {}) },
		}),
		items: (body) => ((body as IDataObject).threads ?? []) as IDataObject[],
		next: (body) => ((body as IDataObject).nextCursor as Cursor | null) ?? undefined,
	});

const lister = probeNode(async function (session) {
	return await emitPages(this, session, threads);
});

async function list(parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) {
	const result = await runNode(probe(api, lister, parameters, continueOnFail), input);
	expect(result.error).toBeUndefined();
	return result;
}
const ids = (items: IDataObject[]) => items.map((item) => item.id);

describe('cursor pages with Return All / Limit', () => {
	test('Return All reads every page, in order, following the cursor', async () => {
		const result = await list({ returnAll: true });
		expect(ids(jsonOf(result.items))).toEqual(['t1', 't2', 't3', 't4', 't5']);
		expect(reads().map((r) => [r.query.cursorId, r.query.limit])).toEqual([
			[undefined, '100'],
			['t2', '100'],
			['t4', '100'],
		]);
		expect(reads()[1].query.cursorTimestamp).toBe('2026-11-20T00:00:00.000Z');
	});

	test('a Limit stops the requests once reached, and asks each page for no more than is still wanted', async () => {
		const result = await list({ returnAll: false, limit: 3 });
		expect(ids(jsonOf(result.items))).toEqual(['t1', 't2', 't3']);
		expect(reads().map((r) => r.query.limit)).toEqual(['3', '1']);
	});

	test('a Limit met by the first page sends one request', async () => {
		await list({ returnAll: false, limit: 2 });
		expect(reads()).toHaveLength(1);
	});

	test('each input item gets its own list, paired with it', async () => {
		const result = await list({ returnAll: false, limit: 1 }, [{}, {}]);
		expect(ids(jsonOf(result.items))).toEqual(['t1', 't1']);
		expect(pairedIndexes(result.items)).toEqual([0, 1]);
	});

	test('a cursor handed back twice ends the list with an error, not a loop', async () => {
		api.on({ path: THREADS }, { status: 200, body: { threads: [{ id: 'x1' }], nextCursor: { id: 'x1', timestamp: 't' } } });
		const result = await list({ returnAll: true }, [{}], true);
		const out = jsonOf(result.items);
		expect(ids(out.slice(0, 2))).toEqual(['x1', 'x1']);
		expect(out[2].error).toBe('Inbox returned the same page cursor twice');
		expect(reads()).toHaveLength(2);
	});

	test('a page that fails ends the list with the read error (Continue On Fail: an error item)', async () => {
		api.on((r) => r.path === THREADS && r.query.cursorId === 't2', { status: 404, body: { message: 'No such cursor' } });
		const result = await list({ returnAll: true }, [{}], true);
		const out = jsonOf(result.items);
		expect(ids(out.slice(0, 2))).toEqual(['t1', 't2']);
		expect(out[2]).toMatchObject({ error: 'No such cursor', httpCode: '404', delivery: 'no' });
	});
});

describe('the fault matrix on reads: retried, and no item twice', () => {
	test.each<[string, MockResponse]>([
		['a 503 without Retry-After', { status: 503, body: 'Service Unavailable' }],
		['a 500', { status: 500, body: { message: 'Internal error' } }],
		['a timeout', { hang: true }],
		['a dropped connection', { drop: true }],
	])('%s on the second page', async (_what, fault) => {
		api.once((r) => r.path === THREADS && r.query.cursorId === 't2', fault);
		const result = await list({ returnAll: true, options: { timeout: 1 } });
		expect(ids(jsonOf(result.items))).toEqual(['t1', 't2', 't3', 't4', 't5']);
		expect(reads().map((r) => r.query.cursorId ?? '-')).toEqual(['-', 't2', 't2', 't4']);
	});

	test('every page failing once, each fault of its own kind', async () => {
		const faults: MockResponse[] = [{ status: 503, body: 'down' }, { hang: true }, { drop: true }];
		const tried = new Set<string>();
		api.on({ path: THREADS }, (r) => {
			const page = r.query.cursorId ?? '';
			if (tried.has(page)) return undefined;
			tried.add(page);
			return faults[tried.size - 1];
		});
		const result = await list({ returnAll: true, options: { timeout: 1 } });
		expect(ids(jsonOf(result.items))).toEqual(['t1', 't2', 't3', 't4', 't5']);
		expect(reads()).toHaveLength(6);
	});

	test('retries run out: the read error is reported after 4 tries', async () => {
		api.on({ path: THREADS }, { status: 503, body: { message: 'still down' } });
		const result = await runNode(probe(api, lister, { returnAll: true }, true), [{}]);
		expect(reads()).toHaveLength(4);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ error: 'still down', httpCode: '503', delivery: 'no' })]);
		expect(jsonOf(result.items)[0].description).toBe(
			`Not read: GET /threads at ${api.urls.inbox} was tried 4 times. A read changes nothing, so it can be run again later.`,
		);
	});
});

describe('date windows and single pages', () => {
	const WINDOWED = '/inbox/api/v1/windowed';

	test('a range is split into windows of at most N days, oldest first, the last one short', () => {
		const from = new Date('2026-01-01T00:00:00Z');
		const windows = windowsOf({ from, to: new Date('2026-03-12T00:00:00Z') }, 31);
		expect(windows.map((w) => [w.from.toISOString().slice(0, 10), w.to.toISOString().slice(0, 10)])).toEqual([
			['2026-01-01', '2026-02-01'],
			['2026-02-01', '2026-03-04'],
			['2026-03-04', '2026-03-12'],
		]);
		expect(windowsOf({ from, to: from }, 31)).toEqual([]);
	});

	const windowed = probeNode(async function (session) {
		return await emitPages(this, session, (source) =>
			dateWindows({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-12T00:00:00Z') }, 31, (window) =>
				singlePage(source, { method: 'GET', path: '/windowed', qs: { from: window.from.toISOString(), to: window.to.toISOString() } }, (body) => (body as IDataObject).data as IDataObject[]),
			),
		);
	});

	test('each window is read in order, through the Limit', async () => {
		api.on({ path: WINDOWED }, (r) => ({ status: 200, body: { data: [{ from: r.query.from.slice(0, 10) }, { from: r.query.from.slice(0, 10), second: true }] } }));
		const all = jsonOf((await runNode(probe(api, windowed, { returnAll: true }), [{}])).items);
		expect(all.map((item) => item.from)).toEqual(['2026-01-01', '2026-01-01', '2026-02-01', '2026-02-01', '2026-03-04', '2026-03-04']);
		api.requests.length = 0;
		const three = jsonOf((await runNode(probe(api, windowed, { returnAll: false, limit: 3 }), [{}])).items);
		expect(three).toHaveLength(3);
		expect(api.requests.map((r) => r.query.to.slice(0, 10))).toEqual(['2026-02-01', '2026-03-04']);
	});
});

test('pages are asked for only as their items are taken (nothing read ahead, nothing kept)', async () => {
	let made = 0;
	const pages: Pages = async function* (remaining) {
		for (let page = 0; page < 100; page++) {
			made++;
			yield [{ page, remaining: remaining() ?? -1 }];
		}
	};
	const taken: IDataObject[] = [];
	for await (const item of readItems(pages, 3)) {
		taken.push(item);
		expect(made).toBe(taken.length);
	}
	expect(taken).toEqual([
		{ page: 0, remaining: 3 },
		{ page: 1, remaining: 2 },
		{ page: 2, remaining: 1 },
	]);
	expect(made).toBe(3);
});
