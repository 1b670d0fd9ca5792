/** Bulk sends of the Sociocs Send operation, shared by the rate-limit test files. */
import type { MockApi } from '../mock/mockApi';

export const bulk = (count: number, recipients = count) =>
	Array.from({ length: count }, (_, i) => ({ to: `+1617555${String(2000 + (i % recipients))}`, text: `b${i}` }));

export const send = (options: Record<string, unknown> = {}) => ({
	operation: 'send',
	provider: 'twlo',
	channelKey: 'chan-1',
	to: '={{ $json.to }}',
	text: '={{ $json.text }}',
	options,
});

/** Texts the API accepted (processed with a 2xx), in arrival order. */
export const delivered = (api: MockApi) => api.requests.filter((r) => r.outcome === 'processed' && r.status === 200).map((r) => r.body.text as string);
