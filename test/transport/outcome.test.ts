import { limiterFor, Pacer } from '../../nodes/shared/rateLimiter';
import { INBOX } from '../../nodes/shared/services';
import { DEFAULT_LIMITS } from '../../nodes/shared/transport';
import type { Api, RequestContext } from '../../nodes/shared/transport';
import { sendOnce } from '../../nodes/shared/transport/attempt';
import { signInProblem, statusOnlyAnswer } from '../../nodes/shared/transport/outcome';

/**
 * How an attempt reads what n8n threw (nodes/shared/transport/outcome.ts, attempt.ts) when the
 * error is shaped as n8n 1.x shapes it. The engine these tests run in is n8n 2.x, whose errors
 * keep the HTTP response as their `cause`; n8n 1.x's NodeApiError keeps only `httpCode` and
 * `context.data`. So here the request helper is a stand-in that throws that shape; the real
 * n8n 1.x host runs the OAuth2 cases end to end (test/e2e).
 */
describe('an answer n8n 1.x reports with its status only', () => {
	test('a three-digit httpCode is the status, context.data the body, and there are no headers', () => {
		expect(statusOnlyAnswer({ httpCode: '404', context: { data: { message: 'Conversation not found' } } })).toEqual({
			status: 404,
			headers: {},
			body: { message: 'Conversation not found' },
		});
		expect(statusOnlyAnswer({ httpCode: '503' })).toEqual({ status: 503, headers: {}, body: undefined });
	});

	test.each([['a number', 404], ['two digits', '40'], ['four digits', '4040'], ['text before', 'x404'], ['text after', '404x'], ['not digits', 'abc'], ['absent', undefined]])(
		'an httpCode that is %s is no answer',
		(_what, httpCode) => {
			expect(statusOnlyAnswer({ httpCode })).toBeUndefined();
		},
	);

	test('no error, no answer', () => {
		expect(statusOnlyAnswer(undefined)).toBeUndefined();
		expect(statusOnlyAnswer(null)).toBeUndefined();
	});
});

describe('why n8n could not sign a request', () => {
	test.each([
		['EAUTH with its message', { code: 'EAUTH', message: 'invalid_grant' }, 'invalid_grant'],
		['EAUTH without a message: the code', { code: 'EAUTH' }, 'EAUTH'],
		['ESTATUS with a message that is not text: the code', { code: 'ESTATUS', message: 42 }, 'ESTATUS'],
		['not connected', { message: 'OAuth credentials not connected' }, 'OAuth credentials not connected'],
		['no refresh token, any case', { message: 'No Refresh Token found' }, 'No Refresh Token found'],
		['an invalid credential', { message: 'needs to be reconnected', failure: { cause: 'credential-invalid' } }, 'needs to be reconnected'],
		['deeper in the cause chain', { message: 'outer', cause: { code: 'EAUTH', message: 'inner' } }, 'inner'],
	])('%s', (_what, error, said) => {
		expect(signInProblem(error)).toBe(said);
	});

	test('anything else is not a sign-in problem', () => {
		expect(signInProblem({ code: 'ECONNRESET', message: 'socket hang up' })).toBeUndefined();
		expect(signInProblem(new Error('Request failed with status code 500'))).toBeUndefined();
	});
});

describe('one attempt, when n8n throws the 1.x shape', () => {
	let runs = 0;
	function session(oAuth2: boolean): Api {
		return {
			service: INBOX,
			credentials: { id: 'c1', name: 'Inbox', type: INBOX.credentialType, data: {} },
			oAuth2,
			baseUrl: 'http://127.0.0.1:9',
			secrets: [],
			limiter: limiterFor(`outcome-test|${runs++}`),
			pacer: new Pacer(0),
			limits: DEFAULT_LIMITS,
		};
	}
	const throwing = (thrown: unknown) => ({ helpers: { httpRequestWithAuthentication: async () => await Promise.reject(thrown) } }) as unknown as RequestContext;
	const attempt = async (oAuth2: boolean, thrown: unknown) =>
		(await sendOnce(throwing(thrown), session(oAuth2), { method: 'POST', path: '/threads/t1/messages' }, { url: 'http://127.0.0.1:9/threads/t1/messages' }, 0)).outcome;

	test('with OAuth2, a status-only 404 is the API refusing the request, with its body', async () => {
		const body = { message: 'Thread not found' };
		expect(await attempt(true, { httpCode: '404', context: { data: body }, message: 'Not found' })).toEqual({
			kind: 'refused',
			why: 'rejected',
			answer: { status: 404, headers: {}, body },
		});
	});

	test('with OAuth2, a status-only 500 may have been processed', async () => {
		expect(await attempt(true, { httpCode: '500', message: 'Internal' })).toMatchObject({ kind: 'unknown', why: 'serverError', answer: { status: 500 } });
	});

	test('with OAuth2, a sign-in problem is told as one even when it carries a 401', async () => {
		expect(await attempt(true, { httpCode: '401', code: 'EAUTH', message: 'invalid_grant' })).toEqual({ kind: 'refused', why: 'signIn', said: 'invalid_grant' });
	});

	test('without OAuth2 every answer comes back as one, so a thrown httpCode is a failure to reach the API, judged by its network code', async () => {
		expect(await attempt(false, { httpCode: '404', message: 'Not found' })).toEqual({ kind: 'unknown', why: 'dropped', code: undefined, final: false });
		expect(await attempt(false, { httpCode: '500', code: 'ECONNREFUSED' })).toEqual({ kind: 'refused', why: 'notConnected', code: 'ECONNREFUSED' });
	});
});
