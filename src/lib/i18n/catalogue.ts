/**
 * The message catalogues: one JSON file per namespace and language under messages/<locale>/.
 * A namespace is an area of the app (board, calendar, import…), so each area's strings live
 * together and two people working on two areas never edit the same file.
 *
 * English is in the first page's JavaScript: it is the fallback for every key. Any other language
 * is its own chunk, loaded when chosen, so an English reader does not download Chinese (about a
 * fifth of the first page's JavaScript) and the reverse costs one small request.
 */
import { LOCALES, type Locale } from './locales';

export type Messages = { [key: string]: string | Messages };
type Namespaces = Record<string, Messages>;

const english = import.meta.glob<Messages>('./messages/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Messages>(['./messages/*/*.json', '!./messages/en/*.json'], { import: 'default' });

const pathPattern = /\.\/messages\/([^/]+)\/([^/]+)\.json$/;

function namespacesOf(files: Record<string, Messages>): Namespaces {
	const namespaces: Namespaces = {};
	for (const [path, messages] of Object.entries(files)) {
		const match = pathPattern.exec(path);
		if (match) namespaces[match[2]] = messages;
	}
	return namespaces;
}

export const englishMessages: Namespaces = namespacesOf(english);
export const NAMESPACES = Object.keys(englishMessages).sort();

/**
 * The catalogues by language: English from the start, any other filled in when it is loaded (the
 * tests' setup loads them all, src/lib/i18n/test-setup.ts).
 */
export const resources = Object.fromEntries(LOCALES.map((locale) => [locale, locale === 'en' ? englishMessages : {}])) as Record<Locale, Namespaces>;
const loadedLocales = new Set<Locale>(['en']);

/** A language's catalogues (English at once, any other after one dynamic import per namespace). */
export async function loadMessages(locale: Locale): Promise<Namespaces> {
	if (loadedLocales.has(locale)) return resources[locale];
	const entries = Object.entries(others).filter(([path]) => pathPattern.exec(path)?.[1] === locale);
	const loaded = await Promise.all(entries.map(async ([path, load]) => [path, await load()] as const));
	Object.assign(resources[locale], namespacesOf(Object.fromEntries(loaded)));
	loadedLocales.add(locale);
	return resources[locale];
}

/** Every language's catalogues, for tests that compare them. */
export async function loadAllMessages(): Promise<Record<Locale, Namespaces>> {
	const all = await Promise.all(LOCALES.map(async (locale) => [locale, await loadMessages(locale)] as const));
	return Object.fromEntries(all) as Record<Locale, Namespaces>;
}
