import { headerText, numberHeader } from '../../nodes/shared/transport';

/** The one header reader (nodes/shared/transport/headers.ts): names, lists, blanks. */
describe('headers', () => {
	test('found by the documented name or its lower-case name; of a list, the first', () => {
		expect(headerText({ 'x-ratelimit-max': '100' }, 'X-RateLimit-Max')).toBe('100');
		expect(headerText({ 'X-RateLimit-Max': '7' }, 'X-RateLimit-Max')).toBe('7');
		expect(headerText({ 'X-RATELIMIT-MAX': '100' }, 'X-RateLimit-Max')).toBeUndefined();
		expect(headerText({ location: ['/a', '/b'] }, 'location')).toBe('/a');
		expect(headerText({ 'retry-after': 0 }, 'retry-after')).toBe('0');
		expect(headerText({ 'retry-after': null }, 'retry-after')).toBeUndefined();
		expect(headerText({}, 'retry-after')).toBeUndefined();
	});

	test('a number header: absent, blank or not a number is undefined; 0 is 0', () => {
		expect(numberHeader({ 'x-ratelimit-max': '100' }, 'X-RateLimit-Max')).toBe(100);
		expect(numberHeader({ 'x-ratelimit-max': '0' }, 'x-ratelimit-max')).toBe(0);
		expect(numberHeader({ 'x-ratelimit-max': '' }, 'x-ratelimit-max')).toBeUndefined();
		expect(numberHeader({ 'x-ratelimit-max': 'many' }, 'x-ratelimit-max')).toBeUndefined();
		expect(numberHeader({ 'x-ratelimit-max': null }, 'x-ratelimit-max')).toBeUndefined();
		expect(numberHeader({}, 'x-ratelimit-max')).toBeUndefined();
	});
});
