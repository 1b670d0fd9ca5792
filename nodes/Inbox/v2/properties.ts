import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

import { INBOX_ID } from '../ids';

/** Fields of the version-2 operations that more than one of them shows. */

const BY_ID = {
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. df6jbw4h36',
	validation: [
		{
			type: 'regex' as const,
			properties: { regex: INBOX_ID.source, errorMessage: 'An Inbox ID has only lowercase letters and digits' },
		},
	],
};

export function threadLocator(show: Show, description = 'The conversation'): INodeProperties {
	return {
		displayName: 'Thread',
		name: 'threadId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a thread...',
				typeOptions: { searchListMethod: 'searchThreadsV2', searchable: true },
			},
			BY_ID,
		],
	};
}

export function accountLinkLocator(show: Show): INodeProperties {
	return {
		displayName: 'Send From (Account Link)',
		name: 'accountLinkId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The connected account of your team that sends the message',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an account...',
				typeOptions: { searchListMethod: 'searchAccountLinks', searchable: true },
			},
			BY_ID,
		],
	};
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
