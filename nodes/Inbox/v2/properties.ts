import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idPicker } from '../../shared/idFields';
import { INBOX_ID_FORMAT } from '../ids';

/** Fields that more than one Inbox operation shows (version 1's Reply shares its text fields with version 2). */

type Show = NonNullable<IDisplayOptions['show']>;

export function threadLocator(show: Show, description = 'The conversation'): INodeProperties {
	return idPicker(show, { displayName: 'Thread', name: 'threadId', description, searchListMethod: 'searchThreadsV2', listPlaceholder: 'Select a thread...' }, INBOX_ID_FORMAT);
}

export function accountLinkLocator(show: Show): INodeProperties {
	return idPicker(
		show,
		{
			displayName: 'Send From (Account Link)',
			name: 'accountLinkId',
			description: 'The connected account of your team that sends the message',
			searchListMethod: 'searchAccountLinks',
			listPlaceholder: 'Select an account...',
		},
		INBOX_ID_FORMAT,
	);
}

export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.orderId }}-welcome',
	description:
		'A text that identifies this message, the same every time the workflow runs for it (1-255 characters). Without it, each send gets a key of its own run, which makes retries within the run safe.',
	hint: 'Set it to make a re-run of the whole workflow safe: Inbox answers a key it has seen with the original message instead of sending again. Use one key per message, never for two different texts.',
};

export function contentField(show: Show): INodeProperties {
	return { displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'The text of the message', displayOptions: { show } };
}

export const replyToMessageIdOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyToMessageId',
	type: 'string',
	default: '',
	placeholder: 'e.g. df6jbw4h36',
	description: 'The ID of the message in the thread that this message answers',
};
