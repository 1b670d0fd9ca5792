import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { returnAllOrLimit } from '../../../shared/listOptions';
import { cursorPages, emitPages } from '../../../shared/transport';
import type { Api, ApiRequest, ListSource } from '../../../shared/transport';
import { CONVERSATIONS_API_VERSION, HIGHLEVEL_ID, ID_EXPECTED, locationOf, readApiVersion, versionOptions } from '../common';
import { MESSAGE_LIST_TYPES, PAGE_SIZE } from '../message/getMany.operation';
import { text } from '../../../shared/resource';

/**
 * Conversation > Search: `GET /conversations/search` in the credential's sub-account, paged
 * with `startAfterDate` = the sort value of the last conversation of the page (its `sort`
 * when the answer has one, else its `lastMessageDate`, the default sort). A page shorter
 * than asked for is the last.
 */

const on = { resource: ['conversation'], operation: ['search'] };

const STATUSES = ['all', 'read', 'unread', 'starred', 'recents'];

const choice = (value: string) => ({ name: value.replace(/(^|_)(\w)/g, (_all, gap: string, l: string) => `${gap ? ' ' : ''}${l.toUpperCase()}`), value });

export const option = { name: 'Search', action: 'Search conversations', description: 'Find conversations by contact, status or text' };

export const subtitle = text('Search Conversations');

export const description: INodeProperties[] = [
	...returnAllOrLimit(on),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: on },
		options: [
			{ displayName: 'Assigned To', name: 'assignedTo', type: 'string', default: '', description: 'User IDs, comma-separated, or "unassigned"' },
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', description: 'Only the conversation of this contact' },
			{
				displayName: 'Last Message Direction',
				name: 'lastMessageDirection',
				type: 'options',
				options: [choice('inbound'), choice('outbound')],
				default: 'inbound',
			},
			{
				displayName: 'Last Message Type',
				name: 'lastMessageType',
				type: 'options',
				options: MESSAGE_LIST_TYPES.map(choice),
				default: 'TYPE_SMS',
			},
			{ displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Text to look for (contact name, email, phone, message)' },
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUSES.map(choice), default: 'all' },
		],
	},
	versionOptions(on, CONVERSATIONS_API_VERSION),
];

/** The request of one page after `cursor`, for the item's filters. */
export function build(this: IExecuteFunctions, itemIndex: number, locationId: unknown): (cursor: unknown, remaining: number | undefined) => ApiRequest {
	const fields = new ItemFields(this, itemIndex);
	const qs: IDataObject = { locationId: locationOf(fields, locationId) };
	const filters = (fields.resolved('filters', {}) as IDataObject | undefined) ?? {};
	for (const key of ['assignedTo', 'query']) {
		const value = fields.text(`filters.${key}`, key === 'query' ? 'Query' : 'Assigned To')?.trim();
		if (value) qs[key] = value;
	}
	const contactId = fields.matching('filters.contactId', 'Contact ID', HIGHLEVEL_ID, ID_EXPECTED);
	if (contactId) qs.contactId = contactId;
	const enums: Array<[string, string, string[]]> = [
		['status', 'Status', STATUSES],
		['lastMessageType', 'Last Message Type', MESSAGE_LIST_TYPES],
		['lastMessageDirection', 'Last Message Direction', ['inbound', 'outbound']],
	];
	for (const [key, label, allowed] of enums) {
		if (filters[key] === undefined || filters[key] === '') continue;
		if (!allowed.includes(String(filters[key]))) fields.fail(label, `one of ${allowed.join(', ')}`, filters[key]);
		qs[key] = filters[key];
	}
	const Version = readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION);
	return (cursor, remaining) => ({
		method: 'GET',
		path: '/conversations/search',
		qs: { ...qs, limit: Math.min(PAGE_SIZE, remaining ?? PAGE_SIZE), ...(cursor === undefined ? {} : { startAfterDate: cursor }) },
		headers: { Version },
	});
}

function pagesFor(locationId: unknown) {
	return (source: ListSource) => {
		const pageRequest = build.call(source.ctx, source.itemIndex, locationId);
		let asked = PAGE_SIZE;
		return cursorPages<unknown>(source, {
			request: (cursor, remaining) => {
				const request = pageRequest(cursor, remaining);
				asked = Number(request.qs?.limit);
				return request;
			},
			items: (body) => {
				const { conversations } = (body ?? {}) as { conversations?: IDataObject[] };
				return Array.isArray(conversations) ? conversations : [];
			},
			next: (_body, items) => {
				if (items.length < asked) return undefined;
				const last = items[items.length - 1];
				const sort = Array.isArray(last.sort) ? last.sort[0] : last.sort;
				const value = sort ?? last.lastMessageDate;
				return typeof value === 'number' ? value : undefined;
			},
		});
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitPages(this, api, pagesFor(api.credentials.data?.locationId));
}
