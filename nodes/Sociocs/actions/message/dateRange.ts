import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatInZone, toZonedIso } from '../../../shared/dates';
import type { ItemFields } from '../../../shared/fields';

/**
 * Calendar days for Sociocs' message history (`start_date` / `end_date`, YYYY-MM-DD, both
 * inclusive). Sociocs does not say in which time zone its days or its "today" are; the node
 * always sends both days, read in the workflow's time zone, so that "today" is never Sociocs'
 * guess.
 */

const DAY_MS = 86_400_000;

/** GET /messages: `end_date` at most 31 days after `start_date` (Sociocs' rule since 2026-08-20). */
export const MAX_WINDOW_DAYS = 31;

export const TODAY_HINT =
	'A date in the workflow\'s time zone (Settings > Time Zone); a date-time counts by its day there. Empty: today in that time zone.';

export function dateFields(show: Record<string, string[]>, emptyStart: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: `The first day, included. Empty: ${emptyStart}.`,
			hint: TODAY_HINT.replace('today in that time zone', emptyStart),
			displayOptions: { show },
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'The last day, included. Empty: today.',
			hint: TODAY_HINT,
			displayOptions: { show },
		},
	];
}

/** `YYYY-MM-DD` of an epoch day number (days since 1970-01-01). */
const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayNumber = (text: string) => Math.round(Date.parse(`${text}T00:00:00Z`) / DAY_MS);

/** Today in the workflow's time zone, as YYYY-MM-DD. */
export function today(ctx: IExecuteFunctions, now = Date.now()): string {
	return formatInZone(now, ctx.getTimezone()).slice(0, 10);
}

export function daysBefore(day: string, count: number): string {
	return dayText(dayNumber(day) - count);
}

/** A day field as YYYY-MM-DD in the workflow's zone, or `fallback` when empty. */
function readDay(fields: ItemFields, ctx: IExecuteFunctions, name: string, label: string, fallback: string): string {
	const value = fields.resolved(name, '');
	if (value === undefined || value === null || value === '') return fallback;
	const iso = toZonedIso(value, ctx.getTimezone());
	return iso ? iso.slice(0, 10) : fields.fail(label, 'a date, e.g. 2026-11-24 (or a date-time)', String(value));
}

export interface DayRange {
	start: string;
	end: string;
}

/** The item's Start Date and End Date; refused when the end is before the start. */
export function readRange(fields: ItemFields, ctx: IExecuteFunctions, startDaysBeforeEnd: number): DayRange {
	const end = readDay(fields, ctx, 'endDate', 'End Date', today(ctx));
	const start = readDay(fields, ctx, 'startDate', 'Start Date', daysBefore(end, startDaysBeforeEnd));
	if (end < start) fields.fail('End Date', `a day on or after the Start Date (${start})`, end);
	return { start, end };
}

/**
 * The range cut into windows of at most `days` days each (inclusive of both ends: a window of
 * 31 days has its end 30 days after its start, within Sociocs' "at most 31 days after"), oldest first.
 */
export function windows({ start, end }: DayRange, days = MAX_WINDOW_DAYS): DayRange[] {
	const last = dayNumber(end);
	const result: DayRange[] = [];
	for (let first = dayNumber(start); first <= last; first += days) {
		result.push({ start: dayText(first), end: dayText(Math.min(first + days - 1, last)) });
	}
	return result;
}
