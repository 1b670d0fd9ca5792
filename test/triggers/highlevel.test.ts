/** HighLevel Trigger in n8n-core's contexts, with key pairs generated here (HighLevel's private key is not ours). */
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

import { HighLevelTrigger } from '../../nodes/HighLevel/HighLevelTrigger.node';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_PUBLIC_KEY } from '../../nodes/HighLevel/trigger/keys';
import { captureLogs, TriggerHarness } from './harness';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const pem = (key: typeof rsa.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
/** How the log names a configured key: the start of the SHA-256 of its SPKI form. */
const fingerprintOf = (key: typeof ed.publicKey) =>
	createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 12);

let clock: jest.SpyInstance;
beforeEach(() => {
	clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => clock.mockRestore());

function trigger(parameters: Record<string, unknown> = {}, workflowId = `wfHL-${Math.random()}`, typeVersion?: number) {
	return new TriggerHarness(
		new HighLevelTrigger(),
		{ events: ['InboundMessage'], messageTypes: [], rsaPublicKey: pem(rsa.publicKey), ed25519PublicKey: '', ...parameters } as never,
		{},
		{ workflowId, typeVersion },
	);
}

let counter = 0;
function inbound(extra: Record<string, unknown> = {}) {
	return {
		type: 'InboundMessage',
		locationId: 'loc1',
		attachments: [],
		body: 'Is the shop open?',
		contactId: 'c1',
		contentType: 'text/plain',
		conversationId: 'conv1',
		dateAdded: '2026-11-23T11:59:58.000Z',
		direction: 'inbound',
		messageType: 'SMS',
		status: 'delivered',
		messageId: `msg${++counter}`,
		timestamp: new Date(NOW - 2000).toISOString(),
		webhookId: `wh-${counter}`,
		...extra,
	};
}
const rsaSigned = (payload: unknown) => {
	const raw = JSON.stringify(payload);
	return { raw, headers: { 'x-wh-signature': sign('sha256', Buffer.from(raw), rsa.privateKey).toString('base64') } };
};

test('a delivery signed with the configured RSA key starts one item, the payload as HighLevel sent it', async () => {
	const payload = inbound();
	const answer = await trigger().deliver(rsaSigned(payload));
	expect(answer.status).toBe(200);
	expect(answer.items).toEqual([payload]);
	expect(answer.result.noWebhookResponse).toBeUndefined(); // n8n answers at once (responseMode onReceived)
	expect(new HighLevelTrigger().description.webhooks![0].responseMode).toBe('onReceived');
});

test('x-ghl-signature (Ed25519) with the key given; HighLevel published RSA key is the default setting', async () => {
	const payload = inbound();
	const raw = JSON.stringify(payload);
	const answer = await trigger({ ed25519PublicKey: pem(ed.publicKey) }).deliver({
		raw,
		headers: { 'x-ghl-signature': sign(null, Buffer.from(raw), ed.privateKey).toString('base64') },
	});
	expect(answer.items).toHaveLength(1);
	const rsaDefault = new HighLevelTrigger().description.properties.find((p) => p.name === 'rsaPublicKey')!;
	expect(rsaDefault.default).toBe(HIGHLEVEL_PUBLIC_KEY);
});

test('unsigned, tampered, wrong key, stale (5 min + 1 s), future, no timestamp: 401, nothing starts, the log says why', async () => {
	const h = trigger();
	const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const good = rsaSigned(inbound());
	const logs = captureLogs();
	const answers = [
		await h.deliver({ raw: good.raw }),
		await h.deliver({ raw: good.raw.replace('open', 'shut'), headers: good.headers }),
		await h.deliver({ raw: good.raw, headers: { 'x-wh-signature': sign('sha256', Buffer.from(good.raw), stranger.privateKey).toString('base64') } }),
		await h.deliver(rsaSigned(inbound({ timestamp: new Date(NOW - 301_000).toISOString() }))),
		await h.deliver(rsaSigned(inbound({ timestamp: new Date(NOW + 301_000).toISOString() }))),
		await h.deliver(rsaSigned(inbound({ timestamp: undefined }))),
	];
	logs.restore();
	expect(answers.map((a) => [a.status, a.items])).toEqual(Array(6).fill([401, undefined]));
	expect(logs.lines.filter((l) => l.level === 'warn').map((l) => l.message.replace(/^.*\(HTTP 401\): /, ''))).toEqual([
		'no x-ghl-signature header (nor the legacy x-wh-signature)',
		`x-wh-signature does not match the body with the RSA key sha256:${fingerprintOf(rsa.publicKey)} of "RSA Public Key"`,
		`x-wh-signature does not match the body with the RSA key sha256:${fingerprintOf(rsa.publicKey)} of "RSA Public Key"`,
		`timestamp "${new Date(NOW - 301_000).toISOString()}" is missing or more than 5 minutes from now (stale or replayed)`,
		`timestamp "${new Date(NOW + 301_000).toISOString()}" is missing or more than 5 minutes from now (stale or replayed)`,
		'timestamp null is missing or more than 5 minutes from now (stale or replayed)',
	]);
	// Exactly 5 minutes old is accepted.
	expect((await h.deliver(rsaSigned(inbound({ timestamp: new Date(NOW - 300_000).toISOString() })))).items).toHaveLength(1);
});

test('a repeated webhookId starts nothing and is answered 200 (HighLevel retries only on 429)', async () => {
	const h = trigger();
	const delivery = rsaSigned(inbound());
	const answers = await Promise.all([h.deliver(delivery), h.deliver(delivery)]);
	expect(answers.map((a) => a.status)).toEqual([200, 200]);
	expect(answers.filter((a) => a.items)).toHaveLength(1);
});

test('events and message types narrow what starts the workflow', async () => {
	const h = trigger({ events: ['InboundMessage', 'OutboundMessage'], messageTypes: ['Email', 'Live_Chat'] });
	expect((await h.deliver(rsaSigned(inbound({ messageType: 'SMS' })))).body).toEqual({ received: true, started: false, reason: 'message type not selected' });
	expect((await h.deliver(rsaSigned(inbound({ messageType: 'Email' })))).items).toHaveLength(1);
	expect((await h.deliver(rsaSigned(inbound({ type: 'OutboundMessage', messageType: 'TYPE_LIVE_CHAT' })))).items).toHaveLength(1);
	expect((await trigger().deliver(rsaSigned(inbound({ type: 'OutboundMessage' })))).body).toEqual({
		received: true,
		started: false,
		reason: 'event type not selected',
	});
});

test('activation checks the keys: a bad key names its field; no key at all is refused; rotation = two keys in one field', async () => {
	await expect(trigger({ rsaPublicKey: 'not a key' }).hook('create')).rejects.toThrow(
		'Invalid "RSA Public Key": expected an RSA public key in PEM (or base64)',
	);
	await expect(trigger({ ed25519PublicKey: pem(rsa.publicKey) }).hook('create')).rejects.toThrow('Invalid "Ed25519 Public Key"');
	// No RSA key is fine: the Ed25519 field is never without a key (empty is HighLevel's published one).
	expect(await trigger({ rsaPublicKey: '' }).hook('create')).toBe(true);
	expect(await trigger().hook('checkExists')).toBe(false);
	expect(await trigger().hook('create')).toBe(true);
	const rotated = trigger({ rsaPublicKey: `${HIGHLEVEL_PUBLIC_KEY}\n${pem(rsa.publicKey)}` });
	expect(await rotated.hook('create')).toBe(true);
	expect((await rotated.deliver(rsaSigned(inbound()))).items).toHaveLength(1);
});

describe('x-ghl-signature (Ed25519), what HighLevel signs with today', () => {
	const edSigned = (payload: unknown, key = ed.privateKey) => {
		const raw = JSON.stringify(payload);
		return { raw, headers: { 'x-ghl-signature': sign(null, Buffer.from(raw), key).toString('base64') } };
	};
	// What a user does when HighLevel rotates its key: adds the new key below the published one.
	const rotated = () => `${HIGHLEVEL_ED25519_PUBLIC_KEY}\n${pem(ed.publicKey)}`;

	test("the field's default is HighLevel's published Ed25519 key, and its hint says what HighLevel sends today", () => {
		const field = new HighLevelTrigger().description.properties.find((p) => p.name === 'ed25519PublicKey')!;
		expect(field.default).toBe(HIGHLEVEL_ED25519_PUBLIC_KEY);
		const published = createPublicKey(HIGHLEVEL_ED25519_PUBLIC_KEY);
		expect(published.asymmetricKeyType).toBe('ed25519');
		expect(published.export({ type: 'spki', format: 'der' }).toString('base64')).toBe('MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=');
		expect(field.hint).toMatch(/today with x-ghl-signature \(Ed25519\), checked first/);
		expect(field.hint).toMatch(/x-wh-signature .*deprecated/);
	});

	test('a delivery signed only with x-ghl-signature, the key configured as for a rotation: one item, {"received":true}, the log names the key', async () => {
		const payload = inbound();
		const logs = captureLogs();
		const answer = await trigger({ ed25519PublicKey: rotated() }).deliver(edSigned(payload));
		logs.restore();
		expect(answer).toMatchObject({ status: 200, body: { received: true }, items: [payload] });
		expect(logs.lines).toEqual([
			{
				level: 'info',
				message: `Trigger Under Test: delivery ${payload.webhookId} verified by x-ghl-signature (Ed25519) with the Ed25519 key sha256:${fingerprintOf(ed.publicKey)} of "Ed25519 Public Key"`,
			},
		]);
	});

	test('an RSA-only delivery (x-wh-signature) still works, and the log says it was the legacy RSA key', async () => {
		const payload = inbound();
		const logs = captureLogs();
		const answer = await trigger({ ed25519PublicKey: rotated() }).deliver(rsaSigned(payload));
		logs.restore();
		expect(answer).toMatchObject({ status: 200, body: { received: true }, items: [payload] });
		expect(logs.lines.map((l) => l.message)).toEqual([
			`Trigger Under Test: delivery ${payload.webhookId} verified by x-wh-signature (RSA-SHA256, legacy) with the RSA key sha256:${fingerprintOf(rsa.publicKey)} of "RSA Public Key"`,
		]);
	});

	test('x-ghl-signature is checked first: a good one wins even when a stale x-wh-signature is wrong', async () => {
		const payload = inbound();
		const signed = edSigned(payload);
		const logs = captureLogs();
		const answer = await trigger({ ed25519PublicKey: pem(ed.publicKey) }).deliver({ raw: signed.raw, headers: { ...signed.headers, 'x-wh-signature': 'AAAA' } });
		logs.restore();
		expect(answer.items).toHaveLength(1);
		expect(logs.lines[0].message).toMatch(/verified by x-ghl-signature \(Ed25519\)/);
	});

	test('refusals name the missing header or each check that failed; 401, nothing starts', async () => {
		const stranger = generateKeyPairSync('ed25519');
		const payload = inbound();
		const good = edSigned(payload);
		const h = trigger({ ed25519PublicKey: rotated() });
		const logs = captureLogs();
		const answers = [
			await h.deliver({ raw: good.raw }),
			await h.deliver({ raw: good.raw, headers: { 'x-ghl-signature': 'c2hvcnQ=' } }),
			await h.deliver(edSigned(payload, stranger.privateKey)),
			await h.deliver({ raw: good.raw.replace('open', 'shut'), headers: good.headers }),
			await h.deliver({ raw: good.raw, headers: { ...edSigned(payload, stranger.privateKey).headers, 'x-wh-signature': sign('sha256', Buffer.from('other'), rsa.privateKey).toString('base64') } }),
			await trigger().deliver(edSigned(payload)),
		];
		logs.restore();
		expect(answers.map((a) => [a.status, a.items])).toEqual(Array(6).fill([401, undefined]));
		expect(logs.lines.map((l) => [l.level, l.message.replace(/^Trigger Under Test: delivery refused \(HTTP 401\): /, '')])).toEqual([
			['warn', 'no x-ghl-signature header (nor the legacy x-wh-signature)'],
			['warn', 'x-ghl-signature is not a base64 Ed25519 signature (64 bytes)'],
			['warn', 'x-ghl-signature does not match the body with the 2 configured Ed25519 keys'],
			['warn', 'x-ghl-signature does not match the body with the 2 configured Ed25519 keys'],
			[
				'warn',
				`x-ghl-signature does not match the body with the 2 configured Ed25519 keys; x-wh-signature does not match the body with the RSA key sha256:${fingerprintOf(rsa.publicKey)} of "RSA Public Key"`,
			],
			// Empty field = HighLevel's published key, which our generated key is not.
			['warn', "x-ghl-signature does not match the body with HighLevel's published Ed25519 key"],
		]);
	});

	test('a saved version-1.1 node whose Ed25519 field is empty (or absent) verifies with the default key', async () => {
		// HighLevel's private key is not ours: the built-in default is swapped for a generated key,
		// which exercises exactly the path a saved empty field takes.
		const standIn = generateKeyPairSync('ed25519');
		let Isolated!: typeof HighLevelTrigger;
		jest.isolateModules(() => {
			jest.doMock('../../nodes/HighLevel/trigger/keys', () => ({
				...jest.requireActual('../../nodes/HighLevel/trigger/keys'),
				HIGHLEVEL_ED25519_PUBLIC_KEY: pem(standIn.publicKey),
			}));
			Isolated = (require('../../nodes/HighLevel/HighLevelTrigger.node') as { HighLevelTrigger: typeof HighLevelTrigger }).HighLevelTrigger;
		});
		const saved = (parameters: Record<string, unknown>) =>
			new TriggerHarness(new Isolated(), { events: ['InboundMessage'], messageTypes: [], ...parameters } as never, {}, { typeVersion: 1.1 });
		const empty = saved({ ed25519PublicKey: '', rsaPublicKey: HIGHLEVEL_PUBLIC_KEY });
		expect(empty.node.typeVersion).toBe(1.1);
		expect(await empty.hook('create')).toBe(true);
		expect((await empty.deliver(edSigned(inbound(), standIn.privateKey))).items).toHaveLength(1);
		const spaces = saved({ ed25519PublicKey: '  \n' });
		expect((await spaces.deliver(edSigned(inbound(), standIn.privateKey))).items).toHaveLength(1);
		// A node saved without the field at all: n8n hands the node its default.
		const absent = saved({});
		const answer = await absent.deliver(edSigned(inbound(), standIn.privateKey));
		expect(answer).toMatchObject({ status: 200, body: { received: true } });
		expect(answer.items).toHaveLength(1);
	});

	test("n8n's own answer would be the text firstEntryJson without the trigger's empty responseData", async () => {
		const bare = new HighLevelTrigger();
		expect(bare.description.webhooks![0]).toMatchObject({ responseMode: 'onReceived', responseData: '' });
		bare.description = { ...bare.description, webhooks: [{ ...bare.description.webhooks![0], responseData: undefined }] };
		const h = new TriggerHarness(bare, { events: ['InboundMessage'], rsaPublicKey: pem(rsa.publicKey) } as never, {});
		expect((await h.deliver(rsaSigned(inbound()))).body).toBe('firstEntryJson');
	});
});

describe('events: Conversation Unread Update and Provider Outbound Message', () => {
	const signed = (payload: Record<string, unknown>) => rsaSigned({ timestamp: new Date(NOW - 1000).toISOString(), webhookId: `wh-ev-${++counter}`, ...payload });
	const unread = { type: 'ConversationUnreadUpdate', locationId: 'loc1', id: 'conv1', contactId: 'c1', unreadCount: 0, inbox: true, starred: false, deleted: false };
	// What HighLevel sends a custom provider: no event name, `type` is the message's type.
	const providerOutbound = { contactId: 'c1', locationId: 'loc1', messageId: 'pm1', type: 'SMS', phone: '+16175551212', message: 'Hello from the HighLevel app', attachments: [], userId: 'u1' };

	test('each starts the workflow only when selected; the message type filter applies to messages only', async () => {
		const h = trigger({ events: ['ConversationUnreadUpdate', 'ProviderOutboundMessage'], messageTypes: ['SMS'] });
		const a = signed(unread);
		expect((await h.deliver(a)).items).toEqual([JSON.parse(a.raw)]);
		const b = signed(providerOutbound);
		expect((await h.deliver(b)).items).toEqual([JSON.parse(b.raw)]);
		expect((await h.deliver(signed({ ...providerOutbound, messageId: 'pm2', type: 'Email' }))).body).toMatchObject({ reason: 'message type not selected' });
		expect((await h.deliver(signed(inbound()))).body).toMatchObject({ reason: 'event type not selected' });
		const only = trigger({ events: ['InboundMessage'] });
		expect((await only.deliver(signed(unread))).body).toMatchObject({ reason: 'event type not selected' });
		expect((await only.deliver(signed(providerOutbound))).body).toMatchObject({ reason: 'event type not selected' });
	});
});
