import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { findChromium } from './tests/browser-path.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
	plugins: [sveltekit()],
	define: { __APP_VERSION__: JSON.stringify(version) },
	worker: { format: 'es' },
	build: {
		chunkSizeWarningLimit: 1200,
		rolldownOptions: {
			output: {
				// Rolldown's automatic splitting makes one chunk per set of routes sharing a module: the
				// dashboard's first page was 25 scripts, 14 of them under 2 KB, each one more request
				// through the service worker and one more main-thread task before hydration. Two groups
				// make it 13 (the home page 17) with the same bytes: the framework every page runs, and
				// small first-page modules, which join the chunk every page already loads (i18next, Dexie).
				// A group takes a module's dependencies along, so the test names modules, not folders: a
				// broad one moved route-only or lazy code (Zod, Chart.js, the snapshot code) into every
				// page. Not state/workspace.svelte.ts either: its queries bring a dynamic import of the
				// record schemas into that chunk, and Kit's modulepreload list then missed Zod on the
				// workspace page (its find_deps marks a module seen on a dynamic path before it meets it
				// on a static one). Cold open of the large workspace, alternated: median 916 → 882 ms
				// (load 1.6–2.2) and 869 → 829 ms (load 3.7–4.7).
				codeSplitting: {
					groups: [
						{ name: 'runtime', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env)[\\/]|vite[\\/]preload-helper/, priority: 2 },
						{
							name: 'shared',
							test: /[\\/]src[\\/]lib[\\/](state[\\/](idle|theme|activity|download)|domain[\\/](days|analytics[\\/]csv)|components[\\/]board[\\/]stable|i18n[\\/]labels)\./,
							priority: 1
						}
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				// runes and real IndexedDB: a real browser (Debian's Chromium, no download)
				extends: './vite.config.ts',
				test: {
					name: 'client',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['./src/lib/i18n/test-setup.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({ launchOptions: { executablePath: findChromium() ?? undefined } }),
						instances: [{ browser: 'chromium' }]
					}
				}
			},
			{
				// the pure core (importers, domain, schemas) and storage code on fake-indexeddb
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					setupFiles: ['fake-indexeddb/auto', './src/lib/i18n/test-setup.ts'],
					testTimeout: 20000
				}
			}
		]
	}
});
