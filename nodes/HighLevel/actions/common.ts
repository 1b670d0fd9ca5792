import type { IDataObject, IDisplayOptions, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';
import { idPicker } from '../../shared/idFields';
import type { ApiRequest } from '../../shared/transport';
import { CONVERSATIONS_API_VERSION } from '../apiVersions';

/**
 * What the Conversations operations share: HighLevel's id shape, the contact and conversation
 * pickers, and the `Version` header, whose documented value differs per endpoint. Each
 * operation names its default once (CONVERSATIONS_API_VERSION, or Add Inbound's own), behind
 * the "API Version" option every operation offers.
 */

export { CONVERSATIONS_API_VERSION };

export const HIGHLEVEL_ID = /^[A-Za-z0-9_-]+$/;
export const ID_EXPECTED = 'a HighLevel ID (letters, digits, "-" and "_"), e.g. ve9EPM428h8vShlRW1KT';

type Show = NonNullable<IDisplayOptions['show']>;

export function apiVersionOption(defaultVersion: string): INodeProperties {
	return {
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'string',
		default: defaultVersion,
		description: `Sent as the Version header. HighLevel's specification gives ${defaultVersion} for this endpoint.`,
	};
}

/** A read's Options: only the API Version (the send options, concurrency and pace, do not apply to a list). */
export function versionOptions(show: Show, defaultVersion: string): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: { show }, options: [apiVersionOption(defaultVersion)] };
}

/** The item's Version header: the option, else the operation's documented value. */
export function readApiVersion(fields: ItemFields, options: IDataObject, defaultVersion: string): string {
	const version = String(options.apiVersion ?? '').trim() || defaultVersion;
	if (!/^(\d{4}-\d{2}-\d{2}|v\d+)$/.test(version)) fields.fail('API Version', `a version such as ${defaultVersion}`, version);
	return version;
}

/** A picker of `searchListMethod`'s results, or a HighLevel ID typed in. */
export function idLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	show: Show,
): INodeProperties {
	const thing = displayName.toLowerCase();
	return idPicker(
		show,
		{ displayName, name, description, searchListMethod, listPlaceholder: `Select a ${thing}...` },
		{ pattern: HIGHLEVEL_ID, example: 've9EPM428h8vShlRW1KT', errorMessage: `Not a valid ${thing} ID` },
	);
}

/** The id of a path segment, checked before it goes into the URL. */
export function requiredId(fields: ItemFields, name: string, label: string): string {
	return fields.requiredMatching(name, label, HIGHLEVEL_ID, ID_EXPECTED);
}

/**
 * The request of an operation on one conversation or message by its ID (Get, Delete, Update
 * Status): the item's ID checked, then put into `path`; the Version header from the options.
 */
export function byIdRequest(
	fields: ItemFields,
	id: { name: string; label: string },
	method: IHttpRequestMethods,
	path: (id: string) => string,
): { id: string; request: ApiRequest } {
	const value = requiredId(fields, id.name, id.label);
	return { id: value, request: { method, path: path(value), headers: { Version: readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION) } } };
}

/** A readable location for the request: the credential's sub-account (OAuth token or the token credential's field). */
export function locationOf(fields: ItemFields, credentialLocation: unknown): string {
	const location = typeof credentialLocation === 'string' ? credentialLocation.trim() : '';
	if (!HIGHLEVEL_ID.test(location)) {
		fields.fail('Location ID (credential)', `the sub-account's location ID in the HighLevel credential, ${ID_EXPECTED}`, location);
	}
	return location;
}

/**
 * Runs an operation's item loop and adds `hint` to the description of every failure with HTTP
 * `status`, thrown or returned as an error item (Continue On Fail): the generic "check the
 * credential" does not say why HighLevel refuses some callers.
 */
export async function withHintOn(status: number, hint: string, run: () => Promise<INodeExecutionData[]>): Promise<INodeExecutionData[]> {
	const code = String(status);
	const add = (description: unknown) => (typeof description === 'string' && description ? `${description}\n\n${hint}` : hint);
	try {
		const items = await run();
		for (const item of items) if (item.json.httpCode === code) item.json.description = add(item.json.description);
		return items;
	} catch (error) {
		// Already a node error of the item loop (NodeApiError / NodeOperationError): amended, not wrapped.
		const failure = error as { httpCode?: string | null; description?: string | null };
		if (failure.httpCode === code) failure.description = add(failure.description);
		throw failure;
	}
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const EMAIL_EXPECTED = 'an email address such as jane@example.com';

/** An email's subject and addresses (From, To, CC, BCC), checked, into `body`; empty ones left out. */
export function readEmailHeaders(fields: ItemFields, body: IDataObject): void {
	const subject = fields.text('subject', 'Subject');
	if (subject) body.subject = subject;
	const emailFrom = fields.matching('emailFrom', 'Email From', EMAIL, EMAIL_EXPECTED);
	if (emailFrom) body.emailFrom = emailFrom;
	const emailTo = fields.matching('emailTo', 'Email To', EMAIL, EMAIL_EXPECTED);
	if (emailTo) body.emailTo = emailTo;
	for (const [name, label] of [['emailCc', 'Email CC'], ['emailBcc', 'Email BCC']]) {
		const values = fields.list(name);
		for (const value of values) if (!EMAIL.test(value)) fields.fail(label, 'a list of email addresses such as jane@example.com', value);
		if (values.length) body[name] = values;
	}
}
