import { Inbox } from '../../../nodes/Inbox/Inbox.node';
import type { NodeUnderTest } from '../../helpers/engine';
import type { MockApi } from '../../mock/mockApi';

export const TOKEN = 'inbox_v2_tok_3c7d9e1f';

/** The Inbox node at version 2, with a credential as every existing one is stored (…/api/v1). */
export function inboxV2(api: MockApi, parameters: Record<string, unknown>, extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return {
		type: new Inbox(),
		typeVersion: 2,
		parameters: parameters as NodeUnderTest['parameters'],
		credentials: { omnichannelInboxApi: { apiToken: TOKEN, baseUrl: api.urls.inbox } },
		...extra,
	};
}

export const replyParameters = (more: Record<string, unknown> = {}) => ({
	resource: 'thread',
	operation: 'reply',
	threadId: { __rl: true, mode: 'id', value: '={{ $json.thread }}' },
	content: '={{ $json.text }}',
	...more,
});

export const personParameters = (more: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendToPerson',
	accountLinkId: { __rl: true, mode: 'list', value: 'acct1', cachedResultName: 'Acme HQ' },
	recipient: 'username',
	username: '={{ $json.username }}',
	content: '={{ $json.text }}',
	...more,
});
