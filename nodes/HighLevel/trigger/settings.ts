import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, INode, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { triggerHeader } from '../../shared/webhooks/properties';
import { parsePublicKey } from '../../shared/webhooks/signatures';
import type { HighLevelKeys, NamedKey } from '../../shared/webhooks/signatures';
import { MESSAGE_TYPES } from '../messageTypes';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_PUBLIC_KEY } from './keys';

export const MAX_AGE_SECONDS = 300;


/** "Live Chat", "TYPE_LIVE_CHAT", "live_chat" are one type. */
export function messageTypeKey(value: unknown): string {
	return String(value ?? '')
		.replace(/^TYPE_/i, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const EVENTS = ['InboundMessage', 'OutboundMessage', 'ConversationUnreadUpdate'];

/**
 * The event of a delivery. HighLevel's Provider Outbound Message carries no event name: its
 * `type` is the message's type ("SMS", "Email"), and it names a message, a contact and a location.
 */
export function eventOf(payload: IDataObject): string {
	const type = String(payload.type ?? '');
	if (EVENTS.includes(type)) return type;
	return payload.messageId && payload.contactId && payload.locationId ? 'ProviderOutboundMessage' : type;
}

/** The message type the Message Types filter looks at; undefined for an event that is not about one message. */
export function messageTypeOf(event: string, payload: IDataObject): unknown {
	if (event === 'ConversationUnreadUpdate') return undefined;
	return event === 'ProviderOutboundMessage' ? payload.type : payload.messageType;
}

export const properties: INodeProperties[] = [
	...triggerHeader(
		'HighLevel sends webhooks from a Marketplace app: open Webhook URLs above, switch to Production URL and paste it into the app\'s Advanced Settings > Webhooks; give the app the scope conversations/message.readonly; then Publish the workflow (top right). Deliveries are answered at once; ones without a valid signature, older than 5 minutes or repeated are refused.',
		[
			{ name: 'Inbound Message', value: 'InboundMessage', action: 'On inbound message', description: 'A contact sent a message' },
			{ name: 'Outbound Message', value: 'OutboundMessage', action: 'On outbound message', description: 'A message was sent to a contact' },
			{ name: 'Conversation Unread Update', value: 'ConversationUnreadUpdate', action: 'On conversation unread update', description: 'A conversation was read, marked unread, starred or deleted' },
			{ name: 'Provider Outbound Message', value: 'ProviderOutboundMessage', action: 'On provider outbound message', description: 'A user wrote through your custom conversation provider: send it on your channel' },
		],
		['InboundMessage'],
	),
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		options: MESSAGE_TYPES,
		default: [],
		description: 'Only messages of these types start the workflow; none chosen = all',
	},
	{
		displayName: 'RSA Public Key (X-Wh-Signature)',
		name: 'rsaPublicKey',
		type: 'string',
		typeOptions: { rows: 6 },
		default: HIGHLEVEL_PUBLIC_KEY,
		description:
			"HighLevel's published key for the legacy x-wh-signature, pre-filled: checked only when a delivery has no valid x-ghl-signature. Replace it (or add the new one below the old one) when HighLevel rotates its key.",
	},
	{
		displayName: 'Ed25519 Public Key (X-Ghl-Signature)',
		name: 'ed25519PublicKey',
		type: 'string',
		typeOptions: { rows: 3 },
		default: HIGHLEVEL_ED25519_PUBLIC_KEY,
		description:
			"HighLevel's published key for x-ghl-signature, pre-filled; empty means this key too. Replace it (or add the new one below the old one) when HighLevel rotates its key.",
		hint: 'HighLevel signs deliveries today with x-ghl-signature (Ed25519), checked first; the RSA x-wh-signature below is deprecated and kept for older deliveries',
	},
];

const fingerprint = (key: KeyObject) =>
	createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 12);

const PUBLISHED = new Map(
	[
		[HIGHLEVEL_ED25519_PUBLIC_KEY, "HighLevel's published Ed25519 key"],
		[HIGHLEVEL_PUBLIC_KEY, "HighLevel's published RSA key"],
	].map(([pem, name]) => [fingerprint(parsePublicKey(pem)!), name]),
);

function keysFrom(node: INode, text: string, type: 'rsa' | 'ed25519', field: string): NamedKey[] {
	const blocks = text.includes('-----BEGIN') ? text.split(/(?=-----BEGIN)/) : [text];
	return blocks
		.filter((block) => block.trim())
		.map((block) => {
			const key = parsePublicKey(block);
			if (key?.asymmetricKeyType !== type) {
				throw new NodeOperationError(node, `Invalid "${field}": expected ${type === 'rsa' ? 'an RSA' : 'an Ed25519'} public key in PEM (or base64)`, {
					description: 'Copy the key exactly as HighLevel publishes it, including the BEGIN / END lines.',
				});
			}
			const id = fingerprint(key);
			return { key, name: PUBLISHED.get(id) ?? `the ${field.replace(/ Public Key$/, '')} key sha256:${id} of "${field}"` };
		});
}

/**
 * The configured keys; throws a clear error naming the field when one does not parse. An
 * empty Ed25519 field is HighLevel's published key: it was the field's default before HighLevel
 * published one, so saved workflows hold it empty (n8n keeps a non-default value as it is).
 */
export function readKeys(ctx: IHookFunctions | IWebhookFunctions): HighLevelKeys {
	const node = ctx.getNode();
	const ed25519 = String(ctx.getNodeParameter('ed25519PublicKey', '') ?? '').trim() || HIGHLEVEL_ED25519_PUBLIC_KEY;
	return {
		ed25519: keysFrom(node, ed25519, 'ed25519', 'Ed25519 Public Key'),
		rsa: keysFrom(node, ctx.getNodeParameter('rsaPublicKey', '') as string, 'rsa', 'RSA Public Key'),
	};
}
