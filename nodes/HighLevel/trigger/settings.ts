import type { KeyObject } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions, INode, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { triggerHeader } from '../../shared/webhooks/properties';
import { parsePublicKey } from '../../shared/webhooks/signatures';
import type { HighLevelKeys } from '../../shared/webhooks/signatures';
import { MESSAGE_TYPES } from '../messageTypes';
import { HIGHLEVEL_PUBLIC_KEY } from './keys';

export const MAX_AGE_SECONDS = 300;


/** "Live Chat", "TYPE_LIVE_CHAT", "live_chat" are one type. */
export function messageTypeKey(value: unknown): string {
	return String(value ?? '')
		.replace(/^TYPE_/i, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

export const properties: INodeProperties[] = [
	...triggerHeader(
		'HighLevel sends webhooks from a Marketplace app: open Webhook URLs above, switch to Production URL and paste it into the app\'s Advanced Settings > Webhooks; give the app the scope conversations/message.readonly; then Publish the workflow (top right). Deliveries are answered at once; ones without a valid signature, older than 5 minutes or repeated are refused.',
		[
			{ name: 'Inbound Message', value: 'InboundMessage', action: 'On inbound message', description: 'A contact sent a message' },
			{ name: 'Outbound Message', value: 'OutboundMessage', action: 'On outbound message', description: 'A message was sent to a contact' },
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
			"HighLevel's published key, pre-filled. Replace it (or add the new one below the old one) when HighLevel rotates its key.",
	},
	{
		displayName: 'Ed25519 Public Key (X-Ghl-Signature)',
		name: 'ed25519PublicKey',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The Ed25519 key HighLevel gives for x-ghl-signature, when you have it (PEM or base64). Checked before the RSA key.',
	},
];

function keysFrom(node: INode, text: string, type: 'rsa' | 'ed25519', field: string): KeyObject[] {
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
			return key;
		});
}

/** The configured keys; throws a clear error naming the field when one does not parse or none is set. */
export function readKeys(ctx: IHookFunctions | IWebhookFunctions): HighLevelKeys {
	const node = ctx.getNode();
	const keys = {
		rsa: keysFrom(node, ctx.getNodeParameter('rsaPublicKey', '') as string, 'rsa', 'RSA Public Key'),
		ed25519: keysFrom(node, ctx.getNodeParameter('ed25519PublicKey', '') as string, 'ed25519', 'Ed25519 Public Key'),
	};
	if (keys.rsa.length + keys.ed25519.length === 0) {
		throw new NodeOperationError(node, 'No public key to verify HighLevel deliveries with', {
			description: 'Set "RSA Public Key" (HighLevel\'s published key is the default) or "Ed25519 Public Key".',
		});
	}
	return keys;
}
