import { readFileSync } from 'node:fs';
import { expect, resetStorage, test } from './fixtures';
import { dropFiles, fixture, FIXTURES, type FilePayload } from './helpers';

/**
 * The interface in English and Simplified Chinese. The language follows the browser, can be
 * switched at any time without a reload, and is remembered. In Chinese, no English interface text
 * is left on any page: every word of Latin script on screen must be a name (product, platform,
 * file type) or come from the user's own data.
 */

const ROUTES = ['./', './import/', './imports/', './dashboard/', './accounts/', './board/', './account/', './calendar/', './workspace/'];

/** Names that read the same in both languages. */
const NAMES = new Set(
	[
		'Chorus',
		'X',
		'Twitter',
		'YouTube',
		'LinkedIn',
		'Facebook',
		'Instagram',
		'TikTok',
		'Meta',
		'Business',
		'Suite',
		'Studio',
		'CSV',
		'ICS',
		'iCalendar',
		'Markdown',
		'JSON',
		'SHA',
		'URL',
		'KPI',
		'Excel',
		'Outlook',
		'Google',
		'UTF',
		'English',
		'csv',
		'xlsx',
		'xls',
		'zip',
		'json',
		'gz',
		'ics',
		'md',
		'PNG',
		// key names, as printed on keyboards everywhere
		'Enter',
		'Esc',
		'Alt',
		'Tab',
		'Shift',
		'Ctrl',
		// the inventory CSV's column names: an interchange format, English in every language (docs/board.md)
		...['Platform', 'Handle', 'Display', 'name', 'Owner', 'Admins', 'Segments', 'Product', 'lines', 'Regions', 'Languages', 'Purpose', 'Notes']
	].map((word) => word.toLowerCase())
);

const IMPORTED = ['x/tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv', 'x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv'];

/** Every word in the imported files (posts, handles, file names): the user's data, not interface text. */
const DATA_WORDS = new Set(
	IMPORTED.flatMap((path) => `${path} ${readFileSync(`${FIXTURES}${path}`, 'utf8')}`.match(/[A-Za-z][A-Za-z'’]*/g) ?? []).map((word) => word.toLowerCase())
);

async function leftoverEnglish(page: import('@playwright/test').Page): Promise<string[]> {
	// a moment for live queries and charts to settle
	await page.waitForLoadState('networkidle');
	// checksums are shown as hex: not words
	const text = (await page.locator('body').innerText()).replace(/\b[0-9a-f]{12,64}\b/g, ' ');
	const words = text.match(/[A-Za-z][A-Za-z'’]{2,}/g) ?? [];
	return [...new Set(words.filter((word) => !NAMES.has(word.toLowerCase()) && !DATA_WORDS.has(word.toLowerCase())))];
}

test.describe('in the browser language', () => {
	test.use({ locale: 'zh-CN' });

	test('a Chinese browser gets the Chinese interface, with the page language set', async ({ page }) => {
		await resetStorage(page);
		await page.goto('./dashboard/');
		await expect(page.getByRole('navigation').getByRole('link', { name: '仪表板' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	});
});

test('the language switch changes every string at once, without a reload, and is remembered', async ({ page }) => {
	await resetStorage(page);
	await page.goto('./board/');
	const heading = page.getByRole('heading', { level: 1 });
	const english = await heading.innerText();
	await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
	await page.getByTestId('language-switch').selectOption('zh-CN');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(heading).not.toHaveText(english);
	await expect(heading).toHaveText(/[\u4e00-\u9fff]/);
	expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

	await page.reload();
	await expect(page.getByTestId('language-switch')).toHaveValue('zh-CN');
	await expect(heading).toHaveText(/[\u4e00-\u9fff]/);

	await page.getByTestId('language-switch').selectOption('en');
	await expect(heading).toHaveText(english);
});

test.describe('no English left in Chinese', () => {
	test.setTimeout(180_000);

	test('on every page of an empty workspace', async ({ page }) => {
		await resetStorage(page);
		await page.evaluate(() => localStorage.setItem('chorus.locale', 'zh-CN'));
		const found: Record<string, string[]> = {};
		for (const route of ROUTES) {
			await page.goto(route);
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			const words = await leftoverEnglish(page);
			if (words.length > 0) found[route] = words;
		}
		expect(found).toEqual({});
	});

	test('on every page with imported data', async ({ page }) => {
		await resetStorage(page);
		await page.goto('./import/');
		const files: FilePayload[] = IMPORTED.map((path) => fixture(path));
		await dropFiles(page, '[data-testid=dropzone]', files);
		await page.getByTestId('confirm-import').click();
		await expect(page.getByTestId('import-done')).toBeVisible();
		await page.getByTestId('language-switch').selectOption('zh-CN');

		const found: Record<string, string[]> = {};
		for (const route of ['./imports/', './dashboard/', './accounts/', './board/', './account/?id=x%3Aropensci', './calendar/?date=2021-11-24', './workspace/']) {
			await page.goto(route);
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			const words = await leftoverEnglish(page);
			if (words.length > 0) found[route] = words;
		}
		expect(found).toEqual({});
	});
});
