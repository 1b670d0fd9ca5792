import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { Inbox } from '../../nodes/Inbox/Inbox.node';
import { countryOptions } from '../../nodes/shared/phoneLib';
import { Sociocs } from '../../nodes/Sociocs/Sociocs.node';

/**
 * What keeps the node files quick to load (bench/loadTime.mjs measures it): the phone library
 * is evaluated on first use, and nothing at import needs it, Intl's region names or a
 * locale-aware sort. These tests check that the written-out values are what those would give.
 */

test('the Default Country list is every country of the library, with Intl\'s English name and calling code, sorted by name', () => {
	const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
	const expected = getCountries()
		.map((code) => ({ name: `${regionNames.of(code) ?? code} (+${getCountryCallingCode(code)})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
	expect(countryOptions).toEqual(expected);
	expect(countryOptions.find((option) => option.value === 'GB')).toEqual({ name: 'United Kingdom (+44)', value: 'GB' });
});

test('every Options collection is in the alphabetical order a locale-aware sort gives', () => {
	const collections = [new Sociocs(), new HighLevelConversations(), new Inbox()].flatMap((node) =>
		node.description.properties.filter((property) => property.name === 'options'),
	);
	expect(collections.length).toBeGreaterThanOrEqual(4);
	for (const collection of collections) {
		const names = (collection.options as INodeProperties[]).map((option) => option.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	}
});

test('loading a node does not evaluate the phone library; the first phone number does', () => {
	let evaluated = 0;
	jest.isolateModules(() => {
		jest.doMock('libphonenumber-js', () => {
			evaluated++;
			return jest.requireActual('libphonenumber-js');
		});
		const { Sociocs: IsolatedSociocs } = require('../../nodes/Sociocs/Sociocs.node') as { Sociocs: typeof Sociocs };
		const { HighLevelConversations: IsolatedHighLevel } = require('../../nodes/HighLevel/HighLevelConversations.node') as {
			HighLevelConversations: typeof HighLevelConversations;
		};
		const sociocs = new IsolatedSociocs();
		new IsolatedHighLevel();
		const options = sociocs.description.properties.find((p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('send'));
		const defaultCountry = (options?.options as INodeProperties[]).find((o) => o.name === 'defaultCountry');
		expect((defaultCountry?.options as INodePropertyOptions[]).length).toBe(countryOptions.length + 1);
		expect(evaluated).toBe(0);

		const { normalisePhone } = require('../../nodes/shared/phone') as typeof import('../../nodes/shared/phone');
		expect(normalisePhone('+1 (617) 555-1212')).toBe('+16175551212');
		expect(evaluated).toBe(1);
	});
});
