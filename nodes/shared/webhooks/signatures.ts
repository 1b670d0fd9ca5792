import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * The signature checks of the three triggers. Every check answers a reason when it fails
 * (logged by the trigger, never with the secret) and compares in constant time: a byte-by-byte
 * `===` on a signature leaks how many leading characters were right.
 */

/** `by`: which signature and key proved the delivery, for the log (never a secret). */
export type Verdict = { ok: true; by?: string } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

export function hmacSha256Hex(secret: string, data: Buffer | string): string {
	return createHmac('sha256', secret).update(data).digest('hex');
}

/** Constant-time equality of two strings (different lengths are unequal at once: the length is no secret). */
export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

/** Sociocs: `X-Sociocs-Signature` = hex HMAC-SHA256 of the raw body with the subscription's secret. */
export function verifySociocs(rawBody: Buffer, header: string | undefined, secret: string): Verdict {
	if (!header) return refuse('no X-Sociocs-Signature header');
	const expected = hmacSha256Hex(secret, rawBody);
	return safeEqual(header.trim().toLowerCase(), expected) ? OK : refuse('X-Sociocs-Signature does not match the body');
}

/** Inside `windowSeconds` of now (both directions: a clock ahead of ours is as suspect as one behind). */
export function withinWindow(timestampMs: number, nowMs: number, windowSeconds: number): boolean {
	return Number.isFinite(timestampMs) && Math.abs(nowMs - timestampMs) <= windowSeconds * 1000;
}

export const INBOX_WINDOW_SECONDS = 300;

/**
 * Inbox: `X-Inbox-Signature: t=<unix s>,v1=<hex>[,v1=<hex>...]`, each v1 the hex HMAC-SHA256 of
 * `"<t>.<raw body>"`. Several v1 appear while Inbox rotates a secret: any match is enough.
 */
export function verifyInbox(
	rawBody: Buffer,
	header: string | undefined,
	secret: string,
	nowMs: number,
	windowSeconds = INBOX_WINDOW_SECONDS,
): Verdict {
	if (!header) return refuse('no X-Inbox-Signature header');
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const at = part.indexOf('=');
		const key = part.slice(0, at).trim();
		const value = part.slice(at + 1).trim();
		if (key === 't') timestamp = value;
		else if (key === 'v1') signatures.push(value.toLowerCase());
	}
	if (!timestamp || !/^\d+$/.test(timestamp)) return refuse('X-Inbox-Signature has no t= timestamp');
	if (signatures.length === 0) return refuse('X-Inbox-Signature has no v1= signature');
	if (!withinWindow(Number(timestamp) * 1000, nowMs, windowSeconds)) {
		return refuse(`X-Inbox-Signature timestamp is more than ${windowSeconds} s from now (stale or replayed)`);
	}
	const expected = hmacSha256Hex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]));
	// Every candidate is compared (no early exit), so the time taken does not say which one matched.
	let matched = false;
	for (const signature of signatures) matched = safeEqual(signature, expected) || matched;
	return matched ? OK : refuse('no v1= signature in X-Inbox-Signature matches the body');
}

/** A PEM public key (or a bare base64 body of one) as a key object; undefined when it is not a key. */
export function parsePublicKey(text: string): KeyObject | undefined {
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	const pem = trimmed.includes('-----BEGIN')
		? trimmed
		: `-----BEGIN PUBLIC KEY-----\n${trimmed.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----`;
	try {
		return createPublicKey(pem);
	} catch {
		return undefined;
	}
}

/** RSA-SHA256 (PKCS#1 v1.5) or Ed25519 over `data`, by the key's type; the signature is base64. */
export function verifyWithKey(key: KeyObject, data: Buffer, signatureBase64: string): boolean {
	const signature = Buffer.from(signatureBase64.trim(), 'base64');
	if (signature.length === 0) return false;
	try {
		return key.asymmetricKeyType === 'ed25519'
			? verifySignature(null, data, key, signature)
			: verifySignature('sha256', data, key, signature);
	} catch {
		return false;
	}
}

/** A public key with the words the log uses for it (a public key is no secret). */
export interface NamedKey {
	key: KeyObject;
	name: string;
}

export interface HighLevelKeys {
	/** Keys for `x-ghl-signature` (Ed25519): HighLevel's published key unless the user set others. */
	ed25519: NamedKey[];
	/** Keys for the legacy `x-wh-signature` (RSA-SHA256); HighLevel's published key by default. */
	rsa: NamedKey[];
}

/** An Ed25519 signature is 64 bytes: anything else is refused as malformed before any key is tried. */
const ED25519_SIGNATURE_BYTES = 64;

function keysInWords(keys: NamedKey[], kind: string): string {
	return keys.length === 1 ? keys[0].name : `the ${keys.length} configured ${kind} keys`;
}

/**
 * HighLevel: `x-ghl-signature` (Ed25519, what HighLevel sends today) first, then the legacy
 * `x-wh-signature` (RSA-SHA256) for older deliveries. Each over the raw body first, then over
 * `JSON.stringify(parsed body)`, which is what HighLevel's own sample verifies. A good verdict
 * says which header and key proved it; a refusal names the missing header or every check that
 * failed.
 */
export function verifyHighLevel(
	rawBody: Buffer,
	parsedBody: unknown,
	headers: { ghl?: string; wh?: string },
	keys: HighLevelKeys,
): Verdict {
	const payloads = [rawBody];
	const serialised = Buffer.from(JSON.stringify(parsedBody ?? null));
	if (!serialised.equals(rawBody)) payloads.push(serialised);
	const matching = (candidates: NamedKey[], signature: string) =>
		candidates.find(({ key }) => payloads.some((payload) => verifyWithKey(key, payload, signature)));

	const failed: string[] = [];
	if (headers.ghl) {
		const wellFormed = Buffer.from(headers.ghl.trim(), 'base64').length === ED25519_SIGNATURE_BYTES;
		const found = wellFormed ? matching(keys.ed25519, headers.ghl) : undefined;
		if (found) return { ok: true, by: `x-ghl-signature (Ed25519) with ${found.name}` };
		failed.push(
			!wellFormed
				? `x-ghl-signature is not a base64 Ed25519 signature (${ED25519_SIGNATURE_BYTES} bytes)`
				: keys.ed25519.length === 0
					? 'x-ghl-signature given, but no Ed25519 public key is configured'
					: `x-ghl-signature does not match the body with ${keysInWords(keys.ed25519, 'Ed25519')}`,
		);
	}
	if (headers.wh) {
		const found = matching(keys.rsa, headers.wh);
		if (found) return { ok: true, by: `x-wh-signature (RSA-SHA256, legacy) with ${found.name}` };
		failed.push(
			keys.rsa.length === 0
				? 'x-wh-signature given, but no RSA public key is configured'
				: `x-wh-signature does not match the body with ${keysInWords(keys.rsa, 'RSA')}`,
		);
	}
	if (failed.length === 0) return refuse('no x-ghl-signature header (nor the legacy x-wh-signature)');
	return refuse(failed.join('; '));
}
