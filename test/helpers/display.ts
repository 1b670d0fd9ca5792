import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeType } from 'n8n-workflow';

/**
 * The top-level parameters a user sees for these values, as n8n's editor decides it
 * (NodeHelpers.getNodeParameters with displayOptions evaluated, defaults filled in).
 */
export function visibleParameters(type: INodeType, values: INodeParameters): string[] {
	const shown = NodeHelpers.getNodeParameters(
		type.description.properties,
		values,
		true,
		false,
		{ typeVersion: 1 },
		type.description,
	);
	return Object.keys(shown ?? {}).sort();
}
