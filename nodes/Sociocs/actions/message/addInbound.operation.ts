import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { phoneOptions, readPhone, readPhoneOptions } from '../../../shared/phone';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { channelField, PROVIDERS, readChannel, RECORDED } from './common';
import { mediaTypeFromUrl, mediaTypeOptions } from './mediaTypes';

const on = { resource: ['message'], operation: ['addInbound'] };

/** type/subtype with optional parameters (RFC 2045): `text/plain; charset=utf-8`, `audio/ogg; codecs="opus"`. */
const TOKEN = "[!#$%&'*+.^_`|~\\w-]+";
const MIME_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\]*"))*$`);

export const option = {
	name: 'Add Inbound',
	action: 'Add an inbound message',
	description: 'Save a message received elsewhere into the Sociocs inbox',
};

/** Sociocs records inbound messages for its Twilio SMS provider only. */
export const subtitle = text(`Add Inbound Message (${PROVIDERS[0].name})`);

export const description: INodeProperties[] = [
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		noDataExpression: true,
		// The API accepts inbound messages for Twilio SMS only, for now.
		options: [{ name: 'Twilio SMS', value: 'twlo' }],
		default: 'twlo',
		description: 'The messaging provider of the channel (Sociocs records inbound messages for Twilio SMS only)',
		displayOptions: { show: on },
	},
	channelField('addInbound'),
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +16175551212',
		description: 'The sender\'s phone number with country code. Sent in E.164 form.',
		displayOptions: { show: on },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The sender\'s name',
		displayOptions: { show: on },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The text of the message received',
		displayOptions: { show: on },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photo.jpg',
		description: 'A publicly reachable image, video or file that came with the message',
		displayOptions: { show: on },
	},
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: mediaTypeOptions,
		default: '',
		description:
			'The MIME type of the media. Left on "Infer From the URL", it comes from the URL\'s file extension. Any other type can be given by expression.',
		displayOptions: { show: on, hide: { mediaUrl: [''] } },
	},
	optionsCollection(on, phoneOptions),
];

function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const options = fields.options();
	const channelKey = readChannel(fields);
	const from = readPhone(fields, 'from', 'From', readPhoneOptions(options));
	const body: IDataObject = { provider: 'twlo', channel_key: channelKey, from };
	const name = fields.text('name', 'Name');
	if (name) body.name = name;
	body.text = fields.requiredText('text', 'Text', 'the text of the message received');

	const mediaUrl = fields.url('mediaUrl', 'Media URL');
	if (mediaUrl) {
		const given = fields.text('mediaType', 'Media Type')?.trim();
		if (given !== undefined && !MIME_TYPE.test(given)) {
			fields.fail('Media Type', 'a MIME type such as image/png or text/plain; charset=utf-8', given);
		}
		body.media_url = mediaUrl;
		body.media_type =
			given ??
			mediaTypeFromUrl(mediaUrl) ??
			fields.fail(
				'Media Type',
				'a MIME type such as image/png, as it cannot be told from the Media URL\'s file extension',
			);
	}

	return {
		request: { method: 'POST', path: '/incoming', body, proof: RECORDED },
		orderKey: `${channelKey}|${from}`,
		output: (response) => ({ ...(response as IDataObject), ...body }),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
