import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

/**
 * An HTTP 200 is not a delivery on its own: every write counts as delivered only when the body
 * says so (Sociocs status "success" + message_id, HighLevel's messageId, Inbox's message id).
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const operations: Record<string, { path: string; subject: () => NodeUnderTest }> = {
	'Sociocs Send': {
		path: '/sociocs/message',
		subject: () => sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x' }, { continueOnFail: true }),
	},
	'Sociocs Add Inbound': {
		path: '/sociocs/incoming',
		subject: () => sociocs(api, { operation: 'addInbound', channelKey: 'chan-1', from: '+16175551212', text: 'x' }, { continueOnFail: true }),
	},
	'HighLevel Add Inbound': {
		path: '/highlevel/conversations/messages/inbound',
		subject: () => highLevel(api, { type: 'SMS', message: 'x' }, { continueOnFail: true }),
	},
	'Inbox Reply': {
		path: '/inbox/api/v1/threads/abc123/messages',
		subject: () => ({
			type: new Inbox(),
			parameters: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: 'abc123' }, content: 'x' },
			credentials: { omnichannelInboxApi: { apiToken: 'inbox_token_1234', baseUrl: api.urls.inbox } },
			continueOnFail: true,
		}),
	},
};

const SIGN_IN_PAGE = '<html><head><title>Sign in</title></head><body>Please sign in to continue</body></html>';

const unconfirmed: Array<[string, string, unknown]> = [
	['Sociocs Send', 'an HTML sign-in page', SIGN_IN_PAGE],
	['Sociocs Send', '{ status: "pending" }', { status: 'pending' }],
	['Sociocs Send', 'status "success" without a message_id', { status: 'success', data: {} }],
	['Sociocs Add Inbound', 'an HTML sign-in page', SIGN_IN_PAGE],
	['Sociocs Add Inbound', '{ status: "pending" }', { status: 'pending' }],
	['HighLevel Add Inbound', 'an HTML sign-in page', SIGN_IN_PAGE],
	['HighLevel Add Inbound', 'an empty object', {}],
	['Inbox Reply', 'an HTML sign-in page', SIGN_IN_PAGE],
	['Inbox Reply', 'a message without its id', { content: 'x', threadId: 'abc123' }],
	['Inbox Reply', 'an id that is not an Inbox id', { id: '' }],
];

describe('an HTTP 200 that does not confirm the message is "may have been delivered", never a success', () => {
	test.each(unconfirmed)('%s answered with %s', async (operation, _what, body) => {
		const { path, subject } = operations[operation];
		api.once({ path }, { status: 200, body });
		const result = await runNode(subject(), [{}, {}]);
		const [first, second] = jsonOf(result.items);
		expect(first).toEqual({
			error: expect.stringMatching(/ answered HTTP 200 without confirming the message$/),
			description: expect.stringMatching(/^May have been delivered: POST \/\S+ was answered HTTP 200, but not with .+; got .+ It was not sent again automatically/),
			httpCode: '200',
			delivery: 'unknown',
		});
		expect(first.error).not.toMatch(/undefined/);
		// Not retried; the next item goes out as usual.
		expect(api.requests.map((r) => r.path)).toEqual([path, path]);
		expect(second.error).toBeUndefined();
	});
});

describe('an HTTP 200 whose body reports a failure is "not delivered", with the vendor\'s words and the real status', () => {
	test('Sociocs 200 + status "error": HTTP 200, said to come from the body', async () => {
		api.once({ path: '/sociocs/message' }, { status: 200, body: { status: 'error', errors: [{ msg: 'Invalid channel_key.' }] } });
		const [item] = jsonOf((await runNode(operations['Sociocs Send'].subject())).items);
		expect(item).toEqual({
			error: 'Invalid channel_key.',
			description: 'Not delivered: Sociocs answered HTTP 200 to POST /message, and its body reported an error.',
			httpCode: '200',
			delivery: 'no',
		});
	});

	test('HighLevel 200 + success: false carries HighLevel\'s message', async () => {
		const path = '/highlevel/conversations/messages/inbound';
		api.once({ path }, { status: 200, body: { success: false, message: 'Conversation provider not installed' } });
		const [item] = jsonOf((await runNode(operations['HighLevel Add Inbound'].subject())).items);
		expect(item).toEqual({
			error: 'Conversation provider not installed',
			description: 'Not delivered: HighLevel answered HTTP 200 to POST /conversations/messages/inbound, and its body reported an error.',
			httpCode: '200',
			delivery: 'no',
		});
	});

	test('without Continue On Fail the node stops with the same error and counts nothing as delivered', async () => {
		api.once({ path: '/sociocs/message' }, { status: 200, body: { status: 'pending' } });
		const subject = { ...operations['Sociocs Send'].subject(), continueOnFail: false };
		const result = await runNode(subject);
		expect(result.error?.message).toBe('Sociocs answered HTTP 200 without confirming the message');
		expect(result.error?.description).toMatch(
			/0 of 1 items were delivered before the node stopped, 1 may have been delivered, 0 were not delivered\. Running the node again sends every item again; turn on "Continue On Fail" \(Settings > On Error\) to get one result per item instead\.$/,
		);
	});
});
