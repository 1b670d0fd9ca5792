import type { INodeProperties } from 'n8n-workflow';

import * as getMessage from '../actions/message/get.operation';
import * as getMessages from '../actions/message/getAll.operation';
import * as sendToPerson from '../actions/message/sendToPerson.operation';
import * as getThread from '../actions/thread/get.operation';
import * as getThreads from '../actions/thread/getAll.operation';
import * as reply from '../actions/thread/replyV2.operation';

/**
 * The node's properties for both versions: version 1's exactly as they were (shown only at
 * version 1), then version 2's (each shown only at version 2).
 */

const v2 = { '@version': [2] };

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: v2 },
		options: [
			{ name: 'Message', value: 'message' },
			{ name: 'Thread', value: 'thread' },
		],
		default: 'thread',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { ...v2, resource: ['thread'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a thread', description: 'Get one thread by ID' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many threads', description: 'List threads, newest first, with filters' },
			{ name: 'Reply', value: 'reply', action: 'Reply to a thread', description: 'Send a message in a thread, exactly once' },
		],
		default: 'reply',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { ...v2, resource: ['message'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get one message by ID' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many messages', description: 'List the messages of a thread' },
			{ name: 'Send to Person', value: 'sendToPerson', action: 'Send a message to a person', description: 'Message a contact or a profile, in a new or existing conversation' },
		],
		default: 'sendToPerson',
	},
	...reply.description,
	...getThread.description,
	...getThreads.description,
	...sendToPerson.description,
	...getMessage.description,
	...getMessages.description,
];

/** `v1` shown at version 1 only, followed by version 2's properties. */
export function withVersion2(v1: INodeProperties[]): INodeProperties[] {
	const atVersion1 = v1.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': [1] } },
	}));
	return [...atVersion1, ...properties];
}
