/**
 * Drives a trigger node through n8n-core's own contexts, the way n8n does on activation and on
 * each delivery: HookContext for webhookMethods (checkExists / create / delete), WebhookContext
 * for webhook(), PollContext for poll(). One Workflow object per harness, so the node's static
 * data survives from activation to deliveries to deactivation, as it does in n8n.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { additionalDataFor, PACKAGE, TestNodeTypes } from '../helpers/engine';

export interface Delivery {
	/** Exactly the bytes sent (what the sender signed). */
	raw: string | Buffer;
	headers?: Record<string, string>;
}

export interface Answer {
	/** HTTP status the sender would see (200 when the node leaves the answer to n8n). */
	status: number;
	body?: unknown;
	/** Items the workflow would start with; undefined when nothing starts. */
	items?: IDataObject[];
	result: IWebhookResponseData;
}

/**
 * Log lines n8n's logger receives while capturing (level and message). Every node context asks
 * the container for the logger on each use, so a recording logger is put in its place.
 */
export function captureLogs(): { lines: Array<{ level: string; message: string }>; restore(): void } {
	const original = Container.get(Logger);
	const lines: Array<{ level: string; message: string }> = [];
	const record = (level: string) => (message: string) => lines.push({ level, message });
	const recorder = { warn: record('warn'), info: record('info'), debug: record('debug'), error: record('error') };
	Container.set(Logger, recorder as unknown as Logger);
	return { lines, restore: () => Container.set(Logger, original) };
}

/**
 * The body n8n's webhook server (packages/cli, webhook-helpers + the onReceived response
 * extractor, 2.40) answers a node that left the answer to it. Nothing started: the node's
 * `webhookResponse`, else "Webhook call received". Started, in responseMode onReceived: the
 * webhook description's `responseData` evaluated with the default `'firstEntryJson'`, which
 * wins over the node's own `webhookResponse` unless it is empty; `noData` sends no body.
 */
function onReceivedBody(responseData: string | undefined, result: IWebhookResponseData): unknown {
	if (result.workflowData === undefined) return result.webhookResponse ?? { message: 'Webhook call received' };
	const evaluated = responseData === undefined ? 'firstEntryJson' : responseData;
	if (evaluated === 'noData') return undefined;
	if (evaluated) return evaluated;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

export class TriggerHarness {
	readonly node: INode;
	readonly workflow: Workflow;

	constructor(
		private readonly type: INodeType,
		parameters: INodeParameters,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		/** staticData: the node's static data to start from, as a saved workflow would hold it. */
		options: { workflowId?: string; nodeId?: string; staticData?: IDataObject; typeVersion?: number } = {},
	) {
		this.node = {
			id: options.nodeId ?? 'trigger-node-1',
			name: 'Trigger Under Test',
			type: `${PACKAGE}.${type.description.name}`,
			typeVersion: options.typeVersion ?? type.description.defaultVersion ?? 1,
			position: [0, 0],
			parameters,
			webhookId: 'hook-0001',
			credentials: Object.fromEntries(Object.keys(credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
		};
		this.workflow = new Workflow({
			id: options.workflowId ?? `wf-${Math.random().toString(36).slice(2, 10)}`,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes({ [this.node.type]: type }),
			staticData: options.staticData ? { 'node:Trigger Under Test': options.staticData } : {},
			settings: { timezone: 'UTC' },
		});
	}

	/** The node's static data, as n8n would save it with the workflow. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private webhookData(mode: WorkflowExecuteMode): IWebhookData {
		const description = this.type.description.webhooks![0];
		return {
			httpMethod: description.httpMethod as 'POST',
			node: this.node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalDataFor(this.credentials),
			isTest: mode === 'manual',
		} as IWebhookData;
	}

	/** Runs one of webhookMethods.default (what n8n does when the workflow is (de)activated). */
	async hook(
		method: 'checkExists' | 'create' | 'delete',
		mode: WorkflowExecuteMode = 'trigger',
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean | undefined> {
		const fn = this.type.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`No webhook method ${method}`);
		const ctx = new HookContext(this.workflow, this.node, additionalDataFor(this.credentials), mode, activation, this.webhookData(mode));
		return await fn.call(ctx);
	}

	webhookUrl(mode: WorkflowExecuteMode = 'trigger'): string {
		const ctx = new HookContext(this.workflow, this.node, additionalDataFor(this.credentials), mode, 'activate', this.webhookData(mode));
		return ctx.getNodeWebhookUrl('default')!;
	}

	/** Hands one delivery to webhook() as n8n's webhook server would: parsed body plus rawBody. */
	async deliver(delivery: Delivery, mode: WorkflowExecuteMode = 'webhook'): Promise<Answer> {
		const raw = Buffer.isBuffer(delivery.raw) ? delivery.raw : Buffer.from(delivery.raw, 'utf8');
		let body: unknown = {};
		try {
			body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const headers = Object.fromEntries(
			Object.entries({ 'content-type': 'application/json', ...(delivery.headers ?? {}) }).map(([k, v]) => [k.toLowerCase(), v]),
		);
		const req = { method: 'POST', headers, body, rawBody: raw, query: {}, params: {}, contentType: 'application/json' };
		const sent: { status?: number; body?: unknown } = {};
		const res = {
			headersSent: false,
			status(code: number) {
				sent.status = code;
				return res;
			},
			json(payload: unknown) {
				sent.body = payload;
				res.headersSent = true;
				return res;
			},
			send(payload: unknown) {
				return res.json(payload);
			},
			end() {
				res.headersSent = true;
				return res;
			},
		};
		const additionalData = { ...additionalDataFor(this.credentials), httpRequest: req, httpResponse: res } as never;
		const ctx = new WebhookContext(this.workflow, this.node, additionalData, mode, this.webhookData(mode), [], null);
		const result = await this.type.webhook!.call(ctx);
		const items = result.workflowData?.[0]?.map((item: INodeExecutionData) => item.json);
		if (result.noWebhookResponse) return { status: sent.status ?? 200, body: sent.body, items, result };
		return { status: 200, body: onReceivedBody(this.type.description.webhooks![0].responseData, result), items, result };
	}

	/** One poll, as n8n's scheduler (mode 'trigger') or the editor's test step (mode 'manual') runs it. */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<IDataObject[] | null> {
		const ctx = new PollContext(this.workflow, this.node, additionalDataFor(this.credentials), mode, 'activate');
		const result = await this.type.poll!.call(ctx);
		return result ? result[0].map((item) => item.json) : null;
	}
}
