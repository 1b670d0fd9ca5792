import { ExecutionBaseError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiRequestFull } from './transport';
import type { Api, ApiAnswer, ApiRequest } from './transport';

/**
 * The item loop shared by every operation. It runs in two phases so that bad input never
 * costs a half-sent batch:
 * 1. every item is read and validated (`build`); without Continue On Fail the first bad item
 *    stops the node before any request is sent;
 * 2. the valid items are sent, `concurrency` at a time, while items with the same `orderKey`
 *    (one conversation) go one after another in input order. Output order is input order.
 */

export interface Outgoing {
	request: ApiRequest;
	/** Items with the same key (same recipient / conversation) are sent strictly in order. */
	orderKey?: string;
	/** Shapes the API's answer (its body, and the whole answer: status, headers, attempts) into the item's output. */
	output?: (response: unknown, answer: ApiAnswer) => IDataObject;
}

export type BuildOutgoing = (this: IExecuteFunctions, itemIndex: number) => Promise<Outgoing> | Outgoing;

/** The failure of one item, as n8n expects it: a node error that knows its item. */
export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ExecutionBaseError {
	if (error instanceof ExecutionBaseError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

export function errorItem(error: ExecutionBaseError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	const { httpCode } = error as { httpCode?: string | null };
	if (httpCode) json.httpCode = httpCode;
	if (error.context.delivery) json.delivery = error.context.delivery as string;
	return { json, pairedItem: { item: itemIndex } };
}

function asJson(response: unknown): IDataObject {
	return response && typeof response === 'object' && !Array.isArray(response)
		? (response as IDataObject)
		: { data: response as IDataObject['data'] };
}

/**
 * A counting semaphore: at most `size` tasks run at once, started in call order. A task that
 * only waits (a rate-limited request waiting out its Retry-After) runs the wait in
 * `releasedWhile`, so that its slot sends something else meanwhile.
 */
export function semaphore(size: number) {
	let running = 0;
	const waiting: Array<() => void> = [];
	const enter = async () => {
		if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
	};
	const leave = () => {
		running--;
		waiting.shift()?.();
	};
	return {
		async run<T>(task: () => Promise<T>): Promise<T> {
			await enter();
			try {
				return await task();
			} finally {
				leave();
			}
		},
		async releasedWhile(wait: () => Promise<void>): Promise<void> {
			leave();
			try {
				await wait();
			} finally {
				await enter();
			}
		},
	};
}

export async function sendItems(
	ctx: IExecuteFunctions,
	api: Api,
	build: BuildOutgoing,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const continueOnFail = ctx.continueOnFail();
	const results: INodeExecutionData[] = new Array(count);

	const outgoing: Array<Outgoing | undefined> = new Array(count);
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			outgoing[itemIndex] = await build.call(ctx, itemIndex);
		} catch (error) {
			const failure = asItemError(ctx, error, itemIndex);
			if (!continueOnFail) throw failure;
			results[itemIndex] = errorItem(failure, itemIndex);
		}
	}

	const slot = semaphore(Math.max(1, api.limits.concurrency));
	const lastOfKey = new Map<string, Promise<void>>();
	const failures: Array<{ itemIndex: number; error: ExecutionBaseError }> = [];
	let stopped = false;
	let delivered = 0;

	const sendOne = async (itemIndex: number, out: Outgoing) => {
		if (stopped) return;
		try {
			const answer = await apiRequestFull(ctx, api, out.request, itemIndex, slot.releasedWhile);
			results[itemIndex] = {
				json: out.output ? out.output(answer.body, answer) : asJson(answer.body),
				pairedItem: { item: itemIndex },
			};
			delivered++;
		} catch (error) {
			const failure = asItemError(ctx, error, itemIndex);
			if (continueOnFail) results[itemIndex] = errorItem(failure, itemIndex);
			else {
				stopped = true;
				failures.push({ itemIndex, error: failure });
			}
		}
	};

	const runs: Array<Promise<void>> = [];
	outgoing.forEach((out, itemIndex) => {
		if (!out) return;
		const previous = out.orderKey === undefined ? undefined : lastOfKey.get(out.orderKey);
		const run = previous
			? previous.then(async () => await slot.run(async () => await sendOne(itemIndex, out)))
			: slot.run(async () => await sendOne(itemIndex, out));
		if (out.orderKey !== undefined) lastOfKey.set(out.orderKey, run);
		runs.push(run);
	});
	await Promise.all(runs);

	if (failures.length) {
		failures.sort((a, b) => a.itemIndex - b.itemIndex);
		const { error } = failures[0];
		const uncertain = failures.filter((f) => f.error.context.delivery === 'unknown').length;
		const notDelivered = count - delivered - uncertain;
		const tally =
			`${delivered} of ${count} items were delivered before the node stopped` +
			(uncertain ? `, ${uncertain} may have been delivered` : '') +
			`, ${notDelivered} were not delivered. Running the node again sends every item again; ` +
			'turn on "Continue On Fail" (Settings > On Error) to get one result per item instead.';
		error.description = error.description ? `${error.description}\n\n${tally}` : tally;
		throw error;
	}
	return results;
}
