import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { returnAllOrLimit } from '../../../shared/listOptions';
import { cursorPages, emitPages } from '../../../shared/transport';
import type { Api, ApiRequest, ListSource } from '../../../shared/transport';
import { CONVERSATIONS_API_VERSION, idLocator, readApiVersion, requiredId, versionOptions } from '../common';
import { text } from '../../../shared/resource';

/**
 * Message > Get Many: `GET /conversations/{id}/messages`, newest first, paged with the
 * `lastMessageId` cursor while `nextPage` is true. The spec's answer is
 * `{ lastMessageId, nextPage, messages: [...] }`; the live API wraps it once more in
 * `messages` (issue #54 of HighLevel's docs): both shapes are read.
 */

const on = { resource: ['message'], operation: ['getMany'] };

export const MESSAGE_LIST_TYPES = [
	'TYPE_CALL', 'TYPE_SMS', 'TYPE_RCS', 'TYPE_EMAIL', 'TYPE_FACEBOOK', 'TYPE_GMB', 'TYPE_INSTAGRAM',
	'TYPE_WHATSAPP', 'TYPE_LIVE_CHAT', 'TYPE_TIKTOK', 'TYPE_INTERNAL_COMMENTS', 'TYPE_FORM_SUBMISSION',
];

/** HighLevel publishes no maximum; 100 is what the benchmark reads per page. */
export const PAGE_SIZE = 100;

const label = (type: string) =>
	type.replace(/^TYPE_/, '').toLowerCase().replace(/(^|_)(\w)/g, (_all, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`);

export const option = { name: 'Get Many', action: 'Get many messages', description: 'List the messages of a conversation, newest first' };

export const subtitle = text('Get Many Messages');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation to read the messages of', on),
	...returnAllOrLimit(on),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: on },
		options: [
			{
				displayName: 'Message Types',
				name: 'types',
				type: 'multiOptions',
				options: MESSAGE_LIST_TYPES.map((value) => ({ name: label(value), value })),
				default: [],
				description: 'Only messages of these types',
			},
		],
	},
	versionOptions(on, CONVERSATIONS_API_VERSION),
];

interface MessagePage {
	lastMessageId?: string;
	nextPage?: boolean;
	messages?: IDataObject[] | MessagePage;
}

/** The page itself, whichever of the two shapes it came in. */
export function pageOf(body: unknown): MessagePage {
	const answer = (body ?? {}) as MessagePage;
	return answer.messages && !Array.isArray(answer.messages) ? answer.messages : answer;
}

export function build(this: IExecuteFunctions, itemIndex: number): (cursor: string | undefined, remaining: number | undefined) => ApiRequest {
	const fields = new ItemFields(this, itemIndex);
	const conversationId = requiredId(fields, 'conversationId', 'Conversation');
	const types = ((fields.resolved('filters', {}) as IDataObject)?.types as string[] | undefined) ?? [];
	for (const type of types) if (!MESSAGE_LIST_TYPES.includes(type)) fields.fail('Message Types', `some of ${MESSAGE_LIST_TYPES.join(', ')}`, type);
	const Version = readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION);
	return (cursor, remaining) => {
		const qs: IDataObject = { limit: Math.min(PAGE_SIZE, remaining ?? PAGE_SIZE) };
		if (types.length) qs.type = types.join(',');
		if (cursor) qs.lastMessageId = cursor;
		return { method: 'GET', path: `/conversations/${conversationId}/messages`, qs, headers: { Version } };
	};
}

function pages(source: ListSource) {
	const request = build.call(source.ctx, source.itemIndex);
	return cursorPages<string>(source, {
		request,
		items: (body) => {
			const { messages } = pageOf(body);
			return Array.isArray(messages) ? messages : [];
		},
		next: (body) => {
			const page = pageOf(body);
			return page.nextPage === true && typeof page.lastMessageId === 'string' && page.lastMessageId ? page.lastMessageId : undefined;
		},
	});
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await emitPages(this, api, pages);
}
