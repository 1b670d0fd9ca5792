import { runNode } from '../helpers/engine';
import { expectNoSecret, jsonOf, pairedIndexes } from '../helpers/assertions';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { API_KEY, sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const send = (parameters: Record<string, unknown>) => ({ operation: 'send', channelKey: 'chan-1', to: '+16175551212', ...parameters });

describe('Sociocs > Send: request bodies per provider', () => {
	test('Twilio SMS with every field: media, contact saving, schedule, sender', async () => {
		const result = await runNode(
			sociocs(
				api,
				send({
					provider: 'twlo',
					to: '={{ $json.phone }}',
					name: 'John Smith',
					text: 'Your order shipped',
					imageUrl: 'https://cdn.example.com/a.jpg',
					videoUrl: 'https://cdn.example.com/b.mp4',
					fileUrl: 'http://cdn.example.com/c.pdf',
					saveContact: true,
					contactListId: 7,
					contactFields: { field: [{ name: 'email_address', value: 'john@example.com' }, { name: 'id', value: '987123' }] },
					options: { schedule: '2026-12-01T09:30:00', userId: 'u1', defaultCountry: 'US' },
				}),
				{ timezone: 'America/New_York' },
			),
			[{ phone: '(617) 555-1212' }],
		);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/sociocs/message');
		expect(request.headers.apikey).toBe(API_KEY);
		expect(request.body).toEqual({
			provider: 'twlo',
			channel_key: 'chan-1',
			to: '+16175551212',
			name: 'John Smith',
			text: 'Your order shipped',
			image_url: 'https://cdn.example.com/a.jpg',
			video_url: 'https://cdn.example.com/b.mp4',
			file_url: 'http://cdn.example.com/c.pdf',
			contact_saving: { save: true, list_id: 7, extra_fields: { email_address: 'john@example.com', id: '987123' } },
			schedule: '2026-12-01T09:30:00-05:00',
			user_id: 'u1',
		});
		expect(result.items[0].json).toEqual({
			message_id: 'msg1',
			to: '+16175551212',
			provider: 'twlo',
			channel_key: 'chan-1',
			schedule: '2026-12-01T09:30:00-05:00',
		});
	});

	test('Twilio SMS with only an image (no text) and contact saving to All Contacts', async () => {
		await runNode(sociocs(api, send({ provider: 'twlo', imageUrl: 'https://x.example/p.png', saveContact: true })));
		expect(api.requests[0].body).toEqual({
			provider: 'twlo',
			channel_key: 'chan-1',
			to: '+16175551212',
			image_url: 'https://x.example/p.png',
			contact_saving: { save: true, list_id: 0 },
		});
	});

	test('Twilio WhatsApp template with variables, no text', async () => {
		await runNode(
			sociocs(
				api,
				send({
					provider: 'twlowa',
					templateSid: 'HX123',
					templateVariables: { variable: [{ name: '1', value: 'John' }, { name: '2', value: '={{ $json.date }}' }] },
				}),
			),
			[{ date: '11-Jul-2024' }],
		);
		expect(api.requests[0].body).toEqual({
			provider: 'twlowa',
			channel_key: 'chan-1',
			to: '+16175551212',
			template: { id: 'HX123', variables: { '1': 'John', '2': '11-Jul-2024' } },
		});
	});

	test('Twilio WhatsApp: media fields are Twilio-SMS-only and are not sent', async () => {
		await runNode(sociocs(api, send({ provider: 'twlowa', text: 'hi', imageUrl: 'https://x.example/p.png' })));
		expect(api.requests[0].body).toEqual({ provider: 'twlowa', channel_key: 'chan-1', to: '+16175551212', text: 'hi' });
	});

	test('Gupshup WhatsApp template: MEDIA_URL and Header / Body / Buttons maps', async () => {
		await runNode(
			sociocs(
				api,
				send({
					provider: 'gswa',
					gupshupTemplateId: 'tmpl-42',
					gupshupMediaUrl: 'https://placehold.co/600x400',
					gupshupHeader: { variable: [{ name: '1', value: 'John' }] },
					gupshupBody: { variable: [{ name: '1', value: 'john@example.com' }, { name: '2', value: '11-Jul-2024' }] },
					gupshupButtons: { variable: [{ name: '1', value: 'Quick Reply Text' }] },
				}),
			),
		);
		expect(api.requests[0].body).toEqual({
			provider: 'gswa',
			channel_key: 'chan-1',
			to: '+16175551212',
			template: {
				id: 'tmpl-42',
				variables: {
					MEDIA_URL: 'https://placehold.co/600x400',
					Header: { '1': 'John' },
					Body: { '1': 'john@example.com', '2': '11-Jul-2024' },
					Buttons: { '1': 'Quick Reply Text' },
				},
			},
		});
	});

	test('Gupshup WhatsApp: template without variables, plus text', async () => {
		await runNode(sociocs(api, send({ provider: 'gswa', gupshupTemplateId: 'tmpl-1', text: 'fallback' })));
		expect(api.requests[0].body).toEqual({
			provider: 'gswa',
			channel_key: 'chan-1',
			to: '+16175551212',
			text: 'fallback',
			template: { id: 'tmpl-1' },
		});
	});

	test.each([
		['+16175551212', {}, '+16175551212'],
		['16175551212', {}, '+16175551212'],
		['+1 (617) 555-1212', {}, '+16175551212'],
		['(617) 555-1212', { defaultCountry: 'US' }, '+16175551212'],
		['020 7946 0958', { defaultCountry: 'GB' }, '+442079460958'],
		['0044 20 7946 0958', {}, '+442079460958'],
		['+44 20 7946 0958', { defaultCountry: 'US' }, '+442079460958'],
		['12345', { phoneAsGiven: true }, '12345'],
		[' 12345 ', { phoneAsGiven: true }, '12345'],
	])('phone %s with %j is sent as %s', async (to, options, expected) => {
		await runNode(sociocs(api, send({ provider: 'twlo', to, text: 'x', options })));
		expect(api.requests[0].body.to).toBe(expected);
	});

	test('schedule: an ISO value with its own offset is sent in the workflow zone; a Luxon-style value too', async () => {
		await runNode(
			sociocs(api, send({ provider: 'twlo', text: 'x', options: { schedule: '2026-07-01T12:00:00Z' } }), { timezone: 'Europe/Berlin' }),
		);
		expect(api.requests[0].body.schedule).toBe('2026-07-01T14:00:00+02:00');
		api.reset();
		await runNode(
			sociocs(api, send({ provider: 'twlo', text: 'x', options: { schedule: "={{ DateTime.fromISO('2026-01-15T08:00:00Z') }}" } }), {
				timezone: 'Asia/Kolkata',
			}),
		);
		expect(api.requests[0].body.schedule).toBe('2026-01-15T13:30:00+05:30');
	});

	test('many recipients: output in input order, one request per item, same-recipient order kept', async () => {
		const input = Array.from({ length: 30 }, (_, i) => ({ phone: `+1617555${String(1000 + (i % 4)).padStart(4, '0')}`, text: `m${i}` }));
		api.setLatency(5);
		const result = await runNode(sociocs(api, send({ provider: 'twlo', to: '={{ $json.phone }}', text: '={{ $json.text }}' })), input);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((j) => j.to)).toEqual(input.map((i) => i.phone));
		expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));
		for (const phone of new Set(input.map((i) => i.phone))) {
			expect(api.requests.filter((r) => r.body.to === phone).map((r) => r.body.text)).toEqual(
				input.filter((i) => i.phone === phone).map((i) => i.text),
			);
		}
	});
});

