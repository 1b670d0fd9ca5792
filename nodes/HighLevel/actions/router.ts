import type { IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../shared/resource';
import { route } from '../../shared/router';
import { HIGHLEVEL } from '../../shared/services';
import { conversation } from './conversation';
import { message } from './message';

export const resources = [message, conversation];

export const operations = operationsOf(resources);

export async function router(this: IExecuteFunctions) {
	return await route(this, HIGHLEVEL, operations);
}
