import { expect, resetStorage, test } from './fixtures';
import { dropFiles, dumpDatabase, fixture, textFile, xDailyExport } from './helpers';

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
	await page.goto('./import/');
});

test('a dropped export is previewed, imported on confirmation, kept after a reload, and a re-import is a no-op', async ({ page }) => {
	const file = fixture('x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv');
	await dropFiles(page, '[data-testid=dropzone]', [file]);

	const preview = page.getByTestId('file-preview');
	await expect(preview).toContainText('X/Twitter');
	await expect(preview).toContainText('LisaDeBruine');
	await expect(preview).toContainText('Impressions');
	// nothing is stored before the person confirms
	expect(await dumpDatabase(page)).not.toContain('LisaDeBruine');

	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toContainText('Imported 1 file');

	await page.goto('./imports/');
	await page.reload();
	const table = page.getByTestId('imports-table');
	await expect(table).toContainText(file.name);
	await expect(table).toContainText('SHA-256');

	await page.goto('./import/');
	const before = await dumpDatabase(page);
	await dropFiles(page, '[data-testid=dropzone]', [file]);
	await expect(page.getByTestId('file-status')).toContainText('Already imported');
	await expect(page.getByTestId('confirm-import')).toBeDisabled();
	expect(await dumpDatabase(page)).toBe(before);
});

test('the file picker imports several files at once, including a YouTube zip', async ({ page }) => {
	await page.getByTestId('file-input').setInputFiles([
		fixture('x/tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv'),
		fixture('youtube/Content 2024-01-01_2025-06-30 Chorus Demo.zip')
	]);
	await expect(page.getByTestId('file-preview').first()).toBeVisible();
	await expect(page.locator('[data-testid=file-preview]', { hasText: 'rOpenSci' })).toContainText('Posts');
	await expect(page.locator('[data-testid=file-preview]', { hasText: 'Chorus Demo' }).first()).toBeVisible();
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
	await page.goto('./imports/');
	await expect(page.getByTestId('imports-table')).toContainText('tweet_activity_metrics_rOpenSci');
	await expect(page.getByTestId('imports-table')).toContainText('Chorus Demo');
});

test('overlapping exports merge without double counting, the newer wins, and undo brings the older values back', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [xDailyExport('ContosoERP', '2025-01-01', 31, 1000)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	// mid-January to February: 17 days overlap with January, all with different values
	await dropFiles(page, '[data-testid=dropzone]', [xDailyExport('ContosoERP', '2025-01-15', 45, 5000)]);
	const impressions = page.getByTestId('file-preview').locator('tr', { hasText: 'Impressions' });
	await expect(impressions).toContainText('45');
	await expect(impressions.locator('td').nth(3)).toHaveText('17');
	await expect(impressions.locator('td').nth(4)).toHaveText('17');
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	const stored = JSON.parse(await dumpDatabase(page));
	const series = stored.series.find((record: { id: string }) => record.id === 'x:contosoerp|impressions|2025');
	// 1 January is slot 0; the first file says 1000, the second starts on 15 January with 5000
	expect(series.values[0]).toBe(1000);
	expect(series.values[13]).toBe(1013);
	expect(series.values[14]).toBe(5000);
	expect(series.values[58]).toBe(5044);
	expect(series.values.filter((value: number | string) => value !== 'NaN')).toHaveLength(59);

	await page.goto('./imports/');
	const newer = page.getByRole('row', { name: /20250115/ });
	await newer.getByRole('button', { name: /Undo/ }).click();
	await newer.getByRole('button', { name: 'Yes, undo' }).click();
	await expect(page.getByTestId('undo-message')).toContainText('came back from earlier imports');
	const after = JSON.parse(await dumpDatabase(page));
	const restored = after.series.find((record: { id: string }) => record.id === 'x:contosoerp|impressions|2025');
	expect(restored.values[14]).toBe(1014);
	expect(restored.values[30]).toBe(1030);
	expect(restored.values[31]).toBe('NaN');
});

test('a file that does not name its account asks whose data it is, and remembers', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv')]);
	await expect(page.getByText('Whose data is this?')).toBeVisible();
	await expect(page.getByTestId('confirm-import')).toBeDisabled();
	await page.getByLabel('New account handle').fill('ContosoCloud');
	await page.getByRole('button', { name: 'Use this account' }).click();
	await expect(page.getByText('Chosen: @ContosoCloud')).toBeVisible();
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics (1).csv')]);
	await expect(page.getByRole('button', { name: /Use @ContosoCloud \(as last time\)/ })).toBeVisible();
});

