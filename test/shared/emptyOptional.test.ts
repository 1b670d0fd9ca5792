import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { runNode } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

/**
 * Every optional field of every operation, left empty (in the editor, or by an expression
 * that gives "", null or nothing), is left out of the request: never `name: ""`, `emailCc: []`.
 * Each run checks the whole body the API received.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

/** The three ways a field is empty: as typed, and by expressions giving null or a missing field. */
const EMPTY = [
	['left empty', '', [], {}],
	['null by expression', '={{ null }}', '={{ null }}', {}],
	['a missing field by expression', '={{ $json.nothing }}', '={{ $json.nothing }}', {}],
] as const;

const inbox = (parameters: Record<string, unknown>): NodeUnderTest => ({
	type: new Inbox(),
	parameters: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: 'abc123' }, content: 'x', ...parameters },
	credentials: { omnichannelInboxApi: { apiToken: 'inbox_token_1234', baseUrl: api.urls.inbox } },
});

type Case = [string, (text: string, list: unknown, collection: object) => NodeUnderTest, Record<string, unknown>];

const cases: Case[] = [
	[
		'Sociocs Send, Twilio SMS',
		(text, _list, collection) =>
			sociocs(api, {
				operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x',
				name: text, imageUrl: text, videoUrl: text, fileUrl: text, saveContact: text, contactListId: text, contactFields: collection,
				options: { schedule: text, userId: text, defaultCountry: '' },
			}),
		{ provider: 'twlo', channel_key: 'chan-1', to: '+16175551212', text: 'x' },
	],
	[
		'Sociocs Send, saving the contact without extra fields',
		(text) =>
			sociocs(api, {
				operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'x',
				saveContact: true, contactListId: text, contactFields: { field: [] },
			}),
		{ provider: 'twlo', channel_key: 'chan-1', to: '+16175551212', text: 'x', contact_saving: { save: true, list_id: 0 } },
	],
	[
		'Sociocs Send, Twilio WhatsApp',
		(text, _list, collection) =>
			sociocs(api, { operation: 'send', provider: 'twlowa', channelKey: 'chan-1', to: '+16175551212', text: 'x', templateSid: text, templateVariables: collection }),
		{ provider: 'twlowa', channel_key: 'chan-1', to: '+16175551212', text: 'x' },
	],
	[
		'Sociocs Send, Twilio WhatsApp template without variables',
		(_text, _list, collection) =>
			sociocs(api, { operation: 'send', provider: 'twlowa', channelKey: 'chan-1', to: '+16175551212', templateSid: 'HX1', templateVariables: collection }),
		{ provider: 'twlowa', channel_key: 'chan-1', to: '+16175551212', template: { id: 'HX1' } },
	],
	[
		'Sociocs Send, Gupshup WhatsApp',
		(text, _list, collection) =>
			sociocs(api, {
				operation: 'send', provider: 'gswa', channelKey: 'chan-1', to: '+16175551212', text: 'x',
				gupshupTemplateId: text, gupshupMediaUrl: text, gupshupHeader: collection, gupshupBody: collection, gupshupButtons: { variable: [] },
			}),
		{ provider: 'gswa', channel_key: 'chan-1', to: '+16175551212', text: 'x' },
	],
	[
		'Sociocs Send, Gupshup template without media or variables',
		(text, _list, collection) =>
			sociocs(api, {
				operation: 'send', provider: 'gswa', channelKey: 'chan-1', to: '+16175551212', gupshupTemplateId: 't1',
				gupshupMediaUrl: text, gupshupHeader: collection, gupshupBody: collection, gupshupButtons: collection,
			}),
		{ provider: 'gswa', channel_key: 'chan-1', to: '+16175551212', template: { id: 't1' } },
	],
	[
		'Sociocs Add Inbound',
		(text) => sociocs(api, { operation: 'addInbound', channelKey: 'chan-1', from: '+16175551212', text: 'x', name: text, mediaUrl: text, mediaType: text }),
		{ provider: 'twlo', channel_key: 'chan-1', from: '+16175551212', text: 'x' },
	],
	[
		'HighLevel Add Inbound, SMS',
		(text, list) => highLevel(api, { type: 'SMS', message: 'x', attachments: list, options: { contactId: text, altId: text, date: text } }),
		{ type: 'SMS', conversationId: 'conv1', conversationProviderId: 'prov1', message: 'x', direction: 'inbound' },
	],
	[
		'HighLevel Add Inbound, Email',
		(text, list) =>
			highLevel(api, {
				type: 'Email', message: 'x', attachments: list, html: text, subject: text, emailFrom: text, emailTo: text,
				emailCc: list, emailBcc: list, emailMessageId: text, options: { contactId: text, altId: text, date: text },
			}),
		{ type: 'Email', conversationId: 'conv1', conversationProviderId: 'prov1', message: 'x', direction: 'inbound' },
	],
	[
		'HighLevel Add Inbound, Call',
		(text, list) => highLevel(api, { type: 'Call', message: text, attachments: list, callTo: text, callFrom: text, callStatus: 'busy' }),
		{ type: 'Call', conversationId: 'conv1', conversationProviderId: 'prov1', call: { status: 'busy' }, direction: 'inbound' },
	],
	[
		'Inbox Reply to Thread',
		(text) => inbox({ options: { replyToMessageId: text } }),
		{ content: 'x' },
	],
];

describe.each(cases)('%s: empty optional fields are left out', (_operation, subject, body) => {
	test.each(EMPTY)('%s', async (_how, text, list, collection) => {
		const result = await runNode(subject(text, list, collection));
		expect(result.error?.message).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].invalid).toBeUndefined();
		expect(api.requests[0].body).toEqual(body);
	});
});
