/** The shared verification core: signatures, constant-time comparison, time windows, duplicates. */
import crypto, { generateKeyPairSync, sign } from 'node:crypto';

import { HIGHLEVEL_PUBLIC_KEY } from '../../nodes/HighLevel/trigger/keys';
import { ReplayGuard, replayGuardFor } from '../../nodes/shared/webhooks/replayGuard';
import {
	hmacSha256Hex,
	parsePublicKey,
	safeEqual,
	verifyHighLevel,
	verifyInbox,
	verifySociocs,
	withinWindow,
} from '../../nodes/shared/webhooks/signatures';

describe('HMAC-SHA256 (Sociocs)', () => {
	test("the docs' test vector", () => {
		expect(hmacSha256Hex('My Shared Secret', Buffer.from('Hello, World!'))).toBe(
			'a52954ef969a496aeed237f48b03c6df7ea43cd0f6e595d06dfe7a8b14b5d891',
		);
		expect(
			verifySociocs(Buffer.from('Hello, World!'), 'a52954ef969a496aeed237f48b03c6df7ea43cd0f6e595d06dfe7a8b14b5d891', 'My Shared Secret'),
		).toEqual({ ok: true });
	});

	test('upper-case hex is the same signature; a tampered body, another secret or no header are refused', () => {
		const body = Buffer.from('{"message_id":"m1"}');
		const good = hmacSha256Hex('s3cret', body);
		expect(verifySociocs(body, good.toUpperCase(), 's3cret').ok).toBe(true);
		expect(verifySociocs(Buffer.from('{"message_id":"m2"}'), good, 's3cret')).toEqual({
			ok: false,
			reason: 'X-Sociocs-Signature does not match the body',
		});
		expect(verifySociocs(body, hmacSha256Hex('other', body), 's3cret').ok).toBe(false);
		expect(verifySociocs(body, undefined, 's3cret')).toEqual({ ok: false, reason: 'no X-Sociocs-Signature header' });
		expect(verifySociocs(body, good.slice(0, 10), 's3cret').ok).toBe(false);
	});

	test('signatures are compared with crypto.timingSafeEqual, never with ===', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		const body = Buffer.from('x');
		verifySociocs(body, hmacSha256Hex('k', body), 'k');
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockRestore();
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
	});
});

describe('Inbox signature (t=, v1=, 300 s window)', () => {
	const secret = 'ibt_wh_test_secret';
	const body = Buffer.from('{"id":"evt1","type":"message.created"}');
	const now = 1_800_000_000_000;
	const t = Math.floor(now / 1000);
	const v1 = (ts: number, key = secret) => hmacSha256Hex(key, `${ts}.${body.toString()}`);

	test('a valid header; any of several v1 matches (secret rotation); spaces tolerated', () => {
		expect(verifyInbox(body, `t=${t},v1=${v1(t)}`, secret, now)).toEqual({ ok: true });
		expect(verifyInbox(body, `t=${t},v1=${v1(t, 'old')},v1=${v1(t)}`, secret, now).ok).toBe(true);
		expect(verifyInbox(body, `t=${t}, v1=${v1(t)}`, secret, now).ok).toBe(true);
	});

	test('window: 300 s either way is accepted, 301 s is refused as stale', () => {
		expect(verifyInbox(body, `t=${t - 300},v1=${v1(t - 300)}`, secret, now).ok).toBe(true);
		expect(verifyInbox(body, `t=${t + 300},v1=${v1(t + 300)}`, secret, now).ok).toBe(true);
		expect(verifyInbox(body, `t=${t - 301},v1=${v1(t - 301)}`, secret, now)).toEqual({
			ok: false,
			reason: 'X-Inbox-Signature timestamp is more than 300 s from now (stale or replayed)',
		});
		expect(verifyInbox(body, `t=${t + 301},v1=${v1(t + 301)}`, secret, now).ok).toBe(false);
	});

	test('a signature moved to another timestamp, a tampered body, a missing part are refused', () => {
		expect(verifyInbox(body, `t=${t + 1},v1=${v1(t)}`, secret, now).ok).toBe(false);
		expect(verifyInbox(Buffer.from('{"id":"evt2"}'), `t=${t},v1=${v1(t)}`, secret, now).ok).toBe(false);
		expect(verifyInbox(body, `v1=${v1(t)}`, secret, now)).toEqual({ ok: false, reason: 'X-Inbox-Signature has no t= timestamp' });
		expect(verifyInbox(body, `t=${t}`, secret, now)).toEqual({ ok: false, reason: 'X-Inbox-Signature has no v1= signature' });
		expect(verifyInbox(body, undefined, secret, now)).toEqual({ ok: false, reason: 'no X-Inbox-Signature header' });
	});

	test('withinWindow refuses a non-number', () => {
		expect(withinWindow(NaN, now, 300)).toBe(false);
	});
});

