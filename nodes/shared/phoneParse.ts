/**
 * The one part of libphonenumber-js the package uses, built into a file of its own that
 * phoneLib.ts requires on first use (so that loading a node does not load the library).
 */
import { Metadata } from 'libphonenumber-js';

export { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The library's rules, as parsePhoneNumberFromString(text).isValid() applies them, for a number
 * already written in E.164 ("+" and digits only) whose digits need no national prefix taken off.
 * parsePhoneNumberFromString builds every pattern it tests anew for each number (about 20 us
 * warm and three times that cold a number, 0.3 s of a 10,000-recipient Send to Many); here each
 * is built once. The same steps in the same order, on the library's own metadata: the calling
 * code (the first 1 to 3 digits the metadata knows), the country among those sharing it
 * (leading digits, else the first whose number types match), then the number types of that
 * country (else of the calling code's main one), or its national pattern where the metadata
 * has no types for it. It only ever says "valid": whatever it does
 * not accept (another form, a national prefix the library might take off, a non-geographic
 * code, a number it finds invalid) is left to parsePhoneNumberFromString, so nothing the
 * library refuses passes. test/shared/phoneFast.test.ts checks it against the library.
 */
const metadata = new Metadata() as unknown as LibMetadata;
const wholes = new Map<string, RegExp>();
const starts = new Map<string, RegExp>();
const anywhere = new Map<string, RegExp>();

/** The part of the library's Metadata class read here (it declares only selectNumberingPlan). */
interface LibMetadata {
	hasCallingCode(code: string): boolean | undefined;
	getCountryCodesForCallingCode(code: string): string[] | undefined;
	selectNumberingPlan(countryOrCode: string): void;
	numberingPlan: {
		nationalNumberPattern(): string;
		nationalPrefixForParsing(): string | undefined;
		leadingDigits(): string | undefined;
		possibleLengths(): number[] | undefined;
		hasTypes(): boolean;
		types(): Array<[string, number[]?] | 0 | undefined>;
	};
}

function compiled(cache: Map<string, RegExp>, pattern: string, source: string): RegExp {
	let regExp = cache.get(pattern);
	if (!regExp) {
		regExp = new RegExp(source);
		cache.set(pattern, regExp);
	}
	return regExp;
}

const matchesEntirely = (text: string, pattern: string) => compiled(wholes, pattern, `^(?:${pattern})$`).test(text);

/**
 * The library's getNumberType(...) !== undefined for the selected plan: its national pattern,
 * and one of its number types (fixed line, mobile, toll free, ...: all ten), each with its lengths.
 */
function hasType(nationalNumber: string): boolean {
	const plan = metadata.numberingPlan;
	if (!matchesEntirely(nationalNumber, plan.nationalNumberPattern())) return false;
	// The library reads the first ten entries (FIXED_LINE ... SHARED_COST); 0 stands for none.
	return plan.types().slice(0, 10).some((type) => {
		if (!type || !type[0]) return false;
		const lengths = type[1] || plan.possibleLengths();
		if (lengths && !lengths.includes(nationalNumber.length)) return false;
		return matchesEntirely(nationalNumber, type[0]);
	});
}

/** The library's getCountryByCallingCode for a calling code several countries share. */
function countryOf(nationalNumber: string, countries: string[]): string | undefined {
	for (const country of countries) {
		metadata.selectNumberingPlan(country);
		const leading = metadata.numberingPlan.leadingDigits();
		if (leading) {
			if (nationalNumber.search(compiled(anywhere, leading, leading)) === 0) return country;
		} else if (metadata.numberingPlan.hasTypes() && hasType(nationalNumber)) return country;
	}
	return undefined;
}

/** `{ number, country }` when `text` is a valid number in E.164 by the library's rules; undefined: ask the library. */
export function validE164(text: string): { number: string; country?: string } | undefined {
	if (!/^\+[1-9]\d{6,14}$/.test(text)) return undefined;
	const digits = text.slice(1);
	let code: string | undefined;
	for (let length = 1; length <= 3 && !code; length++) {
		if (metadata.hasCallingCode(digits.slice(0, length))) code = digits.slice(0, length);
	}
	const countries = code && metadata.getCountryCodesForCallingCode(code);
	if (!code || !countries) return undefined;
	const nationalNumber = digits.slice(code.length);
	metadata.selectNumberingPlan(code);
	const prefix = metadata.numberingPlan.nationalPrefixForParsing();
	if (prefix && compiled(starts, prefix, `^(?:${prefix})`).test(nationalNumber)) return undefined;
	const country = countries.length === 1 ? countries[0] : countryOf(nationalNumber, countries);
	metadata.selectNumberingPlan(country ?? code);
	// isValid: the number types where the metadata has them (in "min" not every country does), else the national pattern.
	const plan = metadata.numberingPlan;
	const valid = plan.hasTypes() ? hasType(nationalNumber) : matchesEntirely(nationalNumber, plan.nationalNumberPattern());
	if (!valid) return undefined;
	return country ? { number: text, country } : { number: text };
}
