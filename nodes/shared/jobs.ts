import { NodeOperationError } from 'n8n-workflow';
import type { ExecutionBaseError, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, buildEach, errorItem, pairedTo } from './items';
import { apiRequest } from './transport';
import type { Api, ApiRequest } from './transport';

/**
 * The item loop of a bulk send: many input items, one request (a job) per group of them.
 * Every item is read and checked first (buildEach: a bad item 5,000 stops the run before the
 * first job). Then the jobs go out one after another. A job that may have reached the API (a
 * 5xx, a timeout, an unconfirmed answer) is never sent again, and no job after it is sent: the
 * run stops there and says which jobs were sent, which may have been and which were not.
 */
export interface Job {
	/** The input items it carries, in input order. */
	items: number[];
	request: ApiRequest;
	output(response: unknown): IDataObject;
}

export type PlanJobs<T> = (valid: Array<{ itemIndex: number; value: T }>) => Job[];

/** "0-999, 1002, 1004-1010": item indexes, short enough for an error message. */
export function itemRanges(items: number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < items.length; i++) {
		let j = i;
		while (j + 1 < items.length && items[j + 1] === items[j] + 1) j++;
		parts.push(i === j ? String(items[i]) : `${items[i]}-${items[j]}`);
		i = j;
	}
	return parts.join(', ');
}

const jobName = (index: number, job: Job) => `job ${index + 1} (items ${itemRanges(job.items)})`;

function tally(jobs: Job[], sent: number[], failedAt: number, failure: ExecutionBaseError, held: number[]): string {
	const unknown = failure.context.delivery === 'unknown';
	const lines = [
		`${jobName(failedAt, jobs[failedAt])} ${unknown ? 'may have been delivered: it was not sent again, to avoid sending it twice' : 'was not delivered'}.`,
		sent.length ? `Sent: ${sent.map((k) => jobName(k, jobs[k])).join('; ')}.` : 'No job was sent before it.',
		held.length ? `Not sent: ${held.map((k) => jobName(k, jobs[k])).join('; ')}.` : 'No job was left to send.',
		unknown
			? 'Check Sociocs (Bulk messaging > History) before sending the items of that job again; send only the items not sent.'
			: 'Running the node again sends the sent jobs again: run it for the items not sent only.',
	];
	return lines.join('\n');
}

export async function sendJobs<T>(
	ctx: IExecuteFunctions,
	api: Api,
	build: (this: IExecuteFunctions, itemIndex: number) => Promise<T> | T,
	plan: PlanJobs<T>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const { built, refused } = await buildEach(ctx, build);
	const valid = built.flatMap((value, itemIndex) => (value === undefined ? [] : [{ itemIndex, value }]));
	const jobs = valid.length ? plan(valid) : [];

	const output: INodeExecutionData[] = refused.filter(Boolean);
	const sent: number[] = [];
	let stop: { at: number; failure: ExecutionBaseError } | undefined;
	for (let k = 0; k < jobs.length; k++) {
		const job = jobs[k];
		if (stop) {
			const held = new NodeOperationError(
				ctx.getNode(),
				`Not sent: ${jobName(stop.at, jobs[stop.at])} may have been delivered, so no later job was sent`,
				{ itemIndex: job.items[0] },
			);
			const heldItem = errorItem(held, job.items);
			heldItem.json = { ...heldItem.json, delivery: 'no', job: k + 1, input_items: job.items };
			output.push(heldItem);
			continue;
		}
		try {
			const response = await apiRequest(ctx, api, job.request, job.items[0]);
			output.push({ json: job.output(response), pairedItem: pairedTo(job.items) });
			sent.push(k);
		} catch (error) {
			const failure = asItemError(ctx, error, job.items[0]);
			const unknown = failure.context.delivery === 'unknown';
			if (!continueOnFail) {
				const held = jobs.map((_, i) => i).filter((i) => i > k);
				const said = tally(jobs, sent, k, failure, held);
				failure.description = failure.description ? `${failure.description}\n\n${said}` : said;
				throw failure;
			}
			const item = errorItem(failure, job.items);
			item.json = { ...item.json, job: k + 1, input_items: job.items };
			output.push(item);
			if (unknown) stop = { at: k, failure };
		}
	}
	const first = (item: INodeExecutionData) => {
		const paired = item.pairedItem;
		return Array.isArray(paired) ? (paired[0]?.item ?? 0) : typeof paired === 'object' ? paired.item : 0;
	};
	// In input order: each job where its first item was, a refused item where it was.
	return output.sort((a, b) => first(a) - first(b));
}
