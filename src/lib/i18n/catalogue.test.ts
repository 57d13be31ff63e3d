import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources, NAMESPACES, type Messages } from './catalogue';
import { LOCALES } from './locales';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a namespace, with plural forms folded into one key (languages differ in them). */
function keysOf(messages: Messages, prefix = ''): Map<string, string[]> {
	const keys = new Map<string, string[]>();
	for (const [name, value] of Object.entries(messages)) {
		const path = prefix ? `${prefix}.${name}` : name;
		if (typeof value === 'string') {
			const key = path.replace(PLURAL_SUFFIX, '');
			keys.set(key, [...(keys.get(key) ?? []), value]);
		} else {
			for (const [key, values] of keysOf(value, path)) keys.set(key, [...(keys.get(key) ?? []), ...values]);
		}
	}
	return keys;
}

const variablesOf = (texts: string[]) => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1])))].sort();

describe('message catalogues', () => {
	it('have the same namespaces in every language', () => {
		for (const locale of LOCALES) expect(Object.keys(resources[locale]).sort(), locale).toEqual(NAMESPACES);
	});

	for (const namespace of NAMESPACES) {
		it(`${namespace}: every key in one language is in the other, non-empty, with the same placeholders`, () => {
			const english = keysOf(resources.en[namespace]);
			for (const locale of LOCALES) {
				const other = keysOf(resources[locale][namespace] ?? {});
				expect([...other.keys()].filter((key) => !english.has(key)), `${locale} keys English lacks`).toEqual([]);
				expect([...english.keys()].filter((key) => !other.has(key)), `English keys ${locale} lacks`).toEqual([]);
				for (const [key, texts] of other) {
					expect(texts.every((text) => text.trim() !== ''), `${locale} ${namespace}:${key} is empty`).toBe(true);
					// a plural form may leave the count out ("one post"), so compare the union of forms
					expect(variablesOf(texts), `${locale} ${namespace}:${key} placeholders`).toEqual(variablesOf(english.get(key)!));
				}
			}
		});
	}
});

const SOURCE_ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return entry.name === 'messages' ? [] : sourceFiles(path);
		return /\.(svelte|ts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

describe('keys used in the code', () => {
	it('exist in the English catalogue (literal keys: t("namespace:key"))', () => {
		const english = new Map(NAMESPACES.map((namespace) => [namespace, keysOf(resources.en[namespace])]));
		const missing: string[] = [];
		for (const file of sourceFiles(SOURCE_ROOT)) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/\bt\(\s*'([\w-]+):([\w.-]+)'/g)) {
				const [, namespace, key] = match;
				if (!english.get(namespace)?.has(key)) missing.push(`${relative(SOURCE_ROOT, file)}: ${namespace}:${key}`);
			}
		}
		expect(missing).toEqual([]);
	});
});
