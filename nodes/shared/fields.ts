import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toZonedIso } from './dates';
import { invalidField } from './errors';

/** Whether a raw parameter value holds no expression, so it is the same for every item. */
export function isStatic(value: unknown): boolean {
	if (typeof value === 'string') return !value.startsWith('=');
	if (Array.isArray(value)) return value.every(isStatic);
	if (value && typeof value === 'object') return Object.values(value).every(isStatic);
	return true;
}

/**
 * `={{ $json.a.b }}` / `={{ $json["a b"] }}`: what n8n's editor writes when a field is dragged
 * from the input. Captures the path after `$json`.
 */
const FIELD_REFERENCE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*")\s*\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*\]/g;

/** The keys a field reference walks, or undefined when the value is anything else. */
function fieldReference(value: unknown): string[] | undefined {
	if (typeof value !== 'string') return undefined;
	const match = FIELD_REFERENCE.exec(value);
	if (!match) return undefined;
	return [...match[1].matchAll(PATH_STEP)].map((step) => step[1] ?? step[2] ?? step[3]);
}

/** The text, number or boolean at `path` in the item's own data; undefined for anything else. */
function primitiveAt(json: IDataObject, path: string[]): string | number | boolean | undefined {
	let value: unknown = json;
	for (const key of path) {
		if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The parameter as stored in the node, expressions unevaluated. */
function storedAt(parameters: IDataObject, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** What is known of a parameter for one node run; `value` is set when it is the same for all items. */
interface ParameterInfo {
	isStatic: boolean;
	isLocator: boolean;
	/** Set when the parameter is a plain reference to a field of the input item. */
	reference?: string[];
	value?: unknown;
	resolved?: boolean;
}

/**
 * Parameters without expressions are resolved once per node run: on a bulk run, n8n's
 * resolution of fields that are the same for all 2,000 items would be most of the per-item
 * CPU time. (`extractValue` is asked for only where it does something, on resource locators:
 * n8n looks the property up in the node's description on every call that asks for it.)
 *
 * A field mapped from the input (`={{ $json.phone }}`, the editor's drag and drop) is read
 * straight from the item: n8n's expression engine builds a sandbox per evaluation, about
 * 0.1 ms, which on a 10,000-item send is seconds before the first message goes out. Only
 * top-level parameters (n8n validates none of ours after resolving them: no `validateType`)
 * and only an own text, number or boolean value take this path; anything else is resolved
 * by n8n as before, so the result is always what n8n would have given.
 */
const parameterInfo = new WeakMap<IExecuteFunctions, Map<string, ParameterInfo>>();

/**
 * Reads and checks the parameters of one item. Every check fails with an error that names the
 * field (as the user sees it), the item and what is expected, before anything is sent.
 */
export class ItemFields {
	private readonly known: Map<string, ParameterInfo>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
	) {
		let known = parameterInfo.get(ctx);
		if (!known) {
			known = new Map();
			parameterInfo.set(ctx, known);
		}
		this.known = known;
	}

	/** The parameter as n8n resolved it (expressions evaluated, locators reduced to their value). */
	resolved(name: string, fallback?: unknown): unknown {
		const key = fallback === undefined ? name : `${name}\u0000${String(fallback)}`;
		let info = this.known.get(key);
		if (!info) {
			const rawValue = storedAt(this.ctx.getNode().parameters, name);
			info = {
				isStatic: isStatic(rawValue),
				isLocator: !!rawValue && typeof rawValue === 'object' && (rawValue as IDataObject).__rl === true,
				reference: name.includes('.') ? undefined : fieldReference(rawValue),
			};
			this.known.set(key, info);
		}
		if (info.resolved) return info.value;
		if (info.reference) {
			const json = this.ctx.getInputData()[this.itemIndex]?.json;
			const value = json && primitiveAt(json, info.reference);
			if (value !== undefined) return value;
		}
		const value = this.ctx.getNodeParameter(
			name,
			this.itemIndex,
			fallback,
			info.isLocator ? { extractValue: true } : undefined,
		);
		if (info.isStatic) {
			info.value = value;
			info.resolved = true;
		}
		return value;
	}

	fail(label: string, expected: string, got?: unknown): never {
		throw invalidField(this.ctx.getNode(), this.itemIndex, label, expected, got);
	}

	/** A text value; numbers from expressions are accepted as their text. Empty -> undefined. */
	text(name: string, label: string): string | undefined {
		const value = this.resolved(name, '');
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		if (typeof value !== 'string') this.fail(label, 'a text value', value);
		return value.trim() === '' ? undefined : value;
	}

	/** Yes or no: a boolean, or "true" / "false" from an expression; empty is `fallback`. */
	boolean(name: string, label: string, fallback = false): boolean {
		const value = this.resolved(name, fallback);
		if (value === undefined || value === null || value === '') return fallback;
		if (typeof value === 'boolean') return value;
		const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
		if (text === 'true' || text === 'false') return text === 'true';
		return this.fail(label, 'true or false', value);
	}

	requiredText(name: string, label: string, expected = 'a non-empty text'): string {
		return this.text(name, label) ?? this.fail(label, expected, this.resolved(name, ''));
	}

	/** A text that must match `pattern` (an id, an e-mail address); surrounding spaces are dropped. */
	matching(name: string, label: string, pattern: RegExp, expected: string): string | undefined {
		const value = this.text(name, label)?.trim();
		if (value === undefined) return undefined;
		if (!pattern.test(value)) this.fail(label, expected, value);
		return value;
	}

	requiredMatching(name: string, label: string, pattern: RegExp, expected: string): string {
		return this.matching(name, label, pattern, expected) ?? this.fail(label, expected);
	}

	/** An http(s) URL. */
	url(name: string, label: string): string | undefined {
		const value = this.text(name, label)?.trim();
		if (value === undefined) return undefined;
		return checkHttpUrl(value) ? value : this.fail(label, 'an http:// or https:// URL', value);
	}

	/** A date-time as ISO 8601 with the offset of the workflow's time zone. */
	dateTime(name: string, label: string): string | undefined {
		const value = this.resolved(name, '');
		if (value === undefined || value === null || value === '') return undefined;
		return (
			toZonedIso(value, this.ctx.getTimezone()) ??
			this.fail(label, 'an ISO 8601 date-time, e.g. 2026-11-24T09:30:00 or 2026-11-24T09:30:00-05:00', String(value))
		);
	}

	/**
	 * A list of texts, empty entries dropped: the editor gives a multiple-value field as an
	 * array, an expression may give an array or "a, b" text.
	 */
	list(name: string): string[] {
		const raw = this.resolved(name, []);
		const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\n]/) : [raw];
		return values.map((value) => String(value ?? '').trim()).filter((value) => value !== '');
	}

	/** The operation's "Options" collection. */
	options(): IDataObject {
		return (this.resolved('options', {}) as IDataObject | undefined) ?? {};
	}

	/** Name/value pairs from a fixedCollection `{ [key]: [{ name, value }] }` as an object. */
	pairs(name: string, key: string, label: string): IDataObject | undefined {
		const collection = this.resolved(name, {}) as IDataObject;
		const entries = (collection?.[key] as IDataObject[] | undefined) ?? [];
		if (!entries.length) return undefined;
		const result: IDataObject = {};
		for (const entry of entries) {
			const pairName = String(entry.name ?? '').trim();
			if (!pairName) this.fail(label, 'a name for every entry', entry.value);
			result[pairName] = entry.value as IDataObject[string];
		}
		return result;
	}
}

export function checkHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
	} catch {
		return false;
	}
}
