/**
 * The package's dates. Date-times sent to the APIs are ISO 8601 with the offset of the
 * workflow's time zone, e.g.
 * "2026-11-24T09:30:00-05:00". n8n hands a date-time parameter over as a naive string from the
 * picker ("2026-11-24T09:30:00", meant in the workflow's zone), an ISO string with an offset,
 * or a Luxon DateTime from an expression such as {{ $now.plus(1, 'day') }}.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(epochMs: number, timeZone: string) {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, format);
	}
	const part = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
	return {
		year: Number(part.year),
		month: Number(part.month),
		day: Number(part.day),
		hour: Number(part.hour),
		minute: Number(part.minute),
		second: Number(part.second),
	};
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(epochMs: number, timeZone: string): number {
	const p = partsIn(epochMs, timeZone);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export function formatInZone(epochMs: number, timeZone: string): string {
	const p = partsIn(epochMs, timeZone);
	const offset = offsetMinutes(epochMs, timeZone);
	const sign = offset < 0 ? '-' : '+';
	return (
		`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
		`${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
	);
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time in `timeZone` stands for. A time that exists twice (the hour
 * the clocks go back) is the first of the two. A time that does not exist (the hour the clocks
 * go forward: 02:30 on a spring-forward night) resolves forward, to the same distance past the
 * change: New York 02:30 becomes 03:30-04:00, Berlin 02:30 becomes 03:30+02:00.
 */
function wallTimeToEpoch(fields: number[], timeZone: string): number {
	const [year, month, day, hour, minute, second] = fields;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	// The zone's offsets a day either side: the only two a wall time near a change can have.
	const before = offsetMinutes(asUtc - DAY_MS, timeZone);
	const after = offsetMinutes(asUtc + DAY_MS, timeZone);
	const readings = [before, after]
		.map((offset) => asUtc - offset * 60_000)
		.filter((epoch) => formatInZone(epoch, timeZone).startsWith(wallText(fields)));
	// In a gap neither reading shows this wall time; the offset from before the change moves it forward.
	return readings.length ? Math.min(...readings) : asUtc - before * 60_000;
}

function wallText([year, month, day, hour, minute, second]: number[]): string {
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** ISO 8601 in the workflow's zone, or undefined when the value is not a date-time. */
export function toZonedIso(value: unknown, timeZone: string): string | undefined {
	if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		const millis = (value as { toMillis: () => number }).toMillis();
		return Number.isFinite(millis) ? formatInZone(millis, timeZone) : undefined;
	}
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatInZone(value.getTime(), timeZone);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (WITH_OFFSET.test(text)) {
		const epoch = Date.parse(text.replace(' ', 'T'));
		return Number.isNaN(epoch) ? undefined : formatInZone(epoch, timeZone);
	}
	const naive = NAIVE.exec(text);
	if (!naive) return undefined;
	const fields = naive.slice(1).map((part) => Number(part ?? 0));
	const [year, month, day, hour, minute, second] = fields;
	// Date.UTC silently rolls 2026-02-30 over to March: refuse days that do not exist.
	const calendarDay = new Date(Date.UTC(year, month - 1, day)).getUTCDate();
	if (month < 1 || month > 12 || calendarDay !== day || hour > 23 || minute > 59 || second > 59) return undefined;
	return formatInZone(wallTimeToEpoch(fields, timeZone), timeZone);
}

/**
 * A time a trigger received, as ISO 8601 (UTC): milliseconds (a number or numeric text, as
 * Sociocs sends them) or a date text; anything else is kept as it came.
 */
export function receivedTimeToIso<T>(value: T): T | string {
	const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	const date = Number.isFinite(ms) ? new Date(ms) : typeof value === 'string' ? new Date(value) : undefined;
	return date && !Number.isNaN(date.getTime()) ? date.toISOString() : value;
}
