import type { INodeProperties } from 'n8n-workflow';

import type { ItemFields } from '../../../shared/fields';

export const PROVIDERS = [
	{ name: 'Twilio SMS', value: 'twlo' },
	{ name: 'Twilio WhatsApp', value: 'twlowa' },
	{ name: 'Gupshup WhatsApp', value: 'gswa' },
] as const;

/** The Channel dropdown, loaded for the chosen provider; an expression may give the key. */
export function channelField(operation: string): INodeProperties {
	return {
		displayName: 'Channel Name or ID',
		name: 'channelKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getChannels', loadOptionsDependsOn: ['provider'] },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list shows the channels of the chosen provider. By expression, give the channel key from Sociocs\' Profile & settings > API.',
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
	};
}

export function readChannel(fields: ItemFields): string {
	return fields.requiredText('channelKey', 'Channel', 'a channel key (choose one from the list or give it by expression)').trim();
}