test('one answer can go to the other files of the same export that wait for an account', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv'), fixture('x/account_overview_analytics (1).csv')]);
	const cards = page.getByTestId('file-preview');
	await expect(cards).toHaveCount(2);
	await expect(page.getByText('Whose data is this?')).toHaveCount(2);
	const first = cards.first();
	await first.getByLabel('Also use it for the other file like this one from the same export that has no account yet').check();
	await first.getByLabel('New account handle').fill('ContosoCloud');
	await first.getByRole('button', { name: 'Use this account' }).click();
	for (const card of await cards.all()) await expect(card.getByText('Chosen: @ContosoCloud')).toBeVisible();
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
});

const BAD_FILES: [string, RegExp][] = [
	['bad/empty.csv', /empty\.csv is empty/],
	['bad/image-renamed.csv', /image-renamed\.csv.*(image|PNG)/i],
	['bad/page-saved-as.csv', /page-saved-as\.csv.*(HTML|web page)/i],
	['bad/truncated.zip', /truncated\.zip/],
	['bad/corrupt.zip', /corrupt\.zip/],
	['bad/zip-bomb.zip', /zip-bomb\.zip/],
	['bad/binary.csv', /binary\.csv/],
	['bad/encrypted.xlsx', /encrypted\.xlsx.*password/i],
	['bad/mixed-delimiters.csv', /mixed-delimiters\.csv/]
];

test('bad files each get a specific message naming the file, and nothing stored changes', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [xDailyExport('ContosoERP', '2025-01-01', 10, 100)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
	const before = await dumpDatabase(page);
	for (const [path, message] of BAD_FILES) {
		await page.goto('./import/');
		await dropFiles(page, '[data-testid=dropzone]', [fixture(path)]);
		await expect(page.getByTestId('file-error'), path).toContainText(message);
		await expect(page.getByTestId('confirm-import')).toBeDisabled();
	}
	expect(await dumpDatabase(page)).toBe(before);
});

test('a file with column names but no rows says so and stores nothing', async ({ page }) => {
	const before = await dumpDatabase(page);
	await dropFiles(page, '[data-testid=dropzone]', [fixture('bad/headers-only.csv')]);
	await expect(page.getByTestId('file-status')).toContainText('no data');
	await expect(page.locator('main')).toContainText(/headers-only\.csv has column names \(line 1\) but no data rows/);
	await expect(page.getByTestId('confirm-import')).toBeDisabled();
	expect(await dumpDatabase(page)).toBe(before);
});

test('malformed quoting is reported with its line number', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('bad/malformed-quoting.csv')]);
	await expect(page.locator('main')).toContainText(/line \d+/i);
	await expect(page.locator('main')).toContainText(/quot/i);
});

test('an unknown layout is offered the mapping step, and the saved mapping imports it', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('bad/unknown-layout.csv')]);
	const unknown = page.getByTestId('file-unrecognised');
	await expect(unknown).toBeVisible();
	await unknown.getByRole('button', { name: 'Map the columns…' }).click();
	await unknown.getByLabel('Account handle').fill('ContosoBlog');
	await unknown.getByLabel('Meaning of Sessions').selectOption('page_views');
	await unknown.getByLabel('Meaning of Newsletter signups').selectOption('followers_gained');
	await expect(unknown.getByText('Preview')).toBeVisible();
	await unknown.getByRole('button', { name: 'Save mapping and read again' }).click();
	const preview = page.getByTestId('file-preview');
	await expect(preview).toContainText('Page views');
	await expect(preview).toContainText('New followers');
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	// the same kind of file now imports by itself
	await page.goto('./import/');
	await dropFiles(page, '[data-testid=dropzone]', [textFile('unknown-layout-april.csv', 'Day,Sessions,Bounce count,Newsletter signups\n2024-04-01,99,20,3\n')]);
	await expect(page.getByTestId('file-preview')).toContainText('Page views');
	await expect(page.getByTestId('file-unrecognised')).toHaveCount(0);
});

test('two dropped files with the same name (Facebook and Instagram both write Follows.csv) are both previewed', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('facebook/Follows.csv'), fixture('instagram/Follows.csv')]);
	await expect(page.getByTestId('file-preview')).toHaveCount(2);
	await expect(page.getByTestId('file-preview').first()).toContainText('Follows.csv');
});
