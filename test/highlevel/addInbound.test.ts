import type { IDataObject } from 'n8n-workflow';

import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { expectNoSecret, jsonOf, pairedIndexes } from '../helpers/assertions';
import { visibleParameters } from '../helpers/display';
import { listSearch, runNode, testCredential } from '../helpers/engine';
import { holdFirstUntilSecond } from '../helpers/overlap';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { highLevel, TOKEN } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const PATH = '/highlevel/conversations/messages/inbound';

describe('HighLevel > Add Inbound Message: requests', () => {
	test('SMS: exact path, headers and body; output is HighLevel\'s answer', async () => {
		const result = await runNode(
			highLevel(api, {
				type: 'SMS',
				message: '={{ $json.text }}',
				attachments: ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.pdf'],
				direction: 'inbound',
				options: { contactId: 'contact9', altId: 'ext-77', date: '2026-11-20T08:15:00' },
			}, { timezone: 'America/Chicago' }),
			[{ text: 'Can I change my booking?' }],
		);
		expect(result.error).toBeUndefined();
		const [request] = api.requests;
		expect([request.method, request.path]).toEqual(['POST', PATH]);
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers.version).toBe('2021-07-28');
		expect(request.body).toEqual({
			type: 'SMS',
			conversationId: 'conv1',
			conversationProviderId: 'prov1',
			message: 'Can I change my booking?',
			attachments: ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.pdf'],
			contactId: 'contact9',
			altId: 'ext-77',
			direction: 'inbound',
			date: '2026-11-20T08:15:00-06:00',
		});
		expect(result.items[0].json).toEqual({
			success: true,
			conversationId: 'conv1',
			messageId: 'hlmsg1',
			message: 'Message added',
			contactId: 'contact1',
			dateAdded: '2026-11-23T10:00:00.000Z',
		});
	});

	test('Email: every email field, CC / BCC as arrays (also from a comma-separated expression)', async () => {
		await runNode(
			highLevel(api, {
				type: 'Email',
				conversationId: { __rl: true, mode: 'list', value: 'conv2', cachedResultName: 'John Roe' },
				message: 'plain text',
				html: '<p>Hello</p>',
				subject: 'Re: your order',
				emailFrom: 'john@example.com',
				emailTo: 'support@acme.io',
				emailCc: ['a@example.com', 'b@example.com'],
				emailBcc: '={{ "c@example.com, d@example.com" }}',
				emailMessageId: '<abc123@mail.example.com>',
			}),
		);
		expect(api.requests[0].body).toEqual({
			type: 'Email',
			conversationId: 'conv2',
			conversationProviderId: 'prov1',
			message: 'plain text',
			html: '<p>Hello</p>',
			subject: 'Re: your order',
			emailFrom: 'john@example.com',
			emailTo: 'support@acme.io',
			emailCc: ['a@example.com', 'b@example.com'],
			emailBcc: ['c@example.com', 'd@example.com'],
			emailMessageId: '<abc123@mail.example.com>',
			direction: 'inbound',
		});
	});

	test('Call: nested call object with E.164 numbers; no message needed', async () => {
		await runNode(
			highLevel(api, {
				type: 'Call',
				callTo: '(503) 708-1210',
				callFrom: '+44 20 7946 0958',
				callStatus: 'no-answer',
				options: { defaultCountry: 'US' },
			}),
		);
		expect(api.requests[0].body).toEqual({
			type: 'Call',
			conversationId: 'conv1',
			conversationProviderId: 'prov1',
			call: { to: '+15037081210', from: '+442079460958', status: 'no-answer' },
			direction: 'inbound',
		});
	});

	test('Call: To and From are optional; a withheld caller is recorded without a number', async () => {
		const result = await runNode(highLevel(api, { type: 'Call', callTo: '', callFrom: '={{ $json.from }}', callStatus: 'completed' }), [{ from: null }]);
		expect(result.error?.message).toBeUndefined();
		expect(api.requests[0].body).toEqual({
			type: 'Call',
			conversationId: 'conv1',
			conversationProviderId: 'prov1',
			call: { status: 'completed' },
			direction: 'inbound',
		});
		api.reset();
		await runNode(highLevel(api, { type: 'Call', callTo: '+1 503 708 1210', callFrom: '' }));
		expect(api.requests[0].body.call).toEqual({ to: '+15037081210', status: 'completed' });
	});

	test('Direction is always sent: inbound by default, outbound when chosen', async () => {
		await runNode(highLevel(api, { type: 'SMS', message: 'x' }));
		expect(api.requests[0].body.direction).toBe('inbound');
		api.reset();
		await runNode(highLevel(api, { type: 'SMS', message: 'x', direction: 'outbound' }));
		expect(api.requests[0].body.direction).toBe('outbound');
	});

	test('email and call fields left in the parameters are not sent for other types', async () => {
		await runNode(highLevel(api, { type: 'WhatsApp', message: 'hi', subject: 'ignored', callTo: '+15037081210' }));
		expect(api.requests[0].body).toEqual({ type: 'WhatsApp', conversationId: 'conv1', conversationProviderId: 'prov1', message: 'hi', direction: 'inbound' });
	});

	test('Email Message ID, Alt ID, Direction and API Version are sent without spaces around them', async () => {
		await runNode(
			highLevel(api, {
				type: 'Email',
				message: 'x',
				emailMessageId: ' <m1@mail.example> ',
				direction: ' outbound ',
				options: { altId: ' a-1 ', apiVersion: ' 2021-04-15 ' },
			}),
		);
		expect(api.requests[0].body).toMatchObject({ emailMessageId: '<m1@mail.example>', altId: 'a-1', direction: 'outbound' });
		expect(api.requests[0].headers.version).toBe('2021-04-15');
	});

	test('messages to different conversations are added side by side; one conversation\'s one after another, in order', async () => {
		const pendingAtArrival = holdFirstUntilSecond(api, PATH, (r) => r.body.message, ['a1', 'b1'], (request) => ({
			status: 200,
			body: { success: true, conversationId: request.body.conversationId, messageId: `hlmsg${request.seq}` },
		}));
		const result = await runNode(
			highLevel(api, { type: 'SMS', message: '={{ $json.text }}', conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' } }),
			[
				{ conversation: 'convA', text: 'a1' },
				{ conversation: 'convA', text: 'a2' },
				{ conversation: 'convB', text: 'b1' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(pendingAtArrival).toEqual({ a1: [], b1: ['a1'], a2: [] });
		expect(api.requests.map((r) => r.body.message)).toEqual(['a1', 'b1', 'a2']);
	});

	test('the Version header can be switched in Options', async () => {
		await runNode(highLevel(api, { type: 'SMS', message: 'x', options: { apiVersion: '2021-04-15' } }));
		expect(api.requests[0].headers.version).toBe('2021-04-15');
	});

	test.each(['SMS', 'Email', 'WhatsApp', 'GMB', 'IG', 'FB', 'Custom', 'WebChat', 'Live_Chat', 'Call'])('type %s is accepted', async (type) => {
		const result = await runNode(highLevel(api, { type, message: 'x', callTo: '+15037081210', callFrom: '+15037081211' }));
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body.type).toBe(type);
	});
});

describe('HighLevel > Add Inbound Message: which fields a user sees', () => {
	const node = new HighLevelConversations();
	const base = ['signInNotice', 'authentication', 'resource', 'operation', 'type', 'conversationId', 'conversationProviderId', 'message', 'direction', 'attachments', 'options'];
	const email = ['html', 'subject', 'emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'emailMessageId'];
	const call = ['callTo', 'callFrom', 'callStatus'];

	test.each([
		['SMS', []],
		['Email', email],
		['Call', call],
		['WhatsApp', []],
		['Live_Chat', []],
	])('%s', (type, specific) => {
		expect(visibleParameters(node, { resource: 'message', operation: 'addInbound', type })).toEqual([...base, ...specific].sort());
	});
});

describe('HighLevel > Add Inbound Message: field texts', () => {
	const properties = new HighLevelConversations().description.properties;
	const shownFor = (name: string, type: string) =>
		properties.filter((p) => p.name === name && p.displayOptions?.show?.operation?.includes('addInbound')).filter((p) => {
			const { show, hide } = p.displayOptions ?? {};
			return (!show?.type || show.type.includes(type)) && !hide?.type?.includes(type);
		});

	test('for an email, Message and HTML each say which body they are', () => {
		expect(shownFor('message', 'Email').map((p) => p.hint)).toEqual([expect.stringMatching(/^Plain text\. For an HTML email fill HTML/)]);
		expect(shownFor('html', 'Email').map((p) => p.hint)).toEqual([expect.stringMatching(/^The HTML version\. For a plain-text email .* fill Message/)]);
		expect(shownFor('message', 'SMS').map((p) => p.hint)).toEqual([undefined]);
	});

	test('Call To and Call From have distinct placeholders and are not required', () => {
		const [to] = shownFor('callTo', 'Call');
		const [from] = shownFor('callFrom', 'Call');
		expect(to.placeholder).not.toBe(from.placeholder);
		expect([to.required, from.required]).toEqual([undefined, undefined]);
	});

	test('Direction is a visible field, Inbound by default, with a hint on HighLevel\'s own default', () => {
		const [direction] = shownFor('direction', 'SMS');
		expect(direction.default).toBe('inbound');
		expect(direction.hint).toMatch(/HighLevel's own default, when no direction is sent, is outbound/);
	});
});

describe('HighLevel > Add Inbound Message: bad input, nothing sent', () => {
	const PARAMS = {
		type: 'SMS',
		conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation ?? "conv1" }}' },
		conversationProviderId: '={{ $json.provider ?? "prov1" }}',
		message: '={{ $json.message ?? "hello" }}',
		attachments: '={{ $json.attachments ?? [] }}',
		options: { date: '={{ $json.date ?? "" }}', contactId: '={{ $json.contact ?? "" }}', apiVersion: '={{ $json.version ?? "2021-07-28" }}' },
	};
	const EMAIL = {
		...PARAMS,
		type: 'Email',
		emailFrom: '={{ $json.from ?? "" }}',
		emailTo: '={{ $json.to ?? "" }}',
		emailCc: '={{ $json.cc ?? [] }}',
	};
	const CALL = { ...PARAMS, type: 'Call', callTo: '={{ $json.callTo ?? "+15037081210" }}', callFrom: '={{ $json.callFrom ?? "+15037081211" }}' };

	const cases: Array<[string, IDataObject, IDataObject, RegExp]> = [
		['missing conversation', PARAMS, { conversation: '' }, /^Invalid "Conversation" in item 0: expected a HighLevel ID .*; it is empty$/],
		['conversation with spaces', PARAMS, { conversation: 'conv 1' }, /^Invalid "Conversation" in item 0: .*got "conv 1"$/],
		['missing provider id', PARAMS, { provider: '' }, /^Invalid "Conversation Provider ID" in item 0: .*it is empty$/],
		['no message nor attachments', PARAMS, { message: '' }, /^Invalid "Message" in item 0: expected a message text or attachments; it is empty$/],
		['attachment not a URL', PARAMS, { attachments: ['https://ok.example/a.png', 'not a url'] }, /^Invalid "Attachments" in item 0: expected a list of http:\/\/ or https:\/\/ URLs; got "not a url"$/],
		['attachment ftp URL', PARAMS, { attachments: 'ftp://x.example/a' }, /^Invalid "Attachments" in item 0: .*got "ftp:\/\/x\.example\/a"$/],
		['bad date', PARAMS, { date: 'yesterday' }, /^Invalid "Date" in item 0: expected an ISO 8601 date-time/],
		['bad contact id', PARAMS, { contact: 'c/1' }, /^Invalid "Contact ID" in item 0/],
		['bad API version', PARAMS, { version: 'latest' }, /^Invalid "API Version" in item 0: expected a version date such as 2021-07-28; got "latest"$/],
		['bad email from', EMAIL, { from: 'john(at)example.com' }, /^Invalid "Email From" in item 0: expected an email address such as jane@example\.com; got "john\(at\)example\.com"$/],
		['bad email to', EMAIL, { to: 'support@' }, /^Invalid "Email To" in item 0/],
		['bad email in CC', EMAIL, { cc: ['ok@example.com', 'broken'] }, /^Invalid "Email CC" in item 0: expected a list of email addresses such as jane@example\.com; got "broken"$/],
		['email with nothing in it', EMAIL, { message: '' }, /^Invalid "Message" in item 0: expected a message, an HTML body or attachments for an email/],
		['bad phone in call', CALL, { callTo: '12' }, /^Invalid "Call To" in item 0: expected a phone number with its country code/],
		['malformed caller phone', CALL, { callFrom: 'anonymous' }, /^Invalid "Call From" in item 0: expected a phone number with its country code.*; got "anonymous"$/],
		['bad direction by expression', { ...PARAMS, direction: '={{ $json.direction }}' }, { direction: 'sideways' }, /^Invalid "Direction" in item 0: expected inbound or outbound; got "sideways"$/],
		['an unknown type (a workflow edited by hand)', { ...PARAMS, type: 'Fax' }, {}, /^Invalid "Type" in item 0: expected one of Call, Custom, Email, FB, GMB, IG, Live_Chat, SMS, WebChat, WhatsApp; got "Fax"$/],
		['an unknown call status', { ...CALL, callStatus: 'ringing' }, {}, /^Invalid "Call Status" in item 0: expected one of pending, completed, answered, busy, no-answer, failed, canceled, voicemail; got "ringing"$/],
		['bad email in BCC', { ...EMAIL, emailBcc: '={{ ["ok@example.com", "broken"] }}' }, {}, /^Invalid "Email BCC" in item 0: expected a list of email addresses such as jane@example\.com; got "broken"$/],
		['an API version with text before it', PARAMS, { version: 'v2021-07-28' }, /^Invalid "API Version" in item 0: .*got "v2021-07-28"$/],
		['an API version with text after it', PARAMS, { version: '2021-07-28x' }, /^Invalid "API Version" in item 0: .*got "2021-07-28x"$/],
		...(
			[
				['message', 'Message', PARAMS],
				['html', 'HTML', EMAIL],
				['subject', 'Subject', EMAIL],
				['emailMessageId', 'Email Message ID', EMAIL],
				['direction', 'Direction', PARAMS],
			] as Array<[string, string, IDataObject]>
		).map(([parameter, label, base]): [string, IDataObject, IDataObject, RegExp] => [
			`${label} given as an object`,
			{ ...base, message: 'x', [parameter]: '={{ { a: 1 } }}' },
			{},
			new RegExp(`^Invalid "${label}" in item 0: expected a text value; got \\{"a":1\\}$`),
		]),
		['Alt ID given as an object', { ...PARAMS, options: { ...PARAMS.options, altId: '={{ { a: 1 } }}' } }, {}, /^Invalid "Alt ID" in item 0: expected a text value/],
	];

	test.each(cases)('%s', async (_name, parameters, json, message) => {
		const result = await runNode(highLevel(api, parameters), [json]);
		expect(result.error?.message).toMatch(message);
		expect(api.requests).toHaveLength(0);
	});

	test('Continue On Fail: good items sent, bad ones error items in place', async () => {
		const result = await runNode(highLevel(api, PARAMS, { continueOnFail: true }), [
			{ message: 'one' },
			{ conversation: '' },
			{ message: 'three', conversation: 'conv3' },
			{ attachments: ['nope'] },
		]);
		expect(api.requests.map((r) => r.body.message)).toEqual(['one', 'three']);
		const out = jsonOf(result.items);
		expect(out[0].messageId).toBeDefined();
		expect(out[1].error).toMatch(/^Invalid "Conversation" in item 1/);
		expect(out[2].conversationId).toBe('conv3');
		expect(out[3].error).toMatch(/^Invalid "Attachments" in item 3/);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3]);
	});
});

describe('HighLevel > Add Inbound Message: API answers', () => {
	test('422 with an array message: HighLevel\'s words joined', async () => {
		api.once({ path: PATH }, { status: 422, body: { statusCode: 422, message: ['conversationProviderId must be a mongodb id', 'type must be valid'], error: 'Unprocessable Entity' } });
		const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }));
		expect(result.error?.message).toBe('conversationProviderId must be a mongodb id; type must be valid');
		expect((result.error as { httpCode?: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Not delivered: HighLevel answered HTTP 422/);
	});

	test('401 with a string message', async () => {
		api.once({ path: PATH }, { status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' } });
		const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }));
		expect(result.error?.message).toBe('Invalid token: access token is invalid');
		expect(result.error?.description).toMatch(/Check the HighLevel credential/);
	});

	test('429 with HighLevel\'s interval header (no Retry-After) is waited out, then sent once', async () => {
		api.once({ path: PATH }, {
			status: 429,
			headers: { 'x-ratelimit-interval-milliseconds': '800', 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '0' },
			body: { statusCode: 429, message: 'Too many requests' },
		});
		const started = Date.now();
		const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }));
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(750);
		expect(api.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('the token never shows in output, errors or descriptions', async () => {
		api.once({ path: PATH }, { status: 401, body: { statusCode: 401, message: `token ${TOKEN} expired` } });
		const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }, { continueOnFail: true }), [{}, {}]);
		expect(jsonOf(result.items)[0].error).toBe('token [redacted] expired');
		expectNoSecret(result, TOKEN);
	});
});

