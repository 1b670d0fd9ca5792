import type { IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../shared/resource';
import { route } from '../../shared/router';
import { INBOX } from '../../shared/services';
import { message } from './message';
import { thread, threadV2 } from './thread';
import { apiVersionOf, openInbox } from '../v2/api';

export const resources = [thread];

export const operations = operationsOf(resources);

/** Version 2 of the node, on API v2. */
export const resourcesV2 = [threadV2, message];

export const operationsV2 = operationsOf(resourcesV2);

export async function router(this: IExecuteFunctions) {
	const version = apiVersionOf(this);
	return await route(this, INBOX, version === 2 ? operationsV2 : operations, async (ctx, limits) => await openInbox(ctx, limits, version));
}
