import type { IExecuteFunctions } from 'n8n-workflow';

import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { HIGHLEVEL } from '../../shared/services';
import * as addInbound from './message/addInbound.operation';

export const operations: OperationTable = {
	message: { addInbound },
};

export async function router(this: IExecuteFunctions) {
	return await route(this, HIGHLEVEL, operations);
}
