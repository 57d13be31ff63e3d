import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { dropFiles, dumpDatabase, fixture, xDailyExport, type FilePayload } from './helpers';

async function importFiles(page: Page, files: FilePayload[]) {
	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', files);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
}

async function saveSnapshot(page: Page): Promise<FilePayload> {
	await page.goto('./workspace/');
	const downloadPromise = page.waitForEvent('download');
	await page.getByTestId('save-snapshot').click();
	const download = await downloadPromise;
	const path = await download.path();
	await expect(page.getByTestId('last-snapshot')).toContainText('Last snapshot saved');
	return { name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: readFileSync(path!) };
}

async function openSnapshot(page: Page, file: FilePayload) {
	await page.goto('./workspace/');
	await page.getByTestId('snapshot-input').setInputFiles(file);
	await expect(page.getByTestId('snapshot-dialog')).toBeVisible();
}

const A = xDailyExport('ContosoERP', '2025-01-01', 30, 100);
const B = xDailyExport('ContosoCRM', '2025-03-01', 20, 500);

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

test('a saved snapshot is gzip-compressed JSON with an envelope, a summary and a checksum', async ({ page }) => {
	await importFiles(page, [A]);
	const snapshot = await saveSnapshot(page);
	expect(snapshot.name).toMatch(/\.chorus\.json\.gz$/);
	expect([...snapshot.buffer.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
	const envelope = JSON.parse(gunzipSync(snapshot.buffer).toString('utf8'));
	expect(envelope.format).toBe('chorus-snapshot');
	expect(envelope.formatVersion).toBe(1);
	expect(envelope.summary.counts.accounts).toBe(1);
	expect(envelope.contentSha256).toMatch(/^[0-9a-f]{64}$/);
	expect(Object.keys(envelope).indexOf('summary')).toBeLessThan(Object.keys(envelope).indexOf('content'));
});

test('viewing a snapshot read-only shows its data and leaves your own byte-for-byte unchanged', async ({ page }) => {
	await importFiles(page, [A]);
	const snapshot = await saveSnapshot(page);
	await resetStorage(page);
	await importFiles(page, [B]);
	const own = await dumpDatabase(page);

	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'View read-only' }).click();
	await expect(page.getByTestId('view-banner')).toContainText('Read-only view');
	await page.goto('./imports/');
	await expect(page.getByTestId('view-banner')).toBeVisible();
	await expect(page.getByTestId('imports-table')).toContainText('ContosoERP');
	await expect(page.getByTestId('imports-table')).not.toContainText('ContosoCRM');
	// writes are refused in the view
	await page.getByRole('button', { name: /Undo import/ }).click();
	await page.getByRole('button', { name: 'Yes, undo' }).click();
	await expect(page.getByTestId('undo-message')).toContainText('read-only');

	await page.getByRole('button', { name: 'Back to my data' }).click();
	await expect(page.getByTestId('view-banner')).toHaveCount(0);
	await page.goto('./imports/');
	await expect(page.getByTestId('imports-table')).toContainText('ContosoCRM');
	expect(await dumpDatabase(page)).toBe(own);
});

test('replace makes the snapshot your workspace; merge adds it to yours', async ({ page }) => {
	await importFiles(page, [A]);
	const snapshot = await saveSnapshot(page);
	await resetStorage(page);

	await importFiles(page, [B]);
	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'Merge into my workspace…' }).click();
	await expect(page.getByTestId('merge-summary')).toContainText('1 new account');
	await page.getByTestId('confirm-merge').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Merged');
	await page.goto('./imports/');
	await expect(page.getByTestId('imports-table')).toContainText('ContosoERP');
	await expect(page.getByTestId('imports-table')).toContainText('ContosoCRM');

	// merging the same snapshot again changes nothing
	const merged = await dumpDatabase(page);
	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'Merge into my workspace…' }).click();
	await expect(page.getByTestId('merge-summary')).toContainText('0 new accounts');
	await page.getByTestId('confirm-merge').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Merged');
	const again = JSON.parse(await dumpDatabase(page));
	const before = JSON.parse(merged);
	for (const table of ['accounts', 'imports', 'series', 'posts', 'seriesLayers']) expect(again[table], table).toEqual(before[table]);

	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'Replace my workspace…' }).click();
	await page.getByTestId('confirm-replace').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Your workspace is now the snapshot');
	await page.goto('./imports/');
	await expect(page.getByTestId('imports-table')).toContainText('ContosoERP');
	await expect(page.getByTestId('imports-table')).not.toContainText('ContosoCRM');
});

