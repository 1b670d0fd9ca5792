import type { INode } from 'n8n-workflow';

import { limiterFor, Pacer } from '../../nodes/shared/rateLimiter';
import { INBOX } from '../../nodes/shared/services';
import { DEFAULT_LIMITS, idProof } from '../../nodes/shared/transport';
import type { Api, ApiRequest, Outcome } from '../../nodes/shared/transport';
import { failureOf } from '../../nodes/shared/transport/messages';

/**
 * The one table from an Outcome to the user's words (nodes/shared/transport/messages.ts), row by
 * row: the message, the description that starts with the verdict, and the delivery verdict the
 * item loop reports. The engine tests check these words through real requests for the common
 * cases; this checks every row, including the ones a mock cannot easily reach (a 301 on a
 * write, a sign-in refused, a dropped connection without a code).
 */
const node: INode = { id: 'n1', name: 'Inbox', type: 'n8n-nodes-omnichannel.inbox', typeVersion: 2, position: [0, 0], parameters: {} };
const api: Api = {
	service: INBOX,
	credentials: { id: 'c1', name: 'Inbox', type: INBOX.credentialType, data: {} },
	oAuth2: false,
	baseUrl: 'http://127.0.0.1:9/api',
	secrets: ['tok_secret_7'],
	limiter: limiterFor('messages-test'),
	pacer: new Pacer(0),
	limits: { ...DEFAULT_LIMITS, timeoutMs: 2500 },
};
const POST: ApiRequest = { method: 'POST', path: '/threads/t1/messages', proof: idProof("the created message's id", (body) => body.id) };
const GET: ApiRequest = { method: 'GET', path: '/threads/t1' };
const answer = (status: number, body?: unknown, headers = {}) => ({ status, headers, body });

function told(outcome: Outcome, request = POST, attempts = 1, waitedMs = 0) {
	const error = failureOf(node, api, request, { outcome, attempts, waitedMs }, 3);
	return { message: error.message, description: error.description, delivery: error.context.delivery, httpCode: error.httpCode, itemIndex: error.context.itemIndex };
}

describe('refused: not delivered', () => {
	test.each([
		[401, ' Check the Inbox credential.'],
		[403, ' Check the Inbox credential.'],
		[404, " Check the IDs used (and the credential's Base URL)."],
		[422, ''],
	])('HTTP %i, with the hint that fits', (status, hint) => {
		expect(told({ kind: 'refused', why: 'rejected', answer: answer(status) })).toEqual({
			message: `Inbox rejected the request (HTTP ${status})`,
			description: `Not delivered: Inbox answered HTTP ${status} to POST /threads/t1/messages.${hint}`,
			delivery: 'no',
			httpCode: String(status),
			itemIndex: 3,
		});
	});

	test("the vendor's own words are the message, with any secret in them hidden", () => {
		expect(told({ kind: 'refused', why: 'rejected', answer: answer(400, { message: 'Bad token tok_secret_7' }) }).message).toBe('Bad token [redacted]');
	});

	test('a redirect that asks for the request elsewhere', () => {
		expect(told({ kind: 'refused', why: 'redirect', answer: answer(301, undefined, { location: 'https://elsewhere.example/x' }) })).toMatchObject({
			message: 'Inbox redirected the request (HTTP 301) to https://elsewhere.example/x',
			description:
				"Not delivered: Inbox answered POST /threads/t1/messages with HTTP 301, which asks for it to be sent elsewhere. Redirects are not followed, so that a message is never sent a second time to an address you did not set. Check the credential's Base URL.",
			delivery: 'no',
		});
	});

	test('an error body in a 2xx', () => {
		expect(told({ kind: 'refused', why: 'errorBody', answer: answer(200, { status: 'error' }) })).toMatchObject({
			message: 'Inbox reported an error',
			description: 'Not delivered: Inbox answered HTTP 200 to POST /threads/t1/messages, and its body reported an error.',
			delivery: 'no',
		});
		expect(told({ kind: 'refused', why: 'errorBody', answer: answer(200, { status: 'error', message: 'Number blocked' }) }).message).toBe('Number blocked');
	});

	test('no connection', () => {
		expect(told({ kind: 'refused', why: 'notConnected', code: 'ECONNREFUSED' })).toEqual({
			message: 'Could not connect to Inbox (ECONNREFUSED)',
			description: "Not delivered: POST /threads/t1/messages at http://127.0.0.1:9/api could not be reached, so nothing was sent. Check the credential's Base URL and the network.",
			delivery: 'no',
			httpCode: null,
			itemIndex: 3,
		});
	});

	test('no valid OAuth2 token', () => {
		expect(told({ kind: 'refused', why: 'signIn', said: 'invalid_grant' })).toMatchObject({
			message: 'Could not sign in to Inbox with the OAuth2 credential: invalid_grant',
			description:
				'Not delivered: n8n had no valid access token for POST /threads/t1/messages (Inbox refused the old one, or the credential is not connected). Open the credential and reconnect it.',
			delivery: 'no',
		});
	});

	test('not processed yet, each time it was tried', () => {
		expect(told({ kind: 'refused', why: 'notYet', answer: answer(409) }, POST, 4)).toMatchObject({
			message: 'Inbox had not processed the request yet (HTTP 409)',
			description:
				'Not delivered: Inbox answered HTTP 409 to POST /threads/t1/messages 4 times, saying it had not processed it yet. Raise "Max Rate-Limit Wait" to wait longer.',
			delivery: 'no',
		});
		expect(told({ kind: 'refused', why: 'notYet', answer: answer(409, { message: 'Send in progress' }) }).message).toBe('Send in progress');
	});
});

