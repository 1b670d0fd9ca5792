/**
 * One benchmark run, in a process of its own so that its CPU time and peak memory are its
 * own (and its rate limiter too, as in an n8n queue-mode worker): runs a bulk send through
 * n8n-core's WorkflowExecute with our Sociocs or HighLevel node or n8n's HTTP Request node
 * (from n8n-nodes-base 2.40.2) against the mock the parent serves, then prints one JSON
 * line of figures. With `startAt` (epoch ms) it starts sending then, so that several
 * processes start together.
 */
import type { IDataObject, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { HighLevelConversations } from '../nodes/HighLevel/HighLevelConversations.node';
import { Sociocs } from '../nodes/Sociocs/Sociocs.node';
import { runNode } from '../test/helpers/engine';
import type { NodeUnderTest } from '../test/helpers/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node') as {
	HttpRequest: new () => IVersionedNodeType;
};

interface Config {
	subject: 'ours' | 'http' | 'httpRetry' | 'highlevel' | 'sendMany' | 'getMany' | 'hlSend' | 'hlGetMany';
	items: number;
	baseUrl: string;
	apiKey: string;
	/** Distinguishes the texts of several processes sending at once. */
	prefix?: string;
	startAt?: number;
}

const config = JSON.parse(process.argv[2]) as Config;

const items: IDataObject[] = Array.from({ length: config.items }, (_, i) => ({
	to: `+1617555${String(i % 10000).padStart(4, '0')}`,
	text: `${config.prefix ?? 'bulk'}-${i}`,
	conversation: `conv${i}`,
}));

/** One of our nodes, its fields mapped from the item as a user would drag them in. */
function ours(type: INodeType, parameters: IDataObject, credentials: NodeUnderTest['credentials']): NodeUnderTest {
	return { type, parameters: { resource: 'message', ...parameters, options: {} } as NodeUnderTest['parameters'], credentials };
}

function subject(): NodeUnderTest {
	if (config.subject === 'highlevel') {
		return ours(
			new HighLevelConversations() as INodeType,
			{
				operation: 'addInbound',
				type: 'SMS',
				conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
				conversationProviderId: 'prov1',
				message: '={{ $json.text }}',
			},
			{ omnichannelHighLevelApi: { accessToken: config.apiKey, locationId: 'loc1', baseUrl: config.baseUrl } },
		);
	}
	const highLevel = { omnichannelHighLevelApi: { accessToken: config.apiKey, locationId: 'loc1', baseUrl: config.baseUrl } };
	// An SMS per item to the contact of its number, the text mapped from the item.
	if (config.subject === 'hlSend') {
		return ours(
			new HighLevelConversations() as INodeType,
			{ operation: 'send', type: 'SMS', contactId: { __rl: true, mode: 'id', value: '={{ "c" + $json.to.slice(1) }}' }, message: '={{ $json.text }}' },
			highLevel,
		);
	}
	// Every message of one long conversation (the parent seeds it), pages of 100.
	if (config.subject === 'hlGetMany') {
		return ours(new HighLevelConversations() as INodeType, { operation: 'getMany', conversationId: { __rl: true, mode: 'id', value: 'convBig' }, returnAll: true }, highLevel);
	}
	const sociocs = { omnichannelSociocsApi: { apiKey: config.apiKey, baseUrl: config.baseUrl } };
	// One announcement to every item's number, as bulk jobs of the default size.
	if (config.subject === 'sendMany') {
		return ours(new Sociocs() as INodeType, { operation: 'sendMany', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.to }}', text: 'Sale today' }, sociocs);
	}
	// A year of message history: 12 windows of at most 31 days.
	if (config.subject === 'getMany') {
		return ours(new Sociocs() as INodeType, { operation: 'getMany', startDate: '2025-01-01', endDate: '2025-12-31', returnAll: true }, sociocs);
	}
	if (config.subject === 'ours') {
		return ours(
			new Sociocs() as INodeType,
			{ operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.to }}', text: '={{ $json.text }}' },
			{ omnichannelSociocsApi: { apiKey: config.apiKey, baseUrl: config.baseUrl } },
		);
	}
	// What a user hand-configures instead: POST /message with the apikey header and a JSON body.
	return {
		type: new HttpRequest(),
		typeName: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${config.baseUrl}/message`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'apikey', value: config.apiKey }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ provider: "twlo", channel_key: "chan-1", to: $json.to, text: $json.text }) }}',
			options: {},
		},
		credentials: {},
		settings: config.subject === 'httpRetry' ? { retryOnFail: true } : {},
	};
}

async function main() {
	const node = subject();
	if (config.startAt) await new Promise((resolve) => setTimeout(resolve, Math.max(0, config.startAt! - Date.now())));
	const startedAtEpoch = Date.now();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const result = await runNode(node, items);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const errorItems = result.items.filter((item) => item.json.error !== undefined).length;
	process.stdout.write(
		`${JSON.stringify({
			wallMs,
			startedAtEpoch,
			cpuMs: (cpu.user + cpu.system) / 1000,
			peakRssMb: process.resourceUsage().maxRSS / 1024,
			outputItems: result.items.length,
			// After peakRssMb above: serialising the output is not the node's memory.
			outputBytes: Buffer.byteLength(JSON.stringify(result.items.map((item) => item.json))),
			errorItems,
			nodeError: result.error?.message ?? null,
		})}\n`,
	);
}

void main().then(() => process.exit(0));
