import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemFields } from '../../shared/fields';
import type { Outgoing } from '../../shared/items';
import { readList, withQuery } from './lists';
import type { Query } from './lists';

/** Return All, or the Limit (a whole number of at least 1); undefined means all. */
export function maxOf(fields: ItemFields): number | undefined {
	if (fields.boolean('returnAll', 'Return All')) return undefined;
	const limit = Number(fields.raw('limit', 50));
	if (!Number.isInteger(limit) || limit < 1) fields.fail('Limit', 'a whole number of at least 1', fields.raw('limit', 50));
	return limit;
}

/** A Get Many item: every entry of the list (up to `max`) becomes an output item. */
export function listOutgoing(ctx: IExecuteFunctions, path: string, query: Query, max: number | undefined): Outgoing {
	return {
		request: { method: 'GET', path: withQuery(path, query) },
		send: async (api, itemIndex, outside) => await readList(ctx, api, path, query, max, itemIndex, outside),
		output: (entries) => entries as ReturnType<NonNullable<Outgoing['output']>>,
	};
}
