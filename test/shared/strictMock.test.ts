import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';

/**
 * The mock API refuses what the vendors' specs forbid, with the vendor's error shape, so the
 * engine tests cannot pass with a wrong request. (Each case is one raw request.)
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

async function post(path: string, body: unknown, headers: Record<string, string>) {
	const response = await fetch(`${api.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const SOCIOCS = { apikey: 'k:1' };
const HIGHLEVEL = { authorization: 'Bearer t', version: '2021-07-28' };
const INBOX = { authorization: 'Bearer t' };
const message = { provider: 'twlo', channel_key: 'c', to: '+16175551212', text: 'x' };
const inbound = { type: 'SMS', conversationId: 'conv1', conversationProviderId: 'prov1', message: 'x' };

describe('Sociocs POST /message: 400 { status: "error", errors: [{ msg }] }', () => {
	test.each([
		['an empty optional field', { ...message, name: '' }, 'name must not be empty'],
		['an unknown field', { ...message, sender: 'u1' }, 'body.sender is not a known field'],
		['list_id as text', { ...message, contact_saving: { save: true, list_id: '7' } }, 'contact_saving.list_id must be an integer'],
		['save as text', { ...message, contact_saving: { save: 'true' } }, 'contact_saving.save must be a boolean'],
		['media for WhatsApp', { ...message, provider: 'twlowa', image_url: 'https://x.example/a.png' }, 'image_url is supported only when provider is twlo'],
		['a template for SMS', { ...message, template: { id: 'HX1' } }, 'template is used only when provider is twlowa or gswa'],
		['an unknown provider', { ...message, provider: 'sms' }, 'provider must be one of twlo, twlowa, gswa'],
		['no content', { provider: 'twlo', channel_key: 'c', to: '+16175551212' }, 'text is required when no image_url'],
		['a schedule without offset', { ...message, schedule: '2026-12-01T09:30:00' }, 'schedule does not match'],
		['user_id "null"-free but empty', { ...message, user_id: ' ' }, 'user_id must not be empty'],
		['a Gupshup variables part not in the spec', { ...message, provider: 'gswa', template: { id: 't', variables: { Footer: { 1: 'x' } } } }, 'template.variables.Footer is not a known field'],
	])('%s', async (_what, body, problem) => {
		const answer = await post('/sociocs/message', body, SOCIOCS);
		expect(answer.status).toBe(400);
		expect(answer.body.status).toBe('error');
		expect(JSON.stringify(answer.body.errors)).toContain(problem);
		expect(api.requests[0].invalid).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
	});

	test('a valid request is answered as the spec says', async () => {
		expect(await post('/sociocs/message', message, SOCIOCS)).toEqual({ status: 200, body: { status: 'success', data: { message_id: 'msg1' } } });
	});

	test('/incoming: media_type only with media_url, and required with it', async () => {
		const base = { provider: 'twlo', channel_key: 'c', from: '+16175551212', text: 'x' };
		expect((await post('/sociocs/incoming', { ...base, media_url: 'https://x.example/a' }, SOCIOCS)).status).toBe(400);
		expect((await post('/sociocs/incoming', { ...base, media_type: 'image/png' }, SOCIOCS)).status).toBe(400);
		expect((await post('/sociocs/incoming', { ...base, provider: 'twlowa' }, SOCIOCS)).status).toBe(400);
		expect((await post('/sociocs/incoming', { ...base, media_url: 'https://x.example/a', media_type: 'text/plain; charset=utf-8' }, SOCIOCS)).status).toBe(200);
	});
});

describe('HighLevel POST /conversations/messages/inbound: 422 { statusCode, message: [...] }', () => {
	test.each([
		['emailCc as a string', { ...inbound, type: 'Email', emailCc: 'a@example.com' }, 'emailCc must be an array'],
		['an empty emailBcc', { ...inbound, type: 'Email', emailBcc: [] }, 'emailBcc must not be an empty array'],
		['an empty subject', { ...inbound, type: 'Email', subject: '' }, 'subject must not be empty'],
		['email fields on an SMS', { ...inbound, subject: 'Hi' }, 'subject applies only to type Email'],
		['a call on an SMS', { ...inbound, call: { status: 'completed' } }, 'call applies only to type Call'],
		['an unknown call status', { ...inbound, type: 'Call', call: { status: 'hung-up' } }, 'call.status must be one of'],
		['a direction not in the enum', { ...inbound, direction: 'in' }, 'direction must be one of inbound, outbound'],
		['a type not in the enum', { ...inbound, type: 'Fax' }, 'type must be one of'],
		['no conversationProviderId', { type: 'SMS', conversationId: 'c' }, 'body.conversationProviderId is required'],
	])('%s', async (_what, body, problem) => {
		const answer = await post('/highlevel/conversations/messages/inbound', body, HIGHLEVEL);
		expect(answer.status).toBe(422);
		expect(answer.body.statusCode).toBe(422);
		expect(answer.body.message).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
	});

	test('the Version header is required and must be a known version', async () => {
		expect((await post('/highlevel/conversations/messages/inbound', inbound, { authorization: 'Bearer t' })).status).toBe(400);
		expect((await post('/highlevel/conversations/messages/inbound', inbound, { ...HIGHLEVEL, version: '2020-01-01' })).status).toBe(400);
		expect((await post('/highlevel/conversations/messages/inbound', inbound, HIGHLEVEL)).status).toBe(200);
	});
});

describe('Inbox POST /threads/{threadId}/messages: 400 { message }', () => {
	test.each([
		['a thread id outside ^[0-9a-z]+$', '/inbox/api/v1/threads/Abc-1/messages', { content: 'x' }, 'threadId does not match'],
		['empty content', '/inbox/api/v1/threads/abc1/messages', { content: '' }, 'content must be a string of at least 1 character'],
		['a reply-to id outside the pattern', '/inbox/api/v1/threads/abc1/messages', { content: 'x', replyToMessageId: 'M_1' }, 'replyToMessageId does not match'],
		['an unknown field', '/inbox/api/v1/threads/abc1/messages', { content: 'x', text: 'y' }, 'body.text is not a known field'],
	])('%s', async (_what, path, body, problem) => {
		const answer = await post(path, body, INBOX);
		expect(answer.status).toBe(400);
		expect(answer.body.message).toContain(problem);
	});
});

describe('HighLevel Conversations: what the sheet refuses, with the 422 { statusCode, message: [...] }', () => {
	const V = { authorization: 'Bearer t', version: '2021-04-15' };
	const sms = { type: 'SMS', contactId: 'c1', message: 'x' };
	test.each([
		['no contactId', { type: 'SMS', message: 'x' }, 'body.contactId is required'],
		['an unknown type', { ...sms, type: 'Telegram' }, 'type must be one of'],
		['an email field on SMS', { ...sms, subject: 'Hi' }, 'subject applies only to type Email'],
		['numbers on WhatsApp', { ...sms, type: 'WhatsApp', fromNumber: '+15037081210' }, 'fromNumber applies only to type SMS'],
		['a number not E.164', { ...sms, toNumber: '6175551212' }, 'toNumber does not match'],
		['Custom without provider', { ...sms, type: 'Custom' }, 'conversationProviderId (required for type Custom)'],
		['an Email without body', { type: 'Email', contactId: 'c1', subject: 'x' }, 'an Email needs html or message'],
		['SMS without content', { type: 'SMS', contactId: 'c1' }, 'message or attachments is required'],
		['milliseconds for the schedule', { ...sms, scheduledTimestamp: 1766584800000 }, 'scheduledTimestamp must be UTC seconds'],
		['the 2026 spec\'s status', { ...sms, status: 'pending' }, 'body.status is not a known field'],
	])('Send: %s', async (_name, body, problem) => {
		const answer = await post('/highlevel/conversations/messages', body, V);
		expect(answer.status).toBe(422);
		expect(answer.body.message).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
	});

	test('Create, Update: locationId required; Update: unreadCount an integer, starred a boolean', async () => {
		expect((await post('/highlevel/conversations/', { contactId: 'c1' }, V)).body.message).toEqual(['body.locationId is required']);
		const put = async (body: unknown) =>
			(await (await fetch(`${api.url}/highlevel/conversations/conv1`, { method: "PUT", headers: { "content-type": "application/json", ...V }, body: JSON.stringify(body) })).json()) as { message: unknown };
		expect((await put({ unreadCount: 1 })).message).toEqual(['body.locationId is required']);
		expect((await put({ locationId: 'l1', unreadCount: -1, starred: 'yes' })).message).toEqual(['unreadCount must be an integer >= 0', 'starred must be a boolean']);
	});

	test('message list and search: types, cursor and status from the enums only', async () => {
		const get = async (path: string) => (await (await fetch(`${api.url}/highlevel${path}`, { headers: V })).json()) as { message: unknown };
		expect((await get('/conversations/conv1/messages?type=TYPE_SMS,SMS')).message).toEqual([expect.stringContaining('type must be one of')]);
		expect((await get('/conversations/search?locationId=l1&status=open')).message).toEqual([expect.stringContaining('status must be one of')]);
		expect((await get('/conversations/search?status=all')).message).toEqual(['locationId is required']);
		expect((await get('/conversations/search?locationId=l1&startAfterDate=yesterday')).message).toEqual(['startAfterDate must be a number (ms)']);
	});
});
