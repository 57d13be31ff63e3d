/**
 * Messages as data: a code (a key of the `issues` catalogue), the values it names, and the English
 * text. The core never imports i18n, so it cannot word a message in the active language; it hands
 * the UI the code and values, and keeps the English text for logs, tests and as the fallback.
 *
 * The English text is rendered here from one template table per area, written in i18next's own
 * syntax (`{{value}}`, plural forms chosen by `count`, `$t(issues:key)` for a nested message), so
 * the English catalogue can be exactly that table and a test can prove the two agree.
 */

/** A value a message names; a nested message (or a list of them) is worded in the same language. */
export type MessageParam = string | number | CodedMessage | readonly CodedMessage[];

export interface CodedMessage {
	/** The English text: logs, tests, and the fallback when a language has no message for the code. */
	message: string;
	code?: string;
	params?: Record<string, MessageParam>;
}

/** One English template, or its plural forms (English has two: count === 1 and every other count). */
export type Template = string | { one: string; other: string };
export type TemplateTable = Readonly<Record<string, Template>>;

/** How a list of nested messages is joined: each is a sentence of its own. */
export const LIST_JOINER = ' ';

/** Renders `$t(namespace:key)` references the table itself does not hold (e.g. metric names). */
export type ExternalLookup = (key: string) => string | undefined;

function pick(template: Template, params: Record<string, MessageParam>): string {
	if (typeof template === 'string') return template;
	return params.count === 1 ? template.one : template.other;
}

/**
 * The English text of `code` with `params`, as i18next renders the English catalogue: values
 * first, then nested `$t(issues:…)` references (which see the same values).
 */
export function renderEnglish(table: TemplateTable, code: string, params: Record<string, MessageParam> = {}, external?: ExternalLookup): string {
	const template = table[code];
	if (template === undefined) throw new Error(`No English message for ${code}`);
	const flat = flatParams(params, (nested) => nested.message);
	const value = (name: string) => (name in flat ? String(flat[name]) : `{{${name}}}`);
	// one pass over the template, so a value that happens to contain `{{…}}` or `$t(…)` stays as it is
	return pick(template, params).replace(/\$t\(([\w-]+):([^)]+)\)|\{\{\s*([\w.]+)\s*\}\}/g, (whole, namespace?: string, rawKey?: string, name?: string) => {
		if (name !== undefined) return value(name);
		const key = rawKey!.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, inner: string) => value(inner));
		if (namespace === 'issues' && key in table) return renderEnglish(table, key, params, external);
		const outside = external?.(`${namespace}:${key}`);
		if (outside === undefined) throw new Error(`No English message for ${whole} in ${code}`);
		return outside;
	});
}

/** Params with every nested message rendered by `render` (a list joined into one string). */
export function flatParams(params: Record<string, MessageParam> | undefined, render: (nested: CodedMessage) => string): Record<string, string | number> {
	const flat: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(params ?? {})) {
		if (typeof value === 'string' || typeof value === 'number') flat[name] = value;
		else if (Array.isArray(value)) flat[name] = (value as readonly CodedMessage[]).map(render).join(LIST_JOINER);
		else flat[name] = render(value as CodedMessage);
	}
	return flat;
}

/** A coded message whose values have the given shape (flat values fit a RowIssue). */
export interface Coded<P extends Record<string, MessageParam>> {
	message: string;
	code: string;
	params: P;
}

export interface MessageMaker<Code extends string> {
	(code: Code): Coded<Record<string, never>>;
	<P extends Record<string, MessageParam>>(code: Code, params: P): Coded<P>;
}

/** A maker of coded messages for one area's table: `make('file.empty', { name })`. */
export function messageMaker<Table extends TemplateTable>(table: Table, external?: ExternalLookup): MessageMaker<keyof Table & string> {
	const make = (code: keyof Table & string, params: Record<string, MessageParam> = {}) => ({
		message: renderEnglish(table, code, params, external),
		code,
		params
	});
	return make as MessageMaker<keyof Table & string>;
}

/** A message that has only flat values (what a RowIssue may carry). */
export interface FlatCodedMessage extends CodedMessage {
	params?: Record<string, string | number>;
}

/**
 * The table as the English catalogue holds it: nested objects by the dots of the codes, plural
 * forms as `key_one` / `key_other`. The catalogue test compares issues.json with this.
 */
export function catalogueOf(table: TemplateTable): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [code, template] of Object.entries(table)) {
		const parts = code.split('.');
		let node = root;
		for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
		const leaf = parts[parts.length - 1];
		if (typeof template === 'string') node[leaf] = template;
		else {
			node[`${leaf}_one`] = template.one;
			node[`${leaf}_other`] = template.other;
		}
	}
	return root;
}
