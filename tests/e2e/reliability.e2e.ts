/**
 * Reliability promises, end to end in Chromium against the production build: whatever file is
 * dropped and whatever happens to the tab, the stored workspace is either untouched or holds all of
 * an import; storage failures say so and leave nothing half-written; tabs stay consistent.
 * docs/reliability.md lists each promise with the test that holds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { dropFiles, dumpDatabase, FIXTURES, fixture, xDailyExport, type FilePayload } from './helpers';

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

async function importFiles(page: Page, files: FilePayload[]) {
	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', files);
	await expect(page.getByTestId('confirm-import')).toBeEnabled({ timeout: 60_000 });
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
}

interface Dump {
	accounts: { id: string }[];
	imports: { fileName: string }[];
	seriesLayers: unknown[];
	series: { id: string }[];
	[table: string]: unknown[];
}

const parseDump = (text: string) => JSON.parse(text) as Dump;

const HANDLES = Array.from({ length: 40 }, (_, index) => `Contoso${String(index).padStart(2, '0')}`);
/** 40 accounts × 3 years of daily X exports: a commit that takes long enough to interrupt. */
const LARGE_IMPORT = HANDLES.map((handle, index) => xDailyExport(handle, '2023-01-01', 1095, 100 * index));

/** Counts IndexedDB writes in the page (window.__chorusWrites) and, once armed, fails the Nth. */
function instrumentWrites(options: { failAt?: number; failName?: string } = {}) {
	const methods = ['add', 'put', 'delete', 'clear'] as const;
	const scope = globalThis as unknown as { __chorusWrites: number; __armFailure: boolean; IDBObjectStore: typeof IDBObjectStore };
	scope.__chorusWrites = 0;
	scope.__armFailure = false;
	for (const method of methods) {
		const original = scope.IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
		scope.IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
			scope.__chorusWrites++;
			if (scope.__armFailure && options.failAt !== undefined && scope.__chorusWrites >= options.failAt) {
				throw new DOMException('Injected by the test: the disk is full.', options.failName ?? 'QuotaExceededError');
			}
			return original.apply(this, args);
		} as never;
	}
}

/** After an interrupted import: the workspace holds none of it (`before`), or all of it. */
function expectAllOrNothing(afterText: string, beforeText: string): 'none' | 'all' {
	const after = parseDump(afterText);
	if (after.imports.length === 0) {
		expect(afterText).toBe(beforeText);
		return 'none';
	}
	expect(after.imports.map((record) => record.fileName).sort()).toEqual(LARGE_IMPORT.map((file) => file.name).sort());
	expect(after.accounts.map((account) => account.id).sort()).toEqual(HANDLES.map((handle) => `x:${handle.toLowerCase()}`).sort());
	// every file's 19 metrics as its own layer, and merged year records for all three years of each
	expect(after.seriesLayers).toHaveLength(40 * 19);
	expect(after.series).toHaveLength(40 * 19 * 3);
	return 'all';
}

test.describe('interrupting an import', () => {
	test.setTimeout(180_000);

	for (const how of ['closing the tab', 'reloading the tab'] as const) {
		test(`${how} while a large import is being saved leaves all of it or none of it`, async ({ page, context }) => {
			await page.addInitScript(instrumentWrites);
			await page.goto('./import/');
			await dropFiles(page, '[data-testid=dropzone]', LARGE_IMPORT);
			await expect(page.getByTestId('confirm-import')).toBeEnabled({ timeout: 120_000 });
			const before = await dumpDatabase(page);
			const writesBefore = await page.evaluate(() => (globalThis as unknown as { __chorusWrites: number }).__chorusWrites);

			await page.getByTestId('confirm-import').click();
			// the commit's transaction has started writing
			await page.waitForFunction((count) => (globalThis as unknown as { __chorusWrites: number }).__chorusWrites > count, writesBefore, {
				polling: 5,
				timeout: 60_000
			});
			let reader: Page = page;
			if (how === 'closing the tab') {
				await page.close({ runBeforeUnload: false });
				reader = await context.newPage();
				await reader.goto('./imports/');
			} else {
				await page.reload();
			}
			const outcome = expectAllOrNothing(await dumpDatabase(reader), before);
			test.info().annotations.push({ type: 'interrupted import', description: `the workspace held ${outcome} of the import` });
			if (reader !== page) await reader.close();
		});
	}

	test('reloading while a snapshot replaces the workspace leaves the old workspace or the whole snapshot', async ({ page }) => {
		await importFiles(page, LARGE_IMPORT.slice(0, 20));
		await page.goto('./workspace/');
		const downloadPromise = page.waitForEvent('download');
		await page.getByTestId('save-snapshot').click();
		const download = await downloadPromise;
		const snapshot: FilePayload = { name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: readFileSync((await download.path())!) };
		const snapshotState = parseDump(await dumpDatabase(page));

		await resetStorage(page);
		await importFiles(page, [xDailyExport('Fabrikam', '2025-01-01', 30, 7)]);
		const own = await dumpDatabase(page);

		let worker: Worker | undefined;
		page.on('worker', (created) => {
			if (created.url().includes('snapshot.worker')) worker = created;
		});
		await page.goto('./workspace/');
		await page.getByTestId('snapshot-input').setInputFiles(snapshot);
		await expect(page.getByTestId('snapshot-dialog')).toBeVisible();
		await page.getByRole('button', { name: 'Replace my workspace…' }).click();
		await expect.poll(() => worker !== undefined).toBe(true);
		await worker!.evaluate(instrumentWrites, {});
		await page.getByTestId('confirm-replace').click();
		await expect
			.poll(() => worker!.evaluate(() => (globalThis as unknown as { __chorusWrites: number }).__chorusWrites), { intervals: [5] })
			.toBeGreaterThan(0);
		await page.reload();

		const after = parseDump(await dumpDatabase(page));
		const names = after.imports.map((record) => record.fileName).sort();
		if (names.length === 1) {
			expect(await dumpDatabase(page)).toBe(own);
			test.info().annotations.push({ type: 'interrupted replace', description: 'the old workspace was kept whole' });
		} else {
			expect(names).toEqual(snapshotState.imports.map((record) => record.fileName).sort());
			expect(after.series).toHaveLength(snapshotState.series.length);
			expect(after.seriesLayers).toHaveLength(snapshotState.seriesLayers.length);
			expect(after.accounts).toHaveLength(snapshotState.accounts.length);
			test.info().annotations.push({ type: 'interrupted replace', description: 'the snapshot was loaded whole' });
		}
	});
});

