/**
 * Rate limiting end to end under load: bulk sends in n8n's engine against the mock's rate
 * limits (the rules for one request are in rateLimitRules.test.ts). Only what cannot depend on
 * the machine's speed is asserted (counts, order, duplicates, delivery verdicts); the
 * limiter's timing is tested on a virtual clock (limiterModel.test.ts) and measured by
 * `npm run bench`.
 */
import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { DISCIPLINES } from '../mock/rateLimits';
import { sociocs } from '../sociocs/helpers';
import { bulk, delivered as deliveredBy, send } from './sends';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const delivered = () => deliveredBy(api);

test.each(DISCIPLINES)('%s rate limit: every message delivered exactly once, output in input order', async (discipline) => {
	api.setLatency(5);
	api.setRateLimit({ discipline, limit: 40 });
	const input = bulk(100, 30);
	const result = await runNode(sociocs(api, send()), input);
	expect(result.error).toBeUndefined();
	// (Whether 429s came depends on what the shared limiter learned in the tests before.)
	expect(delivered().sort()).toEqual(input.map((item) => item.text).sort());
	expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));
	expect(jsonOf(result.items).map((json) => json.to)).toEqual(input.map((item) => item.to));
});

test('HighLevel with its rate headers: every message delivered exactly once, in order', async () => {
	api.setRateLimit({ limit: 20, windowMs: 1000, headers: 'highlevel' });
	const items = Array.from({ length: 40 }, (_, i) => ({ conversation: `conv${i}`, text: `h${i}` }));
	const result = await runNode(
		highLevel(api, {
			type: 'SMS',
			message: '={{ $json.text }}',
			conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
		}),
		items,
	);
	expect(result.error).toBeUndefined();
	const accepted = api.requests.filter((r) => r.status === 200).map((r) => r.body.message as string);
	expect(accepted.sort()).toEqual(items.map((item) => item.text).sort());
	expect(api.requests[0].status).toBe(200);
	expect(jsonOf(result.items).map((json) => json.conversationId)).toEqual(items.map((item) => item.conversation));
});
