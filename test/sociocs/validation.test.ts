import type { IDataObject } from 'n8n-workflow';

import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

/**
 * Every case is one item of a batch whose parameters are all expressions over the item, so the
 * same batch can be run with and without Continue On Fail.
 */
const SEND = {
	operation: 'send',
	provider: 'twlo',
	channelKey: '={{ $json.channel ?? "chan-1" }}',
	to: '={{ $json.to ?? "+16175551212" }}',
	text: '={{ $json.text ?? "" }}',
	imageUrl: '={{ $json.image ?? "" }}',
	videoUrl: '={{ $json.video ?? "" }}',
	fileUrl: '={{ $json.file ?? "" }}',
	saveContact: '={{ $json.save ?? false }}',
	contactListId: '={{ $json.list ?? 0 }}',
	contactFields: { field: [{ name: '={{ $json.fieldName ?? "email" }}', value: 'a@b.c' }] },
	options: { schedule: '={{ $json.schedule ?? "" }}', defaultCountry: '={{ $json.country ?? "" }}' },
};

type Case = [string, IDataObject, RegExp];

const sendCases: Case[] = [
	['invalid phone', { to: '+1 555', text: 'x' }, /^Invalid "To" in item \d+: expected a phone number with its country code, e\.g\. \+16175551212 \(or set "Default Country" in Options\); got "\+1 555"$/],
	['letters for a phone', { to: 'call me', text: 'x' }, /^Invalid "To" in item \d+: .*got "call me"$/],
	['empty phone', { to: '', text: 'x' }, /^Invalid "To" in item \d+: .*it is empty$/],
	['national number without a default country', { to: '(617) 555-1212', text: 'x' }, /^Invalid "To" in item \d+: .*got "\(617\) 555-1212"$/],
	['phone with an extension', { to: '+16175551212 ext. 5', text: 'x' }, /^Invalid "To" in item \d+/],
	['no text, media or template', {}, /^Invalid "Text" in item \d+: expected a message text, or an Image URL, Video URL or File URL; it is empty$/],
	['whitespace text only', { text: '   ' }, /^Invalid "Text" in item \d+: expected a message text/],
	['image URL not http(s)', { text: 'x', image: 'ftp://files.example/a.jpg' }, /^Invalid "Image URL" in item \d+: expected an http:\/\/ or https:\/\/ URL; got "ftp:\/\/files\.example\/a\.jpg"$/],
	['video URL not a URL', { text: 'x', video: 'clip.mp4' }, /^Invalid "Video URL" in item \d+: expected an http:\/\/ or https:\/\/ URL; got "clip\.mp4"$/],
	['file URL javascript:', { text: 'x', file: 'javascript:alert(1)' }, /^Invalid "File URL" in item \d+/],
	['bad schedule', { text: 'x', schedule: 'next tuesday' }, /^Invalid "Schedule" in item \d+: expected an ISO 8601 date-time, e\.g\. 2026-11-24T09:30:00 or 2026-11-24T09:30:00-05:00; got "next tuesday"$/],
	['impossible schedule date', { text: 'x', schedule: '2026-02-30T10:00:00' }, /^Invalid "Schedule" in item \d+/],
	['empty channel', { text: 'x', channel: '' }, /^Invalid "Channel" in item \d+: expected a channel key \(choose one from the list or give it by expression\); it is empty$/],
	['contact list not a number', { text: 'x', save: true, list: 'VIP' }, /^Invalid "Contact List" in item \d+: expected a list ID \(a whole number; 0 for "All Contacts"\); got "VIP"$/],
	['contact field without a name', { text: 'x', save: true, fieldName: '' }, /^Invalid "Contact Fields" in item \d+: expected a name for every entry/],
	['save contact neither true nor false', { text: 'x', save: 'yes' }, /^Invalid "Save Recipient as Contact" in item \d+: expected true or false; got "yes"$/],
];

const INBOUND = {
	operation: 'addInbound',
	provider: 'twlo',
	channelKey: 'chan-1',
	from: '={{ $json.from ?? "+16175551212" }}',
	text: '={{ $json.text ?? "hello" }}',
	mediaUrl: '={{ $json.media ?? "" }}',
	mediaType: '={{ $json.type ?? "" }}',
};