describe('HighLevel: conversation picker and credential test', () => {
	test('searches the credential\'s location with the user\'s text', async () => {
		const found = await listSearch(highLevel(api, {}), 'searchConversations', 'jane');
		expect(found.results).toEqual([{ name: 'Jane Doe: See you tomorrow', value: 'conv1' }]);
		expect(api.requests[0].path).toBe('/highlevel/conversations/search');
		expect(api.requests[0].query).toEqual({ locationId: 'loc123', limit: '20', query: 'jane' });
		expect(api.requests[0].headers.version).toBe('2021-04-15');
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	});

	test('no text lists recent conversations; an empty result is empty', async () => {
		expect((await listSearch(highLevel(api, {}), 'searchConversations')).results).toHaveLength(2);
		expect(api.requests[0].query).toEqual({ locationId: 'loc123', limit: '20' });
		expect((await listSearch(highLevel(api, {}), 'searchConversations', 'nobody')).results).toEqual([]);
	});

	test('a vendor error is shown with HighLevel\'s words', async () => {
		api.once({ path: '/highlevel/conversations/search' }, { status: 403, body: { statusCode: 403, message: 'The token is not authorized for this scope.' } });
		await expect(listSearch(highLevel(api, {}), 'searchConversations', 'x')).rejects.toThrow('The token is not authorized for this scope.');
	});

	test('credential test: conversation search for the location, with the Version header', async () => {
		const ok = await testCredential('omnichannelHighLevelApi', { accessToken: TOKEN, locationId: 'loc123', baseUrl: api.urls.highlevel });
		expect(ok.status).toBe('OK');
		expect(api.requests[0].path).toBe('/highlevel/conversations/search');
		expect(api.requests[0].query).toEqual({ locationId: 'loc123', limit: '1' });
		expect(api.requests[0].headers.version).toBe('2021-04-15');
		api.on({ path: '/highlevel/conversations/search' }, { status: 401, body: { message: 'Invalid token' } });
		expect(await testCredential('omnichannelHighLevelApi', { accessToken: 'x', locationId: 'loc123', baseUrl: api.urls.highlevel })).toMatchObject({
			status: 'Error',
			httpStatus: 401,
		});
	});
});
