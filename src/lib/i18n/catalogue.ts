/**
 * The message catalogues: one JSON file per namespace and language under messages/<locale>/.
 * A namespace is an area of the app (board, calendar, import…), so each area's strings live
 * together and two people working on two areas never edit the same file.
 */
import { LOCALES, type Locale } from './locales';

export type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<Messages>('./messages/*/*.json', { eager: true, import: 'default' });

function build(): Record<Locale, Record<string, Messages>> {
	const resources = Object.fromEntries(LOCALES.map((locale) => [locale, {}])) as Record<Locale, Record<string, Messages>>;
	for (const [path, messages] of Object.entries(files)) {
		const match = /\.\/messages\/([^/]+)\/([^/]+)\.json$/.exec(path);
		if (!match) continue;
		const [, locale, namespace] = match;
		if (locale in resources) resources[locale as Locale][namespace] = messages;
	}
	return resources;
}

export const resources = build();
export const NAMESPACES = Object.keys(resources.en).sort();
