/**
 * Fields mapped from the input (`={{ $json.x }}`) are read straight from the item instead of
 * through n8n's expression engine. The reading must be indistinguishable from n8n's: each case
 * runs once with the plain reference and once with the same expression in brackets, which
 * n8n's engine always evaluates, and the requests and errors must be the same.
 */
import { ExecuteContext } from 'n8n-core';
import { WorkflowExpression } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

interface Case {
	name: string;
	/** What follows `$json` in the expression of "Text". */
	path: string;
	items: IDataObject[];
}

const CASES: Case[] = [
	{ name: 'a text field', path: '.text', items: [{ text: 'hello' }, { text: '  spaced  ' }] },
	{ name: 'a nested field', path: '.message.body', items: [{ message: { body: 'nested' } }] },
	{ name: 'a name with spaces, quoted', path: '["message text"]', items: [{ 'message text': 'quoted' }] },
	{ name: 'single quotes and a nested step', path: "['a b'].c", items: [{ 'a b': { c: 'mixed' } }] },
	{ name: 'a number', path: '.text', items: [{ text: 12345 }, { text: 0 }] },
	{ name: 'a boolean', path: '.text', items: [{ text: false }] },
	{ name: 'a missing field', path: '.text', items: [{ other: 'x' }] },
	{ name: 'null', path: '.text', items: [{ text: null }] },
	{ name: 'an empty text', path: '.text', items: [{ text: '' }] },
	{ name: 'an object', path: '.text', items: [{ text: { a: 1 } }] },
	{ name: 'an array', path: '.text', items: [{ text: ['a', 'b'] }] },
	{ name: 'a step through a text', path: '.text.length', items: [{ text: 'abc' }] },
	{ name: 'a step through a missing parent', path: '.message.body', items: [{ text: 'x' }] },
	{ name: 'an inherited property', path: '.text.constructor', items: [{ text: 'abc' }] },
];

/** The request bodies the mock received, or the error the node stopped with. */
async function outcome(expression: string, items: IDataObject[]) {
	api.reset();
	const result = await runNode(
		sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: expression, options: {} }, { continueOnFail: true }),
		items,
	);
	return {
		sent: api.requests.map((request) => request.body as IDataObject),
		// Everything the node output, but the message IDs the mock numbers run by run.
		output: jsonOf(result.items).map(({ message_id, ...rest }) => ({ ...rest, hasMessageId: typeof message_id === 'string' })),
		nodeError: result.error?.message,
	};
}

describe('fields mapped with {{ $json... }} read as n8n reads them', () => {
	test.each(CASES)('$name', async ({ path, items }) => {
		const direct = await outcome(`={{ $json${path} }}`, items);
		const viaEngine = await outcome(`={{ ($json${path}) }}`, items);
		expect(direct).toEqual(viaEngine);
		expect(direct.output).toHaveLength(items.length);
	});

	test('variants the editor writes: no spaces, extra spaces', async () => {
		const items = [{ text: 'hello' }];
		const reference = await outcome('={{ ($json.text) }}', items);
		expect(reference.sent.map((body) => body.text)).toEqual(['hello']);
		for (const expression of ['={{$json.text}}', '={{   $json.text   }}', '={{ $json["text"] }}']) {
			expect(await outcome(expression, items)).toEqual(reference);
		}
	});

	test("anything more than a plain reference is left to n8n's engine", async () => {
		const items = [{ text: 'hello' }];
		const upper = await outcome('={{ $json.text.toUpperCase() }}', items);
		expect(upper.sent.map((body) => body.text)).toEqual(['HELLO']);
		const joined = await outcome('={{ $json.text }} world', items);
		expect(joined.sent.map((body) => body.text)).toEqual(['hello world']);
	});

	test("a plain reference to a text does not go through n8n's expression engine", async () => {
		const spy = jest.spyOn(WorkflowExpression.prototype, 'resolveSimpleParameterValue');
		try {
			const items = Array.from({ length: 20 }, (_, i) => ({ phone: `+1617555${1000 + i}`, text: `m${i}` }));
			await runNode(
				sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.phone }}', text: '={{ $json.text }}', options: {} }),
				items,
			);
			expect(api.requests.map((request) => (request.body as IDataObject).text)).toEqual(items.map((item) => item.text));
			expect(api.requests.map((request) => (request.body as IDataObject).to)).toEqual(items.map((item) => item.phone));
			const evaluated = spy.mock.calls.map(([value]) => value).filter((value) => String(value).includes('$json'));
			expect(evaluated).toEqual([]);
			// The spy does see what the engine evaluates.
			api.reset();
			await runNode(
				sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '={{ ($json.phone) }}', text: '={{ $json.text }}', options: {} }),
				items.slice(0, 2),
			);
			expect(spy.mock.calls.map(([value]) => value)).toContain('={{ ($json.phone) }}');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('a parameter without an expression is the same for every item', () => {
	test('so it is asked of n8n once per run, whatever the number of items; one with an expression, once per item', async () => {
		// ExecuteContext's getNodeParameter is an instance property that calls this one.
		const spy = jest.spyOn(ExecuteContext.prototype as unknown as { _getNodeParameter: (name: string) => unknown }, '_getNodeParameter');
		try {
			const items = Array.from({ length: 20 }, (_, i) => ({ n: i }));
			await runNode(
				sociocs(api, {
					operation: 'send',
					provider: 'twlo',
					channelKey: 'chan-1',
					to: '+16175551212',
					text: '={{ "m" + $json.n }}',
					saveContact: true,
					contactListId: 5,
					options: { userId: 'u-1' },
				}),
				items,
			);
			expect(api.requests.map((request) => (request.body as IDataObject).text)).toEqual(items.map((item) => `m${item.n}`));
			expect(api.requests[19].body).toMatchObject({ contact_saving: { save: true, list_id: 5 }, user_id: 'u-1' });
			const asked: Record<string, number> = {};
			for (const [name] of spy.mock.calls) asked[name] = (asked[name] ?? 0) + 1;
			expect(asked).toMatchObject({ text: 20, provider: 1, channelKey: 1, to: 1, saveContact: 1, contactListId: 1, 'options.userId': 1 });
		} finally {
			spy.mockRestore();
		}
	});
});
