import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import type { NodeUnderTest } from '../helpers/engine';
import type { MockApi } from '../mock/mockApi';

export const TOKEN = 'pit-4f1e2d3c-highlevel-secret';

export function highLevel(api: MockApi, parameters: Record<string, unknown>, extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return {
		type: new HighLevelConversations(),
		parameters: {
			resource: 'message',
			operation: 'addInbound',
			conversationId: { __rl: true, mode: 'id', value: 'conv1' },
			conversationProviderId: 'prov1',
			...parameters,
		} as NodeUnderTest['parameters'],
		credentials: { omnichannelHighLevelApi: { accessToken: TOKEN, locationId: 'loc123', baseUrl: api.urls.highlevel } },
		...extra,
	};
}
