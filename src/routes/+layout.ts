import { FIRST_PAGE_NAMESPACES } from '$lib/i18n/catalogue';
import { englishReady } from '$lib/i18n/i18n.svelte';
import type { LayoutLoad } from './$types';

// Every route is prerendered to its own folder (import/index.html, …) so the build works on any
// directory-index static host, from any sub-path.
export const prerender = true;
export const trailingSlash = 'always';

/**
 * Routes whose page (and layout) use only the English namespaces bundled with the first page, so
 * they render without waiting for a catalogue. Every other route waits for all of English (loaded
 * once, a few chunks from the service worker's cache) before it renders, so no key is ever shown
 * in place of its text.
 */
const FIRST_PAGE_ROUTES = new Set(['/', '/dashboard']);

export const load: LayoutLoad = async ({ route }) => {
	await englishReady(route.id !== null && FIRST_PAGE_ROUTES.has(route.id) ? FIRST_PAGE_NAMESPACES : undefined);
};
