import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { triggerHeader } from '../../shared/webhooks/properties';

/**
 * Inbox event envelopes, both versions: v1 `{ id, seq, teamId, type, timestamp, version, data }`
 * and v2 `{ id, seq, type, apiVersion, createdAt, object, data }`. v1 has one
 * `message.created` for both directions (told apart by `data.message.origin`); v2 splits it
 * into `message.received` and `message.sent`. The node speaks v2's names for both.
 */

export const EVENT_OPTIONS = [
	{ name: 'Message Received', value: 'message.received', action: 'On message received', description: 'A message from the other person (v1: message.created with origin "external")' },
	{ name: 'Message Sent', value: 'message.sent', action: 'On message sent', description: 'A message sent by your team (v1: message.created with origin "internal")' },
	{ name: 'Thread Created', value: 'thread.created', action: 'On thread created' },
	{ name: 'Thread Assigned', value: 'thread.assigned', action: 'On thread assigned' },
	{ name: 'Thread Unassigned', value: 'thread.unassigned', action: 'On thread unassigned' },
	{ name: 'Thread Archived', value: 'thread.archived', action: 'On thread archived' },
	{ name: 'Message Edited', value: 'message.edited', action: 'On message edited' },
	{ name: 'Message Deleted', value: 'message.deleted', action: 'On message deleted' },
];

/** The trigger's notice (its set-up) and the events field. */
export const header = (setUp: string): INodeProperties[] => triggerHeader(setUp, EVENT_OPTIONS, ['message.received']);

/** The event's name in the node's terms (v2 names; v1 message.created split by origin). */
export function eventName(envelope: IDataObject): string {
	const type = String(envelope.type ?? '');
	if (type !== 'message.created') return type;
	const origin = ((envelope.data as IDataObject | undefined)?.message as IDataObject | undefined)?.origin;
	return origin === 'external' ? 'message.received' : 'message.sent';
}

/** One envelope -> one item: the event's name, its id and time whatever the version, data lifted up, raw kept. */
export function mapEvent(envelope: IDataObject): IDataObject {
	const data = (envelope.data ?? {}) as IDataObject;
	return {
		event: eventName(envelope),
		id: envelope.id,
		seq: envelope.seq,
		type: envelope.type,
		timestamp: envelope.timestamp ?? envelope.createdAt,
		...(data.message !== undefined ? { message: data.message } : {}),
		...(data.thread !== undefined ? { thread: data.thread } : {}),
		data,
		raw: envelope,
	};
}
