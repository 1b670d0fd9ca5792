import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { propertiesOf, subtitleOf } from '../shared/resource';
import { resources, router } from './actions/router';
import { searchContacts, searchConversations } from './methods/listSearch';
import { AUTHENTICATION, HIGHLEVEL, HIGHLEVEL_OAUTH2, OAUTH2 } from '../shared/services';
import { MAIN_CONNECTION } from '../shared/connection';

const PRIVATE_TOKEN = 'privateIntegrationToken';

export class HighLevelConversations implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Conversations',
		name: 'highLevelConversations',
		icon: { light: 'file:../../icons/highLevel.svg', dark: 'file:../../icons/highLevel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf(resources),
		// Told apart from n8n's built-in HighLevel node (contacts, opportunities, tasks, calendars)
		// by what it adds: messages in conversations, and sign-in with a Marketplace app or a token.
		description:
			'Send, read and add SMS, email, WhatsApp and other messages to HighLevel (GoHighLevel) conversations, which the built-in HighLevel node cannot do',
		defaults: { name: 'HighLevel Conversations' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [
			{
				name: HIGHLEVEL.credentialType,
				required: true,
				displayOptions: { show: { [AUTHENTICATION]: [PRIVATE_TOKEN] } },
			},
			{
				name: HIGHLEVEL_OAUTH2.credentialType,
				required: true,
				displayOptions: { show: { [AUTHENTICATION]: [OAUTH2] } },
			},
		],
		properties: [
			{
				// n8n 2.40 hides the Authentication field of a node with two credentials and picks the
				// sign-in in the credential dialog: this says where.
				displayName:
					'Two ways to sign in: a Private Integration Token (HighLevel > Settings > Private Integrations) or OAuth2 with your Marketplace app. Pick a saved one under Credential (each says which), or create one and choose the way in the dropdown at the top right of the credential dialog.',
				name: 'signInNotice',
				type: 'notice',
				default: '',
			},
			{
				// Nodes saved before this choice existed have no value: they keep the token credential.
				displayName: 'Authentication',
				name: AUTHENTICATION,
				type: 'options',
				options: [
					{ name: 'OAuth2 (Marketplace App)', value: OAUTH2 },
					{ name: 'Private Integration Token', value: PRIVATE_TOKEN },
				],
				default: PRIVATE_TOKEN,
			},
			...propertiesOf(resources),
		],
	};

	methods = { listSearch: { searchContacts, searchConversations } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
