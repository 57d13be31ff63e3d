/**
 * The active language and the one translation function, `t`. i18next does the work (plurals by
 * Intl.PluralRules, interpolation, fallback to English); this class adds what Svelte needs: the
 * language is $state, and `t` reads it, so every string on screen follows a switch at once.
 */
import i18next, { type TOptions } from 'i18next';
import { englishMessages, loadMessages, NAMESPACES } from './catalogue';
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

/** Adds a language's catalogues to the translator, once. */
export async function preloadLanguage(locale: Locale): Promise<void> {
	if (translator.hasResourceBundle(locale, 'common')) return;
	for (const [namespace, messages] of Object.entries(await loadMessages(locale))) {
		translator.addResourceBundle(locale, namespace, messages, true, true);
	}
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
		if (!translator.hasResourceBundle(locale, 'common')) await preloadLanguage(locale);
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
	return translator.t(key, { ...options, lng: i18n.locale }) as string;
}

/** Whether the catalogues hold a message (for codes that come from the data, such as issue codes). */
export function hasMessage(key: string): boolean {
	return translator.exists(key, { lng: i18n.locale });
}
