import { defineConfig } from '@playwright/test';
import { findChromium } from './browser-path.mjs';

// PORT lets two checkouts run their suites side by side on one machine
const PORT = Number(process.env.PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}/deep/sub/path/`;

export default defineConfig({
	testDir: 'e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: '.results',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	webServer: {
		command: 'node serve.mjs',
		url: BASE,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	},
	use: {
		baseURL: BASE,
		browserName: 'chromium',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: findChromium() ?? undefined,
			args: ['--disable-gpu', '--disable-quic', '--disable-sync', '--disable-background-networking']
		}
	}
});
