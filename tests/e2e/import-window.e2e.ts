import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { dropFiles, fixture, xDailyExport } from './helpers';

// The import preview of a large drop is a windowed list: only the cards near the viewport are in
// the page (docs/performance.md, "a windowed import preview"). These tests drop a few hundred small
// files and check what a person needs of it: the number of cards drawn stays bounded, the files
// that wait for an account are reached from the summary and by Tab, a file is found by name, the
// focused card stays, and what is on screen does not jump when a card above it changes height.

const DAILY = 180;
const daily = Array.from({ length: DAILY }, (_, index) => xDailyExport(`Handle${String(index).padStart(3, '0')}`, '2025-01-01', 3, 10 + index));
const cards = (page: Page) => page.locator('ul.files > li');

test.beforeEach(async ({ page }) => {
	test.setTimeout(120_000);
	await resetStorage(page);
	await page.goto('./import/');
});

test('a drop of hundreds of files draws only the cards near the screen, and the file far down that needs an account is reached from the summary', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [...daily, fixture('x/account_overview_analytics.csv')]);
	const summary = page.getByTestId('preview-summary');
	await expect(summary).toContainText('1 needs an account chosen.', { timeout: 60_000 });
	const drawn = await cards(page).count();
	expect(drawn).toBeGreaterThan(2);
	expect(drawn).toBeLessThan(60);
	await expect(cards(page).first()).toHaveAttribute('aria-setsize', String(DAILY + 1));
	await expect(cards(page).first()).toHaveAttribute('aria-posinset', '1');
	await expect(page.getByText('Whose data is this?')).toHaveCount(0);
	expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

	await summary.getByRole('button', { name: 'Go to the next one' }).click();
	const input = page.getByLabel('New account handle');
	await expect(input).toBeFocused();
	const card = page.getByTestId('file-preview').filter({ hasText: 'account_overview_analytics.csv' });
	await expect(card.getByLabel('New account handle')).toBeFocused();
	await expect(card).toHaveAttribute('aria-posinset', String(DAILY + 1));
	await expect(card).toBeInViewport();
	expect(await cards(page).count()).toBeLessThan(60);

	await input.fill('ContosoCloud');
	await input.press('Enter');
	await expect(card.getByText('Chosen: @ContosoCloud')).toBeVisible();
	await expect(page.getByTestId('confirm-import')).toBeEnabled();
	await expect(summary.getByRole('button', { name: 'Go to the next one' })).toHaveCount(0);
});

test('a file far down is found by its name, and "only the files that need attention" keeps the ones to act on', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv'), ...daily, fixture('bad/corrupt.zip')]);
	await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText('Only the cards near the screen are drawn')).toBeVisible();
	await expect(page.getByTestId('file-preview').filter({ hasText: 'Handle170' })).toHaveCount(0);

	await page.getByLabel('Find a file by name').fill('handle170');
	await expect(page.getByTestId('file-preview')).toHaveCount(1);
	await expect(page.getByTestId('file-preview')).toContainText('Handle170');
	await expect(page.getByRole('status').filter({ hasText: 'Showing 1 of' })).toHaveText(`Showing 1 of ${DAILY + 2} files.`);
	await page.getByLabel('Find a file by name').fill('no such file');
	await expect(page.getByText('No file matches.')).toBeVisible();
	await page.getByLabel('Find a file by name').fill('');

	await page.getByLabel(/Only the files that need attention \(2\)/).check();
	await expect(cards(page)).toHaveCount(2);
	await expect(page.getByTestId('file-error')).toContainText('corrupt.zip');
	const chooser = page.getByTestId('file-preview');
	await chooser.getByLabel('New account handle').fill('ContosoCloud');
	await chooser.getByRole('button', { name: 'Use this account' }).click();
	// answered, it stays in the filtered list, to be changed
	await expect(chooser.getByText('Chosen: @ContosoCloud')).toBeVisible();
	await expect(cards(page)).toHaveCount(2);
});

