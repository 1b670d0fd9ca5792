import type { IExecuteFunctions } from 'n8n-workflow';

import { route } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import { INBOX } from '../../shared/services';
import * as reply from './thread/reply.operation';
import { openInbox } from '../v2/api';

export const operations: OperationTable = {
	thread: { reply },
};

export async function router(this: IExecuteFunctions) {
	return await route(this, INBOX, operations, async (ctx, limits) => await openInbox(ctx, limits, 1));
}
