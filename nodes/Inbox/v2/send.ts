import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';
import type { Outgoing } from '../../shared/items';
import { apiRequest, idProof } from '../../shared/transport';
import type { Api, ApiRequest } from '../../shared/transport';
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

/** One item's output: the sent message and its thread, and the key that makes it exactly-once. */
export function sendOutput(response: unknown, idempotencyKey: string): IDataObject {
	const { message, thread } = (response ?? {}) as { message?: IDataObject; thread?: IDataObject };
	return {
		messageId: message?.id ?? null,
		threadId: message?.threadId ?? thread?.id ?? null,
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
	prepare?: (api: Api, itemIndex: number, outside: (wait: () => Promise<void>) => Promise<void>) => Promise<IDataObject>,
): Outgoing {
	const request: ApiRequest = { method: 'POST', path: '/messages', body, headers: { 'Idempotency-Key': idempotencyKey }, proof: SENT };
	return {
		request,
		orderKey,
		send: async (api, itemIndex, outside) => {
			try {
				const final = prepare ? { ...request, body: await prepare(api, itemIndex, outside) } : request;
				return await apiRequest(ctx, api, final, itemIndex, outside);
			} catch (error) {
				throw withAdvice(error);
			}
		},
		output: (response) => sendOutput(response, idempotencyKey),
	};
}
