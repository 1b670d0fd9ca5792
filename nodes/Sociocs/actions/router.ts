import type { IExecuteFunctions } from 'n8n-workflow';

import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { SOCIOCS } from '../../shared/services';
import * as bulkJob from './bulkJob';
import * as addInbound from './message/addInbound.operation';
import * as getMany from './message/getMany.operation';
import * as getUnreplied from './message/getUnreplied.operation';
import * as search from './message/search.operation';
import * as send from './message/send.operation';
import * as sendMany from './message/sendMany.operation';
import * as scheduledMessage from './scheduledMessage';

export const operations: OperationTable = {
	message: { send, sendMany, addInbound, getMany, search, getUnreplied },
	bulkJob: bulkJob.operations,
	scheduledMessage: scheduledMessage.operations,
};

export async function router(this: IExecuteFunctions) {
	return await route(this, SOCIOCS, operations);
}
