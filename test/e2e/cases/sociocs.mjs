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
];
