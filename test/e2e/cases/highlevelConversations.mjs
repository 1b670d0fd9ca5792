import assert from 'node:assert/strict';

import { SECRETS } from '../workflow.mjs';

export const title = 'HighLevel Conversations node in n8n: Send, messages, conversations';

const node = (resource, operation, parameters) => ({
	type: 'highLevelConversations',
	credential: 'omnichannelHighLevelApi',
	parameters: { resource, operation, ...parameters },
});
const contact = { __rl: true, mode: 'id', value: '={{ $json.contact }}' };
const conversation = (value) => ({ __rl: true, mode: 'id', value });
// A PNG header and a PDF with bytes that are not text (0x00, 0xff, CR LF, "--"): they must reach the API unchanged.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);
const file = (data, fileName, mimeType) => ({ data: data.toString('base64'), mimeType, fileName });
const messages = (count) => Array.from({ length: count }, (_, i) => ({ id: `m${i}`, body: `message ${i}`, messageType: 'TYPE_SMS' }));

function sent(requests, method, path) {
	assert.deepEqual(requests.map((r) => [r.method, r.path]), [[method, `/highlevel${path}`]]);
	const [request] = requests;
	assert.equal(request.headers.authorization, `Bearer ${SECRETS.omnichannelHighLevelApi}`);
	assert.equal(request.headers.version, '2021-04-15');
	return request;
}

