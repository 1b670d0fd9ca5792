// The triggers in a real n8n: the examples/ workflows imported, published with
// `n8n publish:workflow` (1.x: `update:workflow --active=true`), served by `n8n start`;
// deliveries POSTed to the production webhook URLs, the Inbox feed polled on n8n's own
// schedule. "Started" is judged twice: by the request the workflow's second node sends to the
// mock, and by n8n's own execution list.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { CREDENTIALS, SECRETS } from './workflow.mjs';
import { exampleWorkflow, INBOX_SIGNING_SECRET, startTriggerHost, until, webhookPath } from './triggerHost.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../mock/mockApi.js');
const { hmacHex: hmac, sociocsIncoming } = require('../mock/deliveries.js');
// HighLevel's published key for x-ghl-signature (../shared/api/webhooks.md).
const HIGHLEVEL_ED25519_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n-----END PUBLIC KEY-----';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
// HighLevel's private key is not ours: a generated Ed25519 key, configured the way a user adds
// a rotated key (below HighLevel's published one).
const ed = generateKeyPairSync('ed25519');
const pemOf = (key) => key.export({ type: 'spki', format: 'pem' }).toString();
const rotatedEd25519 = `${HIGHLEVEL_ED25519_PUBLIC_KEY}\n${pemOf(ed.publicKey)}`;
const RECEIVED = JSON.stringify({ received: true });

function legacyVersion(workflow, nodeName, oldType) {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	node.typeVersion = 1;
	if (oldType) node.type = oldType;
	node.webhookId = `${node.webhookId}-v1`;
	return workflow;
}