describe('unknown: it may have been delivered', () => {
	const serverError: Outcome = { kind: 'unknown', why: 'serverError', answer: answer(502), final: false };

	test('a server error on a write sent once', () => {
		expect(told(serverError)).toMatchObject({
			message: 'Inbox answered with a server error (HTTP 502)',
			description:
				'May have been delivered: Inbox answered HTTP 502 to POST /threads/t1/messages, so it may have processed it. It was not retried automatically, to avoid sending it twice. Check Inbox before sending it again.',
			delivery: 'unknown',
		});
	});

	test('a server error on a write sent again with its idempotency key, and without one', () => {
		const keyed = told(serverError, { ...POST, idempotencyKey: 'k1' }, 4).description;
		expect(keyed).toContain('It was sent 4 times with the same idempotency key, and no answer confirmed it.');
		expect(told(serverError, POST, 2).description).toContain('It was sent 2 times, and no answer confirmed it.');
	});

	test('a read that failed is not read, and says how often it was tried', () => {
		expect(told(serverError, GET)).toMatchObject({
			description: 'Not read: GET /threads/t1 at http://127.0.0.1:9/api was tried once. A read changes nothing, so it can be run again later.',
			delivery: 'no',
		});
		expect(told(serverError, GET, 4).description).toBe('Not read: GET /threads/t1 at http://127.0.0.1:9/api was tried 4 times. A read changes nothing, so it can be run again later.');
	});

	test('a timeout', () => {
		expect(told({ kind: 'unknown', why: 'timeout', code: 'ETIMEDOUT', final: false })).toMatchObject({
			message: 'Inbox did not answer within 2500 ms',
			description:
				'May have been delivered: POST /threads/t1/messages at http://127.0.0.1:9/api may have reached Inbox. It was not retried automatically, to avoid sending it twice. Check Inbox before sending it again.',
			delivery: 'unknown',
		});
	});

	test('a dropped connection, with its code or without one', () => {
		expect(told({ kind: 'unknown', why: 'dropped', code: 'ECONNRESET', final: false }).message).toBe('The connection to Inbox failed after the request was sent (ECONNRESET)');
		expect(told({ kind: 'unknown', why: 'dropped', final: false })).toMatchObject({
			message: 'The connection to Inbox failed after the request was sent (unknown network error)',
			delivery: 'unknown',
		});
	});

	test('a redirect that may have been acted on', () => {
		expect(told({ kind: 'unknown', why: 'redirect', answer: answer(302), final: false })).toMatchObject({
			message: 'Inbox redirected the request (HTTP 302)',
			description:
				"May have been delivered: Inbox answered POST /threads/t1/messages with HTTP 302. Redirects are not followed, so that a message is never sent a second time to an address you did not set. Check the credential's Base URL.",
			delivery: 'unknown',
		});
	});

	test('a 2xx without the proof: what it lacked and what it held', () => {
		expect(told({ kind: 'unknown', why: 'unconfirmed', answer: answer(200, '  <html>\n  Sign in  </html> '), final: false })).toMatchObject({
			message: 'Inbox answered HTTP 200 without confirming the message',
			description:
				"May have been delivered: POST /threads/t1/messages was answered HTTP 200, but not with the created message's id; got \"<html> Sign in </html>\". It was not sent again automatically. A proxy or a wrong Base URL in the credential answers like this: check it, and check Inbox before sending again.",
			delivery: 'unknown',
		});
		const withoutProof = told({ kind: 'unknown', why: 'unconfirmed', answer: answer(202, { state: 'pending' }), final: false }, { method: 'POST', path: '/x' });
		expect(withoutProof.description).toContain('but not with a confirmation; got {"state":"pending"}.');
		expect(told({ kind: 'unknown', why: 'unconfirmed', answer: answer(204), final: false }).description).toContain('got null.');
	});
});

test('still rate limited when the wait ran out', () => {
	expect(told({ kind: 'rateLimited', answer: answer(429), waitMs: 1000 }, POST, 9, 301_400)).toEqual({
		message: 'Inbox is still rate limiting after 301 s of waiting',
		description:
			'Not delivered: POST /threads/t1/messages was answered HTTP 429 (rate limit) each time. Raise "Max Rate-Limit Wait" or lower "Max Requests per Second" in the node\'s options.',
		delivery: 'no',
		httpCode: '429',
		itemIndex: 3,
	});
});
