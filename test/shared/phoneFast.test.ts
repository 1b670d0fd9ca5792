import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { MetadataJson } from 'libphonenumber-js';

import { validE164 } from '../../nodes/shared/phoneParse';

/**
 * phoneParse's validE164 reads numbers already in E.164 without the library's parser: it may
 * only ever accept what parsePhoneNumberFromString(number).isValid() accepts, as the same
 * number of the same country. Checked on random numbers of every calling code and every
 * length its countries allow (seeded, so every run checks the same ones), about half of them
 * valid; and it must take most valid ones, or it saves nothing.
 */
const json = (new Metadata() as unknown as { metadata: MetadataJson }).metadata;

function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

/** [calling code, national number lengths of its countries]. */
function callingCodes(): Array<[string, number[]]> {
	const codes = Object.entries(json.country_calling_codes as Record<string, string[]>).map(([code, countries]): [string, number[]] => {
		const lengths = countries.flatMap((country) => ((json.countries as Record<string, unknown[]>)[country][3] as number[] | undefined) ?? []);
		return [code, [...new Set(lengths)]];
	});
	const nonGeographic = Object.entries(json.nonGeographic as Record<string, unknown[]>).map(([code, plan]): [string, number[]] => [code, (plan[3] as number[] | undefined) ?? [8]]);
	return [...codes, ...nonGeographic];
}

function verdicts(numbers: string[]) {
	const wrong: unknown[] = [];
	let valid = 0;
	let taken = 0;
	for (const number of numbers) {
		const parsed = parsePhoneNumberFromString(number);
		const library = parsed && parsed.isValid() && !parsed.ext ? { number: parsed.number, country: parsed.country } : undefined;
		const fast = validE164(number);
		if (library) valid++;
		if (!fast) continue;
		taken++;
		if (!library || library.number !== fast.number || library.country !== fast.country) wrong.push({ number, library, fast });
	}
	return { wrong, valid, taken };
}

test('never accepts what the library refuses, nor reads a number as another country', () => {
	const next = random(20261201);
	const numbers: string[] = [];
	for (const [code, lengths] of callingCodes()) {
		for (const length of lengths) {
			if (code.length + length > 15 || code.length + length < 7) continue;
			for (let i = 0; i < 150; i++) {
				numbers.push(`+${code}${Array.from({ length }, () => Math.floor(next() * 10)).join('')}`);
			}
		}
	}
	const { wrong, valid, taken } = verdicts(numbers);
	expect(wrong).toEqual([]);
	expect(numbers.length).toBeGreaterThan(50_000);
	expect(valid).toBeGreaterThan(numbers.length / 5);
	expect(taken).toBeGreaterThan(valid * 0.8);
});

test('takes every valid US number (the bulk of Sociocs\' recipients) and leaves other forms to the library', () => {
	const next = random(7);
	const us = Array.from({ length: 5000 }, () => `+1${2 + Math.floor(next() * 8)}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`);
	const { wrong, valid, taken } = verdicts(us);
	expect(wrong).toEqual([]);
	expect(valid).toBeGreaterThan(2000);
	expect(taken).toBe(valid);
	// Not E.164 as written, a non-geographic code, digits a national prefix may come off: the library decides.
	for (const number of ['+1 617 555 1212', '+1-617-555-1212', '16175551212', '+16175551212 ext. 12', '+800 1234 5678', '+80012345678', '+4402079460958', '+012345678']) {
		expect(validE164(number)).toBeUndefined();
	}
	expect(validE164('+16175551212')).toEqual({ number: '+16175551212', country: 'US' });
	expect(validE164('+14165551212')).toEqual({ number: '+14165551212', country: 'CA' });
});
