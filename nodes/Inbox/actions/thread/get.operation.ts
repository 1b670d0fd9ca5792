import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { text } from '../../../shared/resource';
import type { ApiRequest } from '../../../shared/transport';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { threadLocator } from '../../v2/properties';

/** Thread > Get (API v2): `GET /threads/{threadId}`. */
const show = { '@version': [2], resource: ['thread'], operation: ['get'] };

export const option = { name: 'Get', action: 'Get a thread', description: 'Get one thread by ID' };

export const subtitle = text('Get Thread');

export const description: INodeProperties[] = [threadLocator(show, 'The thread to get')];

export function build(threadId: string): ApiRequest {
	return { method: 'GET', path: `/threads/${threadId}` };
}

function read(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	return { request: build(fields.requiredMatching('threadId', 'Thread', INBOX_ID, INBOX_ID_EXPECTED)) };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, read);
}
