import type { IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../shared/resource';
import { route } from '../../shared/router';
import { INBOX } from '../../shared/services';
import { thread } from './thread';

export const resources = [thread];

export const operations = operationsOf(resources);

export async function router(this: IExecuteFunctions) {
	return await route(this, INBOX, operations);
}
