import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idPicker } from '../../shared/idFields';
import { INBOX_ID_FORMAT } from '../ids';

/** Fields of the version-2 operations that more than one of them shows. */

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
