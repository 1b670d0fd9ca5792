import assert from 'node:assert/strict';

import { SECRETS } from '../workflow.mjs';

export const title = 'HighLevel Conversations node in n8n';

const PATH = '/highlevel/conversations/messages/inbound';

const highLevel = (parameters) => ({
	type: 'highLevelConversations',
	credential: 'omnichannelHighLevelApi',
	parameters: {
		resource: 'message',
		operation: 'addInbound',
		conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
		conversationProviderId: 'prov1',
		...parameters,
	},
});

function only(requests) {
	assert.equal(requests.length, 1);
	const [request] = requests;
	assert.equal(request.method, 'POST');
	assert.equal(request.path, PATH);
	assert.equal(request.headers.authorization, `Bearer ${SECRETS.omnichannelHighLevelApi}`);
	return request;
}

export const cases = [
	{
		id: 'e2eHighLevelSms',
		name: 'Add Inbound Message: SMS with attachments, date in the workflow zone',
		timezone: 'Europe/Paris',
		node: highLevel({
			type: 'SMS',
			message: '={{ $json.text }}',
			attachments: ['https://cdn.example.com/a.png'],
			direction: 'inbound',
			options: { date: '2026-11-20T08:15:00' },
		}),
		items: [{ conversation: 'convSms1', text: 'Is my order ready?' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = only(requests);
			assert.equal(request.headers.version, '2021-07-28');
			assert.deepEqual(request.body, {
				type: 'SMS',
				conversationId: 'convSms1',
				conversationProviderId: 'prov1',
				message: 'Is my order ready?',
				attachments: ['https://cdn.example.com/a.png'],
				direction: 'inbound',
				date: '2026-11-20T08:15:00+01:00',
			});
			assert.equal(result.items[0].conversationId, 'convSms1');
			assert.match(result.items[0].messageId, /^hlmsg/);
		},
	},
	{
		id: 'e2eHighLevelEmail',
		name: 'Add Inbound Message: Email with every email field and a Version override',
		node: highLevel({
			type: 'Email',
			html: '<p>Hello</p>',
			subject: 'Question',
			emailFrom: 'jane@example.com',
			emailTo: 'support@acme.io',
			emailCc: ['a@example.com', 'b@example.com'],
			emailBcc: ['c@example.com'],
			emailMessageId: 'mid-1',
			options: { apiVersion: '2021-04-15' },
		}),
		items: [{ conversation: 'convMail1' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = only(requests);
			assert.equal(request.headers.version, '2021-04-15');
			assert.deepEqual(request.body, {
				type: 'Email',
				conversationId: 'convMail1',
				conversationProviderId: 'prov1',
				html: '<p>Hello</p>',
				subject: 'Question',
				emailFrom: 'jane@example.com',
				emailTo: 'support@acme.io',
				emailCc: ['a@example.com', 'b@example.com'],
				emailBcc: ['c@example.com'],
				emailMessageId: 'mid-1',
				direction: 'inbound',
			});
		},
	},
	{
		id: 'e2eHighLevelCall',
		name: 'Add Inbound Message: Call with numbers normalised to E.164',
		node: highLevel({
			type: 'Call',
			callTo: '={{ $json.to }}',
			callFrom: '={{ $json.from }}',
			callStatus: 'voicemail',
			options: { defaultCountry: 'US' },
		}),
		items: [{ conversation: 'convCall1', to: '(503) 708-1210', from: '+1 503 708 1211' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const request = only(requests);
			assert.deepEqual(request.body, {
				type: 'Call',
				conversationId: 'convCall1',
				conversationProviderId: 'prov1',
				call: { to: '+15037081210', from: '+15037081211', status: 'voicemail' },
				direction: 'inbound',
			});
		},
	},
	{
		id: 'e2eHighLevel422',
		name: 'Add Inbound Message: a 422 with an array message fails with HighLevel\'s words',
		node: highLevel({ type: 'SMS', message: 'x' }),
		items: [{ conversation: 'convBad1' }],
		setup(mock) {
			mock.on({ path: PATH }, { status: 422, body: { statusCode: 422, message: ['type must be valid'], error: 'Unprocessable Entity' } });
		},
		check(result, requests) {
			assert.equal(result.status, 'error');
			assert.equal(result.error.message, 'type must be valid');
			assert.equal(requests.length, 1);
		},
	},
];