test.describe('storage failures', () => {
	for (const [failure, message] of [
		['QuotaExceededError', /Your browser's storage is full: nothing from this import was saved\. Free space or export a snapshot/],
		['UnknownError', /The browser's storage refused the change: nothing from this import was saved\./]
	] as const) {
		test(`a ${failure} in the middle of saving an import says so and leaves nothing half-written`, async ({ page }) => {
			await importFiles(page, [xDailyExport('ContosoERP', '2025-01-01', 10, 100)]);
			await page.addInitScript(instrumentWrites, { failAt: 6, failName: failure });
			await page.goto('./import/');
			await dropFiles(page, '[data-testid=dropzone]', LARGE_IMPORT.slice(0, 5));
			await expect(page.getByTestId('confirm-import')).toBeEnabled({ timeout: 60_000 });
			const before = await dumpDatabase(page);
			// from here on, the sixth write fails: several writes of the batch have gone through first
			await page.evaluate(() => {
				const scope = globalThis as unknown as { __chorusWrites: number; __armFailure: boolean };
				scope.__chorusWrites = 0;
				scope.__armFailure = true;
			});
			await page.getByTestId('confirm-import').click();
			await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
			await expect(page.getByTestId('import-done')).toHaveCount(0);
			expect(await page.evaluate(() => (globalThis as unknown as { __chorusWrites: number }).__chorusWrites)).toBeGreaterThanOrEqual(6);
			await page.evaluate(() => ((globalThis as unknown as { __armFailure: boolean }).__armFailure = false));
			expect(await dumpDatabase(page)).toBe(before);
		});
	}
});

test.describe('two tabs', () => {
	test('an import in one tab appears in the other without a reload', async ({ page, context }) => {
		await page.goto('./imports/');
		await expect(page.getByText('Nothing imported yet')).toBeVisible();
		const other = await context.newPage();
		await importFiles(other, [xDailyExport('Northwind', '2025-01-01', 14, 50)]);
		await expect(page.getByTestId('imports-table')).toContainText('daily_tweet_activity_metrics_Northwind');
		await other.close();
	});

	test('a schema upgrade in another tab stops this one cleanly, asks for a reload, and corrupts nothing', async ({ page, context }) => {
		await importFiles(page, [xDailyExport('Northwind', '2025-01-01', 14, 50)]);
		await page.goto('./imports/');
		await expect(page.getByTestId('imports-table')).toContainText('Northwind');
		const before = parseDump(await dumpDatabase(page));

		// a newer Chorus in another tab: the next schema version, with a new store
		const newer = await context.newPage();
		await newer.goto('./');
		const upgraded = await newer.evaluate(async () => {
			const current = (await indexedDB.databases()).find((info) => info.name === 'chorus')!.version!;
			return new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('chorus', current + 10);
				request.onupgradeneeded = () => request.result.createObjectStore('addedByANewerVersion', { keyPath: 'id' });
				request.onsuccess = () => {
					const version = request.result.version;
					request.result.close();
					resolve(version);
				};
				request.onerror = () => reject(request.error);
				request.onblocked = () => reject(new Error('the first tab did not let go of the database'));
			});
		});
		expect(upgraded).toBeGreaterThan(10);
		await newer.close();

		const notice = page.getByTestId('storage-closed');
		await expect(notice).toContainText('Reload this page to continue');
		// what this tab shows stays on screen; nothing it does now can write with outdated code
		await expect(page.getByTestId('imports-table')).toContainText('Northwind');
		await notice.getByRole('button', { name: 'Reload' }).click();
		await expect(page.getByTestId('imports-table')).toContainText('Northwind');
		await expect(page.getByTestId('storage-closed')).toHaveCount(0);
		const after = parseDump(await dumpDatabase(page));
		for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
	});
});

