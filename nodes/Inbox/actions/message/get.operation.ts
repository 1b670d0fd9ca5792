import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idField } from '../../../shared/idFields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { text } from '../../../shared/resource';
import type { Api, ApiRequest } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';

/** Message > Get (API v2): `GET /messages/{messageId}`, e.g. to look up a send Inbox could not confirm. */
const show = { '@version': [2], resource: ['message'], operation: ['get'] };

export const option = { name: 'Get', action: 'Get a message', description: 'Get one message by ID' };

export const subtitle = text('Get Message');

export const description: INodeProperties[] = [
	idField(show, {
		displayName: 'Message ID',
		name: 'messageId',
		placeholder: 'e.g. df6jbw4h36',
		description: 'The Inbox ID of the message',
	}),
];

export function build(messageId: string): ApiRequest {
	return { method: 'GET', path: `/messages/${messageId}` };
}

function read(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	return { request: build(fields.requiredMatching('messageId', 'Message ID', INBOX_ID, INBOX_ID_EXPECTED)) };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, read);
}
