import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { INBOX } from '../shared/services';
import { propertiesOf, subtitleOf } from '../shared/resource';
import { resources, router } from './actions/router';
import { searchThreads } from './methods/listSearch';
import { MAIN_CONNECTION } from '../shared/connection';

export class Inbox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbox (inboxapp.com)',
		name: 'inbox',
		icon: { light: 'file:../../icons/inbox.svg', dark: 'file:../../icons/inbox.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf(resources),
		description: 'Reply to LinkedIn and X (Twitter) direct messages in Inbox (inboxapp.com)',
		defaults: { name: 'Inbox' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: INBOX.credentialType, required: true }],
		properties: [
			...propertiesOf(resources),
		],
	};

	methods = { listSearch: { searchThreads } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
