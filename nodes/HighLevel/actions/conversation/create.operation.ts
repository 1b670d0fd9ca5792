import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import { idProof } from '../../../shared/transport';
import type { Api } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, idLocator, locationOf, readApiVersion, requiredId } from '../common';
import { text } from '../../../shared/resource';

/**
 * Conversation > Create: `POST /conversations/` (trailing slash as in the spec) for a contact,
 * in the credential's sub-account. HighLevel keeps one conversation per contact.
 */

const on = { resource: ['conversation'], operation: ['create'] };

const CREATED = idProof('success with a conversation.id', (body) => (body.success === true ? (body.conversation as IDataObject | undefined)?.id : undefined));

export const option = { name: 'Create', action: 'Create a conversation', description: 'Open a conversation with a contact' };

export const subtitle = text('Create Conversation');

export const description: INodeProperties[] = [
	idLocator('Contact', 'contactId', 'searchContacts', 'The contact to open the conversation with', on),
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

export function build(this: IExecuteFunctions, itemIndex: number, locationId: unknown): Outgoing {
	const fields = new ItemFields(this, itemIndex);
	const contactId = requiredId(fields, 'contactId', 'Contact');
	return {
		request: {
			method: 'POST',
			path: '/conversations/',
			body: { locationId: locationOf(fields, locationId), contactId },
			headers: { Version: readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION) },
			proof: CREATED,
		},
		orderKey: `contact:${contactId}`,
		output: (response) => (response as IDataObject).conversation as IDataObject,
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, function (itemIndex) {
		return build.call(this, itemIndex, api.credentials.data?.locationId);
	});
}
