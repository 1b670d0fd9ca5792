import assert from 'node:assert/strict';

import { SECRETS } from '../workflow.mjs';

export const title = 'Sociocs node in n8n';

const sociocs = (parameters) => ({
	type: 'sociocs',
	credential: 'omnichannelSociocsApi',
	parameters: { resource: 'message', channelKey: 'chan-e2e', ...parameters },
});

const sent = (requests) => requests.map((r) => [r.method, r.path, r.headers.apikey, r.body]);

export const cases = [
	{
		id: 'e2eSociocsSendTwlo',
		name: 'Send via Twilio SMS: normalised numbers, media, contact saving, schedule in the workflow zone',
		timezone: 'America/New_York',
		node: sociocs({
			operation: 'send',
			provider: 'twlo',
			to: '={{ $json.phone }}',
			name: '={{ $json.name }}',
			text: '={{ $json.text }}',
			imageUrl: 'https://cdn.example.com/a.jpg',
			saveContact: true,
			contactListId: 7,
			contactFields: { field: [{ name: 'email_address', value: '={{ $json.email }}' }] },
			options: { defaultCountry: 'US', schedule: '2026-12-01T09:30:00' },
		}),
		items: [
			{ phone: '(617) 555-1212', name: 'Ann', text: 'Hi Ann', email: 'ann@example.com' },
			{ phone: '+44 20 7946 0958', name: 'Bob', text: 'Hi Bob', email: 'bob@example.com' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const body = (to, name, text, email) => ({
				provider: 'twlo',
				channel_key: 'chan-e2e',
				to,
				name,
				text,
				image_url: 'https://cdn.example.com/a.jpg',
				contact_saving: { save: true, list_id: 7, extra_fields: { email_address: email } },
				schedule: '2026-12-01T09:30:00-05:00',
			});
			assert.deepEqual(
				sent(requests).sort((a, b) => a[3].to.localeCompare(b[3].to)),
				[
					['POST', '/sociocs/message', SECRETS.omnichannelSociocsApi, body('+16175551212', 'Ann', 'Hi Ann', 'ann@example.com')],
					['POST', '/sociocs/message', SECRETS.omnichannelSociocsApi, body('+442079460958', 'Bob', 'Hi Bob', 'bob@example.com')],
				],
			);
			assert.deepEqual(result.items.map((i) => i.to), ['+16175551212', '+442079460958']);
			assert.ok(result.items.every((i) => typeof i.message_id === 'string'));
			assert.deepEqual(result.paired, [0, 1]);
		},
	},
	{
		id: 'e2eSociocsSendTwlowa',
		name: 'Send via Twilio WhatsApp: template with variables',
		node: sociocs({
			operation: 'send',
			provider: 'twlowa',
			to: '={{ $json.phone }}',
			templateSid: 'HX0123456789',
			templateVariables: { variable: [{ name: '1', value: '={{ $json.first }}' }, { name: '2', value: '11-Jul-2024' }] },
		}),
		items: [{ phone: '16175551212', first: 'John' }],
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [
				[
					'POST',
					'/sociocs/message',
					SECRETS.omnichannelSociocsApi,
					{
						provider: 'twlowa',
						channel_key: 'chan-e2e',
						to: '+16175551212',
						template: { id: 'HX0123456789', variables: { 1: 'John', 2: '11-Jul-2024' } },
					},
				],
			]);
			assert.equal(result.items[0].provider, 'twlowa');
		},
	},
	{
		id: 'e2eSociocsSendGswa',
		name: 'Send via Gupshup WhatsApp: template media and component variables; bad phone as error item',
		node: {
			...sociocs({
				operation: 'send',
				provider: 'gswa',
				to: '={{ $json.phone }}',
				gupshupTemplateId: 'tmpl-42',
				gupshupMediaUrl: 'https://placehold.co/600x400',
				gupshupBody: { variable: [{ name: '1', value: '={{ $json.code }}' }] },
			}),
			settings: { onError: 'continueRegularOutput' },
		},
		items: [
			{ phone: '+16175551212', code: 'A1' },
			{ phone: '555', code: 'B2' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [
				[
					'POST',
					'/sociocs/message',
					SECRETS.omnichannelSociocsApi,
					{
						provider: 'gswa',
						channel_key: 'chan-e2e',
						to: '+16175551212',
						template: { id: 'tmpl-42', variables: { MEDIA_URL: 'https://placehold.co/600x400', Body: { 1: 'A1' } } },
					},
				],
			]);
			assert.equal(result.items[0].to, '+16175551212');
			assert.match(result.items[1].error, /^Invalid "To" in item 1: expected a phone number/);
			assert.deepEqual(result.paired, [0, 1]);
		},
	},
	{
		id: 'e2eSociocsInbound',
		name: 'Add Inbound: text, and media with its type inferred from the URL',
		node: sociocs({
			operation: 'addInbound',
			provider: 'twlo',
			from: '={{ $json.from }}',
			name: 'Jane',
			text: '={{ $json.text }}',
			mediaUrl: '={{ $json.media }}',
			mediaType: '',
		}),
		items: [
			{ from: '+16175551212', text: 'plain', media: '' },
			{ from: '+16175551313', text: 'with a photo', media: 'https://cdn.example.com/p.png' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(
				sent(requests).sort((a, b) => a[3].from.localeCompare(b[3].from)),
				[
					['POST', '/sociocs/incoming', SECRETS.omnichannelSociocsApi, { provider: 'twlo', channel_key: 'chan-e2e', from: '+16175551212', name: 'Jane', text: 'plain' }],
					[
						'POST',
						'/sociocs/incoming',
						SECRETS.omnichannelSociocsApi,
						{ provider: 'twlo', channel_key: 'chan-e2e', from: '+16175551313', name: 'Jane', text: 'with a photo', media_url: 'https://cdn.example.com/p.png', media_type: 'image/png' },
					],
				],
			);
			assert.deepEqual(result.items.map((i) => i.status), ['success', 'success']);
		},
	},
	{
		id: 'e2eSociocsSendError',
		name: 'Send: HTTP 200 with status "error" fails the node with Sociocs\' words',
		node: sociocs({ operation: 'send', provider: 'twlo', to: '+16175551212', text: 'x' }),
		items: [{}],
		setup(mock) {
			mock.on({ path: '/sociocs/message' }, { status: 200, body: { status: 'error', errors: [{ msg: 'Invalid channel_key.' }] } });
		},
		check(result, requests) {
			assert.equal(result.status, 'error');
			assert.equal(result.error.message, 'Invalid channel_key.');
			assert.equal(requests.length, 1);
		},
	},
	{
		id: 'e2eSociocsSendMany',
		name: 'Send to Many: every item one recipient, jobs of Recipients per Job, one output item per job paired with its items',
		timezone: 'America/New_York',
		node: sociocs({
			operation: 'sendMany',
			provider: 'twlo',
			to: '={{ $json.phone }}',
			name: '={{ $json.name }}',
			text: 'Hi {{name}}, sale today',
			options: { defaultCountry: 'US', recipientsPerJob: 2, schedule: '2099-12-01T09:30:00' },
		}),
		items: [
			{ phone: '(617) 555-1212', name: 'Ann' },
			{ phone: '+44 20 7946 0958', name: 'Bob' },
			{ phone: '617 555 1313', name: 'Cy' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const body = (recipients) => ({
				provider: 'twlo',
				channel_key: 'chan-e2e',
				recipients,
				text: 'Hi {{name}}, sale today',
				duplicates_allowed: false,
				schedule: '2099-12-01T09:30:00-05:00',
			});
			assert.deepEqual(sent(requests), [
				['POST', '/sociocs/messages/bulk', SECRETS.omnichannelSociocsApi, body([{ to: '+16175551212', name: 'Ann' }, { to: '+442079460958', name: 'Bob' }])],
				['POST', '/sociocs/messages/bulk', SECRETS.omnichannelSociocsApi, body([{ to: '+16175551313', name: 'Cy' }])],
			]);
			assert.deepEqual(result.items.map((i) => [i.recipient_count, i.input_items]), [[2, [0, 1]], [1, [2]]]);
			assert.ok(result.items.every((i) => /^job\d+$/.test(i.job_id)));
			const paired = result.run.data.resultData.runData['Under Test'][0].data.main[0].map((item) => item.pairedItem.map((p) => p.item));
			assert.deepEqual(paired, [[0, 1], [2]]);
		},
	},
	{
		id: 'e2eSociocsSendManyBadPhone',
		name: 'Send to Many: a bad number in the last item refuses the whole run before the first job',
		node: sociocs({ operation: 'sendMany', provider: 'twlo', to: '={{ $json.phone }}', text: 'x' }),
		items: [{ phone: '+16175551212' }, { phone: '+16175551313' }, { phone: '12345' }],
		check(result, requests) {
			assert.equal(result.status, 'error');
			assert.match(result.error.message, /^Invalid "To" in item 2/);
			assert.equal(requests.length, 0);
		},
	},
	{
		id: 'e2eSociocsSendTelnyx',
		name: 'Send via Telnyx: offered, and Sociocs\' refusal passed on in its words',
		node: sociocs({ operation: 'send', provider: 'tlnx', to: '+16175551212', text: 'x' }),
		items: [{}],
		check(result, requests) {
			assert.equal(result.status, 'error');
			assert.equal(result.error.message, 'provider must be one of twlo, twlowa, gswa');
			assert.deepEqual(sent(requests)[0][3], { provider: 'tlnx', channel_key: 'chan-e2e', to: '+16175551212', text: 'x' });
		},
	},
	{
		id: 'e2eSociocsBulkJobGetMany',
		name: 'Bulk Job > Get Many: GET /messages/bulk, Limit applied',
		node: sociocs({ resource: 'bulkJob', operation: 'getMany', returnAll: false, limit: 2 }),
		items: [{}],
		setup(mock) {
			for (let i = 1; i <= 3; i++) mock.messages.state.jobs.push({ job_id: `j${i}`, recipients: [{ to: '+16175551212' }], schedule: `2099-0${i}-01T00:00:00Z`, text: 'x' });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [['GET', '/sociocs/messages/bulk', SECRETS.omnichannelSociocsApi, undefined]]);
			assert.deepEqual(result.items.map((i) => i.job_id), ['j3', 'j2']);
		},
	},
	{
		id: 'e2eSociocsBulkJobReschedule',
		name: 'Bulk Job > Reschedule: PUT with the schedule in the workflow\'s zone',
		timezone: 'Europe/Berlin',
		node: sociocs({ resource: 'bulkJob', operation: 'reschedule', jobId: 'j1', schedule: '2099-07-01T10:00:00' }),
		items: [{}],
		setup(mock) {
			mock.messages.state.jobs.push({ job_id: 'j1', recipients: [{ to: '+16175551212' }], schedule: '2099-01-01T00:00:00Z', text: 'x' });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [['PUT', '/sociocs/messages/bulk/j1', SECRETS.omnichannelSociocsApi, { schedule: '2099-07-01T10:00:00+02:00' }]]);
			assert.deepEqual(result.items, [{ job_id: 'j1', schedule: '2099-07-01T10:00:00+02:00', rescheduled: true }]);
		},
	},
	{
		id: 'e2eSociocsBulkJobCancel',
		name: 'Bulk Job > Cancel: a job that already ran is Sociocs\' refusal in its words',
		node: sociocs({ resource: 'bulkJob', operation: 'cancel', jobId: 'j1' }),
		items: [{}],
		setup(mock) {
			mock.messages.state.jobs.push({ job_id: 'j1', status: 'executed', recipients: [{ to: '+16175551212' }], text: 'x' });
		},
		check(result, requests) {
			assert.equal(result.status, 'error');
			assert.equal(result.error.message, 'Bulk job is being executed or has been executed. It cannot be updated or deleted.');
			assert.deepEqual(sent(requests), [['DELETE', '/sociocs/messages/bulk/j1', SECRETS.omnichannelSociocsApi, undefined]]);
		},
	},
	{
		id: 'e2eSociocsScheduledGetMany',
		name: 'Scheduled Message > Get Many',
		node: sociocs({ resource: 'scheduledMessage', operation: 'getMany', returnAll: true }),
		items: [{}],
		setup(mock) {
			mock.messages.state.scheduled.push({ message_id: 'm1', to: '+16175551212', text: 'later', schedule: '2099-01-01T00:00:00Z', channel_key: 'chan-e2e' });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [['GET', '/sociocs/messages/scheduled', SECRETS.omnichannelSociocsApi, undefined]]);
			assert.deepEqual(result.items, [{ message_id: 'm1', to: '+16175551212', text: 'later', schedule: '2099-01-01T00:00:00Z', channel_key: 'chan-e2e' }]);
		},
	},
	{
		id: 'e2eSociocsScheduledCancel',
		name: 'Scheduled Message > Cancel by the message_id Send gave',
		node: sociocs({ resource: 'scheduledMessage', operation: 'cancel', messageId: '={{ $json.message_id }}' }),
		items: [{ message_id: 'm1' }],
		setup(mock) {
			mock.messages.state.scheduled.push({ message_id: 'm1', to: '+16175551212', text: 'later', schedule: '2099-01-01T00:00:00Z' });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(sent(requests), [['DELETE', '/sociocs/messages/scheduled/m1', SECRETS.omnichannelSociocsApi, undefined]]);
			assert.deepEqual(result.items, [{ message_id: 'm1', cancelled: true }]);
		},
	},
	{
		id: 'e2eSociocsMessageGetMany',
		name: 'Message > Get Many: 40 days read as two windows of at most 31 days, in order',
		node: sociocs({ operation: 'getMany', startDate: '2026-01-01', endDate: '2026-02-09', returnAll: true }),
		items: [{}],
		setup(mock) {
			mock.messages.state.history.push(
				{ message_id: 'a', direction: 'incoming', text: 'first', created_at: '2026-01-02T10:00:00Z' },
				{ message_id: 'b', direction: 'outbound', text: 'second', created_at: '2026-02-05T10:00:00Z' },
			);
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(requests.map((r) => [r.method, r.path, r.query]), [
				['GET', '/sociocs/messages', { start_date: '2026-01-01', end_date: '2026-01-31' }],
				['GET', '/sociocs/messages', { start_date: '2026-02-01', end_date: '2026-02-09' }],
			]);
			assert.deepEqual(result.items.map((i) => i.message_id), ['a', 'b']);
		},
	},
	{
		id: 'e2eSociocsMessageSearch',
		name: 'Message > Search: text, direction, dates',
		node: sociocs({ operation: 'search', searchText: 'refund', direction: 'incoming', startDate: '2026-01-01', endDate: '2026-03-31', returnAll: true }),
		items: [{}],
		setup(mock) {
			mock.messages.state.history.push(
				{ message_id: 'a', direction: 'incoming', text: 'I want a refund', created_at: '2026-01-02T10:00:00Z' },
				{ message_id: 'b', direction: 'outbound', text: 'refund sent', created_at: '2026-01-03T10:00:00Z' },
			);
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(requests.map((r) => [r.path, r.query]), [['/sociocs/messages/search', { text: 'refund', direction: 'incoming', start_date: '2026-01-01', end_date: '2026-03-31' }]]);
			assert.deepEqual(result.items.map((i) => i.message_id), ['a']);
		},
	},
	{
		id: 'e2eSociocsMessageUnreplied',
		name: 'Message > Get Unreplied',
		node: sociocs({ operation: 'getUnreplied', startDate: '2026-01-01', endDate: '2026-03-31', returnAll: true }),
		items: [{}],
		setup(mock) {
			mock.messages.state.history.push(
				{ message_id: 'a', direction: 'incoming', from: '16175551212', text: 'hello?', created_at: '2026-01-02T10:00:00Z' },
				{ message_id: 'b', direction: 'incoming', from: '16175551313', text: 'hi', created_at: '2026-01-02T11:00:00Z' },
				{ message_id: 'c', direction: 'outbound', to: '16175551313', text: 'hi back', created_at: '2026-01-02T12:00:00Z' },
			);
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(requests.map((r) => [r.path, r.query]), [['/sociocs/messages/unreplied', { start_date: '2026-01-01', end_date: '2026-03-31' }]]);
			assert.deepEqual(result.items.map((i) => i.message_id), ['a']);
		},
	},
];
