/** Inbox node version 2, Message > Send to Person: contact or profile targets, username look-up, the add-ons. */
import { Inbox } from '../../../nodes/Inbox/Inbox.node';
import { jsonOf, pairedIndexes } from '../../helpers/assertions';
import { listSearch, runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';
import { inboxV2, personParameters } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const person = (more: Record<string, unknown> = {}, extra = {}) => inboxV2(api, personParameters(more), extra);
const posts = () => api.requests.filter((r) => r.method === 'POST');

describe('Inbox v2 > Message > Send to Person', () => {
	test('by username: the account link\'s platform, the contact looked up, then one send to the contact (its existing thread)', async () => {
		const result = await runNode(person(), [{ username: '@ada', text: 'Hi Ada' }]);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.queryPairs])).toEqual([
			['GET', '/inbox/api/v2/account-links/acct1', []],
			['GET', '/inbox/api/v2/contacts', [['platform', 'x'], ['username', 'ada']]],
			['POST', '/inbox/api/v2/messages', []],
		]);
		expect(posts()[0].body).toEqual({ target: { type: 'contact', accountLinkId: 'acct1', contactId: 'c1' }, content: 'Hi Ada' });
		expect(posts()[0].headers['idempotency-key']).toMatch(/^n8n:exec-/);
		expect(jsonOf(result.items)[0]).toMatchObject({ threadId: 't1', delivery: 'delivered', replay: false });
	});

	test('many items to the same people: the account link and each username are looked up once per run', async () => {
		const input = ['ada', 'grace', 'ada', 'grace'].map((username, i) => ({ username, text: `n${i}` }));
		const result = await runNode(person(), input);
		expect(result.error).toBeUndefined();
		expect(api.requests.filter((r) => r.method === 'GET').map((r) => r.path + JSON.stringify(r.queryPairs))).toEqual([
			'/inbox/api/v2/account-links/acct1[]',
			'/inbox/api/v2/contacts[["platform","x"],["username","ada"]]',
			'/inbox/api/v2/contacts[["platform","x"],["username","grace"]]',
		]);
		expect(api.inboxV2.sends.map((s) => s.content)).toEqual(['n0', 'n1', 'n2', 'n3']);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3]);
	});

	test('by contact ID: no look-up; a contact without a thread gets a new one', async () => {
		const result = await runNode(person({ recipient: 'contact', contactId: 'c2' }), [{ text: 'Hello Grace' }]);
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v2/messages']);
		expect(posts()[0].body).toEqual({ target: { type: 'contact', accountLinkId: 'acct1', contactId: 'c2' }, content: 'Hello Grace' });
		expect(jsonOf(result.items)[0].threadId).toMatch(/^th\d+$/);
	});

	test('by platform ID: a profile target on the account\'s platform', async () => {
		const result = await runNode(person({ recipient: 'profile', platformId: '1002' }), [{ text: 'Hi' }]);
		expect(result.error).toBeUndefined();
		expect(posts()[0].body).toEqual({ target: { type: 'profile', accountLinkId: 'acct1', platform: 'x', platformId: '1002' }, content: 'Hi' });
	});

	test('without the Outbound Messages add-on a first message is refused (planRequired), and the error says which add-on; a reply to an existing conversation still goes', async () => {
		api.inboxV2.plan.outboundMessages = false;
		const result = await runNode(person({ recipient: 'contact', contactId: '={{ $json.contact }}' }, { continueOnFail: true }), [
			{ contact: 'c2', text: 'new person' },
			{ contact: 'c1', text: 'existing conversation' },
		]);
		const [refused, sent] = jsonOf(result.items);
		expect(refused.error).toMatch(/^A first message to someone new needs the Outbound Messages add-on \(planRequired, request ID req\d+\)$/);
		expect(refused.description).toMatch(/^Not delivered: Inbox answered HTTP 403/);
		expect(refused.description).toMatch(/paid Outbound Messages add-on/);
		expect(refused.delivery).toBe('no');
		expect(sent).toMatchObject({ threadId: 't1', delivery: 'delivered' });
		expect(api.inboxV2.sends.map((s) => s.content)).toEqual(['existing conversation']);
	});

	test('a profile that is no contact needs the Advanced API add-on: said so', async () => {
		const result = await runNode(person({ recipient: 'profile', platformId: '55555' }), [{ text: 'hello stranger' }]);
		expect(result.error?.message).toMatch(/\(planRequired, /);
		expect(result.error?.description).toMatch(/Advanced API add-on/);
	});

	test('an unknown username: not delivered, nothing sent; a contact with two profiles: Inbox\'s profileAmbiguous with advice', async () => {
		const result = await runNode(person({ recipient: '={{ $json.by }}', contactId: '={{ $json.contact }}', platformId: 'unused' }, { continueOnFail: true }), [
			{ by: 'username', username: 'nobody', text: 'x' },
			{ by: 'contact', contact: 'c3', text: 'y' },
		]);
		expect(result.error).toBeUndefined();
		const [unknown, ambiguous] = jsonOf(result.items);
		expect(unknown).toMatchObject({ error: 'No Inbox contact has the x username "nobody"', delivery: 'no' });
		expect(ambiguous.error).toMatch(/\(profileAmbiguous, /);
		expect(ambiguous.description).toMatch(/By Platform ID/);
		expect(api.inboxV2.sends).toHaveLength(0);
	});

	test('the hint and the notice speak of the Outbound Messages add-on', () => {
		const notice = new Inbox().description.properties.find((p) => p.name === 'outboundNotice');
		expect(notice?.displayName).toMatch(/paid Outbound Messages add-on/);
		expect(notice?.displayOptions?.show?.['@version']).toEqual([2]);
	});

	test('account link dropdown from GET /account-links, paged, status shown', async () => {
		const found = await listSearch(person(), 'searchAccountLinks');
		expect(found.results).toEqual([
			{ name: 'Acme HQ @acmehq · x', value: 'acct1' },
			{ name: 'Acme Help @acmehelp · x', value: 'acct2' },
			{ name: 'Acme Old @acmeold · x (offline)', value: 'acct3' },
		]);
		expect(api.requests.map((r) => [r.path, r.queryPairs])).toEqual([['/inbox/api/v2/account-links', [['limit', '100']]]]);
		expect((await listSearch(person(), 'searchAccountLinks', 'help')).results.map((r) => r.value)).toEqual(['acct2']);
	});
});
