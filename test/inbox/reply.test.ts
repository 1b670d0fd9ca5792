import type { IDataObject } from 'n8n-workflow';

import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { expectNoSecret, expectRejectedBeforeSending, jsonOf, pairedIndexes } from '../helpers/assertions';
import { listSearch, runNode, testCredential } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';

const TOKEN = 'inbox_tok_9f8e7d6c5b4a';
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

function inbox(parameters: Record<string, unknown> = {}, extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return {
		type: new Inbox(),
		parameters: {
			resource: 'thread',
			operation: 'reply',
			threadId: { __rl: true, mode: 'id', value: '={{ $json.thread }}' },
			content: '={{ $json.text }}',
			...parameters,
		} as NodeUnderTest['parameters'],
		credentials: { omnichannelInboxApi: { apiToken: TOKEN, baseUrl: `${api.urls.inbox}/` } },
		...extra,
	};
}

describe('Inbox > Reply to Thread: requests', () => {
	test('sends the exact request and outputs the message the API returns', async () => {
		const result = await runNode(inbox(), [{ thread: 'abc123', text: 'Hello there' }]);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/inbox/api/v1/threads/abc123/messages');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ content: 'Hello there' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ threadId: 'abc123', content: 'Hello there', id: 'm1' });
		expect(pairedIndexes(result.items)).toEqual([0]);
	});

	test('"From List" mode and Reply To Message ID', async () => {
		const result = await runNode(
			inbox({
				threadId: { __rl: true, mode: 'list', value: 't2', cachedResultName: 'Grace Hopper' },
				content: 'Following up',
				options: { replyToMessageId: 'msg42' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => [r.path, r.body])).toEqual([
			['/inbox/api/v1/threads/t2/messages', { content: 'Following up', replyToMessageId: 'msg42' }],
		]);
		expect(result.items[0].json.replyData).toEqual({ messageId: 'msg42' });
	});

	test('many items: one request each, output in input order with pairedItem', async () => {
		const input = Array.from({ length: 12 }, (_, i) => ({ thread: `t${i % 3}`, text: `n${i}` }));
		const result = await runNode(inbox(), input);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(12);
		expect(jsonOf(result.items).map((json) => json.content)).toEqual(input.map((i) => i.text));
		expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));
		// Messages of one thread arrived in the order of the input.
		for (const thread of ['t0', 't1', 't2']) {
			const sent = api.requests.filter((r) => r.path.includes(`/threads/${thread}/`)).map((r) => r.body.content);
			expect(sent).toEqual(input.filter((i) => i.thread === thread).map((i) => i.text));
		}
	});
});

describe('Inbox > Reply to Thread: validation, before anything is sent', () => {
	const cases: Array<[string, Record<string, unknown>, IDataObject, RegExp]> = [
		['empty content', {}, { thread: 'abc', text: '' }, /Invalid "Content" in item 0: expected at least 1 character of text; it is empty/],
		['whitespace-only content', {}, { thread: 'abc', text: '   \n ' }, /Invalid "Content" in item 0: expected at least 1 character/],
		['thread ID with capitals and dashes', {}, { thread: 'AB-12', text: 'x' }, /Invalid "Thread" in item 0: expected an Inbox ID of lowercase letters and digits only \(\^\[0-9a-z\]\+\$\); got "AB-12"/],
		['empty thread', {}, { thread: '', text: 'x' }, /Invalid "Thread" in item 0: .*it is empty/],
		// n8n itself refuses a required locator left empty, before the node runs.
		['no thread picked from the list', { threadId: { __rl: true, mode: 'list', value: '' } }, { text: 'x' }, /Parameter "Thread" is required/],
		['bad Reply To Message ID', { options: { replyToMessageId: 'not valid!' } }, { thread: 'abc', text: 'x' }, /Invalid "Reply To Message ID" in item 0: .*got "not valid!"/],
	];
	test.each(cases)('%s', async (_name, parameters, json, message) => {
		const result = await runNode(inbox(parameters), [json]);
		expectRejectedBeforeSending(result, api, message);
	});

	test('one bad item among good ones stops the node before any request, naming the item', async () => {
		const result = await runNode(inbox(), [
			{ thread: 'abc', text: 'fine' },
			{ thread: 'abc', text: 'fine too' },
			{ thread: 'abc', text: '' },
		]);
		expectRejectedBeforeSending(result, api, /item 2/);
		expect(result.error?.context?.itemIndex).toBe(2);
	});

	test('Continue On Fail: good items are sent, bad ones come back as error items in place', async () => {
		const result = await runNode(inbox({}, { continueOnFail: true }), [
			{ thread: 'abc', text: 'first' },
			{ thread: 'abc', text: '' },
			{ thread: 'def', text: 'third' },
			{ thread: 'Nope!', text: 'fourth' },
		]);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.body.content)).toEqual(['first', 'third']);
		const out = jsonOf(result.items);
		expect(out).toHaveLength(4);
		expect(out[0]).toMatchObject({ content: 'first' });
		expect(out[1].error).toMatch(/Invalid "Content" in item 1/);
		expect(out[2]).toMatchObject({ content: 'third' });
		expect(out[3].error).toMatch(/Invalid "Thread" in item 3.*got "Nope!"/);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3]);
	});
});

