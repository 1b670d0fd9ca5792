import type { IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../shared/resource';
import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { INBOX } from '../../shared/services';
import { thread } from './thread';
import * as getMessage from './message/get.operation';
import * as getMessages from './message/getAll.operation';
import * as sendToPerson from './message/sendToPerson.operation';
import * as getThread from './thread/get.operation';
import * as getThreads from './thread/getAll.operation';
import * as replyV2 from './thread/replyV2.operation';
import { apiVersionOf, openInbox } from '../v2/api';

export const resources = [thread];

export const operations = operationsOf(resources);

/** Version 2 of the node, on API v2. */
export const operationsV2: OperationTable = {
	thread: { reply: replyV2, get: getThread, getAll: getThreads },
	message: { sendToPerson, get: getMessage, getAll: getMessages },
};

export async function router(this: IExecuteFunctions) {
	const version = apiVersionOf(this);
	return await route(this, INBOX, version === 2 ? operationsV2 : operations, async (ctx, limits) => await openInbox(ctx, limits, version));
}
