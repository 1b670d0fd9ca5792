import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse } from '../mock/mockApi';

/**
 * The one error mapper (nodes/shared/errors.ts), seen from the output: what the vendor said,
 * whatever shape its error body has, is the item's `error`, readable and bounded; secrets are
 * redacted, and a failure without an HTTP answer carries no httpCode. Run through the Inbox
 * node; the three nodes share the mapper.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const FALLBACK = 'Inbox rejected the request (HTTP 400)';

function inbox(apiToken = 'inbox_tok_9f8e7d6c5b4a', continueOnFail = true): NodeUnderTest {
	return {
		type: new Inbox(),
		parameters: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: 'abc123' }, content: 'Hello' },
		credentials: { omnichannelInboxApi: { apiToken, baseUrl: api.urls.inbox } },
		continueOnFail,
	};
}

async function errorItemFor(response: MockResponse, apiToken?: string) {
	api.once({ method: 'POST' }, response);
	const result = await runNode(inbox(apiToken), [{}]);
	expect(result.error).toBeUndefined();
	const [item] = jsonOf(result.items);
	expect(typeof item.error).toBe('string');
	return item;
}

const LONG = 'x'.repeat(600);

const said: Array<[string, unknown, string]> = [
	['plain text, whitespace folded', '  Bad\n\n  gateway\tfrom   the   proxy ', 'Bad gateway from the proxy'],
	['plain text of exactly 500 characters, whole', 'y'.repeat(500), 'y'.repeat(500)],
	['plain text over 500 characters, cut at 500', LONG, `${'x'.repeat(500)}…`],
	['Sociocs errors [{ msg }], joined', { errors: [{ msg: 'First' }, { msg: 'Second' }] }, 'First; Second'],
	['errors with null, numbers, blanks and entries without text skipped', { errors: [null, 7, { code: 1 }, { msg: '  ' }, '', { message: 'Kept' }] }, 'Kept'],
	['errors of strings', { errors: ['one', 'two'] }, 'one; two'],
	['errors with nothing usable: the next field speaks', { errors: [{ code: 5 }], message: 'From message' }, 'From message'],
	['HighLevel message: string[]', { message: ['Field a is wrong', 'Field b is wrong'] }, 'Field a is wrong; Field b is wrong'],
	['message: [] with an error field', { message: [], error: 'From error' }, 'From error'],
	['a blank message, then error', { message: '   ', error: 'From error' }, 'From error'],
	['message: null, then error', { message: null, error: 'From error' }, 'From error'],
	['error: string', { error: 'From error' }, 'From error'],
	['detail: string', { detail: 'From detail' }, 'From detail'],
	['title: string', { title: 'From title' }, 'From title'],
	['error: { message }', { error: { message: 'Nested words' } }, 'Nested words'],
	['error: { code } without a message, then detail', { error: { code: 9 }, detail: 'From detail' }, 'From detail'],
	['a vendor message folded and cut too', { message: `  many\n\nlines ${LONG}` }, `many lines ${'x'.repeat(489)}…`],
];

describe('the vendor\'s words are the error, whatever the body\'s shape', () => {
	test.each(said)('%s', async (_what, body, expected) => {
		const item = await errorItemFor({ status: 400, body });
		expect(item.error).toBe(expected);
		expect(item.httpCode).toBe('400');
	});

	const silent: Array<[string, unknown]> = [
		['an empty text', ''],
		['a text of spaces', '  \n\t '],
		['JSON null', null],
		['a JSON number', 42],
		['an object without any message field', { code: 'E1', status: 'failed' }],
		['message and error that are not text', { message: 5, error: { code: 1 } }],
	];
	test.each(silent)('%s: our own words, with the status', async (_what, body) => {
		const item = await errorItemFor({
			status: 400,
			body: body === null ? 'null' : body,
			headers: body === null ? { 'content-type': 'application/json' } : undefined,
		});
		expect(item.error).toBe(FALLBACK);
	});
});

describe('a field that is wrong, before anything is sent', () => {
	test.each([
		['null', null],
		['an empty text', ''],
		['spaces', '   '],
	])('given as %s by an expression: named, said to be empty, with what to do', async (_what, value) => {
		const result = await runNode({ ...inbox(), parameters: { ...inbox().parameters, content: '={{ $json.content }}' } }, [
			{ content: 'fine' },
			{ content: value },
		]);
		expect(api.requests).toHaveLength(1);
		expect(jsonOf(result.items)[1]).toEqual({
			error: 'Invalid "Content" in item 1: expected at least 1 character of text; it is empty',
			description: 'Nothing was sent for item 1. Fix "Content" and run the node again.',
		});
	});
});

describe('secrets in what the vendor says', () => {
	test('a secret of 4 characters or more is redacted wherever it appears', async () => {
		const item = await errorItemFor({ status: 401, body: { message: 'token k3y9 is revoked; k3y9 again' } }, 'k3y9');
		expect(item.error).toBe('token [redacted] is revoked; [redacted] again');
	});

	test('a credential value of 3 characters is not looked for: redacting it would garble the text', async () => {
		const item = await errorItemFor({ status: 401, body: { message: 'the key abc is revoked' } }, 'abc');
		expect(item.error).toBe('the key abc is revoked');
	});
});

describe('what the error carries besides its text', () => {
	test('a failure without an HTTP answer has no httpCode', async () => {
		const item = await errorItemFor({ drop: true });
		expect(item.delivery).toBe('unknown');
		expect(item).not.toHaveProperty('httpCode');
	});

	test('without Continue On Fail, the error keeps the vendor\'s words, the status and the body, redacted', async () => {
		api.once({ method: 'POST' }, { status: 422, body: { message: 'Token inbox_tok_9f8e7d6c5b4a cannot post here' } });
		const result = await runNode(inbox(undefined, false), [{}]);
		const error = result.error as unknown as { message: string; httpCode: string; messages: string[]; errorResponse: Record<string, unknown> };
		expect(error.message).toBe('Token [redacted] cannot post here');
		expect(error.httpCode).toBe('422');
		expect(error.messages).toEqual(['Token [redacted] cannot post here']);
		expect(error.errorResponse).toMatchObject({
			message: 'Token [redacted] cannot post here',
			httpCode: '422',
			body: { message: 'Token [redacted] cannot post here' },
		});
	});

	test('without an HTTP answer, the error has no status anywhere', async () => {
		api.once({ method: 'POST' }, { drop: true });
		const result = await runNode(inbox(undefined, false), [{}]);
		const error = result.error as unknown as { httpCode: unknown; errorResponse: Record<string, unknown> };
		expect(error.httpCode).toBeNull();
		expect(error.errorResponse).not.toHaveProperty('httpCode');
	});
});
