// Makes sure a Chromium exists before any browser test runs; downloads nothing when one is there.
// Order: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own browser; else `npx playwright install
// chromium`; else Debian's `chromium` via apt-get when running as root; else stop and say what to do.
import { execSync } from 'node:child_process';
import { findChromium } from './browser-path.mjs';

function attempt(command) {
	try {
		execSync(command, { stdio: 'inherit', timeout: 10 * 60 * 1000 });
		return true;
	} catch {
		return false;
	}
}

let found = findChromium();
if (!found) {
	console.log('No Chromium found; trying `npx playwright install chromium` …');
	attempt('npx playwright install chromium');
	found = findChromium();
}
if (!found && process.getuid?.() === 0) {
	console.log("Playwright's download failed; installing Debian's chromium with apt-get …");
	attempt('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
	found = findChromium();
}
if (!found) {
	console.error(
		'No Chromium browser is available for the tests.\n' +
			'Install one, then run `npm test` again:\n' +
			'  Debian/Ubuntu:  sudo apt-get install chromium\n' +
			'  elsewhere:      npx playwright install chromium\n' +
			'or point CHROMIUM_PATH at an existing Chromium or Chrome executable.'
	);
	process.exit(1);
}
console.log(`Using Chromium at ${found}`);
