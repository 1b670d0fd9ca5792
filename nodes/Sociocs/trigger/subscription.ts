import { randomBytes } from 'node:crypto';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { SOCIOCS } from '../../shared/services';
import { apiRequest, openApi } from '../../shared/transport';

/**
 * The Sociocs webhook subscription of one trigger node. Static data (kept by n8n per workflow
 * and node) holds the subscription id and the signing secret, which never leaves n8n except
 * in the create request.
 */

export interface SubscriptionState extends IDataObject {
	subscriptionId?: string;
	secret?: string;
	webhookUrl?: string;
}

/**
 * The subscription state of this mode. The editor's "Listen for test event" registers a
 * subscription of its own (test URL, own reference and secret); keeping its state apart means
 * a test run can never replace the production secret.
 */
export function stateOf(ctx: IHookFunctions | IWebhookFunctions): SubscriptionState {
	const data = ctx.getWorkflowStaticData('node');
	if (ctx.getMode() !== 'manual') return data as SubscriptionState;
	data.test ??= {};
	return data.test as SubscriptionState;
}

/** Same value for the same workflow and node, so re-creating updates instead of adding one; test listening has its own. */
export function referenceId(ctx: IHookFunctions): string {
	const suffix = ctx.getMode() === 'manual' ? '-test' : '';
	return `n8n-${ctx.getWorkflow().id ?? 'unsaved'}-${ctx.getNode().id}${suffix}`;
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this trigger');
	return url;
}

async function call(ctx: IHookFunctions, method: 'GET' | 'POST' | 'DELETE', path: string, body?: IDataObject) {
	const api = await openApi(ctx, SOCIOCS);
	return await apiRequest(ctx, api, { method, path, body });
}

async function list(ctx: IHookFunctions): Promise<IDataObject[]> {
	const body = (await call(ctx, 'GET', '/webhook-subscriptions')) as IDataObject | undefined;
	return Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
}

function ours(ctx: IHookFunctions, subscriptions: IDataObject[]): IDataObject | undefined {
	const url = webhookUrl(ctx);
	const reference = referenceId(ctx);
	return subscriptions.find((entry) => entry.subscriber_reference_id === reference && entry.webhook_url === url);
}

export async function checkExists(ctx: IHookFunctions): Promise<boolean> {
	const state = stateOf(ctx);
	// Without the secret we could not check a single delivery: create (which updates) instead.
	if (!state.secret) return false;
	const found = ours(ctx, await list(ctx));
	if (!found) return false;
	state.subscriptionId = String(found.id);
	return true;
}

export async function create(ctx: IHookFunctions, subscription: IDataObject): Promise<boolean> {
	const state = stateOf(ctx);
	const secret = randomBytes(32).toString('hex');
	const url = webhookUrl(ctx);
	const body = (await call(ctx, 'POST', '/webhook-subscriptions', {
		platform: 'n8n',
		...subscription,
		subscriber_reference_id: referenceId(ctx),
		webhook_url: url,
		secret,
	})) as IDataObject | undefined;
	const id = (body?.data as IDataObject | undefined)?.id;
	if (id === undefined || id === null) {
		throw new NodeOperationError(ctx.getNode(), 'Sociocs created no webhook subscription id', {
			description: 'The answer to POST /webhook-subscriptions had no data.id. The trigger is not active.',
		});
	}
	Object.assign(state, { subscriptionId: String(id), secret, webhookUrl: url });
	return true;
}

/** apiRequest already throws n8n errors (with the vendor's words); anything else is wrapped. */
function reported(ctx: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode) === '404';
}

/**
 * Deletes by the id from the create answer. The docs' example deletes by the reference id, so
 * a 404 is not taken as "gone": the list is searched and whatever is ours is deleted. Any
 * other failure is thrown, so n8n reports it (a subscription left behind keeps sending).
 */
export async function remove(ctx: IHookFunctions): Promise<boolean> {
	const state = stateOf(ctx);
	const tryDelete = async (id: string) => {
		try {
			await call(ctx, 'DELETE', `/webhook-subscriptions/${encodeURIComponent(id)}`);
			return true;
		} catch (error) {
			if (isNotFound(error)) return false;
			throw reported(ctx, error);
		}
	};
	let deleted = state.subscriptionId ? await tryDelete(state.subscriptionId) : false;
	if (!deleted) {
		const found = ours(ctx, await list(ctx));
		if (found) {
			deleted = (await tryDelete(String(found.id))) || (await tryDelete(referenceId(ctx)));
			if (!deleted) {
				throw new NodeOperationError(ctx.getNode(), 'Sociocs did not delete the webhook subscription', {
					description: `Subscription ${String(found.id)} (reference ${referenceId(ctx)}) is still listed; both delete calls answered 404. Delete it in Sociocs.`,
				});
			}
		} else {
			ctx.logger.info(`${ctx.getNode().name}: no Sociocs webhook subscription to delete (already gone)`);
		}
	}
	delete state.subscriptionId;
	delete state.secret;
	delete state.webhookUrl;
	return true;
}