describe('Sociocs > Send: values from expressions', () => {
	test.each([
		[true, { save: true, list_id: 0 }],
		['true', { save: true, list_id: 0 }],
		[' TRUE ', { save: true, list_id: 0 }],
		[false, undefined],
		['false', undefined],
		['', undefined],
	])('Save Recipient as Contact given as %j', async (save, contactSaving) => {
		const result = await runNode(sociocs(api, send({ provider: 'twlo', text: 'x', saveContact: '={{ $json.save }}' })), [{ save }]);
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body.contact_saving).toEqual(contactSaving);
	});

	test.each([
		['null', '={{ $json.user }}', { user: null }],
		['a missing field', '={{ $json.user }}', {}],
		['empty text', '', {}],
		['spaces', '={{ "  " }}', {}],
	])('Send As User from %s sends no user_id', async (_what, userId, json) => {
		const result = await runNode(sociocs(api, send({ provider: 'twlo', text: 'x', options: { userId } })), [json]);
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body).toEqual({ provider: 'twlo', channel_key: 'chan-1', to: '+16175551212', text: 'x' });
	});

	test('Send As User from an expression with an id, a number too', async () => {
		await runNode(sociocs(api, send({ provider: 'twlo', text: 'x', options: { userId: '={{ $json.user }}' } })), [{ user: 42 }]);
		expect(api.requests[0].body.user_id).toBe('42');
	});
});

describe('Sociocs > Send: API answers', () => {
	test('HTTP 200 with status "error" is a node error with Sociocs\' words', async () => {
		api.once({ path: '/sociocs/message' }, { status: 200, body: { status: 'error', errors: [{ msg: 'Invalid channel_key.' }] } });
		const result = await runNode(sociocs(api, send({ provider: 'twlo', text: 'x' })));
		expect(result.error?.message).toBe('Invalid channel_key.');
		expect(result.error?.description).toMatch(/^Not delivered: Sociocs answered/);
		expect(api.requests).toHaveLength(1);
	});

	test('HTTP 400 with several messages joins them', async () => {
		api.once({ path: '/sociocs/message' }, { status: 400, body: { status: 'error', errors: [{ msg: 'to is invalid' }, { msg: 'text too long' }] } });
		const result = await runNode(sociocs(api, send({ provider: 'twlo', text: 'x' })));
		expect(result.error?.message).toBe('to is invalid; text too long');
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
	});

	test('the API key appears nowhere in output or errors, even when echoed', async () => {
		api.once({ path: '/sociocs/message' }, { status: 401, body: { status: 'error', errors: [{ msg: `apikey ${API_KEY} not valid` }] } });
		const result = await runNode(sociocs(api, send({ provider: 'twlo', text: 'x' }), { continueOnFail: true }), [{}, {}]);
		expect(jsonOf(result.items)[0].error).toBe('apikey [redacted] not valid');
		expect(jsonOf(result.items)[1].message_id).toBeDefined();
		expectNoSecret(result, API_KEY);
	});
});
