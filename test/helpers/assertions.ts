import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { MockApi } from '../mock/mockApi';
import type { NodeRun } from './engine';

/**
 * The JSON of every output item, in order. A key whose value is `undefined` fails here:
 * `toEqual` would not see it, yet the next node and the editor do (an empty field).
 */
export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	items.forEach((item, index) => expectNoUndefined(item.json, `item ${index}`));
	return items.map((item) => item.json);
}

function expectNoUndefined(value: unknown, path: string) {
	if (value === undefined) throw new Error(`output ${path} is undefined: leave the key out instead`);
	if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) expectNoUndefined(inner, `${path}.${key}`);
	}
}

export function pairedIndexes(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

/** The node failed with a message matching `pattern`, and the mock received nothing. */
export function expectRejectedBeforeSending(result: NodeRun, api: MockApi, pattern: RegExp) {
	expect(result.error?.message).toMatch(pattern);
	expect(api.requests).toHaveLength(0);
}

/** Nothing of the secret anywhere in what n8n keeps of the run (output, errors, descriptions). */
export function expectNoSecret(result: NodeRun, secret: string) {
	const everything = JSON.stringify(result.run, (_key, value: unknown) =>
		value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
	);
	expect(everything).not.toContain(secret);
	expect(everything.length).toBeGreaterThan(100);
}
