import type { IDataObject } from 'n8n-workflow';

import { receivedTimeToIso } from '../../shared/dates';

/**
 * One Sociocs delivery -> one output item. Sociocs sends numbers without "+", times in
 * milliseconds and the contact's custom fields as a JSON string; the item has E.164 numbers,
 * ISO 8601 times and the custom fields as an object. `raw` keeps the delivery as received,
 * for any field Sociocs adds that is not mapped here.
 */

/**
 * A number Sociocs sends with its country code but without "+" (`16311112222`) -> `+16311112222`.
 * Not a phone normaliser (that is nodes/shared/phone.ts, for what users type): Sociocs' own
 * numbers are E.164 already, less the "+", which is all that is put back.
 */
export function withPlus(value: unknown): IDataObject[string] {
	if (typeof value !== 'string' && typeof value !== 'number') return value as IDataObject[string];
	const text = String(value).trim();
	return /^\+?\d{6,15}$/.test(text) ? `+${text.replace(/^\+/, '')}` : text;
}

const toIso = (value: unknown) => receivedTimeToIso(value) as IDataObject[string];

function parseJsonObject(value: unknown): IDataObject[string] {
	if (typeof value !== 'string') return (value as IDataObject[string]) ?? {};
	if (!value.trim()) return {};
	try {
		return JSON.parse(value) as IDataObject[string];
	} catch {
		return value; // not JSON after all: kept as sent rather than lost
	}
}

function mapContact(contact: IDataObject): IDataObject {
	return {
		...contact,
		phone_number: withPlus(contact.phone_number),
		extra_fields: parseJsonObject(contact.extra_fields),
		created_at: toIso(contact.created_at),
		updated_at: toIso(contact.updated_at),
		is_blocked: contact.is_blocked === undefined ? undefined : Boolean(Number(contact.is_blocked)),
	};
}

export function mapDelivery(payload: IDataObject): IDataObject {
	const item: IDataObject = { ...payload };
	if (payload.event === 'message') {
		item.from = withPlus(payload.from);
		item.to = withPlus(payload.to);
		if (payload.contact && typeof payload.contact === 'object') item.contact = mapContact(payload.contact as IDataObject);
	}
	if (payload.event === 'status_update') {
		const data = (payload.event_data ?? {}) as IDataObject;
		item.status = data.status;
		if (data.error) item.error = data.error;
	}
	if (payload.timestamp !== undefined) item.timestamp = toIso(payload.timestamp);
	item.raw = payload;
	return item;
}

/**
 * What makes two deliveries the same event: the message and, for a status update, its status
 * (a message goes sent -> delivered -> read, each an event of its own).
 */
export function eventKey(payload: IDataObject): string | undefined {
	if (payload.message_id === undefined || payload.message_id === null) return undefined;
	const status = (payload.event_data as IDataObject | undefined)?.status;
	return [payload.event, payload.message_id, status].filter((part) => part !== undefined).join(':');
}
