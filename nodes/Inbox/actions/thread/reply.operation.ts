import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { idPicker } from '../../../shared/idFields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import { idProof } from '../../../shared/transport';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED, INBOX_ID_FORMAT } from '../../ids';
import { contentField, replyToMessageIdOption } from '../../v2/properties';

const show = { resource: ['thread'], operation: ['reply'] };

export const option = { name: 'Reply', action: 'Reply to a thread', description: 'Send a message in a thread' };

export const subtitle = text('Reply to Thread');

export const description: INodeProperties[] = [
	idPicker(
		show,
		{
			displayName: 'Thread',
			name: 'threadId',
			description: 'The conversation to send the message in',
			hint: 'The list is newest first. Inbox cannot search threads, so typing looks through up to 1,000 threads (10 pages of 100) back for names, handles or last messages that match; scroll down to look further, or give the thread By ID.',
			searchListMethod: 'searchThreads',
			listPlaceholder: 'Select a thread...',
		},
		INBOX_ID_FORMAT,
	),
	contentField(show),
	optionsCollection(show, [replyToMessageIdOption]),
];

/** Inbox answers with the message it created: its `id` proves it exists. */
const CREATED = idProof('the created message\'s id', (body) => body.id, INBOX_ID);

function build(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const threadId = fields.requiredMatching('threadId', 'Thread', INBOX_ID, INBOX_ID_EXPECTED);
	const content = fields.requiredText('content', 'Content', 'at least 1 character of text');
	const replyToMessageId = fields.matching(
		'options.replyToMessageId',
		'Reply To Message ID',
		INBOX_ID,
		INBOX_ID_EXPECTED,
	);
	const body: IDataObject = { content };
	if (replyToMessageId) body.replyToMessageId = replyToMessageId;
	return {
		request: { method: 'POST', path: `/threads/${threadId}/messages`, body, proof: CREATED },
		orderKey: `thread:${threadId}`,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, build);
}
