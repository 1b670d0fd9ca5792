import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { conversationOperations, messageOperations } from './actions/operations';
import { operations, router } from './actions/router';
import { searchContacts, searchConversations } from './methods/listSearch';
import { AUTHENTICATION, OAUTH2 } from '../shared/services';

const PRIVATE_TOKEN = 'privateIntegrationToken';

export class HighLevelConversations implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Conversations',
		name: 'highLevelConversations',
		icon: { light: 'file:../../icons/highLevel.svg', dark: 'file:../../icons/highLevel.dark.svg' },
		group: ['output'],
		version: 1,
		// What a person reads on the canvas, e.g. "Add Inbound Message (Email)": the Type's label.
		subtitle:
			'={{ "Add Inbound Message (" + ({ "Call": "Call", "Custom": "Custom", "Email": "Email", "FB": "Facebook", "GMB": "Google Business Messages", "IG": "Instagram", "Live_Chat": "Live Chat", "SMS": "SMS", "WebChat": "Web Chat", "WhatsApp": "WhatsApp" }[$parameter["type"]] || "SMS") + ")" }}',
		// Told apart from n8n's built-in HighLevel node (contacts, opportunities, tasks, calendars)
		// by what it adds: messages in conversations, and sign-in with a Marketplace app or a token.
		description:
			'Add SMS, email, call, WhatsApp and other messages to HighLevel (GoHighLevel) conversations, which the built-in HighLevel node cannot do',
		defaults: { name: 'HighLevel Conversations' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'omnichannelHighLevelApi',
				required: true,
				displayOptions: { show: { [AUTHENTICATION]: [PRIVATE_TOKEN] } },
			},
			{
				name: 'omnichannelHighLevelOAuth2Api',
				required: true,
				displayOptions: { show: { [AUTHENTICATION]: [OAUTH2] } },
			},
		],
		properties: [
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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			messageOperations,
			conversationOperations,
			// Each operation's own fields, shown only for it (displayOptions).
			...Object.values(operations).flatMap((table) => Object.values(table).flatMap((operation) => operation.description)),
		],
	};

	methods = { listSearch: { searchContacts, searchConversations } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
