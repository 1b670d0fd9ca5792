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
		{ name: 'Cancel Scheduled', value: 'cancelScheduled', action: 'Cancel a scheduled message', description: 'Cancel an SMS or email scheduled with Send' },
		{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get one message by its ID' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many messages', description: 'List the messages of a conversation, newest first' },
		{ name: 'Log External Call', value: 'logExternalCall', action: 'Log an external call', description: 'Record a call made outside HighLevel in a conversation' },
		{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send an SMS, an email or a chat message to a contact' },
		{
			name: 'Update Status',
			value: 'updateStatus',
			action: 'Update a message status',
			description: "Report delivered, failed or read for a message of your app's conversation provider",
		},
		{
			name: 'Upload Attachment',
			value: 'uploadAttachment',
			action: 'Upload an attachment',
			description: "Upload files from the item's binary data; gives URLs for Send",
		},
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
