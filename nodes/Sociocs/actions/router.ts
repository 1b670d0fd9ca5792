import type { IExecuteFunctions } from 'n8n-workflow';

import { operationsOf } from '../../shared/resource';
import { route } from '../../shared/router';
import { SOCIOCS } from '../../shared/services';
import { message } from './message';

export const resources = [message];

export const operations = operationsOf(resources);

export async function router(this: IExecuteFunctions) {
	return await route(this, SOCIOCS, operations);
}
