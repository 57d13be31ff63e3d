/**
 * The message catalogues: one JSON file per namespace and language under messages/<locale>/.
 * A namespace is an area of the app (board, calendar, import…), so each area's strings live
 * together and two people working on two areas never edit the same file.
 *
 * In the first page's JavaScript: only the English namespaces of what every page shows (the header
 * and footer, metric and platform names), of the home page (the first page a new person sees; the
 * benchmark's initial-JS budget measures it) and of the dashboard, the page people come back to. Every
 * other namespace, in every language, is its own chunk, loaded when a page needs it (the root
 * +layout.ts waits for a route's namespaces before the page renders, and the rest of English loads
 * once the page is idle): a cold open of the dashboard used to download and parse all of them
 * (about 130 KB of English, and the other language besides before that).
 */
import { LOCALES, type Locale } from './locales';

export type Messages = { [key: string]: string | Messages };
type Namespaces = Record<string, Messages>;

/** The English namespaces bundled with the first page (the list in the glob below). */
export const FIRST_PAGE_NAMESPACES = ['analytics', 'common', 'dashboard', 'data', 'home'] as const;

// a literal list: import.meta.glob takes no variables
const firstPage = import.meta.glob<Messages>(
	['./messages/en/analytics.json', './messages/en/common.json', './messages/en/dashboard.json', './messages/en/data.json', './messages/en/home.json'],
	{
		eager: true,
		import: 'default'
	}
);
const lazy = import.meta.glob<Messages>('./messages/*/*.json', { import: 'default' });

const pathPattern = /\.\/messages\/([^/]+)\/([^/]+)\.json$/;

function namespacesOf(files: Record<string, Messages>): Namespaces {
	const namespaces: Namespaces = {};
	for (const [path, messages] of Object.entries(files)) {
		const match = pathPattern.exec(path);
		if (match) namespaces[match[2]] = messages;
	}
	return namespaces;
}

/** The English namespaces the first page has at once. */
export const englishMessages: Namespaces = namespacesOf(firstPage);
/** Every namespace (English has them all). */
export const NAMESPACES = Object.keys(lazy)
	.map((path) => pathPattern.exec(path))
	.filter((match) => match?.[1] === 'en')
	.map((match) => match![2])
	.sort();

/**
 * The catalogues by language: English's first-page namespaces from the start, the rest filled in
 * as they are loaded (the tests' setup loads them all, src/lib/i18n/test-setup.ts).
 */
export const resources = Object.fromEntries(LOCALES.map((locale) => [locale, locale === 'en' ? { ...englishMessages } : {}])) as Record<
	Locale,
	Namespaces
>;
const pending = new Map<string, Promise<void>>();

/** Whether a language's namespace is loaded (all of them when none is named). */
export function hasMessages(locale: Locale, namespaces: readonly string[] = NAMESPACES): boolean {
	return namespaces.every((namespace) => namespace in resources[locale]);
}

/**
 * A language's catalogues: the named namespaces (all when none is named), each after one dynamic
 * import the first time. Returns every namespace of the language loaded so far.
 */
export async function loadMessages(locale: Locale, namespaces: readonly string[] = NAMESPACES): Promise<Namespaces> {
	await Promise.all(
		namespaces
			.filter((namespace) => !(namespace in resources[locale]))
			.map((namespace) => {
				const path = `./messages/${locale}/${namespace}.json`;
				let loading = pending.get(path);
				if (!loading) {
					const load = lazy[path];
					if (!load) throw new Error(`No ${locale} catalogue for the namespace "${namespace}".`);
					loading = load().then((messages) => {
						resources[locale][namespace] = messages;
					});
					loading.catch(() => pending.delete(path));
					pending.set(path, loading);
				}
				return loading;
			})
	);
	return resources[locale];
}

/** Every language's catalogues, for tests that compare them. */
export async function loadAllMessages(): Promise<Record<Locale, Namespaces>> {
	const all = await Promise.all(LOCALES.map(async (locale) => [locale, await loadMessages(locale)] as const));
	return Object.fromEntries(all) as Record<Locale, Namespaces>;
}
