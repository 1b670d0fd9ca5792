import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { SOCIOCS } from '../shared/services';
import { propertiesOf, subtitleOf } from '../shared/resource';
import { resources, router } from './actions/router';
import { getChannels, getLists, getTeamMembers } from './methods/loadOptions';

export class Sociocs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sociocs',
		name: 'sociocs',
		icon: { light: 'file:../../icons/sociocs.svg', dark: 'file:../../icons/sociocs.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf(resources),
		description: 'Send SMS, MMS and WhatsApp messages (Twilio, Gupshup) and record inbound messages in Sociocs',
		defaults: { name: 'Sociocs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
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
