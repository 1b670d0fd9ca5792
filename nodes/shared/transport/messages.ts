import type { IDataObject, INode } from 'n8n-workflow';

import { apiFailure, vendorMessage } from '../errors';
import type { Delivery } from '../errors';
import { headerText } from './headers';
import type { Outcome } from './outcome';
import type { Settled } from './retry';
import type { Api, ApiRequest } from './types';

/**
 * The one table from an Outcome to the user's message: what happened, whether it may have
 * been delivered, and what to check. Every description starts with the verdict ("Not
 * delivered", "May have been delivered"): the user must know it before sending again.
 */

interface Told {
	api: Api;
	request: ApiRequest;
	settled: Settled;
	name: string;
	where: string;
	status: number;
	headers: IDataObject;
	body: unknown;
	said?: string;
}

interface Words {
	message: string;
	description: string;
	delivery: Delivery;
}

/** What was done about an unknown outcome: not retried, or retried (a read, or with the same key) in vain. */
function retried({ settled, request }: Told): string {
	if (settled.attempts === 1) return 'It was not retried automatically, to avoid sending it twice.';
	const how = request.idempotencyKey === undefined ? '' : ' with the same idempotency key';
	return `It was sent ${settled.attempts} times${how}, and no answer confirmed it.`;
}

function redirected(told: Told, notProcessed: boolean): Words {
	const { name, where, status } = told;
	const location = headerText(told.headers, 'location');
	return {
		message: `${name} redirected the request (HTTP ${status})${location ? ` to ${location}` : ''}`,
		description:
			(notProcessed
				? `Not delivered: ${name} answered ${where} with HTTP ${status}, which asks for it to be sent elsewhere.`
				: `May have been delivered: ${name} answered ${where} with HTTP ${status}.`) +
			' Redirects are not followed, so that a message is never sent a second time to an address you did not set. Check the credential\'s Base URL.',
		delivery: notProcessed ? 'no' : 'unknown',
	};
}

function rejected({ name, where, status, said }: Told): Words {
	const hint =
		status === 401 || status === 403
			? ` Check the ${name} credential.`
			: status === 404
				? ' Check the IDs used (and the credential\'s Base URL).'
				: '';
	return {
		message: said ?? `${name} rejected the request (HTTP ${status})`,
		description: `Not delivered: ${name} answered HTTP ${status} to ${where}.${hint}`,
		delivery: 'no',
	};
}

/** The text of a body that did not confirm the message, short enough to read. */
function shown(body: unknown): string {
	return typeof body === 'string'
		? `"${body.replace(/\s+/g, ' ').trim().slice(0, 80)}"`
		: JSON.stringify(body ?? null).slice(0, 200);
}

function mayHaveBeen(told: Told, what: string, reached: string): Words {
	// A read changes nothing at the vendor: there is nothing that may have been delivered.
	if (told.request.method === 'GET') {
		const tries = told.settled.attempts === 1 ? 'once' : `${told.settled.attempts} times`;
		return { message: what, description: `Not read: ${told.where} at ${told.api.baseUrl} was tried ${tries}. A read changes nothing, so it can be run again later.`, delivery: 'no' };
	}
	return {
		message: what,
		description: `May have been delivered: ${reached} ${retried(told)} Check ${told.name} before sending it again.`,
		delivery: 'unknown',
	};
}

const REFUSED: Record<Extract<Outcome, { kind: 'refused' }>['why'], (told: Told, outcome: Extract<Outcome, { kind: 'refused' }>) => Words> = {
	rejected,
	redirect: (told) => redirected(told, true),
	errorBody: ({ name, where, status, said }) => ({
		message: said ?? `${name} reported an error`,
		description: `Not delivered: ${name} answered HTTP ${status} to ${where}, and its body reported an error.`,
		delivery: 'no',
	}),
	notConnected: ({ name, where, api }, { code }) => ({
		message: `Could not connect to ${name} (${code})`,
		description: `Not delivered: ${where} at ${api.baseUrl} could not be reached, so nothing was sent. Check the credential's Base URL and the network.`,
		delivery: 'no',
	}),
	signIn: ({ name, where }, { said }) => ({
		message: `Could not sign in to ${name} with the OAuth2 credential: ${said}`,
		description: `Not delivered: n8n had no valid access token for ${where} (${name} refused the old one, or the credential is not connected). Open the credential and reconnect it.`,
		delivery: 'no',
	}),
	notYet: ({ name, where, status, said, settled }) => ({
		message: said ?? `${name} had not processed the request yet (HTTP ${status})`,
		description: `Not delivered: ${name} answered HTTP ${status} to ${where} ${settled.attempts} times, saying it had not processed it yet. Raise "Max Rate-Limit Wait" to wait longer.`,
		delivery: 'no',
	}),
};

const UNKNOWN: Record<Extract<Outcome, { kind: 'unknown' }>['why'], (told: Told, outcome: Extract<Outcome, { kind: 'unknown' }>) => Words> = {
	serverError: (told) =>
		mayHaveBeen(
			told,
			told.said ?? `${told.name} answered with a server error (HTTP ${told.status})`,
			`${told.name} answered HTTP ${told.status} to ${told.where}, so it may have processed it.`,
		),
	timeout: (told) =>
		mayHaveBeen(told, `${told.name} did not answer within ${told.api.limits.timeoutMs} ms`, `${told.where} at ${told.api.baseUrl} may have reached ${told.name}.`),
	dropped: (told, { code }) =>
		mayHaveBeen(
			told,
			`The connection to ${told.name} failed after the request was sent (${code ?? 'unknown network error'})`,
			`${told.where} at ${told.api.baseUrl} may have reached ${told.name}.`,
		),
	redirect: (told) => redirected(told, false),
	unconfirmed: ({ name, where, status, body, request }) => ({
		message: `${name} answered HTTP ${status} without confirming the message`,
		description:
			`May have been delivered: ${where} was answered HTTP ${status}, but not with ${request.proof?.expected ?? 'a confirmation'}; got ${shown(body)}. ` +
			`It was not sent again automatically. A proxy or a wrong Base URL in the credential answers like this: check it, and check ${name} before sending again.`,
		delivery: 'unknown',
	}),
};

function rateLimited({ name, where, status, settled }: Told): Words {
	return {
		message: `${name} is still rate limiting after ${Math.round(settled.waitedMs / 1000)} s of waiting`,
		description: `Not delivered: ${where} was answered HTTP ${status} (rate limit) each time. Raise "Max Rate-Limit Wait" or lower "Max Requests per Second" in the node's options.`,
		delivery: 'no',
	};
}

/** The error for a request that ended without being delivered. */
export function failureOf(node: INode, api: Api, request: ApiRequest, settled: Settled, itemIndex?: number) {
	const { outcome } = settled;
	const answer = outcome.kind === 'delivered' ? undefined : outcome.answer;
	const told: Told = {
		api,
		request,
		settled,
		name: api.service.name,
		where: `${request.method} ${request.path}`,
		status: answer?.status ?? 0,
		headers: answer?.headers ?? {},
		body: answer?.body,
		said: answer && vendorMessage(answer.body),
	};
	const words =
		outcome.kind === 'refused'
			? REFUSED[outcome.why](told, outcome)
			: outcome.kind === 'unknown'
				? UNKNOWN[outcome.why](told, outcome)
				: rateLimited(told);
	return apiFailure(node, { ...words, httpCode: answer?.status, itemIndex, body: answer?.body }, api.secrets);
}
