import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ItemFields } from './fields';
import { callingCode, countryName, countryOptions as countries, parsePhoneNumberFromString, validE164 } from './phoneLib';
import type { CountryCode } from './phoneLib';

/**
 * The one phone normaliser of the package, for the numbers users give (Sociocs to / from,
 * HighLevel call to / from). (The Sociocs Trigger only puts back the "+" that Sociocs leaves
 * off its own, valid numbers: nodes/Sociocs/trigger/output.ts.)
 * Accepts what people paste: "+16175551212", "16175551212" (country code without plus, as
 * Sociocs documents), "0044 20 7946 0958", or a national "(617) 555-1212" with a Default
 * Country, and returns E.164. Anything that is not a valid number is refused, so a typo
 * never becomes a message to a stranger.
 */

export const PHONE_EXPECTED = 'a phone number with its country code, e.g. +16175551212 (or set "Default Country" in Options)';

function parse(text: string, country?: CountryCode): { number: string; country?: string } | undefined {
	// A number already in E.164 that the library's rules accept is read without the library's
	// parser (phoneParse.ts says why and how); anything else goes to the parser.
	const e164 = country ? undefined : validE164(text);
	if (e164) return e164;
	const parsed = parsePhoneNumberFromString(text, country);
	return parsed && parsed.isValid() && !parsed.ext ? parsed : undefined;
}

/** Digits that read as two different valid numbers: refused, never guessed. */
export interface AmbiguousPhone {
	/** Read as a national number of the Default Country. */
	national: string;
	/** Read as digits that start with their country code (the form Sociocs documents). */
	international: string;
	nationalCountry: string;
	internationalCountry?: string;
}

/**
 * E.164, undefined when it is not a valid number, or both readings when the digits are
 * ambiguous. Without "+" (or "00") and with a Default Country, digits are that country's
 * national number ("617 555 1212" in US): setting the Default Country says so. Except when
 * they begin with that country's own calling code, which is also how Sociocs documents
 * international numbers without "+" ("16175551212", "4915112345678"). Then both readings are
 * tried; when both are valid and differ ("4915112345678" in DE: +4915112345678, or
 * +494915112345678 with the code put in a second time), the number is refused with both
 * readings named: a guess may reach a stranger. (Digits that begin with another country's code
 * are not taken as that country's: about a fifth of valid US national numbers would then read
 * as a number elsewhere too, "2014561234" as Egypt's +20 14561234.) Without a Default Country,
 * digits are read as starting with their country code. A bracketed area code ("(617)
 * 555-1212") is how national numbers are written, so it is read as national only.
 */
export function normalisePhone(text: string, defaultCountry?: string): string | AmbiguousPhone | undefined {
	// A reading depends on nothing but these two, so one already made is made again from memory:
	// the library takes 20-40 us a number, and lists (Send to Many's 10,000 recipients, a Send
	// per row of a sheet) name many numbers more than once. Bounded: cleared when full.
	const key = `${defaultCountry ?? ''}\u0000${text}`;
	if (readings.has(key)) return readings.get(key);
	if (readings.size >= MAX_READINGS) readings.clear();
	const reading = read(text, defaultCountry);
	readings.set(key, reading);
	return reading;
}

const readings = new Map<string, string | AmbiguousPhone | undefined>();
const MAX_READINGS = 20_000;

function read(text: string, defaultCountry?: string): string | AmbiguousPhone | undefined {
	// (`text` comes trimmed: readOptionalPhone trims what it also sends as given.)
	if (!/\d/.test(text) || /[a-wyz]/i.test(text.replace(/ext\.?|x/gi, ''))) return undefined;
	if (text.startsWith('+')) return parse(text)?.number;
	if (text.startsWith('00')) return parse(`+${text.slice(2)}`)?.number;
	const digits = text.replace(/^\D+/, '');
	const country = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
	const national = country && parse(text, country);
	const ownCode = country && callingCode(country);
	const readAsInternational = !national || (!!ownCode && digits.startsWith(ownCode) && !/^\(\d/.test(text));
	const international = readAsInternational ? parse(`+${digits}`) : undefined;
	if (!national || !international || national.number === international.number) {
		return (national || international)?.number;
	}
	return {
		national: national.number,
		international: international.number,
		nationalCountry: country as string,
		internationalCountry: international.country,
	};
}

const nameOf = (code?: string) => (code ? countryName(code) : 'another country');

function ambiguity(reading: AmbiguousPhone): string {
	return (
		`a number that reads one way only; these digits are ${reading.national} as a national number of ` +
		`${nameOf(reading.nationalCountry)} (Default Country), and ${reading.international} in ` +
		`${nameOf(reading.internationalCountry)} as digits that start with their country code. ` +
		'Write it with "+" and its country code'
	);
}

/**
 * A phone field of one item in E.164, or exactly as written when the user asked so. (Here, not
 * in ItemFields, so that only the nodes with phone fields bundle the phone library.)
 */
export function readPhone(fields: ItemFields, name: string, label: string, options: PhoneOptions): string {
	return readOptionalPhone(fields, name, label, options) ?? fields.fail(label, PHONE_EXPECTED);
}

/** Like readPhone, for a number that may be left out: empty gives undefined. */
export function readOptionalPhone(
	fields: ItemFields,
	name: string,
	label: string,
	options: PhoneOptions,
): string | undefined {
	const value = fields.text(name, label)?.trim();
	if (value === undefined || options.asGiven) return value;
	const number = normalisePhone(value, options.defaultCountry);
	if (typeof number === 'object') return fields.fail(label, ambiguity(number), value);
	return number ?? fields.fail(label, PHONE_EXPECTED, value);
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
