import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { replayGuardFor } from './replayGuard';
import type { Verdict } from './signatures';

/**
 * The answer side every trigger shares: read the exact bytes that were signed, refuse with a
 * logged reason, and start the workflow at most once per event id.
 */

/** The request body exactly as received: n8n keeps it as `rawBody` beside the parsed JSON. */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer> {
	const req = ctx.getRequestObject() as unknown as { rawBody?: Buffer; readRawBody?: () => Promise<void> };
	if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
	return req.rawBody ?? Buffer.alloc(0);
}

export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers `status` and starts nothing. The reason goes to n8n's log (at warn, with the
 * workflow and node, so an admin can see why deliveries are refused); it never contains a
 * secret, only which check failed. The sender gets a short generic message.
 */
export function refuse(ctx: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const node = ctx.getNode();
	ctx.logger.warn(`${node.name}: delivery refused (HTTP ${status}): ${reason}`, {
		workflowId: ctx.getWorkflow().id,
		nodeName: node.name,
		nodeType: node.type,
	});
	const res = ctx.getResponseObject();
	res.status(status).json({ message: status === 401 ? 'Invalid signature' : 'Refused' });
	return { noWebhookResponse: true };
}

/**
 * Logs (at info) which signature and key let a delivery in, so that an admin sees what the
 * sender signs with today (and which key to keep when the vendor rotates one).
 */
export function logVerified(ctx: IWebhookFunctions, verdict: Verdict, eventId?: string): void {
	if (!verdict.ok || !verdict.by) return;
	const node = ctx.getNode();
	const event = eventId === undefined ? '' : ` ${eventId}`;
	ctx.logger.info(`${node.name}: delivery${event} verified by ${verdict.by}`, { workflowId: ctx.getWorkflow().id, nodeName: node.name });
}

/** Refuses with 401 unless the verdict is good; undefined when the delivery may go on. */
export function refuseUnverified(ctx: IWebhookFunctions, verdict: Verdict): IWebhookResponseData | undefined {
	return verdict.ok ? undefined : refuse(ctx, 401, verdict.reason);
}

/**
 * Keeps only the events whose id this workflow's trigger has not started before. A repeat is
 * answered 200 (so the sender stops retrying) and logged at debug.
 */
export function firstSightings<T>(ctx: IWebhookFunctions, events: T[], idOf: (event: T) => string | undefined): T[] {
	const node = ctx.getNode();
	const guard = replayGuardFor(ctx.getWorkflow().id, node.id);
	return events.filter((event) => {
		const id = idOf(event);
		if (id === undefined || guard.firstSighting(id)) return true;
		ctx.logger.info(`${node.name}: duplicate delivery of event ${id} ignored`, { workflowId: ctx.getWorkflow().id });
		return false;
	});
}

/**
 * Starts the workflow with one item per event, or answers 200 without starting it when none is
 * left. Either way the sender gets a small JSON body (see ON_RECEIPT_WEBHOOK for why n8n sends
 * the started case's `webhookResponse` at all).
 */
export function emit(items: IDataObject[], ignored = 'duplicate'): IWebhookResponseData {
	if (items.length === 0) return { webhookResponse: { received: true, started: false, reason: ignored } };
	const workflowData: INodeExecutionData[][] = [items.map((json) => ({ json }))];
	return { workflowData, webhookResponse: { received: true } };
}
