import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { highLevel } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const conv = (value: string) => ({ __rl: true, mode: 'id', value });
const messages = (count: number, type = (i: number) => (i % 3 === 0 ? 'TYPE_EMAIL' : 'TYPE_SMS')) =>
	Array.from({ length: count }, (_, i) => ({ id: `m${i}`, conversationId: 'conv1', body: `message ${i}`, messageType: type(i), direction: 'inbound' }));

describe('HighLevel > Message > Get Many: Return All / Limit over lastMessageId', () => {
	test.each([false, true])('Return All reads every page (pages of 100, wrapped answer: %s), the cursor taken from each page', async (wrapped) => {
		api.conversations.setMessages('conv1', messages(250), { wrapped });
		const result = await runNode(highLevel(api, { operation: 'getMany', conversationId: conv('conv1'), returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((m) => m.id)).toEqual(messages(250).map((m) => m.id));
		expect(api.requests.map((r) => [r.path, r.query, r.headers.version])).toEqual([
			['/highlevel/conversations/conv1/messages', { limit: '100' }, '2021-04-15'],
			['/highlevel/conversations/conv1/messages', { limit: '100', lastMessageId: 'm99' }, '2021-04-15'],
			['/highlevel/conversations/conv1/messages', { limit: '100', lastMessageId: 'm199' }, '2021-04-15'],
		]);
	});

	test('a seeded long conversation (the benchmark\'s, 1,000 here) is read whole, in order, one page after another', async () => {
		const seeded = api.conversations.addMessages('convBig', 1000);
		const result = await runNode(highLevel(api, { operation: 'getMany', conversationId: conv('convBig'), returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual(seeded);
		expect(api.requests.map((r) => r.query.lastMessageId)).toEqual([undefined, ...Array.from({ length: 9 }, (_, i) => seeded[i * 100 + 99].id)]);
	});

	test('Limit stops at the limit and asks for no more than it needs; the type filter is sent comma-separated', async () => {
		api.conversations.setMessages('conv1', messages(300));
		const result = await runNode(
			highLevel(api, { operation: 'getMany', conversationId: conv('conv1'), returnAll: false, limit: 130, filters: { types: ['TYPE_SMS', 'TYPE_CALL'] } }),
		);
		expect(result.items).toHaveLength(130);
		expect(jsonOf(result.items).every((m) => m.messageType === 'TYPE_SMS')).toBe(true);
		expect(api.requests.map((r) => r.query)).toEqual([
			{ limit: '100', type: 'TYPE_SMS,TYPE_CALL' },
			{ limit: '30', type: 'TYPE_SMS,TYPE_CALL', lastMessageId: expect.any(String) },
		]);
	});

	test('each input item reads its own conversation; items are paired; Continue On Fail gives one error item in place', async () => {
		api.conversations.setMessages('c1', messages(2));
		const result = await runNode(highLevel(api, { operation: 'getMany', conversationId: conv('={{ $json.c }}'), returnAll: true }, { continueOnFail: true }), [
			{ c: 'c1' },
			{ c: 'bad id' },
			{ c: 'c1' },
		]);
		expect(pairedIndexes(result.items)).toEqual([0, 0, 1, 2, 2]);
		expect(jsonOf(result.items)[2].error).toMatch(/^Invalid "Conversation" in item 1: expected a HighLevel ID/);
		expect(api.requests).toHaveLength(2);
	});

	test.each([
		['no conversation', { conversationId: conv('={{ "" }}') }, /^Invalid "Conversation" in item 0/],
		['a type not in the list', { conversationId: conv('conv1'), filters: { types: ['={{ "SMS" }}'] } }, /^Invalid "Message Types" in item 0: expected some of TYPE_CALL/],
		['a bad API version', { conversationId: conv('conv1'), options: { apiVersion: '2021' } }, /^Invalid "API Version" in item 0/],
	])('refused before any request: %s', async (_name, parameters, pattern) => {
		const result = await runNode(highLevel(api, { operation: 'getMany', returnAll: true, ...parameters }));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});
});

describe('HighLevel > Message > Get', () => {
	test('one message per item, unwrapped; an unknown id is a 404 naming the check', async () => {
		api.conversations.setMessages('conv1', messages(3));
		const result = await runNode(highLevel(api, { operation: 'get', messageId: '={{ $json.id }}' }, { continueOnFail: true }), [{ id: 'm2' }, { id: 'nope' }, { id: 'a/b' }]);
		expect(api.requests.map((r) => [r.method, r.path, r.headers.version])).toEqual([
			['GET', '/highlevel/conversations/messages/m2', '2021-04-15'],
			['GET', '/highlevel/conversations/messages/nope', '2021-04-15'],
		]);
		const [found, missing, bad] = jsonOf(result.items);
		expect(found).toEqual(messages(3)[2]);
		expect(missing).toMatchObject({ error: 'Message not found', httpCode: '404' });
		expect(bad.error).toMatch(/^Invalid "Message ID" in item 2/);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2]);
	});

	test('a live answer wrapped in "message" is read too', async () => {
		api.once({ path: '/highlevel/conversations/messages/m1' }, { status: 200, body: { message: { id: 'm1', body: 'hi' } } });
		const result = await runNode(highLevel(api, { operation: 'get', messageId: 'm1' }));
		expect(jsonOf(result.items)).toEqual([{ id: 'm1', body: 'hi' }]);
	});
});

describe('HighLevel > Conversation', () => {
	const base = (operation: string, parameters: Record<string, unknown> = {}, extra = {}) =>
		highLevel(api, { resource: 'conversation', operation, ...parameters }, extra);

	test('Search: locationId from the credential, filters sent, startAfterDate from the last item, Limit honoured', async () => {
		const page = (start: number, size: number) =>
			Array.from({ length: size }, (_, i) => ({ id: `cv${start + i}`, contactId: `c${start + i}`, lastMessageDate: 1_764_000_000_000 - (start + i) * 1000 }));
		api.on({ path: '/highlevel/conversations/search' }, (req) => {
			const start = req.query.startAfterDate ? (1_764_000_000_000 - Number(req.query.startAfterDate)) / 1000 + 1 : 0;
			return { status: 200, body: { conversations: page(start, Math.min(Number(req.query.limit), 150 - start)), total: 150 } };
		});
		const result = await runNode(base('search', { returnAll: true, filters: { status: 'unread', query: 'jane', lastMessageDirection: 'inbound' } }));
		expect(result.items).toHaveLength(150);
		expect(api.requests.map((r) => r.query)).toEqual([
			{ locationId: 'loc123', query: 'jane', status: 'unread', lastMessageDirection: 'inbound', limit: '100' },
			{ locationId: 'loc123', query: 'jane', status: 'unread', lastMessageDirection: 'inbound', limit: '100', startAfterDate: String(1_764_000_000_000 - 99_000) },
		]);
		api.requests.length = 0;
		const limited = await runNode(base('search', { returnAll: false, limit: 5 }));
		expect(limited.items).toHaveLength(5);
		expect(api.requests.map((r) => r.query.limit)).toEqual(['5']);
	});

	test('Get, Create, Update, Delete: exact requests and outputs', async () => {
		const get = await runNode(base('get', { conversationId: conv('conv7') }));
		expect(jsonOf(get.items)[0]).toMatchObject({ id: 'conv7', contactId: 'c1' });
		const created = await runNode(base('create', { contactId: conv('c42') }));
		expect(api.requests[1]).toMatchObject({ method: 'POST', path: '/highlevel/conversations/', body: { locationId: 'loc123', contactId: 'c42' } });
		expect(jsonOf(created.items)[0]).toMatchObject({ id: expect.stringMatching(/^conv\d+$/), contactId: 'c42' });
		const updated = await runNode(base('update', { conversationId: conv('conv7'), updateFields: { unreadCount: 0, starred: true } }));
		expect(api.requests[2]).toMatchObject({ method: 'PUT', path: '/highlevel/conversations/conv7', body: { locationId: 'loc123', unreadCount: 0, starred: true } });
		expect(jsonOf(updated.items)[0]).toMatchObject({ id: 'conv7', unreadCount: 0, starred: true });
		const deleted = await runNode(base('delete', { conversationId: conv('conv7') }));
		expect(api.requests[3]).toMatchObject({ method: 'DELETE', path: '/highlevel/conversations/conv7' });
		expect(jsonOf(deleted.items)).toEqual([{ deleted: true, conversationId: 'conv7' }]);
		expect(api.requests.map((r) => r.headers.version)).toEqual(Array(4).fill('2021-04-15'));
	});

	test('Delete answered without success: true is not reported as deleted', async () => {
		api.once({ method: 'DELETE' }, { status: 200, body: { success: false, message: 'Conversation not found' } });
		const result = await runNode(base('delete', { conversationId: conv('conv7') }));
		expect(result.error?.message).toBe('Conversation not found');
	});

	test.each([
		['Get: no conversation', 'get', { conversationId: conv('={{ "" }}') }, /^Invalid "Conversation" in item 0/],
		['Create: contact id with a slash', 'create', { contactId: conv('={{ "a/b" }}') }, /^Invalid "Contact" in item 0/],
		['Update: nothing to change', 'update', { conversationId: conv('conv7'), updateFields: {} }, /^Invalid "Update Fields" in item 0: expected at least one field/],
		['Update: negative unread count', 'update', { conversationId: conv('conv7'), updateFields: { unreadCount: -2 } }, /^Invalid "Unread Count" in item 0: expected a whole number/],
		['Update: starred not a yes/no', 'update', { conversationId: conv('conv7'), updateFields: { starred: '={{ "maybe" }}' } }, /^Invalid "Starred" in item 0: expected true or false/],
		['Delete: id with a space', 'delete', { conversationId: conv('={{ "conv 7" }}') }, /^Invalid "Conversation" in item 0/],
		['Search: contact id', 'search', { returnAll: true, filters: { contactId: 'c 1' } }, /^Invalid "Contact ID" in item 0/],
		['Search: status', 'search', { returnAll: true, filters: { status: '={{ "open" }}' } }, /^Invalid "Status" in item 0: expected one of all, read/],
	])('refused before any request: %s', async (_name, operation, parameters, pattern) => {
		const result = await runNode(base(operation, parameters));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});

	test('a credential without a location ID: Create and Search say so before sending', async () => {
		const subject = base('create', { contactId: conv('c1') });
		subject.credentials = { omnichannelHighLevelApi: { ...subject.credentials.omnichannelHighLevelApi, locationId: '' } };
		const result = await runNode(subject);
		expect(result.error?.message).toMatch(/^Invalid "Location ID \(credential\)" in item 0/);
		expect(api.requests).toHaveLength(0);
	});
});
