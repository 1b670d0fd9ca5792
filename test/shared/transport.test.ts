import type { IDataObject } from 'n8n-workflow';

import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { idProof, isRateLimited, retryAfterMs } from '../../nodes/shared/transport';
import { jsonOf } from '../helpers/assertions';
import { listSearch, runNode } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

/**
 * The one HTTP path (nodes/shared/transport/): how each kind of answer is judged and told,
 * through the Inbox node (the three nodes share it), and the rules it decides by.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

function inbox(options: IDataObject = {}, baseUrl = api.urls.inbox): NodeUnderTest {
	return {
		type: new Inbox(),
		parameters: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: 'abc123' }, content: 'Hello', options } as NodeUnderTest['parameters'],
		credentials: { omnichannelInboxApi: { apiToken: 'inbox_tok_9f8e7d6c5b4a', baseUrl } },
		continueOnFail: true,
	};
}

async function outcomeOf(response: MockResponse, options?: IDataObject) {
	api.once({ method: 'POST' }, response);
	const result = await runNode(inbox(options), [{}]);
	expect(result.error).toBeUndefined();
	return jsonOf(result.items)[0];
}

const WHERE = 'POST /threads/abc123/messages';

describe('Retry-After and what proves that the API did not process a request', () => {
	const NOW = Date.parse('2026-11-30T12:00:00Z');
	test.each([
		['seconds', { 'retry-after': '2' }, 2000],
		['fractional seconds', { 'retry-after': '0.5' }, 500],
		['a number', { 'retry-after': 4 }, 4000],
		['a list: the first counts', { 'retry-after': ['3', '9'] }, 3000],
		['negative seconds: no wait', { 'retry-after': '-5' }, 0],
		['an HTTP date 10 s ahead', { 'retry-after': new Date(NOW + 10_000).toUTCString() }, 10_000],
		['an HTTP date gone by: no wait', { 'retry-after': new Date(NOW - 10_000).toUTCString() }, 0],
		['blank', { 'retry-after': '  ' }, undefined],
		['neither seconds nor a date', { 'retry-after': 'soon' }, undefined],
		['null', { 'retry-after': null }, undefined],
		['absent', {}, undefined],
	])('Retry-After %s', (_what, headers, expected) => {
		expect(retryAfterMs(headers, NOW)).toBe(expected);
	});

	test.each([
		[429, {}, true],
		[429, { 'retry-after': '1' }, true],
		[503, { 'retry-after': '1' }, true],
		[503, {}, false],
		[503, { 'x-ratelimit-interval-milliseconds': '10000' }, false],
		[500, { 'retry-after': '1' }, false],
		[200, { 'retry-after': '1' }, false],
	])('HTTP %i with %j: refused unprocessed = %s', (status, headers, expected) => {
		expect(isRateLimited(status, headers)).toBe(expected);
	});

	test('a write counts as delivered only with a non-blank text id matching its pattern', () => {
		const proof = idProof('an id', (body) => body.id);
		expect([null, undefined, 'id', 5, {}, { id: '' }, { id: '  ' }, { id: 5 }].map((body) => proof.holds(body))).toEqual(
			new Array(8).fill(false),
		);
		expect(proof.holds({ id: 'm1' })).toBe(true);
		expect(idProof('an id', (body) => body.id, /^m\d+$/).holds({ id: 'x1' })).toBe(false);
	});
});

describe('each refusal says what to check', () => {
	test.each([
		[401, ' Check the Inbox credential.'],
		[403, ' Check the Inbox credential.'],
		[404, ' Check the IDs used (and the credential\'s Base URL).'],
		[400, ''],
		[422, ''],
	])('HTTP %i', async (status, hint) => {
		const item = await outcomeOf({ status, body: { message: 'No' } });
		expect(item).toMatchObject({ error: 'No', httpCode: String(status), delivery: 'no' });
		expect(item.description).toBe(`Not delivered: Inbox answered HTTP ${status} to ${WHERE}.${hint}`);
	});

	test('a server error without words of its own', async () => {
		const item = await outcomeOf({ status: 502, body: '' });
		expect(item).toMatchObject({ error: 'Inbox answered with a server error (HTTP 502)', httpCode: '502', delivery: 'unknown' });
	});

	test('a Sociocs body that reports an error without saying which', async () => {
		api.once({ path: '/sociocs/message' }, { status: 200, body: { status: 'error' } });
		const result = await runNode(
			sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x' }, { continueOnFail: true }),
		);
		expect(jsonOf(result.items)[0]).toMatchObject({
			error: 'Sociocs reported an error',
			description: 'Not delivered: Sociocs answered HTTP 200 to POST /message, and its body reported an error.',
			httpCode: '200',
			delivery: 'no',
		});
	});
});

describe('redirects are reported, never followed for a write', () => {
	test.each([
		[300, undefined, 'unknown', 'Inbox redirected the request (HTTP 300)', `May have been delivered: Inbox answered ${WHERE} with HTTP 300.`],
		[301, '/moved', 'no', 'Inbox redirected the request (HTTP 301) to /moved', `Not delivered: Inbox answered ${WHERE} with HTTP 301, which asks for it to be sent elsewhere.`],
		[302, '/found', 'unknown', 'Inbox redirected the request (HTTP 302) to /found', `May have been delivered: Inbox answered ${WHERE} with HTTP 302.`],
		[308, '/moved', 'no', 'Inbox redirected the request (HTTP 308) to /moved', `Not delivered: Inbox answered ${WHERE} with HTTP 308, which asks for it to be sent elsewhere.`],
	])('HTTP %i', async (status, location, delivery, error, description) => {
		const item = await outcomeOf({ status, headers: location ? { location } : {} });
		expect(api.requests).toHaveLength(1);
		expect(item).toMatchObject({ error, delivery, httpCode: String(status) });
		expect(item.description).toBe(
			`${description} Redirects are not followed, so that a message is never sent a second time to an address you did not set. Check the credential's Base URL.`,
		);
	});

	test('a read (the thread list) follows a redirect', async () => {
		api.once({ method: 'GET' }, { status: 302, headers: { location: '/inbox/api/v1/threads' } });
		const { results } = await listSearch({ ...inbox(), continueOnFail: false }, 'searchThreads');
		expect(api.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 302],
			['GET', 200],
		]);
		expect(results.length).toBeGreaterThan(0);
	});
});

describe('an HTTP 200 that does not confirm the message shows what came back', () => {
	const unconfirmed = (got: string) =>
		`May have been delivered: ${WHERE} was answered HTTP 200, but not with the created message's id; got ${got}. It was not sent again automatically. A proxy or a wrong Base URL in the credential answers like this: check it, and check Inbox before sending again.`;

	test.each([
		['a text, whitespace folded', '  <html>\n\n  Sign   in </html>  ', '"<html> Sign in </html>"'],
		['a long text, its first 80 characters', `${'a'.repeat(70)} ${'b'.repeat(70)}`, `"${'a'.repeat(70)} ${'b'.repeat(9)}"`],
		['an object', { content: 'x' }, '{"content":"x"}'],
		['a long object, its first 200 characters', { content: 'c'.repeat(300) }, `{"content":"${'c'.repeat(188)}`],
	])('%s', async (_what, body, got) => {
		const item = await outcomeOf({ status: 200, body });
		expect(item).toMatchObject({ error: 'Inbox answered HTTP 200 without confirming the message', delivery: 'unknown', httpCode: '200' });
		expect(item.description).toBe(unconfirmed(got));
	});

	test('JSON null', async () => {
		const item = await outcomeOf({ status: 200, body: 'null', headers: { 'content-type': 'application/json' } });
		expect(item.description).toBe(unconfirmed('null'));
	});
});

describe('the credential and the options', () => {
	test('a Base URL ending in several slashes', async () => {
		const result = await runNode(inbox({}, `${api.urls.inbox}///`), [{}]);
		expect(jsonOf(result.items)[0].error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v1/threads/abc123/messages']);
	});

	test('a Retry-After longer than "Max Rate-Limit Wait" fails at once: not delivered, not waited for', async () => {
		const item = await outcomeOf({ status: 429, headers: { 'retry-after': '30' } }, { maxRateLimitWait: 5 });
		expect(api.requests).toHaveLength(1);
		expect(item).toMatchObject({
			error: 'Inbox is still rate limiting after 0 s of waiting',
			description: `Not delivered: ${WHERE} was answered HTTP 429 (rate limit) each time. Raise "Max Rate-Limit Wait" or lower "Max Requests per Second" in the node's options.`,
			httpCode: '429',
			delivery: 'no',
		});
	});
});
