/**
 * Message > Send to Many in n8n's engine against the strict mock: the bulk body as Sociocs
 * documents it, jobs of "Recipients per Job", duplicates, schedule in the workflow's zone,
 * bad input refused before the first job, Continue On Fail, and the truth about a job whose
 * answer was lost.
 */
import { expectNoSecret, expectRejectedBeforeSending, jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { API_KEY, sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const many = (parameters: Record<string, unknown> = {}) => ({
	operation: 'sendMany',
	provider: 'twlo',
	channelKey: 'chan-1',
	to: '={{ $json.phone }}',
	name: '={{ $json.name }}',
	text: 'Hi {{name}}, we open at 9',
	...parameters,
});
const phone = (i: number) => `+1617555${String(1000 + i)}`;
const people = (count: number) => Array.from({ length: count }, (_, i) => ({ phone: phone(i), name: `P${i}` }));
/** The ids of the jobs the mock created, in order: what the output must report. */
const jobIds = () => api.messages.state.jobs.map((job) => job.job_id);
const pairedOf = (item: { pairedItem?: unknown }) => (item.pairedItem as Array<{ item: number }>).map((p) => p.item);

describe('Sociocs > Send to Many: the bulk body', () => {
	test('one job: recipients as { to, name } objects, numbers normalised, text and media once, options as documented', async () => {
		const result = await runNode(
			sociocs(
				api,
				many({
					imageUrl: 'https://cdn.example.com/a.jpg',
					options: { defaultCountry: 'US', schedule: '2026-12-01T09:30:00', userId: 'u1', allowDuplicates: true },
				}),
				{ timezone: 'America/New_York' },
			),
			[{ phone: '(617) 555-1212', name: 'Ann' }, { phone: '+44 20 7946 0958' }, { phone: '617.555.1212', name: 'Ann again' }],
		);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect([request.method, request.path, request.headers.apikey]).toEqual(['POST', '/sociocs/messages/bulk', API_KEY]);
		expect(request.body).toEqual({
			provider: 'twlo',
			channel_key: 'chan-1',
			recipients: [{ to: '+16175551212', name: 'Ann' }, { to: '+442079460958' }, { to: '+16175551212', name: 'Ann again' }],
			text: 'Hi {{name}}, we open at 9',
			image_url: 'https://cdn.example.com/a.jpg',
			duplicates_allowed: true,
			schedule: '2026-12-01T09:30:00-05:00',
			user_id: 'u1',
		});
		expect(jsonOf(result.items)).toEqual([
			{
				job_id: jobIds()[0],
				recipient_count: 3,
				input_items: [0, 1, 2],
				provider: 'twlo',
				channel_key: 'chan-1',
				schedule: '2026-12-01T09:30:00-05:00',
			},
		]);
		expect(pairedOf(result.items[0])).toEqual([0, 1, 2]);
		expectNoSecret(result, API_KEY);
	});

	test('Allow Duplicates off (the default): one message per number, to its first item, across jobs too', async () => {
		const input = [
			{ phone: phone(1), name: 'First' },
			{ phone: phone(2) },
			{ phone: phone(1).replace('+', ''), name: 'Second' },
			{ phone: phone(3) },
			{ phone: phone(2) },
		];
		const result = await runNode(sociocs(api, many({ options: { recipientsPerJob: 2 } })), input);
		expect(api.requests.map((r) => r.body.recipients)).toEqual([
			[{ to: phone(1), name: 'First' }, { to: phone(2) }],
			[{ to: phone(3) }],
		]);
		expect(api.requests.every((r) => r.body.duplicates_allowed === false)).toBe(true);
		expect(jsonOf(result.items).map(({ job_id, recipient_count, input_items, duplicate_items }) => ({ job_id, recipient_count, input_items, duplicate_items }))).toEqual([
			{ job_id: jobIds()[0], recipient_count: 2, input_items: [0, 1, 2, 4], duplicate_items: [2, 4] },
			{ job_id: jobIds()[1], recipient_count: 1, input_items: [3], duplicate_items: undefined },
		]);
		expect(api.messages.state.delivered.map((d) => d.to)).toEqual([phone(1), phone(2), phone(3)]);
	});

	test('2,500 recipients, default Recipients per Job (1,000): three jobs in input order, one output item each, paired with all of its items', async () => {
		const result = await runNode(sociocs(api, many()), people(2500));
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.body.recipients.length)).toEqual([1000, 1000, 500]);
		expect(api.requests.map((r) => r.body.recipients[0].to)).toEqual([phone(0), phone(1000), phone(2000)]);
		expect(jsonOf(result.items).map((j) => [j.job_id, j.recipient_count, (j.input_items as number[]).length])).toEqual([
			[jobIds()[0], 1000, 1000],
			[jobIds()[1], 1000, 1000],
			[jobIds()[2], 500, 500],
		]);
		expect(result.items.flatMap(pairedOf)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
		// Every recipient got the message exactly once.
		const delivered = api.messages.state.delivered.map((d) => d.to);
		expect(new Set(delivered).size).toBe(2500);
		expect(delivered).toHaveLength(2500);
	});

	test('WhatsApp providers and Telnyx: media only where offered; Sociocs\' refusal of Telnyx reaches the user in its words', async () => {
		await runNode(sociocs(api, many({ provider: 'gswa', fileUrl: 'https://x.example/f.pdf' })), people(1));
		expect(api.requests[0].body).toMatchObject({ provider: 'gswa', file_url: 'https://x.example/f.pdf' });
		api.reset();
		const telnyx = await runNode(sociocs(api, many({ provider: 'tlnx', imageUrl: 'https://x.example/ignored.jpg' })), people(2));
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body).toEqual({
			provider: 'tlnx',
			channel_key: 'chan-1',
			recipients: [{ to: phone(0), name: 'P0' }, { to: phone(1), name: 'P1' }],
			text: 'Hi {{name}}, we open at 9',
			duplicates_allowed: false,
		});
		expect(telnyx.error?.message).toBe('provider must be one of twlo, twlowa, gswa');
		expect(telnyx.error?.description).toContain('job 1 (items 0-1) was not delivered');
	});
});

