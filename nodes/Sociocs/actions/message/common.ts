import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemFields } from '../../../shared/fields';
import { idProof } from '../../../shared/transport';
import type { BodyProof } from '../../../shared/transport';

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
		hint: 'The list shows the channels of the chosen provider: after changing Provider, choose the channel again. If it shows an error after you chose the credential, pick Refresh List from the field\'s ⋮ menu. By expression, give the channel key from Sociocs\' Profile & settings > API.',
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
	};
}

export function readChannel(fields: ItemFields): string {
	return fields.requiredText('channelKey', 'Channel', 'a channel key (choose one from the list or give it by expression)').trim();
}

/** POST /message answers `{ status: "success", data: { message_id } }`. */
export const SENT = idProof('status "success" and a data.message_id', (body) =>
	body.status === 'success' ? (body.data as IDataObject | undefined)?.message_id : undefined,
);

/** POST /incoming answers `{ status: "success" }` (its spec gives no id). */
export const RECORDED: BodyProof = {
	holds: (body) => !!body && typeof body === 'object' && (body as IDataObject).status === 'success',
	expected: 'status "success"',
};
