import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { returnAllOrLimit } from '../../../shared/listOptions';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { checkLimit, readLists } from '../../v2/lists';
import type { ListOf, Query } from '../../v2/lists';

/** Thread > Get Many (API v2): `GET /threads`, newest first, over `nextCursor`. */
const show = { '@version': [2], resource: ['thread'], operation: ['getAll'] };

export const option = { name: 'Get Many', action: 'Get many threads', description: 'List threads, newest first, with filters' };

export const subtitle = text('Get Many Threads');

export const FOLDERS = ['inbox', 'noReply', 'requests', 'archived', 'all'];

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Assignee ID',
				name: 'assigneeId',
				type: 'string',
				default: '',
				description: 'Only threads assigned to this team member (Inbox member ID)',
			},
			{
				displayName: 'Folder',
				name: 'folder',
				type: 'options',
				default: 'inbox',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Archived', value: 'archived' },
					{ name: 'Inbox', value: 'inbox' },
					{ name: 'No Reply', value: 'noReply' },
					{ name: 'Requests', value: 'requests' },
				],
				description: 'Which folder of Inbox to list (Inbox by default)',
			},
			{
				displayName: 'Status IDs',
				name: 'status',
				type: 'string',
				default: '',
				placeholder: 'e.g. st1, st2',
				description: 'Only threads with one of these statuses (Inbox status IDs, comma-separated)',
			},
			{
				displayName: 'Tag IDs',
				name: 'tag',
				type: 'string',
				default: '',
				placeholder: 'e.g. tag1, tag2',
				description: 'Only threads with one of these tags (Inbox tag IDs, comma-separated)',
			},
			{
				displayName: 'Text',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Only threads whose conversation contains this text',
			},
			{
				displayName: 'Unassigned Only',
				name: 'unassigned',
				type: 'boolean',
				default: false,
				description: 'Whether to list only threads assigned to nobody',
			},
		],
	},
	optionsCollection(show),
];

export interface ThreadFilters {
	folder?: string;
	tag?: string[];
	status?: string[];
	assigneeId?: string;
	unassigned?: boolean;
	q?: string;
}

/** The query of `GET /threads` for these filters (pure): lists repeat their key. */
export function build(filters: ThreadFilters): Query {
	const query: Query = [];
	if (filters.folder) query.push(['folder', filters.folder]);
	for (const tag of filters.tag ?? []) query.push(['tag', tag]);
	for (const status of filters.status ?? []) query.push(['status', status]);
	if (filters.assigneeId) query.push(['assigneeId', filters.assigneeId]);
	if (filters.unassigned) query.push(['unassigned', 'true']);
	if (filters.q) query.push(['q', filters.q]);
	return query;
}

function ids(fields: ItemFields, name: string, label: string): string[] {
	const values = fields.list(name);
	for (const value of values) if (!INBOX_ID.test(value)) fields.fail(label, `${INBOX_ID_EXPECTED}, comma-separated`, value);
	return values;
}

function read(this: IExecuteFunctions, itemIndex: number): ListOf {
	const fields = new ItemFields(this, itemIndex);
	checkLimit(fields);
	const folder = fields.text('filters.folder', 'Folder');
	if (folder !== undefined && !FOLDERS.includes(folder)) fields.fail('Folder', `one of ${FOLDERS.join(', ')}`, folder);
	const assigneeId = fields.matching('filters.assigneeId', 'Assignee ID', INBOX_ID, INBOX_ID_EXPECTED);
	const unassigned = fields.boolean('filters.unassigned', 'Unassigned Only');
	if (assigneeId && unassigned) fields.fail('Unassigned Only', 'off when an Assignee ID is given (a thread cannot be both)', true);
	const query = build({
		folder,
		tag: ids(fields, 'filters.tag', 'Tag IDs'),
		status: ids(fields, 'filters.status', 'Status IDs'),
		assigneeId,
		unassigned,
		q: fields.text('filters.q', 'Text')?.trim(),
	});
	return { path: '/threads', query };
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await readLists(this, api, read.bind(this));
}
