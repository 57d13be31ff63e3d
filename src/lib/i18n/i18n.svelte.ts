/**
 * The active language and the one translation function, `t`. i18next does the work (plurals by
 * Intl.PluralRules, interpolation, fallback to English); this class adds what Svelte needs: the
 * language is $state, and `t` reads it, so every string on screen follows a switch at once.
 */
import i18next, { type TOptions } from 'i18next';
import { englishMessages, hasMessages, loadMessages, NAMESPACES } from './catalogue';
import { isLocale, matchLocale, type Locale } from './locales';

const STORAGE_KEY = 'chorus.locale';

const translator = i18next.createInstance();
void translator.init({
	resources: { en: englishMessages },
	lng: 'en',
	fallbackLng: 'en',
	ns: NAMESPACES,
	defaultNS: 'common',
	// Svelte escapes every interpolated string; i18next escaping would show &amp; on screen.
	interpolation: { escapeValue: false },
	initAsync: false,
	returnNull: false
});

/**
 * English namespaces the translator has (checked on every `t`, so a Set rather than i18next's
 * lookup). Not reactive on purpose: `late` tells the readers of a missing namespace when it comes.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const englishLoaded = new Set(Object.keys(englishMessages));

function isReady(locale: Locale, namespaces: readonly string[] = NAMESPACES): boolean {
	return hasMessages(locale, namespaces) && namespaces.every((namespace) => translator.hasResourceBundle(locale, namespace));
}

/** Adds a language's catalogues to the translator: the named namespaces, or all of them. */
export async function preloadLanguage(locale: Locale, namespaces: readonly string[] = NAMESPACES): Promise<void> {
	if (isReady(locale, namespaces)) return;
	const loaded = await loadMessages(locale, namespaces);
	for (const namespace of namespaces) {
		if (!translator.hasResourceBundle(locale, namespace)) translator.addResourceBundle(locale, namespace, loaded[namespace], true, true);
		if (locale === 'en') englishLoaded.add(namespace);
	}
}

/**
 * Makes sure English (every language's fallback) has the named namespaces, or all of them: null
 * when it already has, else a promise to wait for before showing a page that uses them. The first
 * page has English's FIRST_PAGE_NAMESPACES (catalogue.ts) without waiting.
 */
export function englishReady(namespaces: readonly string[] = NAMESPACES): Promise<void> | null {
	return isReady('en', namespaces) ? null : preloadLanguage('en', namespaces);
}

class I18nState {
	locale = $state<Locale>('en');
	/** The latest choice: a slow load of an earlier one must not override it. */
	#wanted: Locale = 'en';

	/** The remembered choice, else the browser's languages. */
	async load() {
		let stored: string | null = null;
		try {
			stored = localStorage.getItem(STORAGE_KEY);
		} catch {
			// storage disabled: fall back to the browser's languages
		}
		await this.#apply(isLocale(stored) ? stored : matchLocale(typeof navigator === 'undefined' ? [] : navigator.languages));
	}

	/** Switches at once when the language is loaded, else as soon as it is. */
	async set(locale: Locale) {
		try {
			localStorage.setItem(STORAGE_KEY, locale);
		} catch {
			// private mode or storage disabled: the choice lasts for this visit only
		}
		await this.#apply(locale);
	}

	async #apply(locale: Locale) {
		this.#wanted = locale;
		// English needs no load here: each route's namespaces come with its page (+layout.ts), a late
		// one is loaded when first used (`t`), and the rest once the page is idle; loading all of it
		// at start-up would compete with the first page's reads and first paint
		if (locale !== 'en' && !isReady(locale)) await preloadLanguage(locale);
		if (this.#wanted !== locale) return;
		this.locale = locale;
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}
}

export const i18n = new I18nState();

/** The active language, for Intl and for builders that take a locale. Reactive where it is read. */
export function currentLocale(): Locale {
	return i18n.locale;
}

/**
 * A message from the catalogues, by namespace and key: t("common:nav.board").
 * Reading i18n.locale makes the caller re-run when the language changes.
 */
export function t(key: string, options?: TOptions): string {
	const locale = i18n.locale;
	const namespace = namespaceOf(key);
	if (!englishLoaded.has(namespace)) awaitNamespace(namespace);
	return translator.t(key, { ...options, lng: locale }) as string;
}

function namespaceOf(key: string): string {
	const colon = key.indexOf(':');
	return colon > 0 ? key.slice(0, colon) : 'common';
}

/** Bumped when a late namespace arrives; read by `t` while its namespace is missing. */
const late = $state({ arrived: 0 });

/**
 * A namespace a page uses before it is loaded (a route's list in +layout.ts missed it): loaded now,
 * and the caller, which reads `late`, says its text again once it is here rather than leaving the
 * key on screen.
 */
function awaitNamespace(namespace: string) {
	void late.arrived;
	if (!NAMESPACES.includes(namespace)) return;
	void preloadLanguage('en', [namespace]).then(() => late.arrived++);
}

/** Whether the catalogues hold a message (for codes that come from the data, such as issue codes). */
export function hasMessage(key: string): boolean {
	return translator.exists(key, { lng: i18n.locale });
}
