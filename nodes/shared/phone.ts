import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ItemFields } from './fields';
import { countryOptions as countries, parsePhoneNumberFromString } from './phoneLib';
import type { CountryCode } from './phoneLib';

/**
 * The one phone normaliser of the package (Sociocs to / from, HighLevel call to / from).
 * Accepts what people paste: "+16175551212", "16175551212" (country code without plus, as
 * Sociocs documents), "0044 20 7946 0958", or a national "(617) 555-1212" with a Default
 * Country, and returns E.164. Anything that is not a valid number is refused, so a typo
 * never becomes a message to a stranger.
 */

export const PHONE_EXPECTED = 'a phone number with its country code, e.g. +16175551212 (or set "Default Country" in Options)';

function valid(text: string, country?: CountryCode): string | undefined {
	const parsed = parsePhoneNumberFromString(text, country);
	return parsed && parsed.isValid() && !parsed.ext ? parsed.number : undefined;
}

export function normalisePhone(raw: string, defaultCountry?: string): string | undefined {
	const text = raw.trim();
	if (!/\d/.test(text) || /[a-wyz]/i.test(text.replace(/ext\.?|x/gi, ''))) return undefined;
	if (text.startsWith('+')) return valid(text);
	if (text.startsWith('00')) return valid(`+${text.slice(2)}`);
	const country = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
	return (country && valid(text, country)) || valid(`+${text.replace(/^\D+/, '')}`);
}

/**
 * A phone field of one item in E.164, or exactly as written when the user asked so. (Here, not
 * in ItemFields, so that only the nodes with phone fields bundle the phone library.)
 */
export function readPhone(fields: ItemFields, name: string, label: string, options: PhoneOptions): string {
	const value = fields.requiredText(name, label, PHONE_EXPECTED).trim();
	if (options.asGiven) return value;
	return normalisePhone(value, options.defaultCountry) ?? fields.fail(label, PHONE_EXPECTED, value);
}

export interface PhoneOptions {
	defaultCountry?: string;
	/** Send the number exactly as typed (for numbers the library does not know yet). */
	asGiven: boolean;
}

export function readPhoneOptions(options: IDataObject): PhoneOptions {
	return {
		defaultCountry: (options.defaultCountry as string) || undefined,
		asGiven: options.phoneAsGiven === true,
	};
}

const countryOptions: INodePropertyOptions[] = [
	{ name: 'None (Numbers Include Their Country Code)', value: '' },
	...countries,
];

/** Options every node with phone fields offers, in its "Options" collection. */
export const phoneOptions: INodeProperties[] = [
	{
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'options',
		options: countryOptions,
		default: '',
		description:
			'Country of phone numbers written without a country code, e.g. "(617) 555-1212". Numbers are always sent in international (E.164) form.',
	},
	{
		displayName: 'Send Phone Numbers As Given',
		name: 'phoneAsGiven',
		type: 'boolean',
		default: false,
		description:
			'Whether to skip checking and normalising phone numbers and send them exactly as written. Only for numbers the validation wrongly refuses.',
	},
];
