// Snapshot export and import of the stored workspace, through the Workspace page as a person uses
// it: "Save snapshot file" until the file is saved, then opening that file and replacing the
// workspace with it until the page says so. The person's clicks in between are not timed.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotMeasured } from './measure-views.mjs';

const DOWNLOADS = fileURLToPath(new URL('../.tmp/snapshots/', import.meta.url));
const LONG = 5 * 60_000;

async function clickTimed(page, locator) {
	const before = await page.evaluate(() => performance.now());
	await locator.click();
	return page.evaluate((after) => window.__bench.actions.find((action) => action.type === 'click' && action.time >= after)?.time ?? after, before);
}

/** @returns {Promise<{ exportMs: number, importMs: number, fileBytes: number, openMs: number, applyMs: number }>} */
export async function measureSnapshot(context, baseUrl, { label = 'workspace' } = {}) {
	const page = await context.newPage();
	try {
		await page.goto(`${baseUrl}workspace/`);
		const save = page.getByTestId('save-snapshot');
		try {
			await save.waitFor({ timeout: 30_000 });
			await page.waitForFunction(() => !document.querySelector('[data-testid=save-snapshot]')?.disabled, null, { timeout: 30_000 });
		} catch {
			throw new NotMeasured('the Workspace page has no enabled “Save snapshot file” button (data-testid="save-snapshot")');
		}

		// export: click → the file handed to the browser and the page saying so
		await page.evaluate(() => window.__bench.watch('saved', () => /Saved/.test(document.querySelector('[data-testid=snapshot-notice]')?.textContent ?? '')));
		// the download, or the page's error when saving fails (a failure never hands over a file)
		const downloaded = page.waitForEvent('download', { timeout: LONG });
		const failed = page
			.waitForSelector('[data-testid=snapshot-error]', { timeout: LONG })
			.then(async (element) => `saving the snapshot failed: ${(await element.textContent())?.trim()}`);
		downloaded.catch(() => {});
		failed.catch(() => {});
		const exportStart = await clickTimed(page, save);
		const download = await Promise.race([
			downloaded,
			failed.then((message) => Promise.reject(new Error(message)))
		]).catch(async (error) => {
			const notice = await page.evaluate(() => document.querySelector('[data-testid=snapshot-notice], [role=status], [role=alert]')?.textContent?.trim() ?? null).catch(() => null);
			throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : error}${notice ? ` (the page showed: ${notice})` : ''}`, { cause: error });
		});
		await page.waitForFunction(() => window.__bench.moments['saved:painted'] || document.querySelector('[data-testid=snapshot-error]'), null, {
			timeout: LONG,
			polling: 100
		});
		const saveError = await page.evaluate(() => document.querySelector('[data-testid=snapshot-error]')?.textContent?.trim() ?? null);
		if (saveError) throw new Error(`saving the snapshot failed: ${saveError}`);
		const exportMs = (await page.evaluate(() => window.__bench.moments['saved:painted'])) - exportStart;
		mkdirSync(DOWNLOADS, { recursive: true });
		const file = join(DOWNLOADS, `${label}-${download.suggestedFilename()}`);
		await download.saveAs(file);
		const fileBytes = statSync(file).size;

		// import: the file chosen → the dialog shown; "Replace my workspace" confirmed → done
		const openStart = await page.evaluate(() => {
			window.__bench.watch('opened', () => document.querySelector('[data-testid=snapshot-dialog][open] .choices'));
			return performance.now();
		});
		await page.setInputFiles('[data-testid=snapshot-input]', file);
		await page.waitForFunction(() => window.__bench.moments['opened:painted'] || document.querySelector('[data-testid=snapshot-error]'), null, {
			timeout: LONG,
			polling: 100
		});
		const openError = await page.evaluate(() => document.querySelector('[data-testid=snapshot-error]')?.textContent?.trim() ?? null);
		if (openError) throw new Error(`opening the snapshot failed: ${openError}`);
		const openMs = await page.evaluate((after) => {
			const change = window.__bench.actions.find((action) => action.type === 'change' && action.time >= after);
			return window.__bench.moments['opened:painted'] - (change?.time ?? after);
		}, openStart);

		const dialog = page.getByTestId('snapshot-dialog');
		await dialog.getByRole('button', { name: /Replace my workspace/ }).click();
		const confirm = page.getByTestId('confirm-replace');
		await confirm.waitFor();
		await page.evaluate(() => window.__bench.watch('replaced', () => /now the snapshot/.test(document.querySelector('[data-testid=snapshot-notice]')?.textContent ?? '')));
		const applyStart = await clickTimed(page, confirm);
		await page.waitForFunction(() => window.__bench.moments['replaced:painted'] || document.querySelector('[data-testid=snapshot-dialog] .notice.error, [data-testid=snapshot-error]'), null, {
			timeout: LONG,
			polling: 100
		});
		const applied = await page.evaluate(() => window.__bench.moments['replaced:painted'] ?? null);
		if (applied === null) {
			const message = await page.locator('[data-testid=snapshot-dialog] .notice.error, [data-testid=snapshot-error]').first().textContent();
			throw new Error(`replacing the workspace with the snapshot failed: ${message?.trim()}`);
		}
		const applyMs = applied - applyStart;
		return { exportMs, importMs: openMs + applyMs, openMs, applyMs, fileBytes };
	} finally {
		await page.close();
	}
}