describe('Sociocs > Send to Many: bad input is refused before the first job', () => {
	test('a bad phone number in item 5,000 of 5,001: nothing sent, the item named', async () => {
		const input = people(5001);
		input[5000] = { phone: '12345', name: 'Typo' };
		const result = await runNode(sociocs(api, many()), input);
		expectRejectedBeforeSending(result, api, /^Invalid "To" in item 5000: expected a phone number with its country code/);
	});

	test.each([
		['no text and no media', { text: '' }, /^Invalid "Text" in item 0: expected a message text, or an Image URL, Video URL or File URL; it is empty/],
		['Telnyx without text', { provider: 'tlnx', text: '' }, /^Invalid "Text" in item 0: expected a message text; it is empty/],
		['no channel', { channelKey: '={{ $json.missing }}' }, /^Invalid "Channel" in item 0: expected a channel key/],
		['an unknown provider', { provider: 'sms' }, /^Invalid "Provider" in item 0: expected one of twlo \(Twilio SMS\), twlowa \(Twilio WhatsApp\), gswa \(Gupshup WhatsApp\), tlnx \(Telnyx SMS\); got "sms"/],
		['a media URL that is not http(s)', { imageUrl: 'ftp://x.example/a.jpg' }, /^Invalid "Image URL" in item 0: expected an http:\/\/ or https:\/\/ URL; got "ftp/],
		['a video URL without host', { videoUrl: 'https://' }, /^Invalid "Video URL" in item 0: expected an http/],
		['a file URL that is text', { fileUrl: 'brochure.pdf' }, /^Invalid "File URL" in item 0: expected an http/],
		['Recipients per Job 0', { options: { recipientsPerJob: 0 } }, /^Invalid "Recipients per Job" in item 0: expected a whole number of at least 1; got 0/],
		['Recipients per Job 2.5', { options: { recipientsPerJob: 2.5 } }, /^Invalid "Recipients per Job" in item 0: expected a whole number of at least 1; got 2.5/],
		['a schedule that is no date', { options: { schedule: 'next tuesday' } }, /^Invalid "Schedule" in item 0: expected an ISO 8601 date-time/],
		['Allow Duplicates not a boolean', { options: { allowDuplicates: 'maybe' } }, /^Invalid "Allow Duplicates" in item 0: expected true or false; got "maybe"/],
		['a To that is a name', { to: 'John' }, /^Invalid "To" in item 0: expected a phone number/],
		['an empty To', { to: '={{ $json.missing }}' }, /^Invalid "To" in item 0: expected a phone number.*it is empty/],
		['a national number without Default Country', { to: '(617) 555-1212' }, /^Invalid "To" in item 0: expected a phone number/],
		['a number that reads two ways', { to: '4915112345678', options: { defaultCountry: 'DE' } }, /^Invalid "To" in item 0: expected a number that reads one way only/],
		['a Name that is an object', { name: '={{ { a: 1 } }}' }, /^Invalid "Name" in item 0: expected a text value/],
	])('%s', async (_label, parameters, pattern) => {
		const result = await runNode(sociocs(api, many(parameters)), [{ phone: '+16175551212', name: 'Ann' }]);
		expectRejectedBeforeSending(result, api, pattern);
	});

	test('a text that differs between items (an expression per recipient) is refused: one text goes to all', async () => {
		const result = await runNode(sociocs(api, many({ text: '={{ "Hi " + $json.name }}' })), people(3));
		expectRejectedBeforeSending(result, api, /^Invalid "Text" in item 1: expected the same value as in item 0: Send to Many sends one message to all recipients \(for a text per recipient, use Send\); got \{"text":"Hi P1"\}/);
	});

	test('a channel or a schedule that differs between items is refused too', async () => {
		const channel = await runNode(sociocs(api, many({ channelKey: '={{ $json.name === "P2" ? "other" : "chan-1" }}' })), people(3));
		expectRejectedBeforeSending(channel, api, /^Invalid "Channel" in item 2: expected the same value as in item 0/);
		const schedule = await runNode(sociocs(api, many({ options: { schedule: '={{ $json.when }}' } })), [
			{ phone: phone(0), when: '2026-12-01T09:00:00Z' },
			{ phone: phone(1), when: '2026-12-02T09:00:00Z' },
		]);
		expectRejectedBeforeSending(schedule, api, /^Invalid "Schedule" in item 1: expected the same value as in item 0/);
	});

	test('Continue On Fail: bad items come back as error items in their place, the good ones go out in one job', async () => {
		const input = [{ phone: phone(0) }, { phone: 'nope' }, { phone: phone(2) }, { phone: '' }, { phone: phone(4) }];
		const result = await runNode(sociocs(api, many({ name: '' }), { continueOnFail: true }), input);
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].body.recipients).toEqual([{ to: phone(0) }, { to: phone(2) }, { to: phone(4) }]);
		const out = jsonOf(result.items);
		expect(out.map((j) => j.job_id ?? j.error)).toEqual([
			jobIds()[0],
			expect.stringMatching(/^Invalid "To" in item 1/),
			expect.stringMatching(/^Invalid "To" in item 3/),
		]);
		expect(out[0].input_items).toEqual([0, 2, 4]);
		expect(result.items.map((item) => (Array.isArray(item.pairedItem) ? pairedOf(item) : [(item.pairedItem as { item: number }).item]))).toEqual([[0, 2, 4], [1], [3]]);
	});
});

