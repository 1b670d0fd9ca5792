import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { holdFirstUntilSecond } from '../helpers/overlap';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { API_KEY, sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const inbound = (parameters: Record<string, unknown>) => ({
	operation: 'addInbound',
	provider: 'twlo',
	channelKey: 'chan-1',
	from: '16175551212',
	text: 'I would like to reschedule',
	...parameters,
});

describe('Sociocs > Add Inbound', () => {
	test('text only: exact body, output echoes what was recorded', async () => {
		const result = await runNode(sociocs(api, inbound({ name: 'Jane' })));
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.headers.apikey])).toEqual([['POST', '/sociocs/incoming', API_KEY]]);
		expect(api.requests[0].body).toEqual({
			provider: 'twlo',
			channel_key: 'chan-1',
			from: '+16175551212',
			name: 'Jane',
			text: 'I would like to reschedule',
		});
		expect(result.items[0].json).toEqual({ status: 'success', ...api.requests[0].body });
	});

	test.each(['text/plain; charset=utf-8', 'audio/ogg; codecs="opus"', 'text/csv;charset=UTF-8;header=present'])(
		'a MIME type with parameters is accepted and sent as given: %s',
		async (mediaType) => {
			const result = await runNode(sociocs(api, inbound({ mediaUrl: 'https://x.example/file', mediaType })));
			expect(result.error).toBeUndefined();
			expect(api.requests[0].body).toMatchObject({ media_url: 'https://x.example/file', media_type: mediaType });
		},
	);

	test('media with an explicit type', async () => {
		await runNode(sociocs(api, inbound({ mediaUrl: 'https://x.example/file', mediaType: 'application/pdf' })));
		expect(api.requests[0].body).toMatchObject({ media_url: 'https://x.example/file', media_type: 'application/pdf' });
	});

	test.each([
		['https://x.example/photo.JPG?size=large', 'image/jpeg'],
		['https://x.example/clip.mp4', 'video/mp4'],
		['https://x.example/doc.pdf#page=2', 'application/pdf'],
		['https://x.example/sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
	])('media type inferred from %s', async (mediaUrl, mediaType) => {
		await runNode(sociocs(api, inbound({ mediaUrl, mediaType: '' })));
		expect(api.requests[0].body).toMatchObject({ media_url: mediaUrl, media_type: mediaType });
	});

	test('a Media Type with spaces around it is sent without them', async () => {
		await runNode(sociocs(api, inbound({ mediaUrl: 'https://x.example/file', mediaType: ' application/pdf ' })));
		expect(api.requests[0].body).toMatchObject({ media_type: 'application/pdf' });
	});

	test.each([
		['name', 'Name'],
		['mediaType', 'Media Type'],
	])('%s given as an object by an expression is refused, naming "%s"', async (parameter, label) => {
		const result = await runNode(
			sociocs(api, inbound({ mediaUrl: 'https://x.example/file.pdf', [parameter]: '={{ { a: 1 } }}' }), { continueOnFail: true }),
		);
		expect(api.requests).toHaveLength(0);
		expect(jsonOf(result.items)[0].error).toBe(`Invalid "${label}" in item 0: expected a text value; got {"a":1}`);
	});

	test('different senders are recorded side by side; one sender\'s messages one after another, in order', async () => {
		const pendingAtArrival = holdFirstUntilSecond(api, '/sociocs/incoming', (r) => r.body.text, ['a1', 'b1'], () => ({ status: 200, body: { status: 'success' } }));
		const result = await runNode(
			sociocs(api, inbound({ from: '={{ $json.from }}', text: '={{ $json.text }}' })),
			[
				{ from: '+16175551212', text: 'a1' },
				{ from: '+16175551212', text: 'a2' },
				{ from: '+16175550000', text: 'b1' },
			],
		);
		expect(jsonOf(result.items).map((j) => j.text)).toEqual(['a1', 'a2', 'b1']);
		expect(pendingAtArrival).toEqual({ a1: [], b1: ['a1'], a2: [] });
		expect(api.requests.map((r) => r.body.text)).toEqual(['a1', 'b1', 'a2']);
	});

	test('a 200 with status "error" is a node error', async () => {
		api.once({ path: '/sociocs/incoming' }, { status: 200, body: { status: 'error', errors: [{ msg: 'Provider not supported.' }] } });
		const result = await runNode(sociocs(api, inbound({})));
		expect(result.error?.message).toBe('Provider not supported.');
	});
});
