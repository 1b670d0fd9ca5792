import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idField } from '../../../shared/idFields';
import { emitReadings } from '../../../shared/transport';
import type { Api, Reading } from '../../../shared/transport';
import { changed, readPathId } from '../lists';
import { RECORDED as SUCCESS } from '../message/common';
import { text } from '../../../shared/resource';

/** Scheduled Message > Cancel: `DELETE /messages/scheduled/{message_id}`, before it is sent. */

const show = { resource: ['scheduledMessage'], operation: ['cancel'] };

export const option = { name: 'Cancel', action: 'Cancel a scheduled message', description: 'Delete a scheduled message before it is sent' };

export const subtitle = text('Cancel (Scheduled Messages)');

export const description: INodeProperties[] = [
	idField(show, {
		displayName: 'Message ID',
		name: 'messageId',
		placeholder: 'e.g. {{ $json.message_id }}',
		description: 'The message_id Send gave for a message with a Schedule (or one from Scheduled Message > Get Many)',
		hint: 'Sociocs refuses once the message is being sent or was sent; its answer is shown as it gave it.',
	}),
];

export function build(this: IExecuteFunctions, itemIndex: number): Reading {
	const fields = new ItemFields(this, itemIndex);
	const messageId = readPathId(fields, 'messageId', 'Message ID', 'the message_id from Send');
	return {
		requests: [{ method: 'DELETE', path: `/messages/scheduled/${encodeURIComponent(messageId)}`, proof: SUCCESS }],
		rows: (response) => changed(response, { message_id: messageId, cancelled: true }),
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitReadings(this, api, build);
}