describe('public-key signatures (HighLevel): RSA-SHA256 and Ed25519, with keys generated here', () => {
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const ed = generateKeyPairSync('ed25519');
	const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const edPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const keys = { rsa: [{ key: parsePublicKey(rsaPem)!, name: 'the test RSA key' }], ed25519: [{ key: parsePublicKey(edPem)!, name: 'the test Ed25519 key' }] };
	const BY_RSA = { ok: true, by: 'x-wh-signature (RSA-SHA256, legacy) with the test RSA key' };
	const BY_ED = { ok: true, by: 'x-ghl-signature (Ed25519) with the test Ed25519 key' };
	const payload = { type: 'InboundMessage', webhookId: 'w1', body: 'héllo' };
	// Spacing HighLevel's serialiser may not use: the raw bytes differ from JSON.stringify(parsed).
	const raw = Buffer.from(JSON.stringify(payload, null, 1));
	const rsaSign = (data: Buffer) => sign('sha256', data, rsa.privateKey).toString('base64');
	const edSign = (data: Buffer) => sign(null, data, ed.privateKey).toString('base64');

	test("HighLevel's published RSA key parses; a bare base64 key body parses too; junk does not", () => {
		expect(parsePublicKey(HIGHLEVEL_PUBLIC_KEY)?.asymmetricKeyType).toBe('rsa');
		const bare = edPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
		expect(parsePublicKey(bare)?.asymmetricKeyType).toBe('ed25519');
		expect(parsePublicKey('not a key')).toBeUndefined();
		expect(parsePublicKey('')).toBeUndefined();
	});

	test('x-wh-signature (RSA) over the raw body, or over JSON.stringify(parsed body)', () => {
		expect(verifyHighLevel(raw, payload, { wh: rsaSign(raw) }, keys)).toEqual(BY_RSA);
		expect(verifyHighLevel(raw, payload, { wh: rsaSign(Buffer.from(JSON.stringify(payload))) }, keys)).toEqual(BY_RSA);
	});

	test('x-ghl-signature (Ed25519) is checked first; a bad one falls back to a good x-wh-signature', () => {
		expect(verifyHighLevel(raw, payload, { ghl: edSign(raw) }, keys)).toEqual(BY_ED);
		expect(verifyHighLevel(raw, payload, { ghl: edSign(Buffer.from(JSON.stringify(payload))) }, keys)).toEqual(BY_ED);
		expect(verifyHighLevel(raw, payload, { ghl: edSign(Buffer.from('x')), wh: rsaSign(raw) }, keys)).toEqual(BY_RSA);
		expect(verifyHighLevel(raw, payload, { ghl: edSign(Buffer.from('x')) }, keys).ok).toBe(false);
	});

	test('tampered, wrong key, no key configured, no header: refused with a reason', () => {
		const tampered = Buffer.from(raw.toString().replace('héllo', 'hello'));
		expect(verifyHighLevel(tampered, { ...payload, body: 'hello' }, { wh: rsaSign(raw) }, keys).ok).toBe(false);
		const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
		expect(
			verifyHighLevel(raw, payload, { wh: sign('sha256', raw, stranger.privateKey).toString('base64') }, keys),
		).toEqual({ ok: false, reason: 'x-wh-signature does not match the body with the test RSA key' });
		expect(verifyHighLevel(raw, payload, { ghl: edSign(raw) }, { rsa: keys.rsa, ed25519: [] })).toEqual({
			ok: false,
			reason: 'x-ghl-signature given, but no Ed25519 public key is configured',
		});
		expect(verifyHighLevel(raw, payload, { wh: rsaSign(raw) }, { rsa: [], ed25519: keys.ed25519 })).toEqual({
			ok: false,
			reason: 'x-wh-signature given, but no RSA public key is configured',
		});
		expect(verifyHighLevel(raw, payload, {}, keys)).toEqual({ ok: false, reason: 'no x-ghl-signature header (nor the legacy x-wh-signature)' });
		expect(verifyHighLevel(raw, payload, { wh: 'not-base64!!' }, keys).ok).toBe(false);
	});

	test("an Ed25519 signature is not accepted under an RSA key's header (key types do not mix)", () => {
		expect(verifyHighLevel(raw, payload, { wh: edSign(raw) }, keys).ok).toBe(false);
	});
});

describe('ReplayGuard (duplicate detection), with an injected clock', () => {
	test('first sighting only; again after the TTL; bounded size drops the oldest', () => {
		let now = 0;
		const guard = new ReplayGuard(1000, 3, () => now);
		expect(guard.firstSighting('a')).toBe(true);
		expect(guard.firstSighting('a')).toBe(false);
		now = 999;
		expect(guard.firstSighting('a')).toBe(false);
		now = 1000;
		expect(guard.firstSighting('a')).toBe(true);
		['b', 'c', 'd'].forEach((id) => expect(guard.firstSighting(id)).toBe(true));
		expect(guard.size).toBe(3);
		expect(guard.firstSighting('a')).toBe(true); // 'a' was the oldest, dropped for 'd'
		expect(guard.firstSighting('d')).toBe(false);
	});

	test('expired entries are dropped as new ones come, so memory follows the rate, not the history', () => {
		let now = 0;
		const guard = new ReplayGuard(100, 1_000_000, () => now);
		for (let i = 0; i < 1000; i++) {
			now = i * 10;
			guard.firstSighting(`e${i}`);
		}
		expect(guard.size).toBeLessThanOrEqual(11);
	});

	test('each workflow+node has its own guard', () => {
		expect(replayGuardFor('wf1', 'n1')).toBe(replayGuardFor('wf1', 'n1'));
		expect(replayGuardFor('wf1', 'n1')).not.toBe(replayGuardFor('wf2', 'n1'));
		expect(replayGuardFor('wf1', 'n1')).not.toBe(replayGuardFor('wf1', 'n2'));
	});
});