test('the focused chooser stays when its card scrolls away, and Tab goes on to the next file that needs an account', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv'), ...daily, fixture('x/account_overview_analytics (1).csv')]);
	await expect(page.getByTestId('preview-summary')).toContainText('2 need an account chosen.', { timeout: 60_000 });
	const first = page.getByTestId('file-preview').filter({ hasText: 'account_overview_analytics.csv' });
	const last = page.getByTestId('file-preview').filter({ hasText: 'account_overview_analytics (1).csv' });
	await first.getByLabel('New account handle').focus();
	await first.getByLabel('New account handle').fill('Contoso');

	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect(first).not.toBeInViewport();
	await expect(first.getByLabel('New account handle')).toBeFocused();
	await expect(first.getByLabel('New account handle')).toHaveValue('Contoso');
	expect(await cards(page).count()).toBeLessThan(60);
	await page.evaluate(() => window.scrollTo(0, 0));

	// the button is disabled while the handle is empty; the box "also for the other file" comes next
	await first.getByLabel('New account handle').fill('');
	await page.keyboard.press('Tab');
	await expect(first.getByRole('checkbox')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(last.getByLabel('New account handle')).toBeFocused();
	await expect(last).toBeInViewport();
	await page.keyboard.press('Shift+Tab');
	await expect(first.getByRole('checkbox')).toBeFocused();
});

test('what is on screen stays in place when a card above it changes height', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', daily);
	await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 60_000 });
	// scroll to the middle a screen at a time, as a person would, so the cards on the way are measured
	for (let step = 0; step < 12; step++) {
		await page.mouse.wheel(0, 600);
		await page.waitForTimeout(50);
	}
	const moved = await page.evaluate(async () => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
		await frame();
		const items = [...document.querySelectorAll<HTMLElement>('ul.files > li')];
		const visible = items.find((item) => item.getBoundingClientRect().top > 100)!;
		const above = items.find((item) => item.getBoundingClientRect().bottom < 0)!;
		const before = visible.getBoundingClientRect().top;
		const extra = document.createElement('div');
		extra.style.height = '300px';
		above.append(extra);
		await frame();
		await frame();
		return visible.getBoundingClientRect().top - before;
	});
	expect(Math.abs(moved)).toBeLessThan(1);
});

test('answering a chooser from the keyboard leaves the focus in its card, on "Change", and "Change" gives it back to the form', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv'), ...daily.slice(0, 20)]);
	await expect(page.getByTestId('preview-summary')).toContainText('1 needs an account chosen.', { timeout: 60_000 });
	const card = page.getByTestId('file-preview').filter({ hasText: 'account_overview_analytics.csv' });
	await card.getByLabel('New account handle').focus();
	await page.keyboard.type('ContosoCloud');
	await page.keyboard.press('Enter');
	await expect(card.getByText('Chosen: @ContosoCloud')).toBeVisible();
	// not the page's body: Tab goes on from this card
	await expect(card.getByRole('button', { name: 'Change' })).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
	await page.keyboard.press('Shift+Tab');
	await expect(card.getByRole('button', { name: 'Change' })).toBeFocused();

	// taken back: the form comes again, with the focus and what was typed
	await page.keyboard.press('Enter');
	await expect(card.getByLabel('New account handle')).toBeFocused();
	await expect(card.getByLabel('New account handle')).toHaveValue('ContosoCloud');
	await expect(page.getByTestId('preview-summary')).toContainText('1 needs an account chosen.');
});

test('what was typed in a chooser is still there when its card comes back after being taken down', async ({ page }) => {
	await dropFiles(page, '[data-testid=dropzone]', [fixture('x/account_overview_analytics.csv'), ...daily, fixture('x/account_overview_analytics (1).csv')]);
	await expect(page.getByTestId('preview-summary')).toContainText('2 need an account chosen.', { timeout: 60_000 });
	const first = page.getByTestId('file-preview').filter({ hasText: 'account_overview_analytics.csv' });
	await first.getByLabel('New account handle').fill('Contoso');
	await first.getByRole('checkbox').check();
	// the focus leaves the list, so the card is no longer kept drawn for it
	await page.getByLabel('Find a file by name').focus();

	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect(first).toHaveCount(0);
	await page.evaluate(() => window.scrollTo(0, 0));
	await expect(first.getByLabel('New account handle')).toHaveValue('Contoso');
	await expect(first.getByRole('checkbox')).toBeChecked();

	// and it is what the answer uses: the handle, for the other file too
	await first.getByRole('button', { name: 'Use this account' }).click();
	await expect(first.getByText('Chosen: @Contoso')).toBeVisible();
	await expect(page.getByTestId('preview-summary').getByRole('button', { name: 'Go to the next one' })).toHaveCount(0);
	await expect(page.getByTestId('confirm-import')).toBeEnabled();
});
