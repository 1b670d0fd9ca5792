import { ApplicationError } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemFields } from '../../../shared/fields';
import { idProof } from '../../../shared/transport';
import type { BodyProof } from '../../../shared/transport';

export const PROVIDERS = [
	{ name: 'Twilio SMS', value: 'twlo' },
	{ name: 'Twilio WhatsApp', value: 'twlowa' },
	{ name: 'Gupshup WhatsApp', value: 'gswa' },
] as const;

/**
 * Telnyx SMS: Sociocs lists it for channels and webhooks; its send pages (single and bulk) do
 * not list it yet. Offered for sending behind a notice; a refusal reaches the user in Sociocs' words.
 */
export const TELNYX = { name: 'Telnyx SMS', value: 'tlnx' } as const;

/** Every provider Sociocs has channels for. */
export const ALL_PROVIDERS = [...PROVIDERS, TELNYX];

/** The Provider of a send, and the notice shown under it when Telnyx is chosen. */
export function sendProviderFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			noDataExpression: true,
			options: [...ALL_PROVIDERS],
			default: 'twlo',
			description: 'The messaging provider of the channel. Decides which fields apply.',
			displayOptions: { show },
		},
		telnyxNotice(show),
	];
}

function telnyxNotice(show: Record<string, string[]>): INodeProperties {
	return {
		displayName:
			'Sociocs\' send pages do not list Telnyx yet: Sociocs may refuse the message, and its answer is shown as it gave it. Text only.',
		name: 'telnyxNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show, provider: ['tlnx'] } },
	};
}

/** The provider of an item, one of `known`. */
export function readProvider(fields: ItemFields, known: ReadonlyArray<{ name: string; value: string }>): string {
	const provider = fields.resolved('provider', 'twlo') as string;
	if (!known.some((entry) => entry.value === provider)) {
		fields.fail('Provider', `one of ${known.map(({ name, value }) => `${value} (${name})`).join(', ')}`, provider);
	}
	return provider;
}

/** `data` of Sociocs' envelope as a list; its entries' fields are not documented, so they pass through as they came. */
export function dataList(response: unknown): IDataObject[] {
	const data = (response as IDataObject | undefined)?.data;
	if (!Array.isArray(data)) {
		throw new ApplicationError('Sociocs answered without a data list', { extra: { got: JSON.stringify(response ?? null).slice(0, 200) } });
	}
	return (data as unknown[]).map((entry) => (entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry as IDataObject[string] }));
}

/** The media a message may carry: parameter, label, the API's field, placeholder, what it is. */
const MEDIA = [
	['imageUrl', 'Image URL', 'image_url', 'https://example.com/picture.jpg', 'image'],
	['videoUrl', 'Video URL', 'video_url', 'https://example.com/clip.mp4', 'video'],
	['fileUrl', 'File URL', 'file_url', 'https://example.com/brochure.pdf', 'file'],
] as const;

/** The parameters of the media fields. */
export const MEDIA_PARAMETERS = MEDIA.map(([param]) => param);

/** The message's Text (Send and Send to Many differ in what they say about it). */
export function textField(show: Record<string, string[]>, about: Pick<INodeProperties, 'description' | 'hint' | 'placeholder'>): INodeProperties {
	return { displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 4 }, default: '', ...about, displayOptions: { show } };
}

/** Image URL, Video URL and File URL, shown for `providers`; `sent` ends the description ("to send as MMS"). */
export function mediaFields(show: Record<string, string[]>, providers: string[], sent: string): INodeProperties[] {
	return MEDIA.map(([name, displayName, , placeholder, what]) => ({
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description: `A publicly reachable ${what} ${sent}`,
		displayOptions: { show: { ...show, provider: providers } },
	}));
}

/** The item's media URLs into `body` under the API's names; whether there was any. */
export function readMedia(fields: ItemFields, body: IDataObject): boolean {
	let any = false;
	for (const [param, label, key] of MEDIA) {
		const url = fields.url(param, label);
		if (url) {
			body[key] = url;
			any = true;
		}
	}
	return any;
}

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
