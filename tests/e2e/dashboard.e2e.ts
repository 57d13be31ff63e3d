import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { xDailyExport } from './helpers';

const DAY = 86_400_000;
/** Calendar dates relative to today (UTC, as the test browser's calendar), so "last 90 days" always has data. */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** Two X accounts with daily exports: ContosoERP for the last 400 days (impressions 100, 101, …), ContosoHR for 200. */
async function importTwoAccounts(page: Page) {
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles([xDailyExport('ContosoERP', isoDaysAgo(400), 400, 100), xDailyExport('ContosoHR', isoDaysAgo(200), 200, 50)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
}

/** A portfolio goal of 100,000 impressions per 30 days, with the baseline the form offers for `baselineDaysAgo`. */
async function addImpressionsGoal(page: Page, baselineDaysAgo: number) {
	const goals = page.getByTestId('north-stars');
	await goals.getByTestId('add-north-star').click();
	const form = goals.getByTestId('north-star-form');
	await form.getByTestId('north-star-metric').selectOption('impressions');
	await form.getByTestId('north-star-baseline-day').fill(isoDaysAgo(baselineDaysAgo));
	// the form offers the portfolio's 30-day total on that day as the baseline
	await form.getByTestId('north-star-use-baseline').click();
	await expect(form.getByTestId('north-star-baseline')).not.toHaveValue('');
	await form.getByTestId('north-star-target').fill('100000');
	await form.getByTestId('save-north-star').click();
	return goals;
}

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

test('with nothing imported the dashboard points to Import and to the sample data', async ({ page }) => {
	await page.goto('./dashboard/');
	const empty = page.getByTestId('empty-state');
	await expect(empty).toBeVisible();
	await expect(empty.getByRole('link', { name: 'Import exports' })).toHaveAttribute('href', /import\/$/);
	await expect(empty.getByRole('link', { name: 'Try with sample data' })).toBeVisible();
	await expect(page.getByTestId('main-chart')).toHaveCount(0);
});

test('ranges, grains and metrics redraw the chart, and a copied link reopens the same view', async ({ page }) => {
	await importTwoAccounts(page);
	await page.goto('./dashboard/');
	const chart = page.getByTestId('main-chart');
	await expect(chart).toBeVisible();
	// all of the data by default: the long term is the point
	await expect(page.getByTestId('range-all-time')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('kpi-cards')).toBeVisible();
	await expect(page.getByTestId('kpi-impressions').getByTestId('kpi-value')).not.toHaveText('—');

	await page.getByTestId('range-last-90-days').click();
	await expect(page.getByTestId('range-text')).toContainText(new Date(Date.now() - 89 * DAY).getUTCFullYear().toString());
	await expect(page.getByTestId('kpi-impressions')).toContainText('vs previous 90 days');

	await page.getByTestId('grain-select').selectOption('month');
	await chart.getByTestId('toggle-table').click();
	const table = chart.getByTestId('data-table');
	await expect(table.locator('tbody th').first()).toHaveText(/^[A-Z][a-z]+ \d{4}$/);

	await page.getByTestId('metric-select').selectOption('engagements');
	await expect(chart.getByRole('heading', { name: 'Engagements over time' })).toBeVisible();
	await expect(page.getByTestId('metric-definition')).toContainText('Interactions with content');

	await page.getByTestId('layout-select').selectOption('accounts');
	await page.getByTestId('yoy-toggle').check();
	await expect(table.locator('thead th')).toContainText(['Period', 'ContosoERP', 'ContosoERP · a year earlier', 'ContosoHR']);

	// the view is in the URL (written once it settles), so the link reopens it
	await expect(page).toHaveURL(/grain=month/);
	await expect(page).toHaveURL(/yoy=1/);
	const link = page.url();
	expect(link).toContain('range=90d');
	expect(link).toContain('metric=engagements');
	expect(link).toContain('layout=accounts');

	await page.goto('./');
	await page.goto(link);
	await expect(page.getByTestId('range-last-90-days')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('grain-select')).toHaveValue('month');
	await expect(page.getByTestId('metric-select')).toHaveValue('engagements');
	await expect(page.getByTestId('layout-select')).toHaveValue('accounts');
	await expect(page.getByTestId('yoy-toggle')).toBeChecked();
	await expect(page.getByTestId('view-summary')).toContainText('Engagements · Last 90 days');
});

test('a chart exports a PNG, and its data table exports the CSV of exactly what it shows', async ({ page }) => {
	await importTwoAccounts(page);
	// day 10, 11 and 12 of ContosoERP's export: impressions 110, 111, 112
	const from = isoDaysAgo(390);
	const to = isoDaysAgo(388);
	await page.goto(`./dashboard/?range=custom&from=${from}&to=${to}&grain=day&metric=impressions&accounts=x:contosoerp`);
	const chart = page.getByTestId('main-chart');
	await expect(chart).toBeVisible();
	await expect(page.getByTestId('range-from')).toHaveValue(from);

	const [png] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-png').click()]);
	expect(png.suggestedFilename()).toBe('chorus-impressions-day.png');
	const image = await readFile((await png.path())!);
	expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

	const [csv] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-csv').click()]);
	expect(csv.suggestedFilename()).toBe('chorus-impressions-day.csv');
	const text = await readFile((await csv.path())!, 'utf8');
	expect(text).toBe(`\uFEFFPeriod,ContosoERP\r\n${from},110\r\n${isoDaysAgo(389)},111\r\n${to},112\r\n`);

	// the text alternative says which import each value came from
	await chart.getByTestId('toggle-table').click();
	await chart.getByText('Show which imported file each value came from').click();
	await expect(chart.getByTestId('data-table').locator('tbody tr').first()).toContainText('daily_tweet_activity_metrics_ContosoERP_');
});

test('a note on the timeline is added, kept, edited and deleted', async ({ page }) => {
	await importTwoAccounts(page);
	await page.goto('./dashboard/');
	const notes = page.getByTestId('annotations');
	await notes.getByTestId('add-annotation').click();
	await notes.getByTestId('annotation-label').fill('Consolidation began');
	await notes.getByTestId('annotation-start').fill(isoDaysAgo(60));
	await notes.getByTestId('annotation-end').fill(isoDaysAgo(30));
	await notes.getByTestId('save-annotation').click();
	await expect(notes.getByTestId('annotation-item')).toHaveCount(1);
	await expect(notes.getByTestId('annotation-item')).toContainText('Consolidation began');

	await page.reload();
	await expect(notes.getByTestId('annotation-item')).toContainText('Consolidation began');
	await notes.getByRole('button', { name: 'Edit Consolidation began' }).click();
	await notes.getByTestId('annotation-label').fill('Campaign X');
	await notes.getByTestId('save-annotation').click();
	await expect(notes.getByTestId('annotation-item')).toContainText('Campaign X');

	await notes.getByRole('button', { name: 'Delete Campaign X' }).click();
	await notes.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(notes.getByTestId('annotation-item')).toHaveCount(0);
});

test('a north-star goal shows progress, trend and projection', async ({ page }) => {
	await importTwoAccounts(page);
	await page.goto('./dashboard/');
	const goals = await addImpressionsGoal(page, 180);

	const goal = goals.getByTestId('north-star');
	await expect(goal).toHaveCount(1);
	await expect(goal.getByTestId('north-star-verdict')).toContainText('Impressions per 30 days');
	await expect(goal.getByTestId('north-star-verdict')).toContainText(/Ahead|On track|Behind/);
	await goal.getByTestId('toggle-table').click();
	await expect(goal.getByTestId('data-table')).toContainText('Projection');
});

test('choosing accounts by platform or one by one changes what the chart adds up', async ({ page }) => {
	await importTwoAccounts(page);
	await page.goto('./dashboard/?metric=impressions&grain=month');
	await page.getByTestId('account-picker').locator('summary').click();
	await page.getByTestId('account-x:contosohr').check();
	await expect(page.getByTestId('view-summary')).toContainText('ContosoHR');
	await expect(page.getByTestId('accounts-table').locator('tbody tr')).toHaveCount(1);
	await page.getByTestId('platform-x').check();
	await expect(page.getByTestId('accounts-table').locator('tbody tr')).toHaveCount(2);
	await expect(page).toHaveURL(/platforms=x/);
	// the account page is one click away
	await page.getByTestId('accounts-table').getByRole('link', { name: 'ContosoERP' }).click();
	await expect(page.getByTestId('account-name')).toHaveText('ContosoERP');
});

test('with the sample data: audience by platform, stacking by platform, and the biggest account’s page', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('./');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(page).toHaveURL(/dashboard\/$/, { timeout: 180_000 });
	await expect(page.getByTestId('main-chart')).toBeVisible();
	const audience = page.getByTestId('kpi-audience');
	await expect(audience.getByRole('list', { name: 'Audience by platform' })).toBeVisible();
	await expect(page.getByTestId('account-picker')).toContainText('All accounts (4');

	await page.getByTestId('metric-select').selectOption('impressions');
	await page.getByTestId('layout-select').selectOption('stacked');
	const chart = page.getByTestId('main-chart');
	await chart.getByTestId('toggle-table').click();
	await expect(chart.getByTestId('data-table').locator('thead th')).toContainText(['Period', 'X / Twitter', 'LinkedIn']);

	await page.getByTestId('accounts-table').locator('tbody a').first().click();
	await expect(page.getByTestId('account-name')).toBeVisible();
	await expect(page.getByTestId('main-chart')).toBeVisible();
	await expect(page.getByTestId('metric-overview')).toBeVisible();
});

test('a total whose accounts change says so on the chart, in its data table and in words', async ({ page }) => {
	// ContosoERP for the last 400 days; ContosoHR from 300 days ago for 150 days, so the total gains it, then loses it
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles([xDailyExport('ContosoERP', isoDaysAgo(400), 400, 100), xDailyExport('ContosoHR', isoDaysAgo(300), 150, 50)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	await page.goto('./dashboard/?metric=impressions');
	const chart = page.getByTestId('main-chart');
	await expect(chart).toBeVisible();
	const dayText = (daysAgo: number) =>
		new Date(Date.now() - daysAgo * DAY).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
	await expect(chart.getByText(`ContosoHR starts counting in the total on ${dayText(300)}, where its data begins.`)).toBeVisible();
	await expect(chart.getByText(`ContosoHR stops counting in the total on ${dayText(150)}: its data ends on ${dayText(151)}.`)).toBeVisible();

	await chart.getByTestId('toggle-table').click();
	const table = chart.getByTestId('data-table');
	await expect(table.getByText(/accounts joining the total: 1/)).toHaveCount(1);
	await expect(table.getByText(/accounts leaving the total: 1/)).toHaveCount(1);
	await expect(table).toContainText('“accounts +n” / “accounts −n” on the chart');

	// a portfolio goal set while ContosoHR still counted: its progress spans the change, and says so
	const goals = await addImpressionsGoal(page, 200);
	await expect(goals.getByTestId('north-star-verdict')).toContainText(
		'Since the baseline the accounts in the total have changed (0 joined, 1 left), so progress is partly a change of accounts.'
	);

	// one line per account: nothing is added up, so nothing joins or leaves a total
	await page.getByTestId('layout-select').selectOption('accounts');
	await expect(table.locator('thead th')).toContainText(['Period', 'ContosoERP', 'ContosoHR']);
	await expect(chart.getByText(/counting in the total/)).toHaveCount(0);
	await expect(table.getByText(/accounts joining the total/)).toHaveCount(0);
});

test('last year’s line and the KPI sparklines mark where accounts started or stopped counting', async ({ page }) => {
	// ContosoERP for the last 800 days; ContosoHR from 600 days ago for 150 days: it joins and leaves the
	// total a year before the last 12 months, so only the year-ago line steps in that view
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles([xDailyExport('ContosoERP', isoDaysAgo(800), 800, 100), xDailyExport('ContosoHR', isoDaysAgo(600), 150, 50)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();

	await page.goto('./dashboard/?metric=impressions&range=12m&yoy=1');
	const chart = page.getByTestId('main-chart');
	await chart.getByTestId('toggle-table').click();
	const table = chart.getByTestId('data-table');
	await expect(table.locator('thead th')).toContainText(['Period', 'All accounts', 'All accounts · a year earlier']);
	for (const mark of ['accounts joining the total: 1', 'accounts leaving the total: 1']) {
		const row = table.locator('tbody tr', { hasText: mark });
		await expect(row).toHaveCount(1);
		await expect(row.locator('td').nth(1)).toContainText(mark);
		await expect(row.locator('td').nth(0)).not.toContainText('accounts');
	}
	// this year's total keeps its accounts: no sentence under the chart, no mark on the cards
	await expect(chart.getByText(/counting in the total/)).toHaveCount(0);
	const card = page.getByTestId('kpi-impressions');
	await expect(card.getByTestId('kpi-value')).not.toHaveText('—');
	await expect(card.getByTestId('kpi-spark-marks')).toHaveCount(0);

	// over all of the data the cards' sparklines mark the month ContosoHR starts counting and the one it stops
	await page.getByTestId('range-all-time').click();
	await expect(card.getByTestId('kpi-spark-marks')).toBeVisible();
	await expect(card).toContainText(/Marked where accounts start or stop counting in the total: [A-Z][a-z]+ \d{4} \(\+1\); [A-Z][a-z]+ \d{4} \(\u22121\)\./);
});
