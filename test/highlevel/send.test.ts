import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { visibleParameters } from '../helpers/display';
import { listSearch, runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { highLevel, TOKEN } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const PATH = '/highlevel/conversations/messages';
const contact = (value = 'contact9') => ({ __rl: true, mode: 'id', value });
const send = (parameters: Record<string, unknown>, extra = {}) =>
	highLevel(api, { operation: 'send', contactId: contact(), ...parameters }, extra);

describe('HighLevel > Message > Send: requests', () => {
	test('SMS: exact path, Version 2021-04-15, body with E.164 numbers; output the ids', async () => {
		const result = await runNode(
			send({
				type: 'SMS',
				message: '={{ $json.text }}',
				attachments: ['https://cdn.example.com/a.png'],
				fromNumber: '(503) 708-1210',
				toNumber: '+1 617 555 1212',
				options: { defaultCountry: 'US', templateId: 'tpl1', appointmentId: 'appt7' },
			}),
			[{ text: 'Your table is ready' }],
		);
		expect(result.error).toBeUndefined();
		const [request] = api.requests;
		expect([request.method, request.path, request.headers.version, request.headers.authorization]).toEqual(['POST', PATH, '2021-04-15', `Bearer ${TOKEN}`]);
		expect(request.body).toEqual({
			type: 'SMS',
			contactId: 'contact9',
			message: 'Your table is ready',
			attachments: ['https://cdn.example.com/a.png'],
			fromNumber: '+15037081210',
			toNumber: '+16175551212',
			templateId: 'tpl1',
			appointmentId: 'appt7',
		});
		expect(jsonOf(result.items)).toEqual([{ messageId: expect.stringMatching(/^hlout\d+$/), conversationId: 'conv-contact9', status: 'pending' }]);
	});

	test('Email: HTML and text, subject, from / to / CC / BCC, reply threading, unsubscribe group; output has the emailMessageId', async () => {
		const result = await runNode(
			send({
				type: 'Email',
				html: '<p>Hello</p>',
				message: 'Hello',
				subject: 'Your booking',
				emailFrom: 'desk@shop.example',
				emailTo: 'jane@example.com',
				emailCc: ['a@example.com', 'b@example.com'],
				emailBcc: '={{ "c@example.com, d@example.com" }}',
				threadId: 'thread1',
				emailReplyMode: 'reply_all',
				replyMessageId: 'msg4',
				customSubtypeId: 'group2',
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body).toEqual({
			type: 'Email',
			contactId: 'contact9',
			message: 'Hello',
			html: '<p>Hello</p>',
			subject: 'Your booking',
			emailFrom: 'desk@shop.example',
			emailTo: 'jane@example.com',
			emailCc: ['a@example.com', 'b@example.com'],
			emailBcc: ['c@example.com', 'd@example.com'],
			threadId: 'thread1',
			replyMessageId: 'msg4',
			emailReplyMode: 'reply_all',
			customSubtypeId: 'group2',
		});
		expect(jsonOf(result.items)).toEqual([
			{ messageId: expect.stringMatching(/^hlout\d+$/), conversationId: 'conv-contact9', emailMessageId: expect.stringMatching(/^email\d+$/), status: 'pending' },
		]);
	});

	test('Custom: the conversation provider; WhatsApp, IG, FB, Live Chat, RCS, TikTok: text only', async () => {
		await runNode(send({ type: 'Custom', message: 'Hi', conversationProviderId: 'prov1' }));
		expect(api.requests[0].body).toEqual({ type: 'Custom', contactId: 'contact9', message: 'Hi', conversationProviderId: 'prov1' });
		for (const type of ['WhatsApp', 'IG', 'FB', 'Live_Chat', 'RCS', 'TIKTOK']) {
			api.reset();
			// SMS-only and email-only fields set but hidden for this type: never sent.
			const result = await runNode(send({ type, message: 'Hi', fromNumber: '+15037081210', subject: 'x', conversationProviderId: 'p' }));
			expect(result.error).toBeUndefined();
			expect(api.requests[0].body).toEqual({ type, contactId: 'contact9', message: 'Hi' });
		}
	});

	test("Schedule: a date in the workflow's time zone goes out as UTC seconds", async () => {
		await runNode(send({ type: 'SMS', message: 'Later', options: { scheduledAt: '2026-12-24T09:00:00' } }, { timezone: 'America/New_York' }));
		expect(api.requests[0].body.scheduledTimestamp).toBe(Date.UTC(2026, 11, 24, 14, 0, 0) / 1000);
	});

	test('the API Version option overrides the documented value', async () => {
		await runNode(send({ type: 'SMS', message: 'x', options: { apiVersion: '2021-07-28' } }));
		expect(api.requests[0].headers.version).toBe('2021-07-28');
	});

	test("GMB's messageIds prove delivery too; an answer without an id is \"may have been delivered\", not sent again", async () => {
		api.once({ path: PATH }, { status: 200, body: { conversationId: 'cv', messageIds: ['g1', 'g2'] } });
		const gmb = await runNode(send({ type: 'SMS', message: 'x' }));
		expect(jsonOf(gmb.items)).toEqual([{ messageId: 'g1', conversationId: 'cv', messageIds: ['g1', 'g2'] }]);
		api.reset();
		api.once({ path: PATH }, { status: 200, body: { conversationId: 'cv', msg: 'queued' } });
		const unproven = await runNode(send({ type: 'SMS', message: 'x' }));
		expect(unproven.error?.message).toBe('HighLevel answered HTTP 200 without confirming the message');
		expect(unproven.error?.description).toMatch(/^May have been delivered: POST \/conversations\/messages was answered HTTP 200, but not with a messageId \(or messageIds\)/);
		expect(api.requests).toHaveLength(1);
	});

	test('Continue On Fail: good items go out, bad ones come back as errors, in order, with pairedItem', async () => {
		const result = await runNode(send({ type: 'SMS', message: '={{ $json.text }}', contactId: contact('={{ $json.contact }}') }, { continueOnFail: true }), [
			{ text: 'one', contact: 'c1' },
			{ text: '', contact: 'c2' },
			{ text: 'three', contact: 'bad id!' },
			{ text: 'four', contact: 'c4' },
		]);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3]);
		expect(jsonOf(result.items).map((j) => j.messageId ?? j.error)).toEqual([
			expect.stringMatching(/^hlout\d+$/),
			'Invalid "Message" in item 1: expected a message text or attachments for SMS; it is empty',
			expect.stringMatching(/^Invalid "Contact" in item 2: expected a HighLevel ID/),
			expect.stringMatching(/^hlout\d+$/),
		]);
		expect(api.requests.map((r) => r.body.contactId)).toEqual(['c1', 'c4']);
	});
});

describe('HighLevel > Message > Send: bad input is refused before anything is sent, naming field and item', () => {
	const cases: Array<[string, Record<string, unknown>, RegExp]> = [
		['no contact', { type: 'SMS', message: 'x', contactId: contact('={{ "" }}') }, /^Invalid "Contact" in item 0: expected a HighLevel ID/],
		['contact id with a space', { type: 'SMS', message: 'x', contactId: contact('={{ "a b" }}') }, /^Invalid "Contact" in item 0/],
		['unknown type', { type: 'Telegram', message: 'x' }, /^Invalid "Type" in item 0: expected one of Custom, Email/],
		['SMS without text or attachments', { type: 'SMS' }, /^Invalid "Message" in item 0: expected a message text or attachments for SMS/],
		['WhatsApp without text', { type: 'WhatsApp', message: '   ' }, /^Invalid "Message" in item 0/],
		['attachment not a URL', { type: 'SMS', attachments: ['file.pdf'] }, /^Invalid "Attachments" in item 0: expected a list of http/],
		['attachment ftp URL', { type: 'IG', attachments: ['ftp://x.example/a'] }, /^Invalid "Attachments" in item 0/],
		['From Number not a phone', { type: 'SMS', message: 'x', fromNumber: 'front desk' }, /^Invalid "From Number" in item 0/],
		['To Number without country', { type: 'SMS', message: 'x', toNumber: '6175551212' }, /^Invalid "To Number" in item 0/],
		['Email without body', { type: 'Email', subject: 'Hi' }, /^Invalid "HTML" in item 0: expected an HTML body or a plain-text Message/],
		['Email From not an address', { type: 'Email', html: '<p>x</p>', emailFrom: 'desk' }, /^Invalid "Email From" in item 0: expected an email address/],
		['Email To not an address', { type: 'Email', html: '<p>x</p>', emailTo: 'jane@' }, /^Invalid "Email To" in item 0/],
		['Email CC entry', { type: 'Email', html: '<p>x</p>', emailCc: ['ok@example.com', 'nope'] }, /^Invalid "Email CC" in item 0: expected a list of email addresses such as jane@example.com; got "nope"/],
		['Email BCC entry', { type: 'Email', html: '<p>x</p>', emailBcc: 'a@example.com; b' }, /^Invalid "Email BCC" in item 0/],
		['Reply Mode without anything to reply to', { type: 'Email', html: '<p>x</p>', emailReplyMode: 'reply' }, /^Invalid "Reply Mode" in item 0: expected a Thread ID or a Reply To Message ID/],
		['Reply Mode unknown', { type: 'Email', html: '<p>x</p>', threadId: 't1', emailReplyMode: '={{ "forward" }}' }, /^Invalid "Reply Mode" in item 0: expected reply or reply_all/],
		['Thread ID with spaces inside', { type: 'Email', html: '<p>x</p>', threadId: 't 1' }, /^Invalid "Thread ID" in item 0/],
		['Unsubscribe Group ID', { type: 'Email', html: '<p>x</p>', customSubtypeId: 'a/b' }, /^Invalid "Unsubscribe Group ID" in item 0/],
		['Custom without provider', { type: 'Custom', message: 'x', conversationProviderId: '={{ "" }}' }, /^Invalid "Conversation Provider ID" in item 0/],
		['Schedule not a date', { type: 'SMS', message: 'x', options: { scheduledAt: 'tomorrow-ish' } }, /^Invalid "Schedule" in item 0: expected an ISO 8601 date-time/],
		['Template ID', { type: 'SMS', message: 'x', options: { templateId: 'tpl 1' } }, /^Invalid "Template ID" in item 0/],
		['Appointment ID', { type: 'SMS', message: 'x', options: { appointmentId: '#7' } }, /^Invalid "Appointment ID" in item 0/],
		['API Version', { type: 'SMS', message: 'x', options: { apiVersion: 'latest' } }, /^Invalid "API Version" in item 0: expected a version such as 2021-04-15/],
	];
	test.each(cases)('%s', async (_name, parameters, pattern) => {
		const result = await runNode(send(parameters));
		expect(result.error?.message).toMatch(pattern);
		expect(api.requests).toHaveLength(0);
	});

	test('the second item is named when it is the bad one, and nothing is sent for the first', async () => {
		const result = await runNode(send({ type: 'SMS', message: '={{ $json.text }}' }), [{ text: 'ok' }, { text: '' }]);
		expect(result.error?.message).toMatch(/^Invalid "Message" in item 1/);
		expect(api.requests).toHaveLength(0);
	});
});

describe('HighLevel > Message > Send: editor', () => {
	test('fields per type', () => {
		const names = (type: string) => visibleParameters(new HighLevelConversations(), { resource: 'message', operation: 'send', type });
		expect(names('SMS')).toEqual(expect.arrayContaining(['contactId', 'message', 'attachments', 'fromNumber', 'toNumber', 'options']));
		expect(names('SMS')).not.toEqual(expect.arrayContaining(['html']));
		expect(names('Email')).toEqual(expect.arrayContaining(['html', 'subject', 'emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'threadId', 'emailReplyMode', 'replyMessageId', 'customSubtypeId']));
		expect(names('Email')).not.toEqual(expect.arrayContaining(['fromNumber']));
		expect(names('Custom')).toEqual(expect.arrayContaining(['conversationProviderId', 'message']));
		expect(names('WhatsApp')).not.toEqual(expect.arrayContaining(['conversationProviderId', 'fromNumber', 'subject']));
	});

	test('the contact picker lists the contacts of the location (from their conversations)', async () => {
		const found = await listSearch(send({ type: 'SMS' }), 'searchContacts', 'jane');
		expect(found.results).toEqual([{ name: 'Jane Doe (+16175551212, jane@example.com)', value: 'c1' }]);
		expect(api.requests[0].query).toEqual({ locationId: 'loc123', limit: '20', query: 'jane' });
	});
});
