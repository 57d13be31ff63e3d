/**
 * Every user-visible string comes from the catalogues. This walks each component's markup and
 * script with Svelte's own parser and lists English text that does not: text between tags,
 * visible attributes (aria-label, title, placeholder…), and phrases in string literals. Strings
 * that are the same in every language (product and platform names, units) are listed in
 * NOT_TRANSLATED with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const SOURCE_ROOT = join(import.meta.dirname, '..', '..');

/** Exact strings that stay as they are in every language. */
const NOT_TRANSLATED = new Set<string>([
	'Chorus', // the product's name
	'px', // a CSS unit in a style value
	'prefers-color-scheme: dark', // a media query
	// key names a keyboard handler compares event.key with
	...['Enter', 'Escape', 'Tab', 'Home', 'End', 'PageUp', 'PageDown', 'Space', 'Backspace', 'Delete']
]);

const VISIBLE_ATTRIBUTES = /^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/;
/** Props of our own components that end up on screen. */
const VISIBLE_PROPS = /(label|title|caption|text|heading|description|placeholder|message|hint|empty)$/i;
const WORDS = /[A-Za-z]{2,}/;
/** Words with spaces between them, or one capitalised word (a label) in a component. */
const PHRASE = /[A-Za-z]{2,}[,.:;!?'’)]*\s+\(?[A-Za-z]{2,}/;
const LABEL = /^[A-Z][a-z]+$/;
/** A declaration preceded by this comment holds machine text (file headers, key names…); say why after it. */
const EXEMPT = /i18n-exempt:\s*\S/;

/**
 * Components, and the TypeScript beside them that words what they show: state classes and
 * components' helpers. The pure core is not listed: it reports in English plus a code (issues.ts).
 */
function interfaceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return interfaceFiles(path);
		if (entry.name.endsWith('.svelte')) return [path];
		const besideComponents = /[/\\](components|state)[/\\]/.test(path) && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name);
		return besideComponents ? [path] : [];
	});
}

type Node = { type?: string; [key: string]: unknown };

function untranslatedIn(source: string, isComponent: boolean): string[] {
	const isPhrase = (text: string) => PHRASE.test(text) || (isComponent && LABEL.test(text));
	const found: string[] = [];
	const report = (text: string) => {
		const trimmed = text.replace(/\s+/g, ' ').trim();
		if (trimmed && !NOT_TRANSLATED.has(trimmed)) found.push(trimmed);
	};
	const ast = parse(source, { modern: true }) as unknown as Node;

	const visit = (node: unknown, context: { inCall: boolean }) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) {
			for (const child of node) visit(child, context);
			return;
		}
		const current = node as Node;
		const comments = current.leadingComments as { value: string }[] | undefined;
		if (comments?.some((comment) => EXEMPT.test(comment.value))) return;
		switch (current.type) {
			case 'StyleSheet':
			case 'ImportDeclaration':
			case 'Comment':
				return;
			case 'Text':
				if (WORDS.test(String(current.data))) report(String(current.data));
				return;
			case 'Attribute': {
				const name = String(current.name);
				const value = current.value;
				if (Array.isArray(value)) {
					for (const part of value as Node[]) {
						if (part.type === 'Text') {
							const isVisible = VISIBLE_ATTRIBUTES.test(name) || (context as { component?: boolean }).component && VISIBLE_PROPS.test(name);
							if (isVisible && WORDS.test(String(part.data))) report(String(part.data));
						} else visit(part, context);
					}
				} else visit(value, context);
				return;
			}
			case 'Component':
				visit(current.attributes, { ...context, component: true } as typeof context);
				visit(current.fragment, context);
				return;
			case 'CallExpression': {
				const callee = current.callee as Node;
				const isTranslation = callee.type === 'Identifier' && (callee.name === 't' || callee.name === 'hasMessage');
				// console output and errors for developers are not interface text
				const isDeveloperOnly =
					callee.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' && (callee.object as Node).name === 'console';
				if (isTranslation || isDeveloperOnly) {
					visit(current.arguments, { inCall: true });
					return;
				}
				break;
			}
			case 'Literal':
				if (typeof current.value === 'string' && !context.inCall && isPhrase(current.value)) report(current.value);
				return;
			case 'TemplateElement': {
				const cooked = (current.value as { cooked?: string }).cooked ?? '';
				if (!context.inCall && isPhrase(cooked)) report(cooked);
				return;
			}
		}
		for (const [key, value] of Object.entries(current)) {
			if (key === 'parent' || key === 'start' || key === 'end' || key === 'loc' || key === 'metadata') continue;
			if (value && typeof value === 'object') visit(value, context);
		}
	};
	visit(ast, { inCall: false });
	return found;
}

describe('interface text', () => {
	it('comes from the message catalogues in every component and the state and helpers beside them', () => {
		const byFile: Record<string, string[]> = {};
		for (const file of interfaceFiles(SOURCE_ROOT)) {
			const source = readFileSync(file, 'utf8');
			// Svelte's parser reads TypeScript inside a script tag: the same walk covers .ts files
			const isComponent = file.endsWith('.svelte');
			const found = untranslatedIn(isComponent ? source : `<script lang="ts">${source}</script>`, isComponent);
			if (found.length > 0) byFile[relative(SOURCE_ROOT, file)] = found;
		}
		expect(
			byFile,
			'Put these strings in the catalogues (src/lib/i18n/messages). Machine text that must not change with the language (file headers, key names) goes in a declaration marked with a comment "i18n-exempt: <why>".'
		).toEqual({});
	});
});
