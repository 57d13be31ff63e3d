import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered and every URL is relative, so the build works from any
		// sub-path of any static host. No fallback page: SPA fallbacks always use absolute paths.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { relative: true },
		// A page's own stylesheets (about 15 KB for the dashboard) go into its HTML: each <link> was
		// one more request through the service worker that held the first paint back (cold open of
		// the large workspace, alternated opens: median 1,039 → 898 ms and 1,190 → 1,146 ms).
		// 'unsafe-inline' in style-src below is what lets Kit inline them without hashes.
		inlineStyleThreshold: 32_768,
		// registered by the app itself (src/lib/state/app-update.svelte.ts) so that a new version
		// is announced and applied on the user's word, never in the middle of an import
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			// Nothing may be loaded from, or sent to, another origin. Kit writes this as a <meta> tag
			// on each prerendered page and adds hashes for its own inline bootstrap script.
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
