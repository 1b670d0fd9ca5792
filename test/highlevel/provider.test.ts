import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { highLevel } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const op = (operation: string, parameters: Record<string, unknown>, extra = {}) => highLevel(api, { operation, ...parameters }, extra);

describe('HighLevel > Message > Update Status (a custom provider reports back)', () => {
	test('delivered, and failed with the channel\'s error: exact requests', async () => {
		api.conversations.providerMessage('pm1');
		api.conversations.providerMessage('pm2');
		const result = await runNode(op('updateStatus', { messageId: '={{ $json.id }}', status: '={{ $json.status }}', errorCode: '={{ $json.code }}', errorMessage: '={{ $json.why }}' }), [
			{ id: 'pm1', status: 'delivered' },
			{ id: 'pm2', status: 'failed', code: '30003', why: 'Unreachable handset' },
		]);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.headers.version, r.body])).toEqual([
			['PUT', '/highlevel/conversations/messages/pm1/status', '2021-04-15', { status: 'delivered' }],
			['PUT', '/highlevel/conversations/messages/pm2/status', '2021-04-15', { status: 'failed', error: { code: '30003', type: 'saas', message: 'Unreachable handset' } }],
		]);
		expect(jsonOf(result.items).map((j) => j.status)).toEqual(['delivered', 'failed']);
	});

	test("HighLevel's 403 gets a hint that says who may update a status, thrown or as an error item", async () => {
		const thrown = await runNode(op('updateStatus', { messageId: 'notOurs', status: 'read' }));
		expect(thrown.error?.message).toBe('The token does not have access to this message');
		expect(thrown.error?.description).toMatch(/Not delivered: HighLevel answered HTTP 403[\s\S]*only the conversation provider's own Marketplace app/);
		api.reset();
		api.conversations.providerMessage('ok1');
		const items = await runNode(op('updateStatus', { messageId: '={{ $json.id }}', status: 'read' }, { continueOnFail: true }), [{ id: 'nope' }, { id: 'ok1' }]);
		expect(pairedIndexes(items.items)).toEqual([0, 1]);
		const [refused, done] = jsonOf(items.items);
		expect(refused).toMatchObject({ httpCode: '403', description: expect.stringMatching(/answers 403 until the message has reached the provider/) });
		expect(done).toMatchObject({ messageId: 'ok1', status: 'read' });
	});

	test.each([
		['no message id', { messageId: '={{ "" }}', status: 'read' }, /^Invalid "Message ID" in item 0/],
		['a status HighLevel does not know', { messageId: 'm1', status: '={{ "sent" }}' }, /^Invalid "Status" in item 0: expected one of delivered, failed, pending, read/],
		['failed without an error', { messageId: 'm1', status: 'failed' }, /^Invalid "Error Message" in item 0: expected an error message or code/],
		['email message id', { messageId: 'm1', status: 'read', options: { emailMessageId: 'e 1' } }, /^Invalid "Email Message ID" in item 0/],
	])('refused before any request: %s', async (_name, parameters, pattern) => {
		const result = await runNode(op('updateStatus', parameters));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});
});

describe('HighLevel > Message > Cancel Scheduled', () => {
	test('the body\'s status decides: 200 cancelled, 404 "Failed cancel" is an error although HTTP said 200', async () => {
		api.conversations.scheduled('s1');
		const result = await runNode(op('cancelScheduled', { messageId: '={{ $json.id }}' }, { continueOnFail: true }), [{ id: 's1' }, { id: 's1' }]);
		expect(api.requests.map((r) => [r.method, r.path, r.headers.version])).toEqual([
			['DELETE', '/highlevel/conversations/messages/s1/schedule', '2021-04-15'],
			['DELETE', '/highlevel/conversations/messages/s1/schedule', '2021-04-15'],
		]);
		const [cancelled, again] = jsonOf(result.items);
		expect(cancelled).toEqual({ cancelled: true, messageId: 's1', status: 200, message: 'Cancelled' });
		expect(again).toMatchObject({ error: 'HighLevel did not cancel the scheduled message: Failed cancel', description: expect.stringMatching(/^Not cancelled: HighLevel answered with status 404/) });
	});

	test('an email is cancelled by its email message id, on its own path, with no Version header', async () => {
		api.conversations.scheduled('em1');
		const result = await runNode(op('cancelScheduled', { channel: 'email', emailMessageId: 'em1' }));
		expect(result.error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({ method: 'DELETE', path: '/highlevel/conversations/messages/email/em1/schedule' });
		expect(api.requests[0].headers.version).toBeUndefined();
		expect(jsonOf(result.items)[0]).toMatchObject({ cancelled: true, emailMessageId: 'em1' });
	});

	test.each([
		['no message id', { messageId: '={{ "" }}' }, /^Invalid "Message ID" in item 0/],
		['email id with a slash', { channel: 'email', emailMessageId: '={{ "a/b" }}' }, /^Invalid "Email Message ID" in item 0/],
	])('refused before any request: %s', async (_name, parameters, pattern) => {
		const result = await runNode(op('cancelScheduled', parameters));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});
});

describe('HighLevel > Message > Log External Call', () => {
	test('type Call, numbers in E.164, status, date in the workflow zone', async () => {
		const result = await runNode(
			op('logExternalCall', {
				conversationId: { __rl: true, mode: 'id', value: 'conv1' },
				conversationProviderId: 'prov1',
				callTo: '(617) 555-1212',
				callFrom: '+1 503 708 1210',
				callStatus: 'no-answer',
				options: { defaultCountry: 'US', altId: 'ext-1', date: '2026-11-20T08:15:00' },
			}, { timezone: 'Europe/Paris' }),
		);
		expect(result.error).toBeUndefined();
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: '/highlevel/conversations/messages/outbound',
			body: {
				type: 'Call',
				conversationId: 'conv1',
				conversationProviderId: 'prov1',
				call: { to: '+16175551212', from: '+15037081210', status: 'no-answer' },
				altId: 'ext-1',
				date: '2026-11-20T08:15:00+01:00',
			},
		});
		expect(api.requests[0].headers.version).toBe('2021-04-15');
		expect(jsonOf(result.items)[0]).toMatchObject({ success: true, messageId: expect.stringMatching(/^call\d+$/) });
	});

	test.each([
		['no provider', { conversationProviderId: '={{ "" }}', callTo: '+16175551212', callFrom: '+15037081210' }, /^Invalid "Conversation Provider ID" in item 0/],
		['Call To not a number', { conversationProviderId: 'p1', callTo: 'the shop', callFrom: '+15037081210' }, /^Invalid "Call To" in item 0/],
		['Call From missing', { conversationProviderId: 'p1', callTo: '+16175551212', callFrom: '={{ "" }}' }, /^Invalid "Call From" in item 0/],
		['unknown call status', { conversationProviderId: 'p1', callTo: '+16175551212', callFrom: '+15037081210', callStatus: '={{ "ringing" }}' }, /^Invalid "Call Status" in item 0/],
	])('refused before any request: %s', async (_name, parameters, pattern) => {
		const result = await runNode(op('logExternalCall', { conversationId: { __rl: true, mode: 'id', value: 'conv1' }, ...parameters }));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});
});
