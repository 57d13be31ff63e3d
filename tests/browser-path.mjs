// Where is a Chromium we may drive? One answer for Playwright, Vitest browser mode and the benchmark.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {string | null} the first Chromium found: $CHROMIUM_PATH, Debian's, then Playwright's own */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const path of candidates) if (path && existsSync(path)) return path;
	try {
		const { chromium } = require('playwright-core');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// playwright-core not resolvable or no browser registry: fall through
	}
	return null;
}
