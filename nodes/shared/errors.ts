import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/**
 * The one error mapper of the package for what goes wrong with an item: every failed request
 * (`apiFailure`, from the transport) and every invalid field (`invalidField`) goes through
 * here, so every such error carries the vendor's own words, the HTTP status, the item and,
 * above all, whether the message may have reached the API (the user must know before
 * re-sending). Set-up problems found before any item is read (a trigger without its key or
 * webhook URL, an operation this node version lacks) are NodeOperationErrors thrown where
 * they are found.
 */

/** `no`: the API did not process it. `unknown`: it may have been delivered. */
export type Delivery = 'no' | 'unknown';

const MAX_TEXT = 500;

function clip(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

function messagesOf(list: unknown[]): string[] {
	return list
		.map((entry) => {
			if (typeof entry === 'string') return entry;
			if (entry && typeof entry === 'object') {
				const { msg, message } = entry as Record<string, unknown>;
				if (typeof msg === 'string') return msg;
				if (typeof message === 'string') return message;
			}
			return undefined;
		})
		.filter((text): text is string => !!text && text.trim() !== '');
}

/**
 * What the vendor said, from any of the three APIs' error bodies:
 * Sociocs `{ errors: [{ msg }] }`, HighLevel `{ message: string | string[] }`,
 * Inbox `{ message }` / `{ error }` (v2 `{ code, message, requestId }`), or a plain-text body from a proxy.
 */
export function vendorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? clip(body) : undefined;
	if (!body || typeof body !== 'object') return undefined;
	const fields = body as Record<string, unknown>;

	// Inbox v2: `{ code, message, details, requestId }`; the code and request id are what its support asks for.
	if (typeof fields.code === 'string' && typeof fields.message === 'string' && fields.requestId !== undefined) {
		const id = typeof fields.requestId === 'string' && fields.requestId ? `, request ID ${fields.requestId}` : '';
		return clip(`${fields.message} (${fields.code}${id})`);
	}
	if (Array.isArray(fields.errors)) {
		const found = messagesOf(fields.errors);
		if (found.length) return clip(found.join('; '));
	}
	if (Array.isArray(fields.message)) {
		const found = messagesOf(fields.message);
		if (found.length) return clip(found.join('; '));
	}
	for (const key of ['message', 'error', 'detail', 'title']) {
		const value = fields[key];
		if (typeof value === 'string' && value.trim()) return clip(value);
		if (value && typeof value === 'object' && typeof (value as JsonObject).message === 'string') {
			return clip((value as JsonObject).message as string);
		}
	}
	return undefined;
}

/** Replaces every secret of the credential that shows up in a text (vendors sometimes echo keys). */
export function redact(text: string, secrets: readonly string[]): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
	}
	return clean;
}

export interface FailureDetails {
	/** The vendor's words, or ours when the vendor said nothing. */
	message: string;
	/** What happened and what to do next. */
	description: string;
	delivery: Delivery;
	httpCode?: number;
	itemIndex?: number;
	/** The vendor's body, kept for the error view (never contains our request headers). */
	body?: unknown;
}

export function apiFailure(node: INode, details: FailureDetails, secrets: readonly string[]) {
	const message = redact(details.message, secrets);
	const description = redact(details.description, secrets);
	const response: JsonObject = { message, description };
	if (details.httpCode !== undefined) response.httpCode = String(details.httpCode);
	if (details.body !== undefined) {
		response.body = JSON.parse(redact(JSON.stringify(details.body), secrets)) as JsonObject;
	}
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: details.httpCode === undefined ? undefined : String(details.httpCode),
		itemIndex: details.itemIndex,
	});
	// NodeApiError swaps a message that looks like a status code for a generic one: keep ours.
	error.message = message;
	error.context.delivery = details.delivery;
	return error;
}

/** A field of one item is wrong: said before any request for that item is sent. */
export function invalidField(
	node: INode,
	itemIndex: number,
	field: string,
	expected: string,
	got?: unknown,
) {
	// Spaces only are empty too: shown folded, they would read as got "".
	const shown =
		got === undefined || got === null || (typeof got === 'string' && got.trim() === '')
			? 'it is empty'
			: `got ${JSON.stringify(typeof got === 'string' ? clip(got) : got)}`;
	return new NodeOperationError(
		node,
		`Invalid "${field}" in item ${itemIndex}: expected ${expected}; ${shown}`,
		{
			itemIndex,
			description: `Nothing was sent for item ${itemIndex}. Fix "${field}" and run the node again.`,
		},
	);
}
