import { runNode } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

/** Wall-clock date-times from the picker, sent in the workflow's zone, around DST changes. */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

async function scheduleSent(schedule: string, timezone: string) {
	await runNode(
		sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x', options: { schedule } }, { timezone }),
	);
	return api.requests[0].body.schedule as string;
}

describe('a wall time inside a DST gap resolves forward, in both hemispheres', () => {
	test.each([
		// [zone, wall time that does not exist, sent as]
		['America/New_York', '2026-03-08T02:30:00', '2026-03-08T03:30:00-04:00'],
		['America/Los_Angeles', '2026-03-08T02:00:00', '2026-03-08T03:00:00-07:00'],
		['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T03:30:00+02:00'],
		['Europe/London', '2026-03-29T01:15:00', '2026-03-29T02:15:00+01:00'],
		['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-04T03:30:00+11:00'],
		['America/Santiago', '2026-09-06T00:30:00', '2026-09-06T01:30:00-03:00'],
		['Australia/Lord_Howe', '2026-10-04T02:15:00', '2026-10-04T02:45:00+11:00'],
	])('%s %s is sent as %s', async (zone, wall, expected) => {
		expect(await scheduleSent(wall, zone)).toBe(expected);
	});

	test('HighLevel Date uses the same rule', async () => {
		await runNode(highLevel(api, { type: 'SMS', message: 'x', options: { date: '2026-03-08T02:30:00' } }, { timezone: 'America/New_York' }));
		expect(api.requests[0].body.date).toBe('2026-03-08T03:30:00-04:00');
	});
});

describe('times next to a DST change keep their meaning', () => {
	test.each([
		// The hour that exists twice is its first occurrence.
		['America/New_York', '2026-11-01T01:30:00', '2026-11-01T01:30:00-04:00'],
		['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T02:30:00+02:00'],
		['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-05T02:30:00+11:00'],
		// Just before and just after a gap.
		['America/New_York', '2026-03-08T01:59:00', '2026-03-08T01:59:00-05:00'],
		['America/New_York', '2026-03-08T03:00:00', '2026-03-08T03:00:00-04:00'],
		['Europe/Berlin', '2026-03-29T01:59:59', '2026-03-29T01:59:59+01:00'],
		['Europe/Berlin', '2026-03-29T03:00:00', '2026-03-29T03:00:00+02:00'],
		['Australia/Sydney', '2026-10-04T03:00:00', '2026-10-04T03:00:00+11:00'],
		['Asia/Kolkata', '2026-03-08T02:30:00', '2026-03-08T02:30:00+05:30'],
	])('%s %s is sent as %s', async (zone, wall, expected) => {
		expect(await scheduleSent(wall, zone)).toBe(expected);
	});
});