test('a snapshot dropped on the import page opens the same dialog', async ({ page }) => {
	await importFiles(page, [A]);
	const snapshot = await saveSnapshot(page);
	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', [snapshot]);
	await expect(page.getByTestId('snapshot-dialog')).toContainText('Open snapshot');
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('snapshot-dialog')).toBeHidden();
});

for (const [file, message] of [
	['snapshots/bad-checksum.chorus.json.gz', /changed or damaged/i],
	['snapshots/bad-future-version.chorus.json.gz', /newer/i],
	['snapshots/bad-proto-key.chorus.json.gz', /__proto__/],
	['snapshots/bad-truncated.chorus.json.gz', /incomplete|truncated|cut off/i],
	['snapshots/bad-wrong-types.chorus.json.gz', /bad-wrong-types/]
] as const) {
	test(`a bad snapshot (${file}) is refused with a clear message and changes nothing`, async ({ page }) => {
		await importFiles(page, [A]);
		const before = await dumpDatabase(page);
		await page.goto('./workspace/');
		await page.getByTestId('snapshot-input').setInputFiles(fixture(file));
		await expect(page.getByTestId('snapshot-error')).toContainText(message);
		expect(await dumpDatabase(page)).toBe(before);
	});
}

async function setOwner(page: Page, owner: string) {
	await page.goto('./accounts/');
	const erp = page.locator('tr[data-account-id="x:contosoerp"]');
	await erp.getByRole('button', { name: /^Owner of @ContosoERP/ }).click();
	const input = erp.getByRole('textbox', { name: 'Owner of @ContosoERP' });
	await input.fill(owner);
	await input.press('Enter');
	await expect(erp.getByRole('button', { name: new RegExp(`^Owner of @ContosoERP: ${owner}`) })).toBeVisible();
}

test('a merge shows where the two workspaces disagree, and each side can be chosen', async ({ page }) => {
	await importFiles(page, [A]);
	await setOwner(page, 'Dana');
	const snapshot = await saveSnapshot(page);
	// since the snapshot, the owner changed here and a note was added
	await setOwner(page, 'Li');

	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'Merge into my workspace…' }).click();
	const conflicts = page.getByTestId('merge-conflicts');
	const owner = conflicts.getByRole('row', { name: /Owner of/ });
	await expect(owner).toContainText('Li');
	await expect(owner).toContainText('Dana');
	// yours is kept unless you choose otherwise
	await expect(owner.getByRole('radio', { name: /Li/ })).toBeChecked();
	await owner.getByRole('radio', { name: /Dana/ }).check();
	await page.getByTestId('confirm-merge').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Merged');

	await page.goto('./accounts/');
	await expect(page.locator('tr[data-account-id="x:contosoerp"]').getByRole('button', { name: /^Owner of @ContosoERP: Dana/ })).toBeVisible();

	// and the other way: merging again after another change keeps yours when you leave the choice
	await setOwner(page, 'Sam');
	await openSnapshot(page, snapshot);
	await page.getByRole('button', { name: 'Merge into my workspace…' }).click();
	await expect(page.getByTestId('merge-conflicts').getByRole('row', { name: /Owner of/ })).toContainText('Sam');
	await page.getByTestId('confirm-merge').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Merged');
	await page.goto('./accounts/');
	await expect(page.locator('tr[data-account-id="x:contosoerp"]').getByRole('button', { name: /^Owner of @ContosoERP: Sam/ })).toBeVisible();
});

test('the snapshot dialog keeps keyboard focus inside and gives it back when it closes', async ({ page }) => {
	await importFiles(page, [A]);
	const snapshot = await saveSnapshot(page);
	await page.goto('./workspace/');
	const chooser = page.getByRole('button', { name: 'Choose snapshot file…' });
	const chooserPromise = page.waitForEvent('filechooser');
	await chooser.click();
	await (await chooserPromise).setFiles(snapshot);
	const dialog = page.getByTestId('snapshot-dialog');
	await expect(dialog).toBeVisible();
	for (let i = 0; i < 8; i++) {
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null), `Tab ${i + 1}`).toBe(true);
	}
	await page.keyboard.press('Shift+Tab');
	expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(chooser).toBeFocused();
});
