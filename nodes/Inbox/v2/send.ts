import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';
import type { Outgoing } from '../../shared/items';
import { apiRequestFull, idProof } from '../../shared/transport';
import type { Api, ApiAnswer, ApiRequest, ReleaseSlotWhile } from '../../shared/transport';
import { INBOX_ID } from '../ids';
import { withAdvice } from './refusals';

/** Where a v2 send goes (`POST /messages` `target`). */
export type Target =
	| { type: 'thread'; threadId: string }
	| { type: 'contact'; accountLinkId: string; contactId: string }
	| { type: 'profile'; accountLinkId: string; platform: string; platformId: string };

export interface Send {
	target: Target;
	content: string;
	replyToMessageId?: string;
}

/** The body of `POST /messages`: pure, optional fields left out rather than sent empty. */
export function sendBody(send: Send): IDataObject {
	const body: IDataObject = { target: { ...send.target }, content: send.content };
	if (send.replyToMessageId) body.replyToMessageId = send.replyToMessageId;
	return body;
}

/** A v2 send answers `{ message, thread }`: the message's id proves it was sent. */
export const SENT = idProof('the sent message\'s id (message.id)', (body) => (body.message as IDataObject | undefined)?.id, INBOX_ID);

/** What v2 accepts as an Idempotency-Key. */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;
const KEY_EXPECTED = '1 to 255 printable ASCII characters (letters, digits, punctuation, spaces)';

/** Keys given by the user in this node run, with the item and the message each went with. */
const givenKeys = new WeakMap<IExecuteFunctions, Map<string, { itemIndex: number; body: string }>>();

/**
 * The item's Idempotency-Key. By default it is made of the execution, the node and the item, so
 * every retry inside this run (ours, or n8n's Retry On Fail) is the same send for Inbox. The
 * Idempotency Key option (e.g. `{{ $json.orderId }}`) stays the same across runs, so a re-run of
 * the whole workflow is answered with the original sends instead of sending again.
 */
export function idempotencyKeyOf(ctx: IExecuteFunctions, fields: ItemFields, sameMessage: unknown): string {
	const own = fields.text('options.idempotencyKey', 'Idempotency Key')?.trim();
	if (own === undefined) {
		const run = ctx.getExecutionId() || 'run';
		const node = ctx.getNode();
		return `n8n:${run}:${node.id || node.name}:${fields.itemIndex}`;
	}
	if (!IDEMPOTENCY_KEY.test(own)) fields.fail('Idempotency Key', KEY_EXPECTED, own);
	let seen = givenKeys.get(ctx);
	if (!seen) givenKeys.set(ctx, (seen = new Map()));
	const body = JSON.stringify(sameMessage);
	const earlier = seen.get(own);
	// Inbox would refuse the second (422 idempotencyKeyReused) after the first went out: say so now.
	if (earlier && earlier.body !== body) {
		fields.fail('Idempotency Key', `a key that no other item with a different message uses (item ${earlier.itemIndex} has it)`, own);
	}
	if (!earlier) seen.set(own, { itemIndex: fields.itemIndex, body });
	return own;
}

const codeIs = (code: string) => (_status: number, body: unknown) =>
	!!body && typeof body === 'object' && (body as IDataObject).code === code;
/** 409: the first request with this key is still running; the same key again is safe. */
export const SEND_IN_PROGRESS = codeIs('sendInProgress');
/** 502: the platform may have delivered it; Inbox says never to retry. */
export const SEND_UNCONFIRMED = codeIs('sendUnconfirmed');

/**
 * One item's output: the sent message and its thread, and the key that makes it exactly-once.
 * 201 is a new send; 200 is Inbox's replay of an earlier send with the same key and body (it was
 * delivered then, and not sent again now).
 */
export function sendOutput(response: unknown, idempotencyKey: string, answer?: Pick<ApiAnswer, 'status' | 'attempts'>): IDataObject {
	const { message, thread } = (response ?? {}) as { message?: IDataObject; thread?: IDataObject };
	return {
		messageId: message?.id ?? null,
		threadId: message?.threadId ?? thread?.id ?? null,
		delivery: 'delivered',
		replay: answer?.status === 200,
		attempts: answer?.attempts ?? 1,
		idempotencyKey,
		message: message ?? null,
		thread: thread ?? null,
	};
}

/**
 * An item's v2 send for the shared item loop. `prepare` (Send to Person) turns what the user gave
 * into the final body in the sending phase, where lookups may be made; a reply needs none.
 */
export function sendOutgoing(
	ctx: IExecuteFunctions,
	body: IDataObject,
	idempotencyKey: string,
	orderKey: string,
	prepare?: (api: Api, itemIndex: number, releasedWhile: ReleaseSlotWhile) => Promise<IDataObject>,
): Outgoing {
	const request: ApiRequest = {
		method: 'POST',
		path: '/messages',
		body,
		proof: SENT,
		idempotencyKey,
		retryableWhen: SEND_IN_PROGRESS,
		finalWhen: SEND_UNCONFIRMED,
	};
	return {
		request,
		orderKey,
		send: async (api, itemIndex, releasedWhile) => {
			try {
				const final = prepare ? { ...request, body: await prepare(api, itemIndex, releasedWhile) } : request;
				return await apiRequestFull(ctx, api, final, itemIndex, releasedWhile);
			} catch (error) {
				throw withAdvice(error);
			}
		},
		output: (response, answer) => sendOutput(response, idempotencyKey, answer),
	};
}
