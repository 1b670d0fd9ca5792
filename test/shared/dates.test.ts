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

/** Sends one Sociocs message with this Schedule: the node's error, and the schedule the API received. */
async function send(schedule: string, timezone = 'America/New_York') {
	const result = await runNode(
		sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x', options: { schedule } }, { timezone }),
	);
	return { error: result.error?.message, sent: api.requests[0]?.body?.schedule as string | undefined };
}

async function scheduleSent(schedule: string, timezone: string) {
	return (await send(schedule, timezone)).sent;
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

describe('what a Schedule may look like', () => {
	test.each([
		// Wall times in the workflow's zone, every form the picker or a user writes.
		['2026-07-01', '2026-07-01T00:00:00-04:00'],
		['2026-07-01T09:30', '2026-07-01T09:30:00-04:00'],
		['2026-07-01 09:30', '2026-07-01T09:30:00-04:00'],
		['2026-07-01T09:30:15', '2026-07-01T09:30:15-04:00'],
		['2026-07-01T09:30:15.250', '2026-07-01T09:30:15-04:00'],
		[' 2026-07-01T09:30 ', '2026-07-01T09:30:00-04:00'],
		['2026-01-01T23:59:59', '2026-01-01T23:59:59-05:00'],
		['2026-12-31T00:00:00', '2026-12-31T00:00:00-05:00'],
		// Instants with their own offset, shown in the workflow's zone.
		['2026-07-01T13:30Z', '2026-07-01T09:30:00-04:00'],
		['2026-07-01T15:30:15+0200', '2026-07-01T09:30:15-04:00'],
		['2026-07-01 15:30:15+02:00', '2026-07-01T09:30:15-04:00'],
		['2026-07-01T10:00:15.5-03:30', '2026-07-01T09:30:15-04:00'],
		['2026-07-01t13:30:00z', '2026-07-01T09:30:00-04:00'],
	])('%j is sent as %s', async (schedule, expected) => {
		expect(await send(schedule)).toEqual({ error: undefined, sent: expected });
	});

	test('a zone at UTC+0 is written +00:00', async () => {
		expect((await send('2026-01-15T08:00:00', 'Europe/London')).sent).toBe('2026-01-15T08:00:00+00:00');
	});

	test.each([
		'2026-7-01', '26-07-01', '2026-07-1', '2026-07-01T9:30', '2026-07-01T09:3', '2026-07-01T09:30:5', '2026-07-01X09:30',
		'2026-07-01T09:30junk', 'on 2026-07-01', '2026-07-01T09:30:15.', '2026-07-01T09:30+2:00', '2026-07-01T09:30+02:0',
		'2026-07-01T09:30:15.5Zjunk', 'x2026-07-01T09:30Z', '2026-07-01T09:30:5Z', '2026-07-01T9:30Z', '2026-7-01T09:30Z',
		'2026-07-1T09:30Z', '26-07-01T09:30Z', '2026-07-01X09:30Z', '2026-07-01T09:3Z', '2026-07-01T09:30:15.Z', '2026-07-01T09:30~02:00',
		'2026-13-01', '2026-00-10', '2026-02-30', '2026-07-01T24:00', '2026-07-01T23:60', '2026-07-01T23:59:60',
		'={{ { "at": "2026-07-01" } }}',
	])('%j is refused before sending', async (schedule) => {
		const { error, sent } = await send(schedule);
		expect(error).toMatch(/^Invalid "Schedule" in item 0: expected an ISO 8601 date-time/);
		expect(sent).toBeUndefined();
	});
});
