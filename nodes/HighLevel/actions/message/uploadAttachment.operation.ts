import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemFields } from '../../../shared/fields';
import { sendItems } from '../../../shared/items';
import type { Outgoing } from '../../../shared/items';
import { optionsCollection } from '../../../shared/sendOptions';
import { binaryForm } from '../../../shared/transport';
import type { Api, BodyProof } from '../../../shared/transport';
import { apiVersionOption, CONVERSATIONS_API_VERSION, idLocator, locationOf, readApiVersion, requiredId } from '../common';
import { text } from '../../../shared/resource';

/**
 * Message > Upload Attachment: `POST /conversations/messages/upload`, multipart, the files in
 * parts named `fileAttachment`, from the item's binary properties (several per item). The
 * answer maps each file name to its URL: the URLs go out as a list, ready for Send's
 * Attachments.
 */

const on = { resource: ['message'], operation: ['uploadAttachment'] };

/** The file types the upload endpoint allows (its spec); anything else is refused before sending. */
export const ALLOWED_EXTENSIONS = ['jpg', 'jpeg', 'png', 'mp4', 'mpeg', 'zip', 'rar', 'pdf', 'doc', 'docx', 'txt', 'mp3', 'wav'];

const UPLOADED: BodyProof = {
	expected: 'uploadedFiles with a URL per file',
	holds: (body) => {
		const files = (body as IDataObject | undefined)?.uploadedFiles;
		return !!files && typeof files === 'object' && Object.values(files).length > 0 && Object.values(files).every((url) => typeof url === 'string' && /^https?:\/\//.test(url));
	},
};

export const option = { name: 'Upload Attachment', action: 'Upload an attachment', description: 'Upload files from the item\'s binary data; gives URLs for Send' };

export const subtitle = text('Upload Attachment');

export const description: INodeProperties[] = [
	idLocator('Conversation', 'conversationId', 'searchConversations', 'The conversation the files are for', on),
	idLocator('Contact', 'contactId', 'searchContacts', 'The contact of that conversation', on),
	{
		displayName: 'Input Binary Fields',
		name: 'binaryProperties',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data, invoice',
		description: 'The binary properties of the item that hold the files, comma-separated',
		hint: `Allowed types: ${ALLOWED_EXTENSIONS.map((e) => e.toUpperCase()).join(', ')}`,
		displayOptions: { show: on },
	},
	optionsCollection(on, [apiVersionOption(CONVERSATIONS_API_VERSION)]),
];

function extensionOf(fileName: string | undefined, fileExtension: string | undefined): string {
	const fromName = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1];
	return (fromName ?? fileExtension ?? '').toLowerCase();
}

export async function build(this: IExecuteFunctions, itemIndex: number, locationId: unknown): Promise<Outgoing> {
	const fields = new ItemFields(this, itemIndex);
	const conversationId = requiredId(fields, 'conversationId', 'Conversation');
	const contactId = requiredId(fields, 'contactId', 'Contact');
	const location = locationOf(fields, locationId);
	const properties = fields.list('binaryProperties');
	if (!properties.length) fields.fail('Input Binary Fields', 'the name of at least one binary property of the item (e.g. data)');
	const binary = this.getInputData()[itemIndex]?.binary ?? {};
	for (const name of properties) {
		const file = binary[name];
		if (!file) continue; // binaryForm names what the item has
		const extension = extensionOf(file.fileName, file.fileExtension);
		if (!ALLOWED_EXTENSIONS.includes(extension)) {
			fields.fail('Input Binary Fields', `files HighLevel accepts (${ALLOWED_EXTENSIONS.join(', ')}); "${name}" is ${file.fileName ?? 'a file'}`, extension || 'no extension');
		}
	}
	const textFields = { conversationId, contactId, locationId: location };
	const form = await binaryForm(this, itemIndex, { binaryProperty: properties[0], field: 'fileAttachment', fields: textFields, parameterName: 'Input Binary Fields' });
	for (const name of properties.slice(1)) {
		const more = await binaryForm(this, itemIndex, { binaryProperty: name, field: 'fileAttachment', parameterName: 'Input Binary Fields' });
		for (const [key, value] of more.entries()) form.append(key, value);
	}
	return {
		request: {
			method: 'POST',
			path: '/conversations/messages/upload',
			body: form,
			headers: { Version: readApiVersion(fields, fields.options(), CONVERSATIONS_API_VERSION) },
			proof: UPLOADED,
		},
		orderKey: `conversation:${conversationId}`,
		output: (response) => {
			const uploadedFiles = (response as IDataObject).uploadedFiles as IDataObject;
			return { urls: Object.values(uploadedFiles), uploadedFiles };
		},
	};
}

export async function execute(this: IExecuteFunctions, api: Api) {
	return await sendItems(this, api, async function (itemIndex) {
		return await build.call(this, itemIndex, api.credentials.data?.locationId);
	});
}