test.describe('the parse worker', () => {
	test('a worker that crashes part-way says what happened for each file and stores nothing', async ({ page }) => {
		await importFiles(page, [xDailyExport('ContosoERP', '2025-01-01', 10, 100)]);
		const before = await dumpDatabase(page);
		// the parse worker is swapped for one that reports progress on the first file, then dies
		// (as it would running out of memory); the page's own code handles it as it would the real one
		await page.addInitScript(() => {
			const RealWorker = window.Worker;
			const crashing = `self.onmessage = (event) => {
				const file = event.data.files[0];
				self.postMessage({ type: 'progress', fileIndex: 0, progress: { file: file.name, bytesDone: 0, bytesTotal: file.size, rows: 0 } });
				setTimeout(() => { throw new Error('simulated crash: out of memory'); }, 50);
			};`;
			window.Worker = class extends RealWorker {
				constructor(url: string | URL, options?: WorkerOptions) {
					const crash = String(url).includes('parse.worker');
					super(crash ? URL.createObjectURL(new Blob([crashing], { type: 'text/javascript' })) : url, crash ? {} : options);
				}
			};
		});
		await page.goto('./import/');
		const files = [xDailyExport('Fabrikam', '2025-01-01', 20, 5), xDailyExport('Tailspin', '2025-01-01', 20, 900)];
		await dropFiles(page, '[data-testid=dropzone]', files);
		const errors = page.getByTestId('file-error');
		await expect(errors).toHaveCount(2);
		for (const file of files) {
			await expect(errors.filter({ hasText: file.name })).toContainText(
				`${file.name} could not be read: the import worker stopped unexpectedly (`
			);
		}
		await expect(errors.first()).toContainText('simulated crash: out of memory');
		await expect(page.getByTestId('confirm-import')).toBeDisabled();
		expect(await dumpDatabase(page)).toBe(before);
	});
});

test.describe('the bad-input corpus on the real page', () => {
	test.setTimeout(180_000);
	const bad = readdirSync(`${FIXTURES}bad`).filter((name) => !name.endsWith('.mjs'));
	const exports = bad.filter((name) => !name.includes('.chorus.'));
	const snapshots = bad.filter((name) => name.includes('.chorus.'));

	test('every bad export gets its own message naming it, and nothing stored changes', async ({ page }) => {
		expect(exports.length).toBeGreaterThanOrEqual(40);
		await importFiles(page, [xDailyExport('ContosoERP', '2025-01-01', 10, 100)]);
		await page.goto('./import/');
		const before = await dumpDatabase(page);
		await dropFiles(
			page,
			'[data-testid=dropzone]',
			exports.map((name) => fixture(`bad/${name}`))
		);
		await expect(page.locator('[data-testid=preview-summary], [data-testid=file-error]').first()).toBeVisible({ timeout: 60_000 });
		// the preview draws only the cards near the screen: each file is found by its name, as a person would
		const find = page.getByLabel('Find a file by name');
		for (const name of exports) {
			await find.fill(name);
			const card = page.locator('li.file', { has: page.getByRole('heading', { name, exact: false }) }).first();
			await expect(card, name).toBeVisible();
			const error = page.getByTestId('file-error').filter({ has: page.getByRole('heading', { name, exact: true }) });
			if ((await error.count()) > 0) await expect(error.getByRole('alert'), name).toContainText(name);
		}
		// files whose rows were wrong list each problem with its line
		await find.fill('x-impossible-dates.csv');
		const problems = page.locator('details.issues', { hasText: 'x-impossible-dates.csv' });
		await expect(problems).toContainText('Line 2: Row skipped: “2024-02-30” in column “Date” is not a date.');
		await find.fill('x-dates-out-of-range.csv');
		await expect(page.locator('details.issues', { hasText: 'x-dates-out-of-range.csv' })).toContainText('Line 4: Row skipped: “2099-01-01”');
		expect(await dumpDatabase(page)).toBe(before);
	});

	for (const name of snapshots) {
		test(`the bad snapshot ${name} is refused by name and changes nothing`, async ({ page }) => {
			await importFiles(page, [xDailyExport('ContosoERP', '2025-01-01', 10, 100)]);
			const before = await dumpDatabase(page);
			await page.goto('./workspace/');
			await page.getByTestId('snapshot-input').setInputFiles(fixture(`bad/${name}`));
			await expect(page.getByTestId('snapshot-error')).toContainText(`"${name}"`, { timeout: 60_000 });
			await expect(page.getByTestId('snapshot-error')).toContainText('Nothing was loaded and your workspace is unchanged.');
			expect(await dumpDatabase(page)).toBe(before);
		});
	}
});
