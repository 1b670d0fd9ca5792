import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { SOCIOCS } from '../shared/services';
import { propertiesOf, subtitleOf } from '../shared/resource';
import { resources, router } from './actions/router';
import { getChannels, getLists, getTeamMembers } from './methods/loadOptions';
import { MAIN_CONNECTION } from '../shared/connection';

export class Sociocs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sociocs',
		name: 'sociocs',
		icon: { light: 'file:../../icons/sociocs.svg', dark: 'file:../../icons/sociocs.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf(resources),
		description: 'Send SMS, MMS and WhatsApp messages (Twilio, Gupshup, Telnyx), one by one or as bulk jobs, record inbound messages and read message history in Sociocs',
		defaults: { name: 'Sociocs' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: SOCIOCS.credentialType, required: true }],
		properties: [
			...propertiesOf(resources),
		],
	};

	methods = { loadOptions: { getChannels, getLists, getTeamMembers } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
