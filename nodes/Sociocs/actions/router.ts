import type { IExecuteFunctions } from 'n8n-workflow';

import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { SOCIOCS } from '../../shared/services';
import * as addInbound from './message/addInbound.operation';
import * as send from './message/send.operation';

export const operations: OperationTable = {
	message: { send, addInbound },
};

export async function router(this: IExecuteFunctions) {
	return await route(this, SOCIOCS, operations);
}
