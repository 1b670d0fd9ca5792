import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sendItems } from '../../nodes/shared/items';
import { returnAllOrLimit } from '../../nodes/shared/listOptions';
import type { Outgoing } from '../../nodes/shared/items';
import { readSendLimits, sendOptions } from '../../nodes/shared/sendOptions';
import { INBOX } from '../../nodes/shared/services';
import { openApi } from '../../nodes/shared/transport';
import type { Api } from '../../nodes/shared/transport';
import type { NodeUnderTest } from '../helpers/engine';
import type { MockApi } from '../mock/mockApi';

/**
 * A node made for the transport's tests: the operations that will use the new paths (paged
 * reads, keyed writes, uploads) are not written yet, so this one runs a given `execute` on
 * the Inbox credential, inside n8n's engine, with the usual "Options" (Timeout, Max
 * Rate-Limit Wait, ...). Everything below the node (transport, item loop, n8n's request
 * helper, the strict mock) is the real thing.
 */
type Body = (this: IExecuteFunctions, api: Api) => Promise<INodeExecutionData[]>;

const description: INodeTypeDescription = {
	displayName: 'Transport Probe',
	name: 'transportProbe',
	group: ['transform'],
	version: 1,
	description: 'Runs transport requests in tests',
	defaults: { name: 'Transport Probe' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: INBOX.credentialType, required: true }],
	properties: [
		...returnAllOrLimit({}),
		{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: sendOptions },
	],
};

export function probeNode(body: Body): INodeType {
	return {
		description,
		async execute(this: IExecuteFunctions) {
			const api = await openApi(this, INBOX, readSendLimits(this));
			return [await body.call(this, api)];
		},
	};
}

/** A probe that sends one request per item, built by `build`, through the item loop. */
export function sendingProbe(build: (itemIndex: number, item: IDataObject) => Outgoing): INodeType {
	return probeNode(async function (api) {
		const items = this.getInputData();
		return await sendItems(this, api, (itemIndex) => build(itemIndex, items[itemIndex].json));
	});
}

export function probe(api: MockApi, type: INodeType, parameters: IDataObject = {}, continueOnFail = true): NodeUnderTest {
	return {
		type,
		parameters: parameters as NodeUnderTest['parameters'],
		credentials: { [INBOX.credentialType]: { apiToken: 'inbox_tok_probe_1234', baseUrl: api.urls.inbox } },
		continueOnFail,
	};
}