const inboundCases: Case[] = [
	['invalid sender phone', { from: '999' }, /^Invalid "From" in item \d+: expected a phone number/],
	['missing text', { text: '' }, /^Invalid "Text" in item \d+: expected the text of the message received; it is empty$/],
	['media URL not http(s)', { media: 'file:///etc/passwd' }, /^Invalid "Media URL" in item \d+: expected an http:\/\/ or https:\/\/ URL/],
	['media type not inferable (no extension)', { media: 'https://x.example/media/123' }, /^Invalid "Media Type" in item \d+: expected a MIME type such as image\/png, as it cannot be told from the Media URL's file extension; it is empty$/],
	['media type ambiguous (.ogg)', { media: 'https://x.example/voice.ogg' }, /^Invalid "Media Type" in item \d+: .*cannot be told/],
	['media type malformed', { media: 'https://x.example/a.png', type: 'png' }, /^Invalid "Media Type" in item \d+: expected a MIME type such as image\/png or text\/plain; charset=utf-8; got "png"$/],
	['media type parameter without a value', { media: 'https://x.example/a.txt', type: 'text/plain; charset' }, /^Invalid "Media Type" in item \d+: .*got "text\/plain; charset"$/],
];

describe.each([
	['Send', SEND, sendCases, { to: '+16175551212', text: 'good' }],
	['Add Inbound', INBOUND, inboundCases, { from: '+16175551212', text: 'good' }],
])('Sociocs > %s: bad input', (_name, parameters, cases, good) => {
	test.each(cases)('%s: clear error, nothing sent', async (_case, json, message) => {
		const result = await runNode(sociocs(api, parameters), [json]);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/ in item 0:/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.requests).toHaveLength(0);
	});

	test('the whole batch without Continue On Fail: stops at the first bad item, nothing sent', async () => {
		const batch = [good, ...cases.map(([, json]) => json), good];
		const result = await runNode(sociocs(api, parameters), batch);
		expect(result.error?.message).toMatch(/ in item 1:/);
		expect(api.requests).toHaveLength(0);
	});

	test('the whole batch with Continue On Fail: good items sent, bad ones are error items in order', async () => {
		const batch = [good, ...cases.map(([, json]) => json), good];
		const result = await runNode(sociocs(api, parameters, { continueOnFail: true }), batch);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(2);
		const out = jsonOf(result.items);
		expect(out).toHaveLength(batch.length);
		expect(pairedIndexes(result.items)).toEqual(batch.map((_, i) => i));
		expect(out[0].error).toBeUndefined();
		expect(out[batch.length - 1].error).toBeUndefined();
		cases.forEach(([, , message], index) => {
			const item = out[index + 1];
			expect(item.error).toMatch(message);
			expect(item.error).toContain(`in item ${index + 1}:`);
		});
	});
});

/** One parameter set each (not an expression table): these fields are seldom mapped per item. */
const send = (parameters: IDataObject) => ({ operation: 'send', channelKey: 'chan-1', to: '+16175551212', ...parameters });
const OBJECT = '={{ { a: 1 } }}';
const AN_OBJECT = 'expected a text value; got {"a":1}';

