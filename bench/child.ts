/**
 * One benchmark run, in a process of its own so that its CPU time and peak memory are its
 * own: runs a bulk send through n8n-core's WorkflowExecute with either our Sociocs node or
 * n8n's HTTP Request node (from n8n-nodes-base 2.40.2) against the mock the parent serves,
 * then prints one JSON line of figures.
 */
import type { IDataObject, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { Sociocs } from '../nodes/Sociocs/Sociocs.node';
import { runNode } from '../test/helpers/engine';
import type { NodeUnderTest } from '../test/helpers/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node') as {
	HttpRequest: new () => IVersionedNodeType;
};

interface Config {
	subject: 'ours' | 'http' | 'httpRetry';
	items: number;
	baseUrl: string;
	apiKey: string;
}

const config = JSON.parse(process.argv[2]) as Config;

const items: IDataObject[] = Array.from({ length: config.items }, (_, i) => ({
	to: `+1617555${String(i % 10000).padStart(4, '0')}`,
	text: `bulk-${i}`,
}));

function subject(): NodeUnderTest {
	if (config.subject === 'ours') {
		return {
			type: new Sociocs() as INodeType,
			parameters: {
				resource: 'message',
				operation: 'send',
				provider: 'twlo',
				channelKey: 'chan-1',
				to: '={{ $json.to }}',
				text: '={{ $json.text }}',
				options: {},
			},
			credentials: { omnichannelSociocsApi: { apiKey: config.apiKey, baseUrl: config.baseUrl } },
		};
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
			errorItems,
			nodeError: result.error?.message ?? null,
		})}\n`,
	);
}

void main().then(() => process.exit(0));
