import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as addInbound from './actions/message/addInbound.operation';
import { router } from './actions/router';
import { searchConversations } from './methods/listSearch';

export class HighLevelConversations implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Conversations',
		name: 'highLevelConversations',
		icon: { light: 'file:../../icons/highLevel.svg', dark: 'file:../../icons/highLevel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Add messages from your own channels to HighLevel (LeadConnector) conversations',
		defaults: { name: 'HighLevel Conversations' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'omnichannelHighLevelApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [
					{
						name: 'Add Inbound',
						value: 'addInbound',
						action: 'Add an inbound message',
						description: 'Add a message (SMS, email, call, ...) to a conversation',
					},
				],
				default: 'addInbound',
			},
			...addInbound.description,
		],
	};

	methods = { listSearch: { searchConversations } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
