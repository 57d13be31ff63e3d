/**
 * The languages Chorus speaks. Pure: no Svelte, no DOM, so the choice of a default can be tested
 * in Node.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages that Chorus speaks. Any Chinese written in
 * simplified script (zh, zh-CN, zh-SG, zh-Hans-…) gets Simplified Chinese; traditional-script
 * Chinese (zh-TW, zh-HK, zh-Hant) is not offered it, since reading the other script is a chore.
 */
export function matchLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const lower = tag.toLowerCase();
		if (lower === 'en' || lower.startsWith('en-')) return 'en';
		if (lower === 'zh' || lower.startsWith('zh-')) {
			if (/^zh-(tw|hk|mo|hant)/.test(lower)) continue;
			return 'zh-CN';
		}
	}
	return 'en';
}
