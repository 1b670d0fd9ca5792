import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { SOCIOCS } from '../shared/services';
import { emit, firstSightings, headerOf, rawBodyOf, refuse, refuseUnverified } from '../shared/webhooks/delivery';
import { eventsSubtitle, ON_RECEIPT_WEBHOOK, triggerHeader, WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhooks/properties';
import { verifySociocs } from '../shared/webhooks/signatures';
import { ALL_PROVIDERS, channelField } from './actions/message/common';
import { getChannels } from './methods/loadOptions';
import { chosenEvent, eventKey, mapDelivery } from './trigger/output';
import * as subscription from './trigger/subscription';
import { MAIN_CONNECTION } from '../shared/connection';

/** The statuses each provider reports (Sociocs' `subevents`), per its docs. */
const STATUSES: Record<string, string[]> = {
	twlo: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'],
	twlowa: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read'],
	gswa: ['queued', 'enqueued', 'sent', 'delivered', 'read', 'failed'],
	tlnx: ['queued', 'sending', 'sent', 'delivered', 'sending_failed', 'delivery_failed'],
};

const statusFields: INodeProperties[] = ALL_PROVIDERS.map(({ name, value }) => ({
	displayName: 'Only These Statuses',
	name: `statuses_${value}`,
	type: 'multiOptions',
	options: STATUSES[value].map((status) => ({ name: (status[0].toUpperCase() + status.slice(1)).replace('_', ' '), value: status })),
	default: [],
	description: `Status updates to receive from ${name}; none chosen = all`,
	displayOptions: { show: { provider: [value], events: ['status_updates'] } },
}));

const EVENTS = [
	{ name: 'Incoming Message', value: 'messages', action: 'On incoming message', description: 'A contact sent a message to the channel' },
	{ name: 'Message Status Update', value: 'status_updates', action: 'On message status update', description: 'A message sent from the channel changed status' },
];

export class SociocsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sociocs Trigger',
		name: 'sociocsTrigger',
		icon: { light: 'file:../../icons/sociocs.svg', dark: 'file:../../icons/sociocs.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: eventsSubtitle(EVENTS),
		// n8n's node panel shows a trigger's description for the whole app (Sociocs), actions included.
		description: 'Send SMS, MMS and WhatsApp messages (Twilio, Gupshup), record inbound messages, and start workflows on incoming messages and status updates in Sociocs',
		defaults: { name: 'Sociocs Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: SOCIOCS.credentialType, required: true }],
		webhooks: [{ ...ON_RECEIPT_WEBHOOK }],
		properties: [
			...triggerHeader(
				'Nothing to copy: Execute step subscribes the Test URL in Sociocs until one event arrives; Publish (top right) subscribes the Production URL, each with a signing secret of its own, and unpublishing unsubscribes it. Deliveries without a valid signature are refused.',
				EVENTS,
				['messages'],
			),
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				options: [...ALL_PROVIDERS],
				default: 'twlo',
				description: 'The messaging provider of the channel',
			},
			{
				...channelField('send'),
				displayOptions: undefined,
				hint: 'The channel to listen on: Execute step and Publish stay unavailable until one is chosen. After changing Provider, choose it again.',
			},
			...statusFields,
		],
	};

	methods = { loadOptions: { getChannels } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscription.checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const provider = this.getNodeParameter('provider') as string;
				const events = this.getNodeParameter('events') as string[];
				const body: IDataObject = {
					provider,
					channel_key: this.getNodeParameter('channelKey') as string,
					events,
				};
				const statuses = events.includes('status_updates')
					? (this.getNodeParameter(`statuses_${provider}`, []) as string[])
					: [];
				if (statuses.length > 0) body.subevents = { status_updates: statuses };
				return await subscription.create(this, body);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await subscription.remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = subscription.stateOf(this);
		if (!secret) return refuse(this, 401, 'this trigger has no signing secret (re-activate the workflow)');
		const refused = refuseUnverified(this, verifySociocs(await rawBodyOf(this), headerOf(this, 'x-sociocs-signature'), secret));
		if (refused) return refused;

		const payload = this.getBodyData();
		// Sociocs may deliver events this node was not set to (a subscription updated elsewhere):
		// they start nothing, and the 200 keeps Sociocs from retrying.
		if (!chosenEvent(this.getNodeParameter('events', []) as string[], payload)) return emit([], 'event not chosen');
		const fresh = firstSightings(this, [payload], eventKey);
		return emit(fresh.map(mapDelivery));
	}
}
