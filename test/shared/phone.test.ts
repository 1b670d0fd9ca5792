import { expectRejectedBeforeSending } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

/**
 * The phone normaliser decides who receives a message: every case runs the Sociocs node in
 * n8n's engine and checks the `to` the API received.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

async function sentTo(to: string, defaultCountry?: string) {
	const options = defaultCountry ? { defaultCountry } : {};
	const result = await runNode(sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to, text: 'x', options }));
	return { result, to: api.requests[0]?.body?.to as string | undefined };
}

// [country, E.164, the same number written nationally]. DE, IN, BR, IT and AU have national
// numbers that can start with their own calling code.
const COUNTRIES: Array<[string, string, string]> = [
	['DE', '+4915123456789', '0151 23456789'],
	['IN', '+918123456789', '081234 56789'],
	['BR', '+5511961234567', '(11) 96123-4567'],
	['IT', '+393123456789', '312 345 6789'],
	['AU', '+61412345678', '0412 345 678'],
	['US', '+16175551212', '(617) 555-1212'],
	['GB', '+447400123456', '07400 123456'],
	['FR', '+33612345678', '06 12 34 56 78'],
	['ES', '+34612345678', '612 34 56 78'],
	['MX', '+522221234567', '222 123 4567'],
	['JP', '+819012345678', '090-1234-5678'],
	['ZA', '+27711234567', '071 123 4567'],
];

describe('phone numbers in 12 countries', () => {
	test.each(COUNTRIES)('%s: %s without "+" and no Default Country is sent as it is', async (_country, e164) => {
		expect((await sentTo(e164.slice(1))).to).toBe(e164);
	});

	test.each(COUNTRIES)('%s: the national form of %s with its Default Country', async (country, e164, national) => {
		expect((await sentTo(national, country)).to).toBe(e164);
	});

	// With the Default Country set, digits that start with the country code either read the
	// same both ways, or are refused: never sent with the code a second time.
	test.each(COUNTRIES)('%s: %s without "+", Default Country set', async (country, e164) => {
		const { result, to } = await sentTo(e164.slice(1), country);
		if (country === 'DE') {
			expectRejectedBeforeSending(result, api, /expected a number that reads one way only/);
			expect(result.error?.message).toContain(`+49${e164.slice(1)} as a national number of Germany`);
			expect(result.error?.message).toContain(`and ${e164} in Germany as digits that start with their country code`);
		} else expect(to).toBe(e164);
	});

	test('DE: 4915112345678 is never sent as +494915112345678', async () => {
		const { result } = await sentTo('4915112345678', 'DE');
		expectRejectedBeforeSending(result, api, /^Invalid "To" in item 0: expected a number that reads one way only/);
		expect(result.error?.message).toContain('+494915112345678 as a national number of Germany (Default Country)');
		expect(result.error?.message).toContain('and +4915112345678 in Germany');
		expect(result.error?.message).toContain('. Write it with "+" and its country code; got "4915112345678"');
		expect((await sentTo('+49 151 1234 5678', 'DE')).to).toBe('+4915112345678');
		api.reset();
		expect((await sentTo('0151 1234 5678', 'DE')).to).toBe('+4915112345678');
	});

	test('IN, BR, IT, AU, DE: national numbers whose digits start with the calling code', async () => {
		const cases: Array<[string, string, string]> = [
			['09123456789', 'IN', '+919123456789'],
			['(55) 98123-4567', 'BR', '+5555981234567'],
			['06 3912 3456', 'IT', '+390639123456'],
			['(02) 6112 3456', 'AU', '+61261123456'],
			['0491 234567', 'DE', '+49491234567'],
		];
		for (const [written, country, e164] of cases) {
			api.reset();
			expect([written, (await sentTo(written, country)).to]).toEqual([written, e164]);
		}
	});

	test('BR: the same digits without the brackets read two ways, both in Brazil: refused', async () => {
		const { result } = await sentTo('55 98123-4567', 'BR');
		expectRejectedBeforeSending(result, api, /\+5555981234567 as a national number of Brazil .* and \+55981234567 in Brazil/);
	});
});

describe('phone numbers: digits that begin with another country\'s code', () => {
	// The Default Country says what national numbers mean. Reading digits as starting with any
	// country's code would make about a fifth of valid US national numbers ambiguous (measured
	// with libphonenumber-js on random valid US numbers): "2014561234" is also Egypt's +20 14561234.
	test('US: 2014561234 with Default Country US is the US number, not Egypt\'s +2014561234', async () => {
		expect((await sentTo('2014561234', 'US')).to).toBe('+12014561234');
		api.reset();
		expect((await sentTo('201-456-1234', 'US')).to).toBe('+12014561234');
	});

	test('IN: a national mobile that starts with 91 is the Indian number', async () => {
		expect((await sentTo('9198765432', 'IN')).to).toBe('+919198765432');
	});

	test('the same digits with "+", or with the US code, are read as written', async () => {
		expect((await sentTo('+2014561234', 'US')).to).toBe('+2014561234');
		api.reset();
		expect((await sentTo('1 201 456 1234', 'US')).to).toBe('+12014561234');
		api.reset();
		expect((await sentTo('(201) 456-1234', 'US')).to).toBe('+12014561234');
	});

	test('without a Default Country, digits are read as starting with their country code', async () => {
		expect((await sentTo('2014561234')).to).toBe('+2014561234');
	});

	test('with Continue On Fail an ambiguous item is an error item and the others go out', async () => {
		const result = await runNode(
			sociocs(
				api,
				{ operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.phone }}', text: 'x', options: { defaultCountry: 'DE' } },
				{ continueOnFail: true },
			),
			[{ phone: '0151 23456789' }, { phone: '4915112345678' }],
		);
		expect(api.requests.map((r) => r.body.to)).toEqual(['+4915123456789']);
		expect(result.items[1].json.error).toMatch(/^Invalid "To" in item 1: expected a number that reads one way only/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('what is not a phone number is refused, saying what is expected', () => {
	const EXPECTED = 'expected a phone number with its country code, e.g. +16175551212 (or set "Default Country" in Options)';

	test.each([
		['words around a number', 'call +1 617 555 1212'],
		['a vanity number', '+1 617 555 CALL'],
		['no digits at all', 'unknown'],
		['digits the plan does not know', '+999 123'],
	])('%s: %s', async (_case, to) => {
		const { result } = await sentTo(to, 'US');
		expectRejectedBeforeSending(result, api, /^Invalid "To" in item 0: /);
		expect(result.error?.message).toContain(EXPECTED);
	});

	test('an extension is refused: the API would send to the main number', async () => {
		const { result } = await sentTo('+1 617 555 1212 ext. 12', 'US');
		expectRejectedBeforeSending(result, api, /^Invalid "To" in item 0: /);
	});
});
