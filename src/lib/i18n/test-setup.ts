// Tests switch languages synchronously (i18n.set) and compare catalogues: load every language first.
import { preloadLanguage } from './i18n.svelte';
import { LOCALES } from './locales';

await Promise.all(LOCALES.map((locale) => preloadLanguage(locale)));
