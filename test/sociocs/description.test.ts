import { Sociocs } from '../../nodes/Sociocs/Sociocs.node';
import { visibleParameters } from '../helpers/display';
import { loadOptions, testCredential } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { API_KEY, sociocs } from './helpers';

const node = new Sociocs();
const COMMON = ['resource', 'operation', 'provider', 'channelKey', 'options', 'name', 'text'];

describe('Sociocs: which fields a user sees (displayOptions as n8n evaluates them)', () => {
	test.each([
		['twlo', ['to', 'imageUrl', 'videoUrl', 'fileUrl', 'saveContact']],
		['twlowa', ['to', 'templateSid', 'templateVariables', 'saveContact']],
		['gswa', ['to', 'gupshupTemplateId', 'gupshupMediaUrl', 'gupshupHeader', 'gupshupBody', 'gupshupButtons', 'saveContact']],
	])('Send with provider %s', (provider, specific) => {
		expect(visibleParameters(node, { resource: 'message', operation: 'send', provider })).toEqual([...COMMON, ...specific].sort());
	});

	test('Send: contact list and fields appear only when saving the contact', () => {
		const values = { resource: 'message', operation: 'send', provider: 'twlo', saveContact: true };
		expect(visibleParameters(node, values)).toEqual(expect.arrayContaining(['contactListId', 'contactFields']));
		expect(visibleParameters(node, { ...values, saveContact: false })).not.toEqual(expect.arrayContaining(['contactListId']));
	});

	test('Add Inbound: Media Type only once a Media URL is given', () => {
		const base = { resource: 'message', operation: 'addInbound' };
		expect(visibleParameters(node, base)).toEqual(['channelKey', 'from', 'mediaUrl', 'name', 'operation', 'options', 'provider', 'resource', 'text']);
		expect(visibleParameters(node, { ...base, mediaUrl: 'https://x.example/a.png' })).toContain('mediaType');
	});

	test('Gupshup labels: Button Variables; Send As User hint reads naturally', () => {
		const labels = node.description.properties.map((p) => p.displayName);
		expect(labels).toEqual(expect.arrayContaining(['Header Variables', 'Body Variables', 'Button Variables']));
		expect(labels).not.toContain('Buttons Variables');
		const options = node.description.properties.find((p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('send'));
		const sendAs = (options?.options as Array<{ name: string; hint?: string }>).find((o) => o.name === 'userId');
		expect(sendAs?.hint).toBe('The team member shown as the sender of the message. Left on "Sociocs API (Default)", Sociocs shows "Sociocs API".');
	});

	test('Add Inbound offers Twilio SMS only, by default', () => {
		const provider = node.description.properties.find(
			(p) => p.name === 'provider' && p.displayOptions?.show?.operation?.includes('addInbound'),
		);
		expect(provider?.options).toEqual([{ name: 'Twilio SMS', value: 'twlo' }]);
		expect(provider?.default).toBe('twlo');
	});

	test('operations carry action strings and the node is usable as a tool', () => {
		const actions = node.description.properties
			.filter((p) => p.name === 'operation')
			.map((p) => [p.displayOptions?.show?.resource, (p.options as Array<{ action?: string }>).map((o) => o.action)]);
		expect(actions).toEqual([
			[['message'], ['Add an inbound message', 'Get many messages', 'Get unreplied messages', 'Search messages', 'Send a message', 'Send a message to many recipients']],
			[['bulkJob'], ['Cancel a bulk job', 'Get many bulk jobs', 'Reschedule a bulk job']],
			[['scheduledMessage'], ['Cancel a scheduled message', 'Get many scheduled messages']],
		]);
		expect(node.description.usableAsTool).toBe(true);
	});
});

describe('Sociocs: dropdowns through n8n-core\'s load-options context', () => {
	let api: MockApi;
	beforeAll(async () => (api = await startMockApi()));
	afterAll(async () => await api.close());
	beforeEach(() => api.reset());

	test('channels of the chosen provider', async () => {
		const options = await loadOptions(sociocs(api, { operation: 'send', provider: 'gswa' }), 'getChannels');
		expect(options).toEqual([
			{ name: 'gswa main line', value: 'gswa-key-1', description: 'Channel key gswa-key-1' },
			{ name: 'gswa support line', value: 'gswa-key-2', description: 'Channel key gswa-key-2' },
		]);
		expect(api.requests[0].query).toEqual({ provider: 'gswa' });
		expect(api.requests[0].headers.apikey).toBe(API_KEY);
	});

	test('an empty channel list', async () => {
		api.once({ path: '/sociocs/channels' }, { status: 200, body: [] });
		expect(await loadOptions(sociocs(api, { operation: 'send', provider: 'twlo' }), 'getChannels')).toEqual([]);
	});

	test('a vendor error in a dropdown shows Sociocs\' words', async () => {
		api.once({ path: '/sociocs/channels' }, { status: 401, body: { status: 'error', errors: [{ msg: 'Invalid API key.' }] } });
		await expect(loadOptions(sociocs(api, { operation: 'send' }), 'getChannels')).rejects.toThrow('Invalid API key.');
	});

	test('contact lists start with All Contacts (0)', async () => {
		expect(await loadOptions(sociocs(api, { operation: 'send' }), 'getLists')).toEqual([
			{ name: 'All Contacts', value: 0 },
			{ name: 'VIP', value: 7 },
			{ name: 'Newsletter', value: 9 },
		]);
	});

	test('team members, named from whichever name fields they have', async () => {
		expect(await loadOptions(sociocs(api, { operation: 'send' }), 'getTeamMembers')).toEqual([
			{ name: 'Sociocs API (Default)', value: '' },
			{ name: 'Ada Agent', value: 'u1' },
			{ name: 'Bob Builder', value: 'u2' },
		]);
	});

	test('an empty team and a 200 + status "error" answer', async () => {
		api.once({ path: '/sociocs/team-members' }, { status: 200, body: { status: 'success', data: [] } });
		expect(await loadOptions(sociocs(api, { operation: 'send' }), 'getTeamMembers')).toEqual([{ name: 'Sociocs API (Default)', value: '' }]);
		api.once({ path: '/sociocs/lists' }, { status: 200, body: { status: 'error', errors: [{ msg: 'Plan does not include lists.' }] } });
		await expect(loadOptions(sociocs(api, { operation: 'send' }), 'getLists')).rejects.toThrow('Plan does not include lists.');
	});

	test('credential test: GET /team-members with the apikey header, through n8n-core\'s RoutingNode', async () => {
		const ok = await testCredential('omnichannelSociocsApi', { apiKey: API_KEY, baseUrl: api.urls.sociocs });
		expect(ok).toMatchObject({ status: 'OK', body: { status: 'success' } });
		expect(api.requests[0].path).toBe('/sociocs/team-members');
		expect(api.requests[0].headers.apikey).toBe(API_KEY);
		// The credential's rule turns this body into a failed test in n8n (checked in the real-n8n suite).
		api.on({ path: '/sociocs/team-members' }, { status: 200, body: { status: 'error', errors: [{ msg: 'bad key' }] } });
		const bad = await testCredential('omnichannelSociocsApi', { apiKey: 'nope', baseUrl: api.urls.sociocs });
		expect(bad).toEqual({ status: 'OK', body: { status: 'error', errors: [{ msg: 'bad key' }] } });
	});
});