describe('Sociocs > Send to Many: a job whose answer is lost is never sent again', () => {
	test('a 500 on job 2 of 3: job 1 sent, job 2 may have been, job 3 not sent; the error names them all', async () => {
		let bulk = 0;
		api.on({ path: '/sociocs/messages/bulk' }, () => (++bulk === 2 ? { status: 500, body: { status: 'error', errors: [{ msg: 'Internal error' }] } } : undefined));
		const result = await runNode(sociocs(api, many({ options: { recipientsPerJob: 2 } })), people(6));
		expect(api.requests).toHaveLength(2);
		expect(result.error?.message).toBe('Internal error');
		expect(result.error?.description).toContain('job 2 (items 2-3) may have been delivered: it was not sent again, to avoid sending it twice.');
		expect(result.error?.description).toContain('Sent: job 1 (items 0-1).');
		expect(result.error?.description).toContain('Not sent: job 3 (items 4-5).');
	});

	test('with Continue On Fail: the unknown job is an error item naming its items (delivery unknown), later jobs are held back as not sent', async () => {
		let bulk = 0;
		api.on({ path: '/sociocs/messages/bulk' }, () => (++bulk === 2 ? { status: 502, body: 'Bad Gateway' } : undefined));
		const result = await runNode(sociocs(api, many({ options: { recipientsPerJob: 2 } }), { continueOnFail: true }), people(6));
		expect(api.requests).toHaveLength(2);
		const out = jsonOf(result.items);
		expect(out.map((j) => [j.job_id, j.delivery, j.job, j.input_items])).toEqual([
			[jobIds()[0], undefined, undefined, [0, 1]],
			[undefined, 'unknown', 2, [2, 3]],
			[undefined, 'no', 3, [4, 5]],
		]);
		expect(out[2].error).toBe('Not sent: job 2 (items 2-3) may have been delivered, so no later job was sent');
		expect(result.items.map(pairedOf)).toEqual([[0, 1], [2, 3], [4, 5]]);
	});

	test('with Continue On Fail, a job Sociocs refused (400) was not delivered: the next jobs still go out', async () => {
		let bulk = 0;
		api.on({ path: '/sociocs/messages/bulk' }, () => (++bulk === 1 ? { status: 400, body: { status: 'error', errors: [{ msg: 'Channel is busy.' }] } } : undefined));
		const result = await runNode(sociocs(api, many({ options: { recipientsPerJob: 2 } }), { continueOnFail: true }), people(4));
		expect(api.requests).toHaveLength(2);
		expect(jsonOf(result.items).map((j) => [j.job_id ?? j.error, j.delivery])).toEqual([
			['Channel is busy.', 'no'],
			[jobIds()[0], undefined],
		]);
	});

	test('a 200 without a job_id is not taken as sent (may have been delivered)', async () => {
		api.once({ path: '/sociocs/messages/bulk' }, { status: 200, body: { status: 'success' } });
		const result = await runNode(sociocs(api, many()), people(2));
		expect(result.error?.message).toBe('Sociocs answered HTTP 200 without confirming the message');
		expect(result.error?.description).toContain('status "success" and a data.job_id');
		expect(result.error?.description).toContain('job 1 (items 0-1) may have been delivered');
	});
});
