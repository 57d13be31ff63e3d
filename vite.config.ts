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
	build: { chunkSizeWarningLimit: 1200 },
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
