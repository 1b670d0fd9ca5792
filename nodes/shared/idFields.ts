import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The fields that take the ID of one thing at the vendor, written once for the three nodes:
 * an ID typed in (Message ID, Job ID), or a picker with an ID typed in as its other mode
 * (Thread, Conversation). Each is required and empty by default.
 */

type Show = NonNullable<IDisplayOptions['show']>;

interface Field {
	displayName: string;
	name: string;
	description: string;
	hint?: string;
}

/** How the editor checks an ID typed into a picker's "By ID" mode. */
export interface IdFormat {
	pattern: RegExp;
	example: string;
	errorMessage: string;
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : { [key]: value });

/** An ID typed in, e.g. the message ID that a Send step gave. */
export function idField(show: Show, { displayName, name, description, hint, placeholder }: Field & { placeholder?: string }): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		...optional('placeholder', placeholder),
		description,
		...optional('hint', hint),
		displayOptions: { show },
	};
}

/** A thing picked from `searchListMethod`'s results ("From List"), or its ID typed in ("By ID"). */
export function idPicker(
	show: Show,
	{ displayName, name, description, hint, searchListMethod, listPlaceholder }: Field & { searchListMethod: string; listPlaceholder: string },
	format: IdFormat,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		...optional('hint', hint),
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${format.example}`,
				validation: [{ type: 'regex', properties: { regex: format.pattern.source, errorMessage: format.errorMessage } }],
			},
		],
	};
}
