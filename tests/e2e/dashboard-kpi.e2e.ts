/**
 * The dashboard's KPI cards must follow a change of the stored data made elsewhere (here an undo in
 * another tab) as the chart does: a dashboard left open must never show figures of data that is gone.
 */
import { expect, resetStorage, test } from './fixtures';
import { xDailyExport } from './helpers';

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles([xDailyExport('ContosoERP', isoDaysAgo(400), 400, 100), xDailyExport('ContosoHR', isoDaysAgo(200), 200, 50)]);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
});

test('the KPI cards follow an undo made in another tab', async ({ page, context }) => {
	await page.goto('./dashboard/?metric=impressions&range=90d');
	const impressions = page.getByTestId('kpi-impressions').getByTestId('kpi-value');
	await expect(impressions).not.toHaveText('—');
	const before = await impressions.textContent();

	const other = await context.newPage();
	await other.goto('./imports/');
	const hr = other.getByRole('row', { name: /ContosoHR/ });
	await hr.getByRole('button', { name: /Undo/ }).click();
	await hr.getByRole('button', { name: 'Yes, undo' }).click();
	await expect(other.getByTestId('undo-message')).toBeVisible();
	await other.close();

	// ContosoHR's impressions are gone from the cards, as from the chart
	await expect(impressions).not.toHaveText(before ?? '');
	await expect(impressions).not.toHaveText('—');
	await expect(page.getByTestId('kpi-error')).toHaveCount(0);
});
