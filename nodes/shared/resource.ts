import type { INodeProperties } from 'n8n-workflow';

import type { Operation, OperationTable } from './router';

/**
 * A node's resources, written once (as n8n's Airtable v2 `*.resource.ts` files are): each
 * `actions/<resource>/index.ts` names its operation files, and the node's Operation
 * dropdown, its properties, the router's table and the canvas subtitle are all read from
 * there. A new operation is its own file plus one line in its resource's index.
 */

/** What an `*.operation.ts` file exports besides `description` and `execute`. */
export interface OperationFile extends Operation {
	/** Its entry in the Operation dropdown. */
	option: { name: string; action: string; description: string };
	/** The canvas subtitle, as the body of an n8n expression (see `text` and `labelOf`). */
	subtitle: string;
}

export interface Resource {
	value: string;
	/** Its entry in the Resource dropdown. */
	name: string;
	operations: Record<string, Operation>;
	/** The Operation dropdown, shown for this resource. */
	operationProperty: INodeProperties;
	/** Every operation's fields. */
	properties: INodeProperties[];
	/** This resource's part of the subtitle (an expression body). */
	subtitle: string;
}

/** A fixed text in a subtitle expression. */
export const text = (value: string) => JSON.stringify(value);

/** The label of a parameter's value in a subtitle expression, e.g. the chosen type's name. */
export function labelOf(parameter: string, labels: ReadonlyArray<{ name: string; value: string }>, fallback: string): string {
	const table = labels.map(({ name, value }) => `${text(value)}: ${text(name)}`).join(', ');
	return `({ ${table} }[$parameter[${text(parameter)}]] || ${text(fallback)})`;
}

function byName(a: { name: string }, b: { name: string }) {
	return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** `expressions` chosen by a parameter's value; the default's expression closes the chain. */
function chooseBy(parameter: string, expressions: Record<string, string>, fallback: string): string {
	const others = Object.entries(expressions).filter(([value]) => value !== fallback);
	return [...others.map(([value, expression]) => `$parameter[${text(parameter)}] === ${text(value)} ? ${expression} : `), expressions[fallback]].join('');
}

export function defineResource(
	{ value, name }: { value: string; name: string },
	files: Record<string, OperationFile>,
	defaultOperation: string,
): Resource {
	return {
		value,
		name,
		operations: files,
		operationProperty: {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: Object.entries(files)
				.map(([operation, { option }]) => ({ name: option.name, value: operation, action: option.action, description: option.description }))
				.sort(byName),
			default: defaultOperation,
		},
		properties: Object.values(files).flatMap((file) => file.description),
		subtitle: chooseBy('operation', Object.fromEntries(Object.entries(files).map(([operation, file]) => [operation, file.subtitle])), defaultOperation),
	};
}

/** The node's Resource dropdown, then each resource's Operation dropdown and fields. */
export function propertiesOf(resources: Resource[]): INodeProperties[] {
	const defaultResource = resources[0].value;
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })).sort(byName),
			default: defaultResource,
		},
		...resources.flatMap((resource) => [resource.operationProperty, ...resource.properties]),
	];
}

/** The router's table of a node's resources. */
export function operationsOf(resources: Resource[]): OperationTable {
	return Object.fromEntries(resources.map((resource) => [resource.value, resource.operations]));
}

/** The node's canvas subtitle: plain text when it never changes, else an expression. */
export function subtitleOf(resources: Resource[]): string {
	const expression = chooseBy('resource', Object.fromEntries(resources.map((r) => [r.value, r.subtitle])), resources[0].value);
	try {
		const fixed: unknown = JSON.parse(expression);
		if (typeof fixed === 'string') return fixed;
	} catch {
		// Not a fixed text: an expression.
	}
	return `={{ ${expression} }}`;
}
