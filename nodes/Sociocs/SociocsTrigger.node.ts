import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { emit, firstSightings, headerOf, rawBodyOf, refuse, refuseUnverified } from '../shared/webhooks/delivery';
import { ON_RECEIPT_WEBHOOK, triggerHeader, WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhooks/properties';
import { verifySociocs } from '../shared/webhooks/signatures';
import { channelField, PROVIDERS } from './actions/message/common';
import { getChannels } from './methods/loadOptions';
import { eventKey, mapDelivery } from './trigger/output';
import * as subscription from './trigger/subscription';

/** The statuses each provider reports (Sociocs' `subevents`), per its docs. */
const STATUSES: Record<string, string[]> = {
	twlo: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'],
	twlowa: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read'],
	gswa: ['queued', 'enqueued', 'sent', 'delivered', 'read', 'failed'],
};

const statusFields: INodeProperties[] = PROVIDERS.map(({ name, value }) => ({
	displayName: 'Only These Statuses',
	name: `statuses_${value}`,
	type: 'multiOptions',
	options: STATUSES[value].map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
	default: [],
	description: `Status updates to receive from ${name}; none chosen = all`,
	displayOptions: { show: { provider: [value], events: ['status_updates'] } },
}));

export class SociocsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sociocs Trigger',
		name: 'sociocsTrigger',
		icon: { light: 'file:../../icons/sociocs.svg', dark: 'file:../../icons/sociocs.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when a message arrives on Sociocs or a sent message changes status',
		defaults: { name: 'Sociocs Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'omnichannelSociocsApi', required: true }],
		webhooks: [{ ...ON_RECEIPT_WEBHOOK }],
		properties: [
			...triggerHeader(
				'Activating the workflow subscribes this URL in Sociocs (with a signing secret of its own); deactivating it unsubscribes. Deliveries without a valid signature are refused.',
				[
					{ name: 'Incoming Message', value: 'messages', description: 'A contact sent a message to the channel' },
					{ name: 'Message Status Update', value: 'status_updates', description: 'A message sent from the channel changed status' },
				],
				['messages'],
			),
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				options: [...PROVIDERS],
				default: 'twlo',
				description: 'The messaging provider of the channel',
			},
			{ ...channelField('send'), displayOptions: undefined },
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
		const fresh = firstSightings(this, [payload], eventKey);
		return emit(fresh.map(mapDelivery));
	}
}
