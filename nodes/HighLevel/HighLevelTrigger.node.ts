import type {
	IDataObject,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { MAIN_CONNECTION } from '../shared/connection';
import { emit, firstSightings, headerOf, logVerified, rawBodyOf, refuse, refuseUnverified } from '../shared/webhooks/delivery';
import { pastedUrlWebhookMethods } from '../shared/webhooks/pastedUrl';
import { eventsSubtitle, ON_RECEIPT_WEBHOOK, WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhooks/properties';
import { verifyHighLevel, withinWindow } from '../shared/webhooks/signatures';
import { eventOf, MAX_AGE_SECONDS, messageTypeKey, messageTypeOf, properties, readKeys } from './trigger/settings';

export class HighLevelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Conversations Trigger',
		// The type name before 0.2.0, kept for saved workflows; new nodes are HighLevelConversationsTrigger.
		name: 'highLevelTrigger',
		hidden: true,
		icon: { light: 'file:../../icons/highLevel.svg', dark: 'file:../../icons/highLevel.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: eventsSubtitle(properties.find((property) => property.name === 'events')!.options as INodePropertyOptions[]),
		// n8n's node panel shows a trigger's description for the whole app, actions included.
		description: 'Send, read and add SMS, email, WhatsApp and other messages to HighLevel (GoHighLevel) conversations, which the built-in HighLevel node cannot do, and start workflows on messages and conversation changes',
		defaults: { name: 'HighLevel Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		// HighLevel retries only on 429 and wants a fast answer: answered before the workflow runs.
		webhooks: [{ ...ON_RECEIPT_WEBHOOK }],
		properties,
	};

	// No API registers Marketplace webhooks: activation checks that the keys parse.
	webhookMethods = pastedUrlWebhookMethods(async (ctx) => {
		readKeys(ctx);
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const payload = this.getBodyData();
		const verdict = verifyHighLevel(
			await rawBodyOf(this),
			payload,
			{ ghl: headerOf(this, 'x-ghl-signature'), wh: headerOf(this, 'x-wh-signature') },
			readKeys(this),
		);
		const refused = refuseUnverified(this, verdict);
		if (refused) return refused;

		// Signed, but possibly an old delivery sent again: the signed timestamp bounds replays.
		const sentAt = typeof payload.timestamp === 'string' ? Date.parse(payload.timestamp) : NaN;
		if (!withinWindow(sentAt, Date.now(), MAX_AGE_SECONDS)) {
			return refuse(this, 401, `timestamp ${JSON.stringify(payload.timestamp ?? null)} is missing or more than ${MAX_AGE_SECONDS / 60} minutes from now (stale or replayed)`);
		}
		logVerified(this, verdict, payload.webhookId === undefined ? undefined : String(payload.webhookId));

		const events = this.getNodeParameter('events', []) as string[];
		const types = (this.getNodeParameter('messageTypes', []) as string[]).map(messageTypeKey);
		const event = eventOf(payload);
		if (!events.includes(event)) return emit([], 'event type not selected');
		const messageType = messageTypeOf(event, payload);
		if (types.length > 0 && messageType !== undefined && !types.includes(messageTypeKey(messageType))) {
			return emit([], 'message type not selected');
		}
		const fresh = firstSightings(this, [payload], (event: IDataObject) =>
			event.webhookId === undefined ? undefined : String(event.webhookId),
		);
		// The delivery is HighLevel's own flat message object: passed on as it is.
		return emit(fresh);
	}
}
