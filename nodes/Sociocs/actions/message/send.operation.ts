import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { phoneOptions, readPhone, readPhoneOptions } from '../../../shared/phone';
import { labelOf, text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { ALL_PROVIDERS, channelField, mediaFields, readChannel, readMedia, readProvider, sendProviderFields, SENT, textField } from './common';

const on = { resource: ['message'], operation: ['send'] };
const forProviders = (...provider: string[]) => ({ show: { ...on, provider } });

/** Rows of name/value pairs, sent as an object `{ name: value }` (never typed as raw JSON). */
function pairsField(
	displayName: string,
	name: string,
	description: string,
	displayOptions: IDisplayOptions,
	row: { name: string; displayName: string; placeholder: string } = { name: 'variable', displayName: 'Variable', placeholder: 'e.g. 1' },
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${row.displayName}`,
		default: {},
		description,
		displayOptions,
		options: [
			{
				displayName: row.displayName,
				name: row.name,
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: row.placeholder },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

export const option = { name: 'Send', action: 'Send a message', description: 'Send an SMS or WhatsApp message' };

/** "Send SMS (Twilio)": the provider's name, channel first ("Twilio SMS" reads "SMS (Twilio)"). */
const channelFirst = ALL_PROVIDERS.map(({ name, value }) => ({ value, name: name.replace(/^(\S+) (.+)$/, '$2 ($1)') }));
export const subtitle = `${text('Send ')} + ${labelOf('provider', channelFirst, 'Message')}`;

export const description: INodeProperties[] = [
	...sendProviderFields(on),
	channelField('send'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +16175551212',
		description: 'The recipient\'s phone number with country code. Sent in E.164 form.',
		displayOptions: { show: on },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The recipient\'s name, shown in the Sociocs inbox (and saved with the contact)',
		displayOptions: { show: on },
	},
	textField(on, {
		description:
			'The message text. Required unless an image, video or file URL (Twilio SMS) or a template (WhatsApp) is given.',
	}),
	...mediaFields(on, ['twlo'], 'to send as MMS'),
	{
		displayName: 'Template SID',
		name: 'templateSid',
		type: 'string',
		default: '',
		placeholder: 'e.g. HXb5b62575e6e4ff6129ad7c8efe1f983e',
		description: 'The Content SID of a WhatsApp template from Twilio\'s Content Template Builder. Leave empty to send plain text.',
		displayOptions: forProviders('twlowa'),
	},
	pairsField(
		'Template Variables',
		'templateVariables',
		'Values for the template\'s placeholders, by number: {{1}} -> name "1"',
		forProviders('twlowa'),
	),
	{
		displayName: 'Template ID',
		name: 'gupshupTemplateId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 4c6a5f4e-8e8d-4b8a-9f3e-2b1a0c9d8e7f',
		description: 'The ID of a template created in the Gupshup console. Leave empty to send plain text.',
		displayOptions: forProviders('gswa'),
	},
	{
		displayName: 'Template Media URL',
		name: 'gupshupMediaUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/header.png',
		description: 'The media of a template with a media header (sent as MEDIA_URL)',
		displayOptions: forProviders('gswa'),
	},
	pairsField('Header Variables', 'gupshupHeader', 'Values for the placeholders of the template\'s header', forProviders('gswa')),
	pairsField('Body Variables', 'gupshupBody', 'Values for the placeholders of the template\'s body', forProviders('gswa')),
	pairsField('Button Variables', 'gupshupButtons', 'Values for the placeholders of the template\'s buttons', forProviders('gswa')),
	{
		displayName: 'Save Recipient as Contact',
		name: 'saveContact',
		type: 'boolean',
		default: false,
		description: 'Whether to save (or update) the recipient\'s number and name as a Sociocs contact after sending',
		displayOptions: { show: on },
	},
	{
		displayName: 'Contact List Name or ID',
		name: 'contactListId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: 0,
		description:
			'The list to add the contact to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { ...on, saveContact: [true] } },
	},
	pairsField(
		'Contact Fields',
		'contactFields',
		'Custom contact fields to save, e.g. email_address',
		{ show: { ...on, saveContact: [true] } },
		{ name: 'field', displayName: 'Field', placeholder: 'e.g. email_address' },
	),
	optionsCollection(on, [
		...phoneOptions,
		{
			displayName: 'Schedule',
			name: 'schedule',
			type: 'dateTime',
			default: '',
			description:
				'Send later, at this date and time (in the workflow\'s time zone unless the value has its own offset). The message then shows under Outbound > Scheduled in Sociocs.',
		},
		{
			displayName: 'Send As User Name or ID',
			name: 'userId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTeamMembers' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'The team member shown as the sender of the message. Left on "Sociocs API (Default)", Sociocs shows "Sociocs API".',
		},
	]),
];

const TEXT_EXPECTED: Record<string, string> = {
	twlo: 'a message text, or an Image URL, Video URL or File URL',
	twlowa: 'a message text or a Template SID',
	gswa: 'a message text or a Template ID',
	tlnx: 'a message text',
};

function buildTemplate(fields: ItemFields, provider: string): IDataObject | undefined {
	if (provider === 'twlowa') {
		const id = fields.text('templateSid', 'Template SID')?.trim();
		const variables = fields.pairs('templateVariables', 'variable', 'Template Variables');
		if (!id) {
			if (variables) fields.fail('Template SID', 'a Template SID when Template Variables are given');
			return undefined;
		}
		return variables ? { id, variables } : { id };
	}
	if (provider === 'gswa') {
		const id = fields.text('gupshupTemplateId', 'Template ID')?.trim();
		const variables: IDataObject = {};
		const mediaUrl = fields.url('gupshupMediaUrl', 'Template Media URL');
		if (mediaUrl) variables.MEDIA_URL = mediaUrl;
		const header = fields.pairs('gupshupHeader', 'variable', 'Header Variables');
		const body = fields.pairs('gupshupBody', 'variable', 'Body Variables');
		const buttons = fields.pairs('gupshupButtons', 'variable', 'Button Variables');
		if (header) variables.Header = header;
		if (body) variables.Body = body;
		if (buttons) variables.Buttons = buttons;
		const hasVariables = Object.keys(variables).length > 0;
		if (!id) {
			if (hasVariables) fields.fail('Template ID', 'a Template ID when template media or variables are given');
			return undefined;
		}
		return hasVariables ? { id, variables } : { id };
	}
	return undefined;
}

function buildContactSaving(fields: ItemFields): IDataObject | undefined {
	if (!fields.boolean('saveContact', 'Save Recipient as Contact')) return undefined;
	const listRaw = fields.resolved('contactListId', 0);
	const listId = Number(listRaw === '' || listRaw === undefined || listRaw === null ? 0 : listRaw);
	if (!Number.isInteger(listId) || listId < 0) {
		fields.fail('Contact List', 'a list ID (a whole number; 0 for "All Contacts")', listRaw);
	}
	const extra = fields.pairs('contactFields', 'field', 'Contact Fields');
	return extra ? { save: true, list_id: listId, extra_fields: extra } : { save: true, list_id: listId };
}

function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const provider = readProvider(fields, ALL_PROVIDERS);
	const options = fields.options();
	const channelKey = readChannel(fields);
	const to = readPhone(fields, 'to', 'To', readPhoneOptions(options));
	const body: IDataObject = { provider, channel_key: channelKey, to };

	const name = fields.text('name', 'Name');
	if (name) body.name = name;
	const text = fields.text('text', 'Text');
	if (text) body.text = text;

	let hasContent = !!text;
	if (provider === 'twlo' && readMedia(fields, body)) hasContent = true;
	const template = buildTemplate(fields, provider);
	if (template) {
		body.template = template;
		hasContent = true;
	}
	if (!hasContent) fields.fail('Text', TEXT_EXPECTED[provider] ?? TEXT_EXPECTED.twlo);

	const contactSaving = buildContactSaving(fields);
	if (contactSaving) body.contact_saving = contactSaving;
	const schedule = fields.dateTime('options.schedule', 'Schedule');
	if (schedule) body.schedule = schedule;
	// Empty, null and undefined (an expression on a missing field) all mean "not set".
	const userId = fields.text('options.userId', 'Send As User')?.trim();
	if (userId) body.user_id = userId;

	return {
		request: { method: 'POST', path: '/message', body, proof: SENT },
		orderKey: `${channelKey}|${to}`,
		output: (response) => ({
			...((response as IDataObject).data as IDataObject),
			to,
			provider,
			channel_key: channelKey,
			...(schedule ? { schedule } : {}),
		}),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
