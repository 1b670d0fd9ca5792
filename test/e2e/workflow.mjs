// Builds the workflows the real-n8n suite imports: Manual Trigger -> Code (the case's input
// items) -> the node under test, with the node's credential.
export const PACKAGE = 'n8n-nodes-omnichannel';

export const CREDENTIALS = {
	omnichannelInboxApi: { id: 'e2eInboxCred', name: 'Inbox (mock)' },
	omnichannelSociocsApi: { id: 'e2eSociocsCred', name: 'Sociocs (mock)' },
	omnichannelHighLevelApi: { id: 'e2eHighLevelCred', name: 'HighLevel (mock)' },
};

export const SECRETS = {
	omnichannelInboxApi: 'e2e_inbox_token_5b1c9e',
	omnichannelSociocsApi: 'e2ekey:sociocs_7d2f0a',
	omnichannelHighLevelApi: 'pit-e2e-highlevel-3a8c41',
};

/** The credentials to import, pointing at the mock API. */
export function credentialsFor(mock) {
	return [
		{
			...CREDENTIALS.omnichannelInboxApi,
			type: 'omnichannelInboxApi',
			data: { apiToken: SECRETS.omnichannelInboxApi, baseUrl: mock.urls.inbox },
		},
		{
			...CREDENTIALS.omnichannelSociocsApi,
			type: 'omnichannelSociocsApi',
			data: { apiKey: SECRETS.omnichannelSociocsApi, baseUrl: mock.urls.sociocs },
		},
		{
			...CREDENTIALS.omnichannelHighLevelApi,
			type: 'omnichannelHighLevelApi',
			data: { accessToken: SECRETS.omnichannelHighLevelApi, locationId: 'loc123', baseUrl: mock.urls.highlevel },
		},
	];
}

/**
 * A case: { id (<= 21 chars), name, node: { type, credential, parameters, settings? },
 * items, binary?, timezone?, setup?(mock), check(result, mock.requests) }. `binary[i]` is item
 * i's binary data, as a Code node returns it ({ property: { data: base64, mimeType, fileName } }).
 */
export function workflowFor(testCase) {
	const { node } = testCase;
	return {
		id: testCase.id,
		name: testCase.name,
		active: false,
		settings: { timezone: testCase.timezone ?? 'UTC', executionOrder: 'v1' },
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Under Test', type: 'main', index: 0 }]] },
		},
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(testCase.items.map((json, i) => ({ json, ...(testCase.binary?.[i] && { binary: testCase.binary[i] }) })))};` },
			},
			{
				id: 'n3',
				name: 'Under Test',
				type: `${PACKAGE}.${node.type}`,
				typeVersion: 1,
				position: [440, 0],
				parameters: node.parameters,
				credentials: { [node.credential]: CREDENTIALS[node.credential] },
				...(node.settings ?? {}),
			},
		],
	};
}