describe('Inbox > Reply to Thread: API failures', () => {
	test('a vendor error keeps the vendor\'s words and the status, and is not retried', async () => {
		api.once({ method: 'POST' }, { status: 404, body: { message: 'Thread not found' } });
		const result = await runNode(inbox(), [{ thread: 'gone1', text: 'hi' }]);
		expect(result.error?.message).toBe('Thread not found');
		expect(result.error?.description).toMatch(/^Not delivered: Inbox answered HTTP 404 to POST \/threads\/gone1\/messages/);
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect(api.requests).toHaveLength(1);
	});

	test('401 names the credential as the thing to check', async () => {
		api.once({ method: 'POST' }, { status: 401, body: { error: 'Invalid API token' } });
		const result = await runNode(inbox(), [{ thread: 'abc', text: 'hi' }]);
		expect(result.error?.message).toBe('Invalid API token');
		expect(result.error?.description).toMatch(/Check the Inbox credential/);
	});

	test('429 with Retry-After is waited out, then the message goes once', async () => {
		api.once({ method: 'POST' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
		const started = Date.now();
		const result = await runNode(inbox(), [{ thread: 'abc', text: 'patient' }]);
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(api.requests.map((r) => r.outcome)).toEqual(['refused', 'processed']);
		expect(result.items[0].json.content).toBe('patient');
	});

	test('an item waiting out a 429 gives up its concurrency place meanwhile: the next thread\'s message goes first', async () => {
		api.once({ method: 'POST' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
		const result = await runNode(inbox({ options: { concurrency: 1 } }), [
			{ thread: 'abc', text: 'waits' },
			{ thread: 'def', text: 'meanwhile' },
		]);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => `${r.body.content} ${r.outcome}`)).toEqual(['waits refused', 'meanwhile processed', 'waits processed']);
		expect(jsonOf(result.items).map((item) => item.content)).toEqual(['waits', 'meanwhile']);
	});

	test('a timeout is reported as possibly delivered and NOT retried', async () => {
		api.once({ method: 'POST' }, { status: 200, delayMs: 1500, body: { id: 'late' } });
		const result = await runNode(inbox({ options: { timeout: 1 } }), [{ thread: 'abc', text: 'slow' }]);
		expect(result.error?.message).toBe('Inbox did not answer within 1000 ms');
		expect(result.error?.description).toMatch(/^May have been delivered/);
		expect(result.error?.description).toMatch(/not retried automatically/);
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(api.requests).toHaveLength(1);
	});

	test('a 500 is reported as possibly delivered and NOT retried', async () => {
		api.once({ method: 'POST' }, { status: 500, body: { message: 'Internal error' } });
		const result = await runNode(inbox(), [{ thread: 'abc', text: 'x' }]);
		expect(result.error?.message).toBe('Internal error');
		expect(result.error?.description).toMatch(/^May have been delivered: Inbox answered HTTP 500/);
		expect(api.requests).toHaveLength(1);
	});

	test('a connection dropped after the request was read is NOT retried', async () => {
		api.once({ method: 'POST' }, { drop: true });
		const result = await runNode(inbox(), [{ thread: 'abc', text: 'x' }]);
		expect(result.error?.message).toMatch(/^The connection to Inbox failed after the request was sent/);
		expect(api.requests).toHaveLength(1);
	});

	test('a refused connection is reported as not delivered', async () => {
		const closed = await startMockApi();
		const url = closed.urls.inbox;
		await closed.close();
		const result = await runNode(
			{ ...inbox(), credentials: { omnichannelInboxApi: { apiToken: TOKEN, baseUrl: url } } },
			[{ thread: 'abc', text: 'x' }],
		);
		expect(result.error?.message).toBe('Could not connect to Inbox (ECONNREFUSED)');
		expect(result.error?.description).toMatch(/^Not delivered/);
	});

	test('without Continue On Fail the error tells how many items were delivered', async () => {
		api.on((r) => r.body?.content === 'bad', { status: 400, body: { message: 'Content rejected' } });
		const result = await runNode(inbox({ options: { concurrency: 1 } }), [
			{ thread: 'abc', text: 'ok1' },
			{ thread: 'abc', text: 'bad' },
			{ thread: 'abc', text: 'never' },
		]);
		expect(result.error?.message).toBe('Content rejected');
		expect(result.error?.description).toMatch(/1 of 3 items were delivered before the node stopped, 2 were not delivered/);
		expect(api.requests.map((r) => r.body.content)).toEqual(['ok1', 'bad']);
	});

	test('two items failing together without Continue On Fail: the node stops with the first item\'s error, whichever answered first', async () => {
		api.on((r) => r.body?.content === 'first', { status: 400, delayMs: 200, body: { message: 'First rejected' } });
		api.on((r) => r.body?.content === 'second', { status: 400, body: { message: 'Second rejected' } });
		const result = await runNode(inbox({ options: { concurrency: 2 } }), [
			{ thread: 'abc', text: 'first' },
			{ thread: 'def', text: 'second' },
		]);
		expect(result.error?.message).toBe('First rejected');
		expect(result.error?.description).toMatch(/0 of 2 items were delivered before the node stopped, 2 were not delivered/);
		expect(api.requests).toHaveLength(2);
	});

	test('the token appears in no output, error or description, even when the API echoes it', async () => {
		api.once({ method: 'POST' }, { status: 401, body: { message: `Token ${TOKEN} is revoked` } });
		api.once({ method: 'POST' }, { status: 500, body: `upstream said: ${TOKEN}` });
		const result = await runNode(inbox({}, { continueOnFail: true }), [
			{ thread: 'abc', text: 'a' },
			{ thread: 'abc', text: 'b' },
			{ thread: 'abc', text: 'c' },
		]);
		expect(api.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
		expect(jsonOf(result.items)[0].error).toBe('Token [redacted] is revoked');
		expectNoSecret(result, TOKEN);
	});
});

describe('Inbox: thread list and credential test', () => {
	test('lists threads labelled by person and last message, paging with nextCursor', async () => {
		const subject = inbox();
		const first = await listSearch(subject, 'searchThreads');
		expect(first.results).toEqual([
			{ name: 'Ada Lovelace (@ada): Last message in t1', value: 't1' },
			{ name: 'Grace Hopper (@grace): Last message in t2', value: 't2' },
		]);
		const second = await listSearch(subject, 'searchThreads', undefined, first.paginationToken);
		expect(second.results.map((r) => r.value)).toEqual(['t3', 't4']);
		const third = await listSearch(subject, 'searchThreads', undefined, second.paginationToken);
		expect(third.results.map((r) => r.value)).toEqual(['t5']);
		expect(third.paginationToken).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursorId: 't2', cursorTimestamp: '2026-11-20T00:00:00.000Z' },
			{ limit: '100', cursorId: 't4', cursorTimestamp: '2026-11-10T00:00:00.000Z' },
		]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	});

	test('the search text filters by name or handle', async () => {
		const found = await listSearch(inbox(), 'searchThreads', 'grace');
		expect(found.results).toEqual([{ name: 'Grace Hopper (@grace): Last message in t2', value: 't2' }]);
	});

	test('a search reads on until a page has a match: a name on page 3 is found', async () => {
		const found = await listSearch(inbox(), 'searchThreads', 'Barbara');
		expect(found).toEqual({ results: [{ name: 'Barbara Liskov (@barbara): Last message in t5', value: 't5' }], paginationToken: undefined });
		expect(api.requests.map((r) => r.query.cursorId)).toEqual([undefined, 't2', 't4']);
	});

	test('a search with no match stops after 10 pages (1,000 threads) and can be scrolled on', async () => {
		let n = 0;
		api.on({ path: '/inbox/api/v1/threads' }, () => {
			n++;
			return {
				status: 200,
				body: {
					threads: [{ id: `x${n}`, prospect: { name: `Person ${n}` }, lastMessage: { content: 'hi' } }],
					nextCursor: { id: `x${n}`, timestamp: '2026-11-01T00:00:00.000Z' },
				},
			};
		});
		const found = await listSearch(inbox(), 'searchThreads', 'nobody');
		expect(found).toEqual({ results: [], paginationToken: JSON.stringify({ id: 'x10', timestamp: '2026-11-01T00:00:00.000Z' }) });
		expect(api.requests).toHaveLength(10);
		const more = await listSearch(inbox(), 'searchThreads', 'Person 12', found.paginationToken);
		expect(more.results).toEqual([{ name: 'Person 12: hi', value: 'x12' }]);
		expect(api.requests[10].query.cursorId).toBe('x10');
	});

	test('the picker\'s hint says how far back a search looks', () => {
		const thread = new Inbox().description.properties.find((p) => p.name === 'threadId');
		expect(thread?.hint).toMatch(/up to 1,000 threads \(10 pages of 100\) back/);
	});

	test('a vendor error in the list is shown with the vendor\'s words', async () => {
		api.once({ path: '/inbox/api/v1/threads' }, { status: 403, body: { message: 'Missing scope threads:read' } });
		await expect(listSearch(inbox(), 'searchThreads')).rejects.toThrow('Missing scope threads:read');
	});

	test('credential test: GET /team with the bearer token', async () => {
		const ok = await testCredential('omnichannelInboxApi', { apiToken: TOKEN, baseUrl: api.urls.inbox });
		expect(ok).toEqual({ status: 'OK', body: expect.objectContaining({ id: 'team1', name: 'Acme' }) });
		expect(api.requests[0].path).toBe('/inbox/api/v1/team');
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

		api.on({ path: '/inbox/api/v1/team' }, { status: 401, body: { message: 'bad token' } });
		const bad = await testCredential('omnichannelInboxApi', { apiToken: 'wrong', baseUrl: api.urls.inbox });
		expect(bad).toMatchObject({ status: 'Error', httpStatus: 401 });
	});
});