const workflows = {
	sociocs: exampleWorkflow('sociocs-incoming-to-highlevel.json', 'e2eTrigSociocs', {
		'Sociocs Trigger': { channelKey: 'twlo-key-1' },
		'HighLevel: Add Inbound': { conversationProviderId: 'prov-e2e' },
	}),
	highLevel: exampleWorkflow('highlevel-inbound-to-inbox-reply.json', 'e2eTrigHighLevel', {
		'HighLevel Trigger': { rsaPublicKey: pemOf(rsa.publicKey), ed25519PublicKey: rotatedEd25519 },
		'Inbox: Reply': { threadId: { __rl: true, mode: 'id', value: 'thl1' } },
	}),
	// The same workflow as saved before the triggers' version 1.1 and the type's rename
	// (highLevelTrigger, now highLevelConversationsTrigger): it must keep working.
	highLevelV1: legacyVersion(
		exampleWorkflow('highlevel-inbound-to-inbox-reply.json', 'e2eTrigHighLevelV1', {
			'HighLevel Trigger': { rsaPublicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
			'Inbox: Reply': { threadId: { __rl: true, mode: 'id', value: 'thlv1' } },
		}),
		'HighLevel Trigger',
		'n8n-nodes-omnichannel.highLevelTrigger',
	),
	// Saved at 1.1 while the Ed25519 field was still empty by default: it must use HighLevel's key.
	highLevelEmptyEd: (() => {
		const workflow = exampleWorkflow('highlevel-inbound-to-inbox-reply.json', 'e2eTrigHighLevelEmpty', {
			'HighLevel Trigger': { rsaPublicKey: pemOf(rsa.publicKey), ed25519PublicKey: '' },
			'Inbox: Reply': { threadId: { __rl: true, mode: 'id', value: 'thlempty' } },
		});
		workflow.nodes[0].webhookId = `${workflow.nodes[0].webhookId}-empty`;
		return workflow;
	})(),
	// The custom-provider example; its Update Status nodes use the token credential here (the example: the Marketplace app's OAuth2).
	provider: (() => {
		const workflow = exampleWorkflow('highlevel-provider-outbound-via-sociocs.json', 'e2eTrigProvider', {
			'HighLevel Trigger': { rsaPublicKey: pemOf(rsa.publicKey), ed25519PublicKey: rotatedEd25519 },
			'Sociocs: Send': { channelKey: 'chan-provider' },
		});
		for (const node of workflow.nodes.filter((n) => n.name.startsWith('HighLevel: '))) {
			node.parameters.authentication = 'privateIntegrationToken';
			node.credentials = { omnichannelHighLevelApi: CREDENTIALS.omnichannelHighLevelApi };
		}
		return workflow;
	})(),
	inboxHook: exampleWorkflow('inbox-webhook-to-sociocs-send.json', 'e2eTrigInboxHook', {
		'Sociocs: Send': { channelKey: 'chan-hook' },
	}),
	inboxPoll: exampleWorkflow('inbox-received-to-sociocs-send.json', 'e2eTrigInboxPoll', {
		'Sociocs: Send': { channelKey: 'chan-poll' },
	}),
};

let mock;
let host;
const inboxEvent = (id, origin, content) => ({
	id,
	teamId: 'team1',
	type: 'message.created',
	timestamp: new Date().toISOString(),
	version: '1.0',
	data: { message: { id: `m-${id}`, threadId: 't1', content, origin }, thread: { id: 't1', prospect: { name: 'Ada' } } },
});
const requestsTo = (path, filter = () => true) => mock.requests.filter((r) => r.method !== 'GET' && r.path === path && filter(r));
const sociocsSends = (channel) => requestsTo('/sociocs/message', (r) => r.body?.channel_key === channel);

// n8n's log reaches us through a pipe, a moment after its answer: log lines are waited for.

/** The first delivery waits while n8n is still registering production webhooks (404 "not registered"). */
async function deliverWhenRegistered(route, raw, headers) {
	return await until(async () => {
		const answer = await host.deliver(route, raw, headers);
		return answer.status === 404 ? undefined : answer;
	}, `${route} to be registered`);
}

before(async () => {
	mock = await startMockApi();
	// Seven days of history the polling trigger must not replay on its first activation.
	mock.webhooks.addInboxEvents([inboxEvent('hist1', 'external', 'old history message')]);
	host = await startTriggerHost(mock, Object.values(workflows));
});

after(async () => {
	const printed = host?.server.output() ?? '';
	await host?.stop();
	await mock?.close();
	for (const secret of [...Object.values(SECRETS), INBOX_SIGNING_SECRET]) {
		assert.ok(!printed.includes(secret), 'a secret leaked into n8n\'s output');
	}
});

describe('Sociocs Trigger in n8n', () => {
	const route = webhookPath(workflows.sociocs, 'Sociocs Trigger');
	let secret;
	const payload = sociocsIncoming({
		message_id: 'SMe2e1',
		text: 'Hello from Sociocs',
		contact: { id: 1, name: 'Jane', phone_number: '16311112222', extra_fields: '{"highlevel_conversation_id":"convE2E"}', is_blocked: 0 },
		timestamp: Date.now(),
	});
	const raw = JSON.stringify(payload);

	test('activation subscribed the production URL in Sociocs, with a secret', async () => {
		const subscription = await until(() => mock.webhooks.state.subscriptions[0], 'the subscription');
		assert.equal(subscription.webhook_url, `${host.server.url}${route}`);
		assert.equal(subscription.subscriber_reference_id, `n8n-e2eTrigSociocs-${workflows.sociocs.nodes[0].id}`);
		assert.deepEqual(subscription.events, ['messages']);
		assert.match(subscription.secret, /^[0-9a-f]{64}$/);
		secret = subscription.secret;
		assert.ok(!host.server.output().includes(secret), 'the subscription secret leaked into n8n\'s output');
	});

	test('unsigned, tampered and wrongly keyed deliveries: 401, nothing starts, n8n logs why', async () => {
		// n8n registers the webhook a moment before it stores the trigger's static data (the
		// signing secret, saved after activation): a delivery in between is refused as having no
		// secret. (Seen once on a cold run.) So unsigned deliveries go until one is refused for
		// its missing signature; each is a 401 either way and starts nothing.
		await until(async () => {
			const unsigned = await host.deliver(route, raw, {});
			if (unsigned.status === 404) return false;
			assert.equal(unsigned.status, 401);
			return /Sociocs Trigger: delivery refused \(HTTP 401\): no X-Sociocs-Signature header/.test(host.server.output());
		}, 'an unsigned delivery refused for its missing signature');
		const tampered = await host.deliver(route, raw.replace('Hello', 'Hellp'), { 'x-sociocs-signature': hmac(secret, raw) });
		assert.equal(tampered.status, 401);
		const wrongKey = await host.deliver(route, raw, { 'x-sociocs-signature': hmac('guess', raw) });
		assert.equal(wrongKey.status, 401);
		await until(() => /delivery refused \(HTTP 401\): X-Sociocs-Signature does not match the body/.test(host.server.output()), 'n8n to log the refusal');
		assert.equal((await host.executions('e2eTrigSociocs')).length, 0);
	});

	test('a signed delivery sent three times starts one execution, which records the message in HighLevel', async () => {
		const headers = { 'x-sociocs-signature': hmac(secret, raw) };
		// What Sociocs sees: a small JSON body, not n8n's default text "firstEntryJson".
		assert.deepEqual(await host.deliver(route, raw, headers), { status: 200, body: RECEIVED });
		const again = [await host.deliver(route, raw, headers), await host.deliver(route, raw, headers)];
		assert.deepEqual(again.map((a) => a.status), [200, 200]);
		assert.match(again[0].body, /duplicate/);
		const [recorded] = await until(() => {
			const found = requestsTo('/highlevel/conversations/messages/inbound');
			return found.length ? found : undefined;
		}, 'the HighLevel request');
		assert.deepEqual(recorded.body, {
			type: 'SMS',
			conversationId: 'convE2E',
			conversationProviderId: 'prov-e2e',
			message: 'Hello from Sociocs',
			direction: 'inbound',
		});
		await until(async () => (await host.executions('e2eTrigSociocs')).length === 1, 'one execution');
		assert.equal(requestsTo('/highlevel/conversations/messages/inbound').length, 1);
	});

	test('deactivation deletes the subscription in Sociocs', async () => {
		await host.session.rest('POST', '/rest/workflows/e2eTrigSociocs/deactivate', {});
		await until(() => mock.webhooks.state.subscriptions.length === 0, 'the subscription to be deleted');
		const deletes = mock.requests.filter((r) => r.method === 'DELETE');
		assert.deepEqual(deletes.map((r) => r.path), ['/sociocs/webhook-subscriptions/sub1']);
		assert.equal(deletes[0].headers.apikey, SECRETS.omnichannelSociocsApi);
	});
});

describe('HighLevel Trigger in n8n', () => {
	const route = webhookPath(workflows.highLevel, 'HighLevel Trigger');
	const delivery = (extra = {}) => {
		const raw = JSON.stringify({
			type: 'InboundMessage',
			locationId: 'loc1',
			body: 'Are you open today?',
			contactId: 'contactE2E',
			conversationId: 'conv9',
			direction: 'inbound',
			messageType: 'SMS',
			messageId: 'hm1',
			timestamp: new Date().toISOString(),
			webhookId: 'whE2E1',
			...extra,
		});
		return { raw, headers: { 'x-wh-signature': sign('sha256', Buffer.from(raw), rsa.privateKey).toString('base64') } };
	};
	const replies = () => requestsTo('/inbox/api/v1/threads/thl1/messages');

	test('unsigned, tampered, stale: 401; duplicate webhookId and an unselected type: 200 without starting', async () => {
		const good = delivery();
		assert.equal((await deliverWhenRegistered(route, good.raw, {})).status, 401);
		assert.equal((await host.deliver(route, good.raw.replace('open', 'shut'), good.headers)).status, 401);
		const stale = delivery({ timestamp: new Date(Date.now() - 6 * 60_000).toISOString(), webhookId: 'whStale' });
		assert.equal((await host.deliver(route, stale.raw, stale.headers)).status, 401);
		await until(() => /HighLevel Trigger: delivery refused \(HTTP 401\): timestamp .* more than 5 minutes from now/.test(host.server.output()), 'n8n to log the refusal');

		assert.deepEqual(await host.deliver(route, good.raw, good.headers), { status: 200, body: RECEIVED });
		const dup = await host.deliver(route, good.raw, good.headers);
		assert.equal(dup.status, 200);
		assert.match(dup.body, /duplicate/);
		const email = delivery({ messageType: 'Email', webhookId: 'whEmail' });
		assert.match((await host.deliver(route, email.raw, email.headers)).body, /message type not selected/);

		const [reply] = await until(() => (replies().length ? replies() : undefined), 'the Inbox reply');
		assert.equal(reply.body.content, 'HighLevel SMS from contact contactE2E: Are you open today?');
		await until(async () => (await host.executions('e2eTrigHighLevel')).length === 1, 'one execution');
		assert.equal(replies().length, 1);
	});

	const edSigned = (payload, key = ed.privateKey) => {
		const raw = JSON.stringify({ timestamp: new Date().toISOString(), ...payload });
		return { raw, headers: { 'x-ghl-signature': sign(null, Buffer.from(raw), key).toString('base64') } };
	};
	const ghlOnly = (webhookId, body) => ({
		type: 'InboundMessage',
		locationId: 'loc1',
		body,
		contactId: 'contactEd',
		conversationId: 'conv9',
		direction: 'inbound',
		messageType: 'SMS',
		messageId: `m-${webhookId}`,
		webhookId,
	});

	test('a delivery signed only with x-ghl-signature (Ed25519, the rotated key) starts once; HighLevel sees {"received":true}; the log names the key', async () => {
		const good = edSigned(ghlOnly('whEd1', 'Signed the way HighLevel signs today'));
		const answer = await deliverWhenRegistered(route, good.raw, good.headers);
		assert.deepEqual(answer, { status: 200, body: RECEIVED });
		const stranger = generateKeyPairSync('ed25519');
		const forged = edSigned(ghlOnly('whEd2', 'forged'), stranger.privateKey);
		assert.equal((await host.deliver(route, forged.raw, forged.headers)).status, 401);
		await until(() => /HighLevel Trigger: delivery whEd1 verified by x-ghl-signature \(Ed25519\) with the Ed25519 key sha256:[0-9a-f]{12} of "Ed25519 Public Key"/.test(host.server.output()), 'n8n to log which key verified');
		await until(() => /HighLevel Trigger: delivery refused \(HTTP 401\): x-ghl-signature does not match the body with the 2 configured Ed25519 keys/.test(host.server.output()), 'n8n to log the refusal');
		const sent = await until(() => {
			const found = replies().filter((r) => r.body.content.includes('Signed the way HighLevel signs today'));
			return found.length ? found : undefined;
		}, 'the Inbox reply of the Ed25519 delivery');
		assert.equal(sent.length, 1);
	});

	test('an RSA-only delivery (legacy x-wh-signature) is answered {"received":true}, and the log says it was the RSA key', async () => {
		const legacy = delivery({ webhookId: 'whRsaOnly', body: 'legacy RSA delivery' });
		assert.deepEqual(await deliverWhenRegistered(route, legacy.raw, legacy.headers), { status: 200, body: RECEIVED });
		await until(() => /HighLevel Trigger: delivery whRsaOnly verified by x-wh-signature \(RSA-SHA256, legacy\) with the RSA key sha256:[0-9a-f]{12} of "RSA Public Key"/.test(host.server.output()), 'n8n to log the RSA verification');
		await until(() => replies().some((r) => r.body.content.includes('legacy RSA delivery')), 'the Inbox reply of the RSA delivery');
	});

	test("a workflow saved at 1.1 with the Ed25519 field empty checks x-ghl-signature with HighLevel's published key", async () => {
		// We cannot sign with HighLevel's key: the refusal's log line shows which key was used.
		const emptyRoute = webhookPath(workflows.highLevelEmptyEd, 'HighLevel Trigger');
		const signed = edSigned(ghlOnly('whEmpty1', 'generated key'));
		assert.equal((await deliverWhenRegistered(emptyRoute, signed.raw, signed.headers)).status, 401);
		await until(() => /HighLevel Trigger: delivery refused \(HTTP 401\): x-ghl-signature does not match the body with HighLevel's published Ed25519 key/.test(host.server.output()), "n8n to log HighLevel's published key");
		const legacy = delivery({ webhookId: 'whEmptyRsa' });
		assert.deepEqual(await host.deliver(emptyRoute, legacy.raw, legacy.headers), { status: 200, body: RECEIVED });
		await until(() => requestsTo('/inbox/api/v1/threads/thlempty/messages').length === 1, 'the Inbox reply of the saved workflow');
	});

	test('a workflow saved with version 1 of the trigger still verifies and starts once', async () => {
		const legacyRoute = webhookPath(workflows.highLevelV1, 'HighLevel Trigger');
		const good = delivery({ webhookId: 'whV1' });
		assert.equal((await deliverWhenRegistered(legacyRoute, good.raw, {})).status, 401);
		assert.equal((await host.deliver(legacyRoute, good.raw, good.headers)).status, 200);
		assert.match((await host.deliver(legacyRoute, good.raw, good.headers)).body, /duplicate/);
		await until(() => requestsTo('/inbox/api/v1/threads/thlv1/messages').length === 1, 'the Inbox reply of the v1 workflow');
		await until(async () => (await host.executions('e2eTrigHighLevelV1')).length === 1, 'one execution');
	});
});

describe('Custom conversation provider in n8n (examples/highlevel-provider-outbound-via-sociocs.json)', () => {
	const route = webhookPath(workflows.provider, 'HighLevel Trigger');
	const outbound = (messageId, message) => {
		const raw = JSON.stringify({ contactId: 'c1', locationId: 'loc123', messageId, type: 'SMS', phone: '+16175551212', message, attachments: [], userId: 'u1', timestamp: new Date().toISOString(), webhookId: `wh-${messageId}` });
		return { raw, headers: { 'x-ghl-signature': sign(null, Buffer.from(raw), ed.privateKey).toString('base64') } };
	};
	const statuses = () => mock.requests.filter((r) => r.method === 'PUT' && /\/conversations\/messages\/[^/]+\/status$/.test(r.path));

	test('Provider Outbound Message -> Sociocs SMS -> Update Status delivered; a Sociocs refusal -> failed with its words', async () => {
		mock.conversations.providerMessage('pmE2E1');
		mock.conversations.providerMessage('pmE2E2');
		const first = outbound('pmE2E1', 'Hello through Sociocs');
		assert.deepEqual(await deliverWhenRegistered(route, first.raw, first.headers), { status: 200, body: RECEIVED });
		const [delivered] = await until(() => (statuses().length ? statuses() : undefined), 'the delivered status');
		assert.equal(delivered.path, '/highlevel/conversations/messages/pmE2E1/status');
		assert.deepEqual(delivered.body, { status: 'delivered' });
		assert.deepEqual(sociocsSends('chan-provider').map((r) => [r.body.to, r.body.text]), [['+16175551212', 'Hello through Sociocs']]);

		mock.once({ path: '/sociocs/message' }, { status: 400, body: { status: 'error', errors: [{ msg: 'The number is not reachable' }] } });
		const second = outbound('pmE2E2', 'This one fails');
		assert.deepEqual(await host.deliver(route, second.raw, second.headers), { status: 200, body: RECEIVED });
		const failed = await until(() => statuses().find((r) => r.path.includes('pmE2E2')), 'the failed status');
		assert.deepEqual(failed.body, { status: 'failed', error: { type: 'saas', message: 'The number is not reachable' } });
	});
});

describe('Inbox Webhook Trigger in n8n', () => {
	const route = webhookPath(workflows.inboxHook, 'Inbox Webhook Trigger');
	const raw = JSON.stringify(inboxEvent('evtHook1', 'external', 'Is the shop open?'));
	const signature = (t = Math.floor(Date.now() / 1000), body = raw) => ({
		'x-inbox-signature': `t=${t},v1=${hmac(INBOX_SIGNING_SECRET, `${t}.${body}`)}`,
	});

	test('unsigned, tampered, stale: 401; a signed one starts once, a re-delivery of the same id does not', async () => {
		assert.equal((await deliverWhenRegistered(route, raw, {})).status, 401);
		assert.equal((await host.deliver(route, raw.replace('open', 'shut'), signature())).status, 401);
		assert.equal((await host.deliver(route, raw, signature(Math.floor(Date.now() / 1000) - 400))).status, 401);
		await until(() => /Inbox Webhook Trigger: delivery refused \(HTTP 401\): X-Inbox-Signature timestamp is more than 300 s/.test(host.server.output()), 'n8n to log the refusal');

		assert.deepEqual(await host.deliver(route, raw, signature()), { status: 200, body: RECEIVED });
		const again = await host.deliver(route, raw, signature(Math.floor(Date.now() / 1000) - 5));
		assert.equal(again.status, 200);
		assert.match(again.body, /duplicate/);
		const [sent] = await until(() => (sociocsSends('chan-hook').length ? sociocsSends('chan-hook') : undefined), 'the Sociocs send');
		assert.equal(sent.body.text, 'Inbox: Ada wrote: Is the shop open?');
		assert.equal(sent.body.to, '+16175551212');
		await until(async () => (await host.executions('e2eTrigInboxHook')).length === 1, 'one execution');
		assert.equal(sociocsSends('chan-hook').length, 1);
	});
});

describe('Inbox Trigger (polling) in n8n', () => {
	test('starts from now at activation, then sends each new received message once, across two polls', { timeout: 240_000 }, async () => {
		const polls = () => mock.requests.filter((r) => r.path === '/inbox/api/v1/events');
		await until(() => polls().length >= 1, 'the first poll (at activation)', 60_000);
		const afterFirst = polls().length;
		mock.webhooks.addInboxEvents([inboxEvent('poll1', 'external', 'first new message'), inboxEvent('poll1b', 'internal', 'our own reply')]);
		await until(() => sociocsSends('chan-poll').length >= 1, 'a send from the second poll', 100_000);
		assert.ok(polls().length > afterFirst);
		mock.webhooks.addInboxEvents([inboxEvent('poll2', 'external', 'second new message')]);
		await until(() => sociocsSends('chan-poll').length >= 2, 'a send from the third poll', 100_000);
		assert.deepEqual(
			sociocsSends('chan-poll').map((r) => r.body.text),
			['Inbox: Ada wrote: first new message', 'Inbox: Ada wrote: second new message'],
		);
		assert.deepEqual(
			polls().map((r) => r.headers.authorization),
			polls().map(() => `Bearer ${SECRETS.omnichannelInboxApi}`),
		);
	});
});
