import type { ExecutionBaseError, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, buildEach, errorItem } from './items';
import { apiRequest } from './transport';
import type { Api, ApiRequest } from './transport';

/**
 * The item loop of operations that send no message: lists, searches, cancels, reschedules.
 * Every item is read and checked first (buildEach), then each item's requests go out in order
 * (with Return All, up to READ_AHEAD at once) and its answers become output rows, in order,
 * each paired with the item. Their errors carry no
 * delivery verdict: nothing they do delivers a message.
 */
export interface Reading {
	/** Sent one after another, in order; no more are sent once `limit` rows are in. */
	requests: ApiRequest[];
	/** The output rows of one answer. */
	rows(response: unknown, request: ApiRequest): IDataObject[];
	/** At most this many rows for the item (undefined: all). */
	limit?: number;
}

export type BuildReading = (this: IExecuteFunctions, itemIndex: number) => Promise<Reading> | Reading;

const VERDICT = /^(?:Not delivered|May have been delivered): /;

/** A read's error says what happened to the request, not to a message. */
function withoutVerdict(error: ExecutionBaseError): ExecutionBaseError {
	delete error.context.delivery;
	if (error.description) error.description = error.description.replace(VERDICT, '');
	return error;
}

/** Requests of one item under way at once when all rows are wanted (reads only: nothing is sent twice by reading ahead). */
export const READ_AHEAD = 3;

async function rowsOf(ctx: IExecuteFunctions, api: Api, reading: Reading, itemIndex: number): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const send = async (request: ApiRequest) => reading.rows(await apiRequest(ctx, api, request, itemIndex), request);
	if (reading.limit === undefined) {
		// Return All: every request is needed, so the next ones go out while one is answered;
		// they start in order and their rows are kept in order. The first failure ends the item.
		const pending: Array<Promise<IDataObject[]>> = [];
		let next = 0;
		const startNext = () => {
			if (next < reading.requests.length) pending.push(send(reading.requests[next++]));
		};
		for (let i = 0; i < READ_AHEAD; i++) startNext();
		try {
			while (pending.length) {
				rows.push(...(await pending[0]));
				pending.shift();
				startNext();
			}
		} finally {
			// Answers still under way after a failure are waited for, never left unhandled.
			await Promise.allSettled(pending);
		}
		return rows;
	}
	// With a Limit, no request is sent once the limit is reached.
	for (const request of reading.requests) {
		if (rows.length >= reading.limit) break;
		rows.push(...(await send(request)));
	}
	return rows.slice(0, reading.limit);
}

export async function readItems(ctx: IExecuteFunctions, api: Api, build: BuildReading): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const { built, refused } = await buildEach(ctx, build);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < built.length; itemIndex++) {
		const reading = built[itemIndex];
		if (!reading) {
			output.push(refused[itemIndex]);
			continue;
		}
		try {
			const rows = await rowsOf(ctx, api, reading, itemIndex);
			output.push(...rows.map((json) => ({ json, pairedItem: { item: itemIndex } })));
		} catch (error) {
			const failure = withoutVerdict(asItemError(ctx, error, itemIndex));
			if (!continueOnFail) {
				if (itemIndex > 0) {
					const done = `Items 0 to ${itemIndex - 1} were done before the node stopped at item ${itemIndex}.`;
					failure.description = failure.description ? `${failure.description}\n\n${done}` : done;
				}
				throw failure;
			}
			output.push(errorItem(failure, itemIndex));
		}
	}
	return output;
}
