import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readSendLimits } from './sendOptions';
import { openApi } from './transport';
import type { Api, SendLimits } from './transport';
import type { Service } from './services';

/** What every `actions/<resource>/<operation>.operation.ts` exports. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, api: Api): Promise<INodeExecutionData[]>;
}

export type OperationTable = Record<string, Record<string, Operation>>;

/** Finds the chosen operation, opens the API once for the run and hands over. */
export async function route(
	ctx: IExecuteFunctions,
	service: Service,
	operations: OperationTable,
	/** How the API is opened (Inbox: at the node's API version). */
	open: (ctx: IExecuteFunctions, limits: SendLimits) => Promise<Api> = async (ctx, limits) => await openApi(ctx, service, limits),
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported by this node version`,
		);
	}
	const api = await open(ctx, readSendLimits(ctx));
	return [await chosen.execute.call(ctx, api)];
}
