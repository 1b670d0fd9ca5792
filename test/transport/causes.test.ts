import { causeChain, findInChain } from '../../nodes/shared/transport/causes';

/** The one walk down an error's cause chain (nodes/shared/transport/causes.ts). */
describe('cause chains', () => {
	const chain = (length: number) => {
		let error: Record<string, unknown> | undefined;
		for (let i = length; i > 0; i--) error = { depth: i, cause: error };
		return error;
	};

	test('the error first, then its causes, five deep at most', () => {
		expect([...causeChain(chain(3))].map((link) => link.depth)).toEqual([1, 2, 3]);
		expect([...causeChain(chain(9))].map((link) => link.depth)).toEqual([1, 2, 3, 4, 5]);
	});

	test('a cycle ends; a cause that is not an object ends the chain', () => {
		const looped: Record<string, unknown> = { depth: 1 };
		looped.cause = looped;
		expect([...causeChain(looped)]).toHaveLength(5);
		expect([...causeChain({ depth: 1, cause: 'text' })]).toHaveLength(1);
		expect([...causeChain(null)]).toEqual([]);
		expect([...causeChain('boom')]).toEqual([]);
	});

	test('findInChain: the first link that has it', () => {
		const error = { cause: { code: 'ECONNRESET', cause: { code: 'EPIPE' } } };
		expect(findInChain(error, (link) => link.code as string | undefined)).toBe('ECONNRESET');
		expect(findInChain(chain(9), (link) => (link.depth === 6 ? 'found' : undefined))).toBeUndefined();
	});
});
