import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { INBOX } from '../shared/services';
import { propertiesOf, subtitleOf } from '../shared/resource';
import { resources, resourcesV2, router } from './actions/router';
import { searchThreads } from './methods/listSearch';
import { MAIN_CONNECTION } from '../shared/connection';
import { searchAccountLinks, searchThreadsV2 } from './methods/listSearchV2';
import { withVersion2 } from './v2/description';

export class Inbox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbox (inboxapp.com)',
		name: 'inbox',
		icon: { light: 'file:../../icons/inbox.svg', dark: 'file:../../icons/inbox.dark.svg' },
		group: ['output'],
		// 2 speaks API v2 (exactly-once sends). New nodes get the last version; saved ones keep theirs.
		version: [1, 2],
		// Version 2's operations, each its own; version 1's one operation, Thread > Reply, reads as it always did.
		subtitle: subtitleOf(resourcesV2),
		description: 'Reply to and start LinkedIn and X (Twitter) conversations in Inbox (inboxapp.com), and read its threads and messages',
		defaults: { name: 'Inbox' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: INBOX.credentialType, required: true }],
		properties: withVersion2(propertiesOf(resources), propertiesOf(resourcesV2)),
	};

	methods = { listSearch: { searchThreads, searchThreadsV2, searchAccountLinks } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
