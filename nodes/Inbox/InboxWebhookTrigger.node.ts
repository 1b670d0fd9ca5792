import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { emit, firstSightings, headerOf, rawBodyOf, refuse, refuseUnverified } from '../shared/webhooks/delivery';
import { pastedUrlWebhookMethods } from '../shared/webhooks/pastedUrl';
import { ON_RECEIPT_WEBHOOK, WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhooks/properties';
import { verifyInbox } from '../shared/webhooks/signatures';
import { eventName, header, mapEvent } from './trigger/events';

async function signingSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials('omnichannelInboxApi');
	return typeof credentials.webhookSigningSecret === 'string' ? credentials.webhookSigningSecret.trim() : '';
}

/** Inbox Webhook Trigger: real-time deliveries from a webhook added in Inbox's Settings > Webhooks. */
export class InboxWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbox (inboxapp.com) Webhook Trigger',
		name: 'inboxWebhookTrigger',
		icon: { light: 'file:../../icons/inbox.svg', dark: 'file:../../icons/inbox.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow in real time when Inbox sends a signed webhook',
		defaults: { name: 'Inbox Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'omnichannelInboxApi', required: true }],
		webhooks: [{ ...ON_RECEIPT_WEBHOOK }],
		properties: header(
			'Inbox has no API for webhooks: copy this node\'s Production URL (above) into Inbox under Settings > Webhooks, then copy the signing secret Inbox shows (ibt_wh_...) into the credential\'s "Webhook Signing Secret". Deliveries without a valid X-Inbox-Signature are refused.',
		),
	};

	// Inbox has no webhook API: activation checks that deliveries can be verified at all.
	webhookMethods = pastedUrlWebhookMethods(async (ctx) => {
		if (!(await signingSecret(ctx))) {
			throw new NodeOperationError(ctx.getNode(), 'The Inbox credential has no Webhook Signing Secret', {
				description:
					'Copy the signing secret Inbox shows under Settings > Webhooks (ibt_wh_...) into the credential, then activate again. Without it every delivery would be refused.',
			});
		}
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = await signingSecret(this);
		if (!secret) return refuse(this, 401, 'the Inbox credential has no Webhook Signing Secret');
		const verdict = verifyInbox(await rawBodyOf(this), headerOf(this, 'x-inbox-signature'), secret, Date.now());
		const refused = refuseUnverified(this, verdict);
		if (refused) return refused;

		const envelope = this.getBodyData();
		const types = this.getNodeParameter('events', []) as string[];
		if (!types.includes(eventName(envelope))) return emit([], 'event type not selected');
		const fresh = firstSightings(this, [envelope], (event: IDataObject) =>
			event.id === undefined ? undefined : String(event.id),
		);
		return emit(fresh.map(mapEvent));
	}
}
