import type { INodeProperties } from 'n8n-workflow';

/** The Operation choice of each resource, with n8n's `action` texts. */

export const messageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Add Inbound',
			value: 'addInbound',
			action: 'Add an inbound message',
			description: 'Add a message (SMS, email, call, ...) to a conversation',
		},
		{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get one message by its ID' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many messages', description: 'List the messages of a conversation, newest first' },
		{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send an SMS, an email or a chat message to a contact' },
	],
	default: 'addInbound',
};

export const conversationOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['conversation'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a conversation', description: 'Open a conversation with a contact' },
		{ name: 'Delete', value: 'delete', action: 'Delete a conversation' },
		{ name: 'Get', value: 'get', action: 'Get a conversation' },
		{ name: 'Search', value: 'search', action: 'Search conversations', description: 'Find conversations by contact, status or text' },
		{ name: 'Update', value: 'update', action: 'Update a conversation', description: 'Change the unread count or the star' },
	],
	default: 'search',
};
