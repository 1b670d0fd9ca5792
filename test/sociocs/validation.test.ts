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
