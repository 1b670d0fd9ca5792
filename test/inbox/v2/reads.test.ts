/** Inbox node version 2: Thread > Get / Get Many, Message > Get / Get Many, over v2's `nextCursor`. */
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Inbox } from '../../../nodes/Inbox/Inbox.node';
import { jsonOf, pairedIndexes } from '../../helpers/assertions';
import { listSearch, runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';
import { inboxV2 } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const node = (parameters: Record<string, unknown>, extra = {}) => inboxV2(api, parameters, extra);

describe('Inbox v2 reads', () => {
	test('Thread > Get', async () => {
		const result = await runNode(node({ resource: 'thread', operation: 'get', threadId: { __rl: true, mode: 'id', value: 't2' } }));
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/inbox/api/v2/threads/t2']]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ id: 't2', assigneeId: 'mem1', archived: false })]);
	});

	test('Thread > Get Many with every filter: repeated keys, the exact query, the matching threads', async () => {
		const result = await runNode(
			node({
				resource: 'thread',
				operation: 'getAll',
				returnAll: true,
				filters: { folder: 'all', tag: 'tagvip, tagsales', status: 'stnew', q: 'pricing', unassigned: false },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.queryPairs)).toEqual([
			[['folder', 'all'], ['tag', 'tagvip'], ['tag', 'tagsales'], ['status', 'stnew'], ['q', 'pricing'], ['limit', '100']],
		]);
		expect(jsonOf(result.items).map((t) => t.id)).toEqual(['t4', 't6']);
	});

	test('Thread > Get Many: assignee, unassigned, the default Inbox folder', async () => {
		const assigned = await runNode(node({ resource: 'thread', operation: 'getAll', limit: 10, filters: { assigneeId: 'mem1' } }));
		expect(jsonOf(assigned.items).map((t) => t.id)).toEqual(['t2']);
		const unassigned = await runNode(node({ resource: 'thread', operation: 'getAll', limit: 10, filters: { unassigned: true } }));
		expect(jsonOf(unassigned.items).map((t) => t.id)).toEqual(['t1', 't3']);
		expect(api.requests.map((r) => r.query)).toEqual([
			{ assigneeId: 'mem1', limit: '10' },
			{ unassigned: 'true', limit: '10' },
		]);
	});

	test('Message > Get Many, Return All over nextCursor: 250 messages in 3 pages, newest first, each paired with its input', async () => {
		api.inboxV2.addThread('t9');
		api.inboxV2.addMessages('t9', 250);
		const result = await runNode(node({ resource: 'message', operation: 'getAll', threadId: { __rl: true, mode: 'id', value: 't9' }, returnAll: true }));
		expect(result.error).toBeUndefined();
		const out = jsonOf(result.items);
		expect(out).toHaveLength(250);
		expect(new Set(out.map((m) => m.id)).size).toBe(250);
		expect([out[0].content, out[249].content]).toEqual(['t9 message 250', 't9 message 1']);
		expect(api.requests.map((r) => [r.query.limit, r.query.cursor === undefined])).toEqual([['100', true], ['100', false], ['100', false]]);
		expect(new Set(pairedIndexes(result.items))).toEqual(new Set([0]));
	});

	test('Message > Get Many with a Limit of 120, oldest first: two pages, the second asks for 20 only', async () => {
		api.inboxV2.addMessages('t9', 250);
		const result = await runNode(node({ resource: 'message', operation: 'getAll', threadId: { __rl: true, mode: 'id', value: 't9' }, limit: 120, order: 'asc' }));
		expect(jsonOf(result.items)).toHaveLength(120);
		expect(jsonOf(result.items)[0].content).toBe('t9 message 1');
		expect(api.requests.map((r) => [r.query.order, r.query.limit])).toEqual([['asc', '100'], ['asc', '20']]);
	});

	test('Message > Get, and an unknown message: Inbox\'s code and request id', async () => {
		const result = await runNode(node({ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' }, { continueOnFail: true }), [{ id: 'msg2' }, { id: 'nope' }]);
		const [found, missing] = jsonOf(result.items);
		expect(found).toMatchObject({ id: 'msg2', threadId: 't1' });
		expect(missing.error).toMatch(/^Message nope not found \(messageNotFound, request ID req\d+\)$/);
		expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v2/messages/msg2', '/inbox/api/v2/messages/nope']);
	});

	test('Get Many with Continue On Fail: a bad item is its error item in place, the others are read', async () => {
		const result = await runNode(node({ resource: 'message', operation: 'getAll', threadId: { __rl: true, mode: 'id', value: '={{ $json.t }}' }, limit: 2 }, { continueOnFail: true }), [
			{ t: 't1' },
			{ t: 'Bad!' },
			{ t: 't2' },
		]);
		const out = jsonOf(result.items);
		expect(out.map((j) => j.threadId ?? j.error)).toEqual(['t1', 't1', expect.stringMatching(/^Invalid "Thread" in item 1/), 't2', 't2']);
		expect(pairedIndexes(result.items)).toEqual([0, 0, 1, 2, 2]);
		expect(api.requests).toHaveLength(2);
	});

	test('the v2 thread picker searches with v2\'s q and pages with nextCursor', async () => {
		const found = await listSearch(node({ resource: 'thread', operation: 'reply' }), 'searchThreadsV2', 'pricing');
		expect(found.results).toEqual([{ name: 't2: Pricing question', value: 't2' }]);
		expect(api.requests[0].queryPairs).toEqual([['expand', 'profile'], ['q', 'pricing'], ['limit', '100']]);
	});
});

describe('the node at version 2 in the editor', () => {
	const type = new Inbox();
	const subtitle = (typeVersion: number, values: Record<string, string>) => {
		const parameters = NodeHelpers.getNodeParameters(type.description.properties, values, true, false, { typeVersion }, type.description)!;
		const node = { id: 'n', name: 'Node', type: 'pkg.inbox', typeVersion, position: [0, 0] as [number, number], parameters };
		const nodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(node, type.description.subtitle!, 'internal', {}, undefined, '');
	};

	test('new nodes get version 2 (the last of [1, 2]); the default canvas subtitle is version 1\'s', () => {
		expect(subtitle(1, {})).toBe('Reply to Thread');
		expect(subtitle(2, {})).toBe('Reply to Thread');
		expect(type.description.version).toEqual([1, 2]);
		expect(type.description.defaultVersion).toBeUndefined();
	});

	test('each operation of version 2 has its own canvas subtitle; version 1\'s stays "Reply to Thread"', () => {
		const operations = (resource: string) =>
			(type.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.['@version']?.[0] === 2 && p.displayOptions.show.resource?.[0] === resource)!
				.options as Array<{ value: string }>).map((option) => option.value);
		const subtitles = Object.fromEntries(
			['thread', 'message'].flatMap((resource) => operations(resource).map((operation) => [`${resource}.${operation}`, subtitle(2, { resource, operation })])),
		);
		expect(subtitles).toEqual({
			'thread.get': 'Get Thread',
			'thread.getAll': 'Get Many Threads',
			'thread.reply': 'Reply to Thread',
			'message.get': 'Get Message',
			'message.getAll': 'Get Many Messages',
			'message.sendToPerson': 'Send Message to Person',
		});
		expect(subtitle(2, { resource: 'message' })).toBe('Send Message to Person');
		expect(subtitle(1, {})).toBe('Reply to Thread');
		expect(subtitle(1, { resource: 'thread', operation: 'reply' })).toBe('Reply to Thread');
	});
});
