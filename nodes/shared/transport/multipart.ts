import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidField } from '../errors';

/**
 * Uploads: a multipart body made from a binary property of an item, read with n8n's own
 * `getBinaryDataBuffer` (in memory or in n8n's binary data store alike). The body is the
 * platform's own `FormData`, which n8n's request helper (axios) sends as multipart with its
 * boundary; no runtime dependency (n8n's nodes use the `form-data` package, which a
 * community package may not ship). Put it in `ApiRequest.body`: retries send it again whole.
 */
export interface BinaryPart {
	/** The name of the item's binary property ("Input Binary Field", usually `data`). */
	binaryProperty: string;
	/** The form field the file goes in, e.g. `file`. */
	field: string;
	/** Text fields sent along with the file. */
	fields?: Record<string, string>;
	/** The parameter's name, for the error when the item has no such binary property. */
	parameterName?: string;
}

export async function binaryForm(ctx: IExecuteFunctions, itemIndex: number, part: BinaryPart): Promise<FormData> {
	const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
	const file = binary[part.binaryProperty];
	if (!file) {
		const names = Object.keys(binary);
		const has = names.length ? `it has ${names.map((name) => `"${name}"`).join(', ')}` : 'it has none';
		throw invalidField(ctx.getNode(), itemIndex, part.parameterName ?? 'Input Binary Field', `the name of a binary property of the item (${has})`, part.binaryProperty);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, part.binaryProperty);
	const form = new FormData();
	for (const [name, value] of Object.entries(part.fields ?? {})) form.append(name, value);
	const name = file.fileName || `file${file.fileExtension ? `.${file.fileExtension}` : ''}`;
	form.append(part.field, new Blob([new Uint8Array(buffer)], { type: file.mimeType || 'application/octet-stream' }), name);
	return form;
}
