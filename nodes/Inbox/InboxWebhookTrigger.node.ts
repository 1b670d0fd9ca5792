import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INBOX } from '../shared/services';
import { emit, firstSightings, headerOf, rawBodyOf, refuse, refuseUnverified } from '../shared/webhooks/delivery';
import { pastedUrlWebhookMethods } from '../shared/webhooks/pastedUrl';
import { eventsSubtitle, ON_RECEIPT_WEBHOOK, WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhooks/properties';
import { verifyInbox } from '../shared/webhooks/signatures';
import { EVENT_OPTIONS, eventName, header, mapEvent } from './trigger/events';
import { MAIN_CONNECTION } from '../shared/connection';

async function signingSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(INBOX.credentialType);
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
		subtitle: eventsSubtitle(EVENT_OPTIONS),
		description: 'Starts the workflow in real time when Inbox (inboxapp.com) sends a signed webhook: LinkedIn and X (Twitter) messages and thread changes',
		defaults: { name: 'Inbox Webhook Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: INBOX.credentialType, required: true }],
		webhooks: [{ ...ON_RECEIPT_WEBHOOK }],
		properties: header(
			'Inbox has no API for webhooks: open Webhook URLs above, switch to Production URL and copy it into Inbox under Settings > Webhooks; copy the signing secret Inbox shows (ibt_wh_...) into the credential\'s "Webhook Signing Secret"; then Publish the workflow (top right). Deliveries without a valid X-Inbox-Signature are refused.',
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
