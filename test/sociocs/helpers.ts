import { Sociocs } from '../../nodes/Sociocs/Sociocs.node';
import type { NodeUnderTest } from '../helpers/engine';
import type { MockApi } from '../mock/mockApi';

export const API_KEY = 'abc123:sociocs_secret_xyz';

export function sociocs(api: MockApi, parameters: Record<string, unknown>, extra: Partial<NodeUnderTest> = {}): NodeUnderTest {
	return {
		type: new Sociocs(),
		parameters: { resource: 'message', ...parameters } as NodeUnderTest['parameters'],
		credentials: { omnichannelSociocsApi: { apiKey: API_KEY, baseUrl: api.urls.sociocs } },
		...extra,
	};
}
