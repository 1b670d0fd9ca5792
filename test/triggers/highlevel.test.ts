/** HighLevel Trigger in n8n-core's contexts, with key pairs generated here (HighLevel's private key is not ours). */
import { generateKeyPairSync, sign } from 'node:crypto';

import { HighLevelTrigger } from '../../nodes/HighLevel/HighLevelTrigger.node';
import { HIGHLEVEL_PUBLIC_KEY } from '../../nodes/HighLevel/trigger/keys';
import { captureLogs, TriggerHarness } from './harness';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const pem = (key: typeof rsa.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

let clock: jest.SpyInstance;
beforeEach(() => {
	clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => clock.mockRestore());

function trigger(parameters: Record<string, unknown> = {}, workflowId = `wfHL-${Math.random()}`) {
	return new TriggerHarness(
		new HighLevelTrigger(),
		{ events: ['InboundMessage'], messageTypes: [], rsaPublicKey: pem(rsa.publicKey), ed25519PublicKey: '', ...parameters } as never,
		{},
		{ workflowId },
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
		'no x-wh-signature or x-ghl-signature header',
		'x-wh-signature does not match the body with the configured RSA key(s)',
		'x-wh-signature does not match the body with the configured RSA key(s)',
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
	await expect(trigger({ rsaPublicKey: '' }).hook('create')).rejects.toThrow('No public key to verify HighLevel deliveries with');
	expect(await trigger().hook('checkExists')).toBe(false);
	expect(await trigger().hook('create')).toBe(true);
	const rotated = trigger({ rsaPublicKey: `${HIGHLEVEL_PUBLIC_KEY}\n${pem(rsa.publicKey)}` });
	expect(await rotated.hook('create')).toBe(true);
	expect((await rotated.deliver(rsaSigned(inbound()))).items).toHaveLength(1);
});
