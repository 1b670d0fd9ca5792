import type { IDataObject } from 'n8n-workflow';

/**
 * What to do about a v2 refusal, by its `code`: added to the error's description, after the
 * shared mapper's verdict (delivered or not) and Inbox's own words, code and request id.
 */
const ADVICE: Record<string, (details: IDataObject) => string> = {
	planRequired: (details) =>
		details.feature === 'advancedApi'
			? 'Messaging a profile that is not one of the team\'s contacts needs Inbox\'s Advanced API add-on; send to a contact, or to the person\'s existing thread, instead.'
			: 'A first message to someone new needs Inbox\'s paid Outbound Messages add-on (Inbox > Settings > Billing). Replies in existing conversations work on every plan.',
	idempotencyKeyReused: () =>
		'The Idempotency Key was used before for a different message, so Inbox refused to send this one. Give each message its own key, e.g. {{ $json.orderId }}-welcome.',
	sendUnconfirmed: (details) =>
		`Inbox could not confirm that the platform took it and says it must not be retried: it may have been delivered. Look it up with Message > Get${details.messageId ? ` (message ID ${String(details.messageId)})` : ''} before sending it again.`,
	recipientUnavailable: () => 'The contact has no profile on the platform of the chosen account link.',
	profileAmbiguous: () => 'The contact has several profiles on that platform: send to the person By Platform ID instead.',
	accountLinkDisconnected: (details) =>
		`The account link is ${String(details.status ?? 'not connected')}: reconnect it in Inbox (Settings > Accounts).`,
	threadRestricted: () => 'The platform does not let this thread be messaged now (e.g. the person must accept the request first).',
	contentRejected: () => 'The platform refused the text, e.g. longer than its character limit.',
};

function bodyOf(error: unknown): IDataObject | undefined {
	const body = (error as { errorResponse?: { body?: unknown } } | undefined)?.errorResponse?.body;
	return body && typeof body === 'object' ? (body as IDataObject) : undefined;
}

/** The v2 error code of a failure the shared transport raised, if the answer had one. */
export function codeOf(error: unknown): string | undefined {
	const code = bodyOf(error)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** Adds the advice for a v2 refusal to the error's description; returns the error. */
export function withAdvice<E>(error: E): E {
	const code = codeOf(error);
	const advice = code && ADVICE[code];
	if (advice) {
		const failure = error as unknown as { description?: string | null };
		const details = (bodyOf(error)?.details ?? {}) as IDataObject;
		failure.description = failure.description ? `${failure.description} ${advice(details)}` : advice(details);
	}
	return error;
}
