import { idProof } from '../../nodes/shared/transport';
import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { probe, sendingProbe } from './probe';

/**
 * What every request carries (nodes/shared/transport/attempt.ts requestOptions), as the mock
 * receives it: it asks for JSON, so that an API that can answer in another format answers in
 * the one the verdicts are read from; and the idempotency key goes as the documented header.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

test('reads and writes ask for JSON; a keyed write carries Idempotency-Key, an unkeyed one none', async () => {
	api.on({ method: 'GET' }, { status: 200, body: { id: 't1' } });
	api.on({ method: 'POST' }, { status: 201, body: { id: 'm1' } });
	const type = sendingProbe((itemIndex) => ({
		request:
			itemIndex === 0
				? { method: 'GET', path: '/threads/t1' }
				: { method: 'POST', path: '/threads/t1/messages', body: { content: 'hi' }, proof: idProof('an id', (body) => body.id), ...(itemIndex === 1 ? { idempotencyKey: 'key-1' } : {}) },
	}));
	const result = await runNode(probe(api, type), [{}, {}, {}]);
	expect(jsonOf(result.items).map((item) => item.id)).toEqual(['t1', 'm1', 'm1']);
	expect(api.requests.map((r) => [r.method, r.headers.accept, r.headers['idempotency-key']])).toEqual([
		['GET', 'application/json', undefined],
		['POST', 'application/json', 'key-1'],
		['POST', 'application/json', undefined],
	]);
});
