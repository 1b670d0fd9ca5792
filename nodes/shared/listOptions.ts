import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * n8n's usual Return All / Limit pair for a list operation; `readLimit` and `readItems`
 * (nodes/shared/transport/paginate.ts) read them and stop requesting pages at the Limit.
 */
export function returnAllOrLimit(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}
