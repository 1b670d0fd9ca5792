import type { ExecutionBaseError, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, buildEach, errorItem } from './items';
import { apiRequest } from './transport';
import type { Api, ApiRequest } from './transport';

/**
 * The item loop of operations that send no message: lists, searches, cancels, reschedules.
 * Every item is read and checked first (buildEach), then each item's requests go out in order
 * and its answers become output rows, each paired with the item. Their errors carry no
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

async function rowsOf(ctx: IExecuteFunctions, api: Api, reading: Reading, itemIndex: number): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const request of reading.requests) {
		if (reading.limit !== undefined && rows.length >= reading.limit) break;
		rows.push(...reading.rows(await apiRequest(ctx, api, request, itemIndex), request));
	}
	return reading.limit === undefined ? rows : rows.slice(0, reading.limit);
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
