/** The strict mock of Inbox API v2 refuses what the sheet refuses, and keeps idempotency as Inbox does. */
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token = 'team_a_token') {
	const res = await fetch(`${api.urls.inbox2}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body ? JSON.stringify(body) : undefined,
	});
	return { status: res.status, body: (await res.json()) as Record<string, any>, requestId: res.headers.get('x-request-id') };
}
const send = (body: unknown, key?: string, token?: string) => call('POST', '/messages', body, key ? { 'idempotency-key': key } : {}, token);
const reply = (content: string) => ({ target: { type: 'thread', threadId: 't1' }, content });

test('errors carry code, message, details and requestId (also in X-Request-Id)', async () => {
	const answer = await call('GET', '/threads/zz9');
	expect(answer.status).toBe(404);
	expect(answer.body).toEqual({ code: 'threadNotFound', message: 'Thread zz9 not found', details: null, requestId: answer.requestId });
	expect((await call('GET', '/team', undefined, {}, '')).body.code).toBe('unauthorized');
});

test.each([
	['an unknown body field', { ...reply('x'), text: 'x' }, 'text'],
	['no target', { content: 'x' }, 'target'],
	['an unknown target type', { target: { type: 'email', threadId: 't1' }, content: 'x' }, 'target.type'],
	['a contact target without contactId', { target: { type: 'contact', accountLinkId: 'acct1' }, content: 'x' }, 'target.contactId'],
	['a thread target with a contact field', { target: { type: 'thread', threadId: 't1', contactId: 'c1' }, content: 'x' }, 'target.contactId'],
	['a profile target without platform', { target: { type: 'profile', accountLinkId: 'acct1', platformId: '1' }, content: 'x' }, 'target.platform'],
	['empty content', reply(''), 'content'],
	['a bad reply-to id', { ...reply('x'), replyToMessageId: 'A-1' }, 'replyToMessageId'],
])('POST /messages refuses %s (400 invalidRequest, the path named), and nothing is sent', async (_name, body, path) => {
	const answer = await send(body);
	expect(answer.status).toBe(400);
	expect(answer.body.code).toBe('invalidRequest');
	expect(answer.body.details.issues.map((i: { path: string }) => i.path)).toContain(path);
	expect(api.inboxV2.sends).toHaveLength(0);
});

test('an Idempotency-Key outside 1-255 printable ASCII is refused', async () => {
	expect((await send(reply('x'), 'k'.repeat(256))).body.details.issues[0].path).toBe('Idempotency-Key');
});

test('idempotency per team: same key and body replays (200, same message), other body 422, another team sends anew', async () => {
	const first = await send(reply('hello'), 'key1');
	expect(first.status).toBe(201);
	const again = await send(reply('hello'), 'key1');
	expect(again.status).toBe(200);
	expect(again.body).toEqual(first.body);
	const changed = await send(reply('hello!'), 'key1');
	expect([changed.status, changed.body.code]).toEqual([422, 'idempotencyKeyReused']);
	const otherTeam = await send(reply('hello'), 'key1', 'team_b_token');
	expect(otherTeam.status).toBe(201);
	expect(api.inboxV2.sends.map((s) => s.content)).toEqual(['hello', 'hello']);
	// Without a key every request is a send of its own.
	await send(reply('no key'));
	await send(reply('no key'));
	expect(api.inboxV2.sends).toHaveLength(4);
});

test('contact and profile targets: contact not found, no profile, ambiguous, disconnected account, platform mismatch', async () => {
	const to = (target: Record<string, string>) => send({ target, content: 'x' });
	expect((await to({ type: 'contact', accountLinkId: 'acct1', contactId: 'c99' })).body.code).toBe('contactNotFound');
	expect((await to({ type: 'contact', accountLinkId: 'acct1', contactId: 'c4' })).body.code).toBe('recipientUnavailable');
	expect((await to({ type: 'contact', accountLinkId: 'acct1', contactId: 'c3' })).body.code).toBe('profileAmbiguous');
	expect((await to({ type: 'contact', accountLinkId: 'acct3', contactId: 'c1' })).body).toMatchObject({ code: 'accountLinkDisconnected', details: { status: 'offline' } });
	expect((await to({ type: 'contact', accountLinkId: 'acct9', contactId: 'c1' })).body.code).toBe('accountLinkNotFound');
	expect((await to({ type: 'profile', accountLinkId: 'acct1', platform: 'linkedin', platformId: '1001' })).body.code).toBe('platformNotSupported');
	expect(api.inboxV2.sends).toHaveLength(0);
});

test('lists: repeat keys only (brackets and commas refused), limit 1..100, a cursor only with its own filters', async () => {
	expect((await call('GET', '/threads?tag[]=tagvip')).body.code).toBe('invalidRequest');
	expect((await call('GET', '/threads?tag=tagvip,tagsales')).body.code).toBe('invalidRequest');
	expect((await call('GET', '/threads?limit=101')).body.details.issues[0].path).toBe('limit');
	expect((await call('GET', '/threads?folder=trash')).body.details.issues[0].path).toBe('folder');
	expect((await call('GET', '/threads?sort=new')).body.details.issues[0].path).toBe('sort');
	const first = await call('GET', '/threads?folder=all&limit=2');
	expect(first.body.data.map((t: { id: string }) => t.id)).toEqual(['t1', 't2']);
	const next = await call('GET', `/threads?folder=all&limit=2&cursor=${first.body.nextCursor}`);
	expect(next.body.data.map((t: { id: string }) => t.id)).toEqual(['t3', 't4']);
	expect((await call('GET', `/threads?folder=inbox&cursor=${first.body.nextCursor}`)).body.code).toBe('invalidCursor');
	expect((await call('GET', '/contacts?username=ada')).body.details.issues[0].path).toBe('platform');
	expect((await call('GET', '/contacts?platform=x&username=@ada')).body.code).toBe('invalidRequest');
	expect((await call('GET', '/contacts?platform=x&username=nobody')).body).toEqual({ data: [], nextCursor: null });
});

test('v2 rate headers on every answer, and a 429 rateLimited with its window', async () => {
	api.setRateLimit({ limit: 2, windowMs: 60_000, discipline: 'fixed', headers: 'inbox' });
	const answers = [];
	for (let i = 0; i < 3; i++) {
		const res = await fetch(`${api.urls.inbox2}/team`, { headers: { authorization: 'Bearer t' } });
		answers.push({ status: res.status, limit: res.headers.get('x-ratelimit-limit'), remaining: res.headers.get('x-ratelimit-remaining'), reset: res.headers.get('x-ratelimit-reset'), body: (await res.json()) as Record<string, any> });
	}
	expect(answers.map((a) => [a.status, a.limit, a.remaining])).toEqual([[200, '2', '1'], [200, '2', '0'], [429, '2', '0']]);
	expect(Number(answers[0].reset)).toBeGreaterThan(0);
	expect(answers[2].body).toMatchObject({ code: 'rateLimited', details: { window: 'minute', limit: 2 } });
});
