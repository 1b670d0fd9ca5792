import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SendLimits } from './transport';

/**
 * Options every sending operation offers, in its "Options" collection.
 *
 * Concurrency 10 by default: on a 20-50 ms API that is 200-500 requests/s, above the published
 * limits of the three APIs (HighLevel 10/s, Inbox 5/s), so the rate limiter, not the
 * concurrency, sets the pace; more workers would only add parallel 429s.
 */
export const DEFAULT_CONCURRENCY = 10;

export const sendOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: DEFAULT_CONCURRENCY,
		description:
			'How many requests may be under way at once. Messages to the same recipient or conversation are always sent one after another, in input order.',
	},
	{
		displayName: 'Max Rate-Limit Wait (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 300,
		description:
			'How long one request may wait in total on the API\'s rate limit (HTTP 429) and on retries before it is reported',
	},
	{
		displayName: 'Max Requests per Second',
		name: 'maxPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Upper limit on this node\'s sending rate. 0 means only the API\'s own rate limit applies.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description:
			'How long to wait for the API to answer. A message that times out may have been delivered, so it is reported and not sent again automatically (unless the API makes a repeat safe). A read is retried.',
	},
];

/** The node-level sending limits from the operation's options (read once, from item 0). */
export function readSendLimits(ctx: IExecuteFunctions): SendLimits {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (name: string, fallback: number) => {
		const value = Number(options[name] ?? fallback);
		return Number.isFinite(value) && value >= 0 ? value : fallback;
	};
	return {
		concurrency: Math.max(1, Math.floor(number('concurrency', DEFAULT_CONCURRENCY))),
		maxPerSecond: number('maxPerSecond', 0),
		maxRateLimitWaitMs: number('maxRateLimitWait', 300) * 1000,
		timeoutMs: Math.max(1, number('timeout', 30)) * 1000,
	};
}

function byName(a: string, b: string): number {
	const [x, y] = [a.toLowerCase(), b.toLowerCase()];
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An operation's "Options" collection: its own options plus the ones every sending operation
 * has, listed alphabetically as n8n's editor conventions ask.
 */
export function optionsCollection(show: NonNullable<IDisplayOptions['show']>, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		// A plain comparison: the first localeCompare of a process loads ICU's collator, 13 ms
		// of n8n's start-up per node file. The names are plain ASCII words, so the order is the same.
		options: [...own, ...sendOptions].sort((a, b) => byName(a.displayName, b.displayName)),
	};
}