export const cases = [
	{
		id: 'e2eHlSendSms',
		name: 'Message > Send: SMS with numbers normalised, scheduled in the workflow zone as UTC seconds',
		timezone: 'America/New_York',
		node: node('message', 'send', {
			type: 'SMS',
			contactId: contact,
			message: '={{ $json.text }}',
			toNumber: '(617) 555-1212',
			options: { defaultCountry: 'US', scheduledAt: '2026-12-24T09:00:00' },
		}),
		items: [{ contact: 'contactA', text: 'Your table is ready' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'POST', '/conversations/messages');
			assert.deepEqual(request.body, {
				type: 'SMS',
				contactId: 'contactA',
				message: 'Your table is ready',
				toNumber: '+16175551212',
				scheduledTimestamp: Date.UTC(2026, 11, 24, 14) / 1000,
			});
			assert.deepEqual(Object.keys(result.items[0]).sort(), ['conversationId', 'messageId', 'status']);
			assert.equal(result.items[0].status, 'scheduled');
		},
	},
	{
		id: 'e2eHlSendEmail',
		name: 'Message > Send: Email reply in a thread; the output has the emailMessageId',
		node: node('message', 'send', {
			type: 'Email',
			contactId: contact,
			html: '<p>Thanks</p>',
			subject: 'Re: booking',
			emailCc: ['a@example.com'],
			threadId: 'thread1',
			emailReplyMode: 'reply',
		}),
		items: [{ contact: 'contactB' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'POST', '/conversations/messages');
			assert.deepEqual(request.body, {
				type: 'Email',
				contactId: 'contactB',
				html: '<p>Thanks</p>',
				subject: 'Re: booking',
				emailCc: ['a@example.com'],
				threadId: 'thread1',
				emailReplyMode: 'reply',
			});
			assert.match(result.items[0].emailMessageId, /^email\d+$/);
		},
	},
	{
		id: 'e2eHlSendCustom',
		name: 'Message > Send: Custom through a conversation provider; a bad item with Continue On Fail keeps its place',
		node: {
			...node('message', 'send', { type: 'Custom', contactId: contact, message: '={{ $json.text }}', conversationProviderId: 'prov1' }),
			settings: { onError: 'continueRegularOutput' },
		},
		items: [{ contact: 'contactC', text: 'one' }, { contact: 'contactD', text: '' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'POST', '/conversations/messages');
			assert.deepEqual(request.body, { type: 'Custom', contactId: 'contactC', message: 'one', conversationProviderId: 'prov1' });
			assert.deepEqual(result.paired, [0, 1]);
			assert.match(result.items[1].error, /^Invalid "Message" in item 1/);
		},
	},
	{
		id: 'e2eHlGetMany',
		name: 'Message > Get Many: Return All over lastMessageId, the live API\'s wrapped answer',
		node: node('message', 'getMany', { conversationId: conversation('conv1'), returnAll: true }),
		items: [{}],
		setup(mock) {
			mock.conversations.setMessages('conv1', messages(150), { wrapped: true });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(result.items.map((m) => m.id), messages(150).map((m) => m.id));
			assert.deepEqual(requests.map((r) => r.query), [{ limit: '100' }, { limit: '100', lastMessageId: 'm99' }]);
		},
	},
	{
		id: 'e2eHlGet',
		name: 'Message > Get: one message by id',
		node: node('message', 'get', { messageId: 'm3' }),
		items: [{}],
		setup(mock) {
			mock.conversations.setMessages('conv1', messages(5));
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			sent(requests, 'GET', '/conversations/messages/m3');
			assert.deepEqual(result.items, [messages(5)[3]]);
		},
	},
	{
		id: 'e2eHlSearch',
		name: 'Conversation > Search: in the credential\'s location, Limit 1',
		node: node('conversation', 'search', { returnAll: false, limit: 1, filters: { status: 'unread' } }),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'GET', '/conversations/search');
			assert.deepEqual(request.query, { locationId: 'loc123', status: 'unread', limit: '1' });
			assert.equal(result.items.length, 1);
		},
	},
	{
		id: 'e2eHlCreate',
		name: 'Conversation > Create for a contact',
		node: node('conversation', 'create', { contactId: conversation('contactE') }),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'POST', '/conversations/');
			assert.deepEqual(request.body, { locationId: 'loc123', contactId: 'contactE' });
			assert.equal(result.items[0].contactId, 'contactE');
		},
	},
	{
		id: 'e2eHlUpdate',
		name: 'Conversation > Update: mark read and starred',
		node: node('conversation', 'update', { conversationId: conversation('conv7'), updateFields: { unreadCount: 0, starred: true } }),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'PUT', '/conversations/conv7');
			assert.deepEqual(request.body, { locationId: 'loc123', unreadCount: 0, starred: true });
			assert.equal(result.items[0].starred, true);
		},
	},
	{
		id: 'e2eHlDelete',
		name: 'Conversation > Delete',
		node: node('conversation', 'delete', { conversationId: conversation('conv8') }),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'success');
			sent(requests, 'DELETE', '/conversations/conv8');
			assert.deepEqual(result.items, [{ deleted: true, conversationId: 'conv8' }]);
		},
	},
	{
		id: 'e2eHlStatus',
		name: 'Message > Update Status: delivered for the provider\'s message; 403 for another with the hint',
		node: {
			...node('message', 'updateStatus', { messageId: '={{ $json.id }}', status: 'delivered' }),
			settings: { onError: 'continueRegularOutput' },
		},
		items: [{ id: 'pm1' }, { id: 'other1' }],
		setup(mock) {
			mock.conversations.providerMessage('pm1');
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(requests.map((r) => [r.method, r.path, r.body]), [
				['PUT', '/highlevel/conversations/messages/pm1/status', { status: 'delivered' }],
				['PUT', '/highlevel/conversations/messages/other1/status', { status: 'delivered' }],
			]);
			assert.equal(result.items[0].messageId, 'pm1');
			assert.equal(result.items[1].httpCode, '403');
			assert.match(result.items[1].description, /only the conversation provider's own Marketplace app/);
		},
	},
	{
		id: 'e2eHlCancel',
		name: 'Message > Cancel Scheduled: cancelled once; the second time the body\'s 404 is an error',
		node: {
			...node('message', 'cancelScheduled', { messageId: 's1' }),
			settings: { onError: 'continueRegularOutput' },
		},
		items: [{}, {}],
		setup(mock) {
			mock.conversations.scheduled('s1');
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.equal(requests.length, 2);
			assert.equal(result.items[0].cancelled, true);
			assert.equal(result.items[1].error, 'HighLevel did not cancel the scheduled message: Failed cancel');
		},
	},
	{
		id: 'e2eHlLogCall',
		name: 'Message > Log External Call: type Call with E.164 numbers',
		node: node('message', 'logExternalCall', {
			conversationId: conversation('conv1'),
			conversationProviderId: 'prov1',
			callTo: '+1 617 555 1212',
			callFrom: '+15037081210',
			callStatus: 'answered',
		}),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = sent(requests, 'POST', '/conversations/messages/outbound');
			assert.deepEqual(request.body, {
				type: 'Call',
				conversationId: 'conv1',
				conversationProviderId: 'prov1',
				call: { to: '+16175551212', from: '+15037081210', status: 'answered' },
			});
			assert.equal(result.items[0].success, true);
		},
	},
	{
		id: 'e2eHlUpload',
		name: 'Message > Upload Attachment: an item\'s two binary files in one multipart request, byte for byte; the URLs come out',
		node: node('message', 'uploadAttachment', {
			conversationId: conversation('={{ $json.conversation }}'),
			contactId: contact,
			binaryProperties: 'photo, invoice',
		}),
		items: [{ conversation: 'conv1', contact: 'contactF' }, { conversation: 'conv2', contact: 'contactG' }],
		binary: [{ photo: file(PNG, 'logo.png', 'image/png'), invoice: file(PDF, 'invoice.pdf', 'application/pdf') }, { photo: file(PNG, 'map.png', 'image/png'), invoice: file(PDF, 'terms.pdf', 'application/pdf') }],
		check(result, recorded) {
			assert.equal(result.status, 'success');
			// The two items may go out together: read the requests in item order.
			const requests = [...recorded].sort((a, b) => a.body.fields.conversationId.localeCompare(b.body.fields.conversationId));
			assert.deepEqual(requests.map((r) => [r.method, r.path, r.headers.version, r.headers.authorization]), [
				['POST', '/highlevel/conversations/messages/upload', '2021-04-15', `Bearer ${SECRETS.omnichannelHighLevelApi}`],
				['POST', '/highlevel/conversations/messages/upload', '2021-04-15', `Bearer ${SECRETS.omnichannelHighLevelApi}`],
			]);
			assert.deepEqual(requests.map((r) => r.invalid), [undefined, undefined]);
			assert.match(requests[0].headers['content-type'], /^multipart\/form-data; boundary=/);
			assert.deepEqual(requests.map((r) => r.body.fields), [
				{ conversationId: 'conv1', contactId: 'contactF', locationId: 'loc123' },
				{ conversationId: 'conv2', contactId: 'contactG', locationId: 'loc123' },
			]);
			const parts = requests.map((r) => r.body.files.map((f) => [f.field, f.filename, f.contentType, f.data.toString('base64')]));
			assert.deepEqual(parts, [
				[['fileAttachment', 'logo.png', 'image/png', PNG.toString('base64')], ['fileAttachment', 'invoice.pdf', 'application/pdf', PDF.toString('base64')]],
				[['fileAttachment', 'map.png', 'image/png', PNG.toString('base64')], ['fileAttachment', 'terms.pdf', 'application/pdf', PDF.toString('base64')]],
			]);
			assert.deepEqual(result.paired, [0, 1]);
			const names = [['logo.png', 'invoice.pdf'], ['map.png', 'terms.pdf']];
			result.items.forEach((out, i) => {
				assert.deepEqual(Object.keys(out.uploadedFiles), names[i]);
				assert.deepEqual(out.urls, names[i].map((name) => out.uploadedFiles[name]));
				for (const [j, url] of out.urls.entries()) assert.match(url, new RegExp(`^https://storage\\.example\\.com/upload/\\d+-${j}/${names[i][j].replace('.', '\\.')}$`));
			});
		},
	},
];
