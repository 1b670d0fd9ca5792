import fs from 'node:fs';
import path from 'node:path';

import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';

import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { HighLevelConversationsTrigger } from '../../nodes/HighLevel/HighLevelConversationsTrigger.node';
import { HighLevelTrigger } from '../../nodes/HighLevel/HighLevelTrigger.node';
import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { InboxTrigger } from '../../nodes/Inbox/InboxTrigger.node';
import { InboxWebhookTrigger } from '../../nodes/Inbox/InboxWebhookTrigger.node';
import { Sociocs } from '../../nodes/Sociocs/Sociocs.node';
import { SociocsTrigger } from '../../nodes/Sociocs/SociocsTrigger.node';

/**
 * What n8n 2.40's node panel and canvas make of the triggers. The panel (editor-ui
 * useActionsGeneration.ts, generateMergedNodesAndActions) lists a trigger under an action node
 * when its type name is the action's plus "Trigger", and shows the trigger's description for
 * that one entry; each option of the "Events" field becomes a trigger, named by its `action`.
 */

function subtitleOf(type: INodeType, values: INodeParameters): unknown {
	const version = type.description.defaultVersion ?? 1;
	const parameters = NodeHelpers.getNodeParameters(type.description.properties, values, true, false, { typeVersion: version }, type.description)!;
	const node: INode = { id: 'n', name: 'Node', type: `pkg.${type.description.name}`, typeVersion: version, position: [0, 0], parameters };
	const nodeTypes: INodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle!, 'internal', {}, undefined, '');
}

const PAIRS: Array<[INodeType, INodeType]> = [
	[new Sociocs(), new SociocsTrigger()],
	[new HighLevelConversations(), new HighLevelConversationsTrigger()],
	[new Inbox(), new InboxTrigger()],
];

test.each(PAIRS.map(([action, trigger]) => [trigger.description.name, action, trigger] as const))(
	'%s pairs with its action node, and its description says what the app sends too',
	(_name, action, trigger) => {
		expect(trigger.description.name).toBe(`${action.description.name}Trigger`);
		expect(trigger.description.hidden).toBeFalsy();
		// The first words of the one entry are the action node's: what it sends.
		const firstWords = action.description.description.split(' ').slice(0, 3).join(' ');
		expect(trigger.description.description.startsWith(firstWords)).toBe(true);
		expect(trigger.description.description).not.toMatch(/^Starts/);
	},
);

test('the old HighLevel trigger type stays loadable, hidden, with the same behaviour', () => {
	const old = new HighLevelTrigger();
	const current = new HighLevelConversationsTrigger();
	expect(old.description.name).toBe('highLevelTrigger');
	expect(old.description.hidden).toBe(true);
	expect(current.description.name).toBe('highLevelConversationsTrigger');
	expect({ ...old.description, name: undefined, hidden: undefined }).toEqual({ ...current.description, name: undefined, hidden: undefined });
	expect(current.webhook).toBe(old.webhook);
	expect(Object.keys(current.webhookMethods!.default)).toEqual(Object.keys(old.webhookMethods!.default));
	const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	expect(packageJson.n8n.nodes).toEqual(expect.arrayContaining([
		'dist/nodes/HighLevel/HighLevelConversationsTrigger.node.js',
		'dist/nodes/HighLevel/HighLevelTrigger.node.js',
	]));
});

describe('trigger subtitles are words', () => {
	test('Sociocs', () => {
		const trigger = new SociocsTrigger();
		expect(subtitleOf(trigger, {})).toBe('On incoming message');
		expect(subtitleOf(trigger, { events: ['messages', 'status_updates'] })).toBe('On incoming message, message status update');
		expect(subtitleOf(trigger, { events: [] })).toBe('No event chosen');
	});

	test('HighLevel', () => {
		expect(subtitleOf(new HighLevelConversationsTrigger(), { events: ['InboundMessage', 'OutboundMessage'] })).toBe('On inbound message, outbound message');
	});

	test.each([new InboxTrigger(), new InboxWebhookTrigger()].map((type) => [type.description.name, type] as const))('%s', (_name, trigger) => {
		expect(subtitleOf(trigger, {})).toBe('On message received');
		expect(subtitleOf(trigger, { events: ['message.received', 'thread.created'] })).toBe('On message received, thread created');
	});
});

test('every event has a trigger name of its own in the node panel ("On ...")', () => {
	for (const trigger of [new SociocsTrigger(), new HighLevelConversationsTrigger(), new InboxTrigger(), new InboxWebhookTrigger()]) {
		const events = trigger.description.properties.find((property) => property.displayName === 'Events')!;
		for (const option of events.options as Array<{ action?: string }>) expect(option.action).toMatch(/^On [a-z]/);
	}
});

describe('set-up notices describe n8n 2.40\'s screen', () => {
	const notice = (type: INodeType) => type.description.properties.find((property) => property.type === 'notice')!.displayName;
	test.each([new SociocsTrigger(), new HighLevelConversationsTrigger(), new InboxWebhookTrigger(), new InboxTrigger()].map((t) => [t.description.name, t] as const))(
		'%s',
		(_name, trigger) => {
			const text = notice(trigger);
			expect(text).not.toMatch(/Production URL \(above\)|Activating|deactivating|interval below/);
			expect(text).toMatch(/Publish/);
		},
	);
	test('webhook triggers whose URL is pasted by hand say how to reach the Production URL', () => {
		for (const trigger of [new HighLevelConversationsTrigger(), new InboxWebhookTrigger()]) {
			expect(notice(trigger)).toMatch(/open Webhook URLs above, switch to Production URL/);
		}
		expect(notice(new InboxTrigger())).toMatch(/Poll Times above/);
	});
	test('Sociocs Trigger says why Execute step is unavailable while Channel is empty', () => {
		const channel = new SociocsTrigger().description.properties.find((property) => property.name === 'channelKey')!;
		expect(channel.required).toBe(true);
		expect(channel.hint).toMatch(/Execute step and Publish stay unavailable until one is chosen/);
	});
});

test('the Inbox Webhook Trigger, a separate entry, is found by the Inbox node\'s words', () => {
	const codex = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../nodes', file), 'utf8')) as { alias: string[] };
	expect(codex('Inbox/InboxWebhookTrigger.node.json').alias).toEqual(expect.arrayContaining(codex('Inbox/Inbox.node.json').alias));
});