describe('Sociocs > Send: each field named in its own error, nothing sent', () => {
	test.each([
		['an unknown provider (a workflow edited by hand)', { provider: 'sms', text: 'x' }, 'Invalid "Provider" in item 0: expected one of twlo (Twilio SMS), twlowa (Twilio WhatsApp), gswa (Gupshup WhatsApp), tlnx (Telnyx SMS); got "sms"'],
		['Name not text', { provider: 'twlo', text: 'x', name: OBJECT }, `Invalid "Name" in item 0: ${AN_OBJECT}`],
		['Text not text', { provider: 'twlo', text: OBJECT }, `Invalid "Text" in item 0: ${AN_OBJECT}`],
		['Send As User not text', { provider: 'twlo', text: 'x', options: { userId: OBJECT } }, `Invalid "Send As User" in item 0: ${AN_OBJECT}`],
		['a negative contact list', { provider: 'twlo', text: 'x', saveContact: true, contactListId: -1 }, 'Invalid "Contact List" in item 0: expected a list ID (a whole number; 0 for "All Contacts"); got -1'],
		['a fractional contact list', { provider: 'twlo', text: 'x', saveContact: true, contactListId: 1.5 }, 'Invalid "Contact List" in item 0: expected a list ID (a whole number; 0 for "All Contacts"); got 1.5'],
		['Twilio WhatsApp without text or template', { provider: 'twlowa' }, 'Invalid "Text" in item 0: expected a message text or a Template SID; it is empty'],
		['Twilio WhatsApp variables without a Template SID', { provider: 'twlowa', text: 'x', templateVariables: { variable: [{ name: '1', value: 'Jane' }] } }, 'Invalid "Template SID" in item 0: expected a Template SID when Template Variables are given; it is empty'],
		['Template SID not text', { provider: 'twlowa', templateSid: OBJECT }, `Invalid "Template SID" in item 0: ${AN_OBJECT}`],
		['Gupshup without text or template', { provider: 'gswa' }, 'Invalid "Text" in item 0: expected a message text or a Template ID; it is empty'],
		['Gupshup template media without a Template ID', { provider: 'gswa', text: 'x', gupshupMediaUrl: 'https://x.example/a.png' }, 'Invalid "Template ID" in item 0: expected a Template ID when template media or variables are given; it is empty'],
		...(['gupshupHeader', 'gupshupBody', 'gupshupButtons'] as const).map((field): [string, IDataObject, string] => [
			`Gupshup ${field} without a Template ID`,
			{ provider: 'gswa', text: 'x', [field]: { variable: [{ name: '1', value: 'v' }] } },
			'Invalid "Template ID" in item 0: expected a Template ID when template media or variables are given; it is empty',
		]),
		['Template ID not text', { provider: 'gswa', gupshupTemplateId: OBJECT }, `Invalid "Template ID" in item 0: ${AN_OBJECT}`],
		['Template Media URL not a URL', { provider: 'gswa', gupshupTemplateId: 't1', gupshupMediaUrl: 'a.png' }, 'Invalid "Template Media URL" in item 0: expected an http:// or https:// URL; got "a.png"'],
		['Header Variables without a name', { provider: 'gswa', gupshupTemplateId: 't1', gupshupHeader: { variable: [{ name: '', value: 'v' }] } }, 'Invalid "Header Variables" in item 0: expected a name for every entry'],
		['Body Variables without a name', { provider: 'gswa', gupshupTemplateId: 't1', gupshupBody: { variable: [{ name: '', value: 'v' }] } }, 'Invalid "Body Variables" in item 0: expected a name for every entry'],
		['Button Variables without a name', { provider: 'gswa', gupshupTemplateId: 't1', gupshupButtons: { variable: [{ name: '', value: 'v' }] } }, 'Invalid "Button Variables" in item 0: expected a name for every entry'],
	])('%s', async (_what, parameters, message) => {
		const result = await runNode(sociocs(api, send(parameters)));
		expect(result.error?.message).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
		expect(api.requests).toHaveLength(0);
	});
});

describe('Sociocs > Send: what goes out', () => {
	test.each([
		['a Template SID with spaces around it', { provider: 'twlowa', templateSid: ' HX1 ' }, { template: { id: 'HX1' } }],
		['a Template ID with spaces around it', { provider: 'gswa', gupshupTemplateId: ' t1 ' }, { template: { id: 't1' } }],
		['Send As User with spaces around it', { provider: 'twlo', text: 'x', options: { userId: ' u-1 ' } }, { user_id: 'u-1' }],
		['a contact list left empty by an expression', { provider: 'twlo', text: 'x', saveContact: true, contactListId: '={{ "" }}' }, { contact_saving: { save: true, list_id: 0 } }],
	])('%s', async (_what, parameters, expected) => {
		const result = await runNode(sociocs(api, send(parameters)));
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body).toMatchObject(expected);
	});

	test.each([
		['Twilio WhatsApp', { provider: 'twlowa', text: 'x', imageUrl: 'https://x.example/a.png', gupshupTemplateId: 't1' }],
		['Twilio SMS', { provider: 'twlo', text: 'x', templateSid: 'HX1', gupshupTemplateId: 't1' }],
		['Gupshup WhatsApp', { provider: 'gswa', text: 'x', imageUrl: 'https://x.example/a.png', templateSid: 'HX1' }],
	])('%s: fields of the other providers, left in the parameters, are not sent', async (_provider, parameters) => {
		const result = await runNode(sociocs(api, send(parameters)));
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body).toEqual({ provider: parameters.provider, channel_key: 'chan-1', to: '+16175551212', text: 'x' });
	});
});
