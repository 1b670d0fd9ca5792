import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { MAIN_CONNECTION } from '../shared/connection';
import { router } from './actions/router';
import * as reply from './actions/thread/reply.operation';
import { searchThreads } from './methods/listSearch';

export class Inbox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbox (inboxapp.com)',
		name: 'inbox',
		icon: { light: 'file:../../icons/inbox.svg', dark: 'file:../../icons/inbox.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: 'Reply to Thread',
		description: 'Reply to LinkedIn and X (Twitter) direct messages in Inbox (inboxapp.com)',
		defaults: { name: 'Inbox' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'omnichannelInboxApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Thread', value: 'thread' }],
				default: 'thread',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['thread'] } },
				options: [
					{
						name: 'Reply',
						value: 'reply',
						action: 'Reply to a thread',
						description: 'Send a message in a thread',
					},
				],
				default: 'reply',
			},
			...reply.description,
		],
	};

	methods = { listSearch: { searchThreads } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
