import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import type { Api } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { contentField, idempotencyKeyOption, replyToMessageIdOption, threadLocator } from '../../v2/properties';
import { idempotencyKeyOf, sendBody, sendOutgoing } from '../../v2/send';
import type { Send } from '../../v2/send';

/** Thread > Reply on API v2: `POST /messages` with a thread target and an Idempotency-Key. */
const show = { '@version': [2], resource: ['thread'], operation: ['reply'] };

export const option = { name: 'Reply', action: 'Reply to a thread', description: 'Send a message in a thread, exactly once' };

export const subtitle = text('Reply to Thread');

export const description: INodeProperties[] = [
	threadLocator(show, 'The conversation to send the message in'),
	contentField(show),
	optionsCollection(show, [
		idempotencyKeyOption,
		replyToMessageIdOption,
	]),
];

/** What the user asked for, as a v2 send (pure). */
export function build(input: { threadId: string; content: string; replyToMessageId?: string }): Send {
	return { target: { type: 'thread', threadId: input.threadId }, content: input.content, replyToMessageId: input.replyToMessageId };
}

function read(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const threadId = fields.requiredMatching('threadId', 'Thread', INBOX_ID, INBOX_ID_EXPECTED);
	const content = fields.requiredText('content', 'Content', 'at least 1 character of text');
	const replyToMessageId = fields.matching('options.replyToMessageId', 'Reply To Message ID', INBOX_ID, INBOX_ID_EXPECTED);
	const body = sendBody(build({ threadId, content, replyToMessageId }));
	return sendOutgoing(this, body, idempotencyKeyOf(this, fields, body), `thread:${threadId}`);
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, read);
}
