import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiFailure } from '../../../shared/errors';
import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { text } from '../../../shared/resource';
import { optionsCollection } from '../../../shared/sendOptions';
import { apiRequest } from '../../../shared/transport';
import type { Api, ReleaseSlotWhile } from '../../../shared/transport';
import { INBOX_ID, INBOX_ID_EXPECTED } from '../../ids';
import { withQuery } from '../../v2/lists';
import { accountLinkLocator, contentField, idempotencyKeyOption } from '../../v2/properties';
import { idempotencyKeyOf, sendBody, sendOutgoing } from '../../v2/send';
import type { Target } from '../../v2/send';

/**
 * Message > Send to Person (API v2): `POST /messages` to a contact or a platform profile, in the
 * person's existing thread or a new one. A username is looked up first (`GET /contacts`).
 */
const show = { '@version': [2], resource: ['message'], operation: ['sendToPerson'] };

export const option = { name: 'Send to Person', action: 'Send a message to a person', description: 'Message a contact or a profile, in a new or existing conversation' };

export const subtitle = text('Send Message to Person');
const by = (recipient: string) => ({ show: { ...show, recipient: [recipient] } });

export const OUTBOUND_HINT =
	'A first message to someone new needs Inbox\'s paid Outbound Messages add-on; to a person you already have a conversation with, it works on every plan.';

export const description: INodeProperties[] = [
	{
		displayName: OUTBOUND_HINT,
		name: 'outboundNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	accountLinkLocator(show),
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'options',
		default: 'username',
		options: [
			{ name: 'By Contact ID', value: 'contact', description: 'An Inbox contact (your team\'s record of the person)' },
			{ name: 'By Platform ID', value: 'profile', description: 'The person\'s ID on the platform, e.g. an X user ID' },
			{ name: 'By Username', value: 'username', description: 'The handle of one of your contacts, e.g. ada (looked up in Inbox)' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada',
		description: 'The person\'s handle on the account\'s platform, without @. Only contacts of your team are found; for anyone else use By Platform ID.',
		displayOptions: by('username'),
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. df6jbw4h36',
		description: 'The Inbox ID of the contact',
		displayOptions: by('contact'),
	},
	{
		displayName: 'Platform ID',
		name: 'platformId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1234567890',
		description: 'The person\'s ID on the account\'s platform (for X, the numeric user ID). Someone who is not a contact of your team needs Inbox\'s Advanced API add-on.',
		displayOptions: by('profile'),
	},
	contentField(show),
	optionsCollection(show, [idempotencyKeyOption]),
];

export type Recipient = { by: 'contact'; contactId: string } | { by: 'profile'; platformId: string } | { by: 'username'; username: string };

/** The send's target once what needs a lookup is known (pure). */
export function build(accountLinkId: string, recipient: Recipient, found: { platform?: string; contactId?: string }): Target {
	if (recipient.by === 'contact') return { type: 'contact', accountLinkId, contactId: recipient.contactId };
	if (recipient.by === 'profile') return { type: 'profile', accountLinkId, platform: found.platform!, platformId: recipient.platformId };
	return { type: 'contact', accountLinkId, contactId: found.contactId! };
}

/** Lookups made once per node run (many items usually share an account and people). */
const lookups = new WeakMap<Api, Map<string, Promise<unknown>>>();
async function once<T>(api: Api, key: string, load: () => Promise<T>): Promise<T> {
	let cache = lookups.get(api);
	if (!cache) lookups.set(api, (cache = new Map()));
	let found = cache.get(key) as Promise<T> | undefined;
	if (!found) {
		found = load();
		cache.set(key, found);
		// A failed lookup is not kept: the next item asks again.
		found.catch(() => cache.delete(key));
	}
	return await found;
}

const USERNAME = /^[^\s@,/?#]+$/;
const PLATFORM_ID = /^[^\s/?#]+$/;

function readRecipient(fields: ItemFields): Recipient {
	const by = fields.text('recipient', 'Recipient') ?? 'username';
	if (by === 'contact') return { by, contactId: fields.requiredMatching('contactId', 'Contact ID', INBOX_ID, INBOX_ID_EXPECTED) };
	if (by === 'profile') {
		const platformId = fields.requiredText('platformId', 'Platform ID', 'the person\'s ID on the platform (no spaces)').trim();
		if (!PLATFORM_ID.test(platformId)) fields.fail('Platform ID', 'the person\'s ID on the platform (no spaces)', platformId);
		return { by, platformId };
	}
	if (by !== 'username') fields.fail('Recipient', 'username, contact or profile', by);
	const username = fields.requiredText('username', 'Username', 'the person\'s handle, e.g. ada').trim().replace(/^@/, '');
	if (!USERNAME.test(username)) fields.fail('Username', 'a handle without spaces, e.g. ada', username);
	return { by, username };
}

function read(this: IExecuteFunctions, itemIndex: number): Outgoing {
	const ctx = this;
	const fields = new ItemFields(this, itemIndex);
	const accountLinkId = fields.requiredMatching('accountLinkId', 'Send From (Account Link)', INBOX_ID, INBOX_ID_EXPECTED);
	const recipient = readRecipient(fields);
	const content = fields.requiredText('content', 'Content', 'at least 1 character of text');
	const key = idempotencyKeyOf(this, fields, { accountLinkId, recipient, content });
	const final = (found: { platform?: string; contactId?: string }) => sendBody({ target: build(accountLinkId, recipient, found), content });

	const prepare = async (api: Api, index: number, outside: ReleaseSlotWhile): Promise<IDataObject> => {
		const link = await once(api, `link:${accountLinkId}`, async () =>
			(await apiRequest(ctx, api, { method: 'GET', path: `/account-links/${accountLinkId}` }, index, outside)) as IDataObject,
		);
		const platform = String(link?.platform ?? '');
		if (recipient.by !== 'username') return final({ platform });
		const contacts = await once(api, `contact:${platform}:${recipient.username.toLowerCase()}`, async () => {
			const path = withQuery('/contacts', [['platform', platform], ['username', recipient.username]]);
			const body = (await apiRequest(ctx, api, { method: 'GET', path }, index, outside)) as IDataObject;
			return (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
		});
		if (contacts.length !== 1) {
			throw apiFailure(
				ctx.getNode(),
				{
					message: contacts.length
						? `${contacts.length} Inbox contacts have the ${platform} username "${recipient.username}"`
						: `No Inbox contact has the ${platform} username "${recipient.username}"`,
					description: `Not delivered: nothing was sent for item ${index}. Only contacts of your team are found by username; send By Contact ID or By Platform ID instead.`,
					delivery: 'no',
					itemIndex: index,
				},
				api.secrets,
			);
		}
		return final({ platform, contactId: String(contacts[0].id) });
	};

	const preview = recipient.by === 'contact' ? final({}) : { target: { accountLinkId, ...recipient }, content };
	const orderKey = `person:${accountLinkId}:${recipient.by}:${Object.values(recipient)[1]}`;
	return sendOutgoing(this, preview, key, orderKey, recipient.by === 'contact' ? undefined : prepare);
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, read);
}
