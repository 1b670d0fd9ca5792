import type { INodeProperties } from 'n8n-workflow';

/** `properties`, each shown at `version` only. */
function atVersion(version: number, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': [version] } },
	}));
}

/** The node's properties for both versions: version 1's exactly as they were, then version 2's, each shown at its version only. */
export function withVersion2(v1: INodeProperties[], v2: INodeProperties[]): INodeProperties[] {
	return [...atVersion(1, v1), ...atVersion(2, v2)];
}
