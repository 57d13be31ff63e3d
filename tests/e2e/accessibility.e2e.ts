import AxeBuilder from '@axe-core/playwright';
import { expect, resetStorage, test } from './fixtures';

const PAGES = ['./', './import/', './imports/', './dashboard/', './accounts/', './board/', './calendar/', './account/', './workspace/'];

async function seriousViolations(page: import('@playwright/test').Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

test.describe('axe-core finds no serious or critical violations', () => {
	for (const theme of ['light', 'dark'] as const) {
		test(`on every page of an empty workspace, ${theme} theme`, async ({ page }) => {
			await resetStorage(page);
			await page.evaluate((choice) => localStorage.setItem('chorus.theme', choice), theme);
			for (const path of PAGES) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				expect(await seriousViolations(page), `${path} (${theme})`).toEqual([]);
			}
		});
	}

	test('on the import preview with recognised, unknown and broken files', async ({ page }) => {
		await resetStorage(page);
		await page.goto('./import/');
		await page
			.getByTestId('file-input')
			.setInputFiles([
				'tests/fixtures/x/account_overview_analytics.csv',
				'tests/fixtures/bad/unknown-layout.csv',
				'tests/fixtures/bad/corrupt.zip'
			]);
		await expect(page.getByTestId('file-preview')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
});
