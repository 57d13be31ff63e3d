import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';

/**
 * The consolidation board: moving cards by mouse and by keyboard, Merge and Retire details, decisions
 * kept across a reload, undo, and the plan exports. The workspace is seeded through the inventory's
 * CSV import (the accounts page), which is quick and needs no exports.
 */
const INVENTORY = [
	'Platform,Handle,Display name,Owner,Segments,Regions,Languages,Purpose',
	'X,ContosoERP,Contoso ERP,Dana,Buyers; End users,Global,en,Release notes for ERP buyers',
	'X,ContosoCRM,Contoso CRM,Lee,Buyers,Global,en,Release notes for CRM buyers',
	'X,ContosoCareers,Contoso Careers,,,Global,en,Hiring',
	'LinkedIn,contoso-de,Contoso Deutschland,Berlin office,Buyers,DE,de,German market news',
	'YouTube,ContosoTV,Contoso TV,Video team,End users,Global,en,Product demos'
].join('\n');

async function seedInventory(page: Page) {
	await resetStorage(page);
	await page.goto('./accounts/');
	await expect(page.getByTestId('no-accounts')).toBeVisible();
	await page.getByTestId('inventory-csv-input').setInputFiles({ name: 'audit.csv', mimeType: 'text/csv', buffer: Buffer.from(INVENTORY) });
	await page.getByRole('button', { name: 'Apply 5 changes' }).click();
	await expect(page.getByTestId('csv-import-message')).toContainText('added 5');
	await page.goto('./board/');
	await expect(page.getByTestId('plan-summary')).toBeVisible();
}

const card = (page: Page, accountId: string) => page.locator(`[data-card-id="${accountId}"]`);
const column = (page: Page, name: string) => page.getByTestId(`column-${name}`);
const idsIn = (page: Page, name: string) =>
	column(page, name)
		.locator('[data-card-id]')
		.evaluateAll((cards) => cards.map((one) => one.getAttribute('data-card-id')));

async function menuMove(page: Page, accountId: string, target: RegExp) {
	await card(page, accountId).getByRole('button', { name: /^Move to/ }).click();
	await card(page, accountId).getByRole('group', { name: /^Move / }).getByRole('button', { name: target }).click();
}

async function downloaded(download: Download): Promise<string> {
	return readFile((await download.path())!, 'utf8');
}

test.describe('consolidation board', () => {
	test('says what to do when there are no accounts', async ({ page }) => {
		await resetStorage(page);
		await page.goto('./board/');
		const empty = page.getByTestId('no-accounts');
		await expect(empty).toContainText('No accounts yet');
		await expect(empty.getByRole('link', { name: 'Import analytics exports' })).toBeVisible();
		await expect(empty.getByRole('link', { name: 'Add accounts by hand' })).toHaveAttribute('href', /accounts\/$/);
		await empty.getByRole('link', { name: 'Try with sample data' }).click();
		await expect(page.getByRole('button', { name: 'Try with sample data' })).toBeVisible();
	});

	test('prints the guiding question, the method and the rules, and every card answers the question', async ({ page }) => {
		await seedInventory(page);
		await expect(page.getByTestId('guiding-question')).toContainText(
			'Through this account, can we reach customers that we cannot reach through any other channel?'
		);
		await expect(page.getByTestId('board-card')).toHaveCount(5);
		await expect(column(page, 'undecided').getByTestId('board-card')).toHaveCount(5);
		await expect(card(page, 'x:contosoerp').getByTestId('card-reach')).toContainText('Nothing is in Keep yet');
		await page.getByTestId('reach-method').locator('summary').click();
		await expect(page.getByTestId('reach-method')).toContainText('Unique reach is an estimate, not a count.');
		await page.getByTestId('rules').locator('summary').click();
		await expect(page.getByTestId('rules').locator('ol > li')).toHaveCount(8);
		await expect(page.getByTestId('plan-accounts')).toContainText('5 → 5');
	});

	test('moves a card by drag and drop and announces it', async ({ page }) => {
		await seedInventory(page);
		await card(page, 'x:contosoerp').locator('.facts').dragTo(column(page, 'keep').locator('ol'));
		await expect(column(page, 'keep').locator('[data-card-id="x:contosoerp"]')).toBeVisible();
		await expect(page.getByTestId('board-announcer')).toHaveText('Moved @ContosoERP to Keep, position 1 of 1.');
		// the estimates follow the board: the others are now compared with what Keep reaches
		await expect(card(page, 'x:contosocrm').getByTestId('card-reach')).toContainText('that the kept accounts do not');
		await expect(page.getByTestId('plan-accounts')).toContainText('Keep 1');

		// dropped above the first card of a column, a card lands first
		await card(page, 'youtube:contosotv')
			.locator('.facts')
			.dragTo(card(page, 'x:contosoerp'), { targetPosition: { x: 20, y: 5 } });
		await expect.poll(() => idsIn(page, 'keep')).toEqual(['youtube:contosotv', 'x:contosoerp']);
		await expect(page.getByTestId('board-announcer')).toHaveText('Moved @ContosoTV to Keep, position 1 of 2.');
	});

	test('moves and reorders cards with the keyboard only, and asks for a reason before retiring', async ({ page }) => {
		await seedInventory(page);
		const announcer = page.getByTestId('board-announcer');
		const handle = (accountId: string) => card(page, accountId).locator('[data-handle-id]');

		await handle('x:contosocrm').focus();
		await page.keyboard.press('Enter');
		await expect(announcer).toContainText('Picked up @ContosoCRM');
		await page.keyboard.press('ArrowRight');
		await expect(announcer).toHaveText('@ContosoCRM: Keep, position 1 of 1.');
		await page.keyboard.press('Enter');
		await expect(announcer).toHaveText('Moved @ContosoCRM to Keep, position 1 of 1.');
		await expect(column(page, 'keep').locator('[data-card-id="x:contosocrm"]')).toBeVisible();
		await expect(handle('x:contosocrm')).toBeFocused();

		await handle('linkedin:contoso-de').focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await expect(announcer).toHaveText('Moved @contoso-de to Keep, position 2 of 2.');
		// reorder within the column
		await expect(handle('linkedin:contoso-de')).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowUp');
		await expect(announcer).toHaveText('@contoso-de: Keep, position 1 of 2.');
		await page.keyboard.press('Enter');
		await expect(announcer).toHaveText('Moved @contoso-de to Keep, position 1 of 2.');
		await expect.poll(() => idsIn(page, 'keep')).toEqual(['linkedin:contoso-de', 'x:contosocrm']);

		// Escape cancels a pick-up
		await handle('x:contosocareers').focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Escape');
		await expect(announcer).toContainText('Move cancelled. @ContosoCareers is back in Undecided');
		await expect(column(page, 'undecided').locator('[data-card-id="x:contosocareers"]')).toBeVisible();

		// Retire asks for a one-line reason in a dialog that takes focus; Escape cancels and gives focus back
		await handle('x:contosocareers').focus();
		await page.keyboard.press('Enter');
		for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
		await expect(announcer).toHaveText('@ContosoCareers: Retire, position 1 of 1.');
		await page.keyboard.press('Enter');
		const dialog = page.getByTestId('decision-dialog');
		await expect(dialog.getByRole('heading', { name: 'Retire @ContosoCareers' })).toBeVisible();
		await expect(dialog.getByLabel('Why, in one line')).toBeFocused();
		// Tab and Shift+Tab wrap around inside the dialog
		for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
			await page.keyboard.press(key);
			expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null), key).toBe(true);
		}
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(handle('x:contosocareers')).toBeFocused();
		await expect(column(page, 'undecided').locator('[data-card-id="x:contosocareers"]')).toBeVisible();

		await page.keyboard.press('Enter');
		for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await expect(dialog.getByRole('alert')).toHaveText('Write one line on why, so the decision makes sense later.');
		await page.keyboard.type('Nobody owns it and it has not posted since 2023');
		await page.keyboard.press('Enter');
		await expect(announcer).toHaveText('Moved @ContosoCareers to Retire, position 1 of 1.');
		await expect(handle('x:contosocareers')).toBeFocused();
		await expect(card(page, 'x:contosocareers')).toContainText('“Nobody owns it and it has not posted since 2023”');
	});

	test('keeps every decision across a reload, with merge target, reasons and history, and undoes one', async ({ page }) => {
		await seedInventory(page);
		await menuMove(page, 'x:contosoerp', /^Keep/);
		await expect(page.getByTestId('board-announcer')).toHaveText('Moved @ContosoERP to Keep, position 1 of 1.');

		await menuMove(page, 'x:contosocrm', /^Merge/);
		const dialog = page.getByTestId('decision-dialog');
		await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
		await expect(dialog.getByRole('alert')).toHaveText('Choose the account its followers should move to.');
		await dialog.getByLabel('Merge into').selectOption('x:contosoerp');
		await dialog.getByLabel('Why, in one line').fill('Same buyers as @ContosoERP, fewer posts');
		await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
		await expect(page.getByTestId('board-announcer')).toHaveText('Moved @ContosoCRM to Merge into @ContosoERP, position 1 of 1.');

		await menuMove(page, 'x:contosocareers', /^Retire/);
		await dialog.getByLabel('Why, in one line').fill('No owner');
		await dialog.getByLabel('Why, in one line').press('Enter');
		await expect(column(page, 'retire').locator('[data-card-id="x:contosocareers"]')).toBeVisible();
		await expect(page.getByTestId('plan-accounts')).toContainText('5 → 3');
		// announced once stored: a reload before that would abort the write
		await expect(page.getByTestId('board-announcer')).toHaveText(/^Moved @ContosoCareers to Retire/);

		await page.reload();
		await expect(page.getByTestId('plan-summary')).toBeVisible();
		await expect.poll(() => idsIn(page, 'keep')).toEqual(['x:contosoerp']);
		await expect.poll(() => idsIn(page, 'merge')).toEqual(['x:contosocrm']);
		await expect.poll(() => idsIn(page, 'retire')).toEqual(['x:contosocareers']);
		const merged = card(page, 'x:contosocrm');
		await expect(merged).toContainText('Merges into @ContosoERP');
		await expect(merged).toContainText('“Same buyers as @ContosoERP, fewer posts”');
		await merged.getByText('History (1)').click();
		await expect(merged.locator('.history li')).toHaveText([/Undecided → Merge into @ContosoERP: “Same buyers as @ContosoERP, fewer posts”/]);
		await expect(page.getByTestId('plan-summary')).toContainText('No owner on record: @ContosoCareers');
		await expect(page.getByTestId('plan-summary')).toContainText('Lee: @ContosoCRM');

		// a second decision on the same card, then undo steps back one at a time
		await menuMove(page, 'x:contosocrm', /^Keep/);
		await expect(column(page, 'keep').locator('[data-card-id="x:contosocrm"]')).toBeVisible();
		await card(page, 'x:contosocrm').getByRole('button', { name: 'Undo last decision for @ContosoCRM' }).click();
		await expect(column(page, 'merge').locator('[data-card-id="x:contosocrm"]')).toBeVisible();
		await expect(card(page, 'x:contosocrm')).toContainText('Merges into @ContosoERP');
		await expect(page.getByTestId('board-announcer')).toHaveText('Undid the last decision for @ContosoCRM; it was in Keep.');
		await card(page, 'x:contosocrm').getByRole('button', { name: 'Undo last decision for @ContosoCRM' }).click();
		await expect(column(page, 'undecided').locator('[data-card-id="x:contosocrm"]')).toBeVisible();
		await expect(card(page, 'x:contosocrm').getByRole('button', { name: /^Undo/ })).toHaveCount(0);
		await expect(page.getByTestId('board-announcer')).toHaveText(/^Undid the last decision for @ContosoCRM; it was in Merge/);

		await page.reload();
		await expect(page.getByTestId('plan-summary')).toBeVisible();
		await expect(column(page, 'undecided').locator('[data-card-id="x:contosocrm"]')).toBeVisible();
		await expect.poll(() => idsIn(page, 'retire')).toEqual(['x:contosocareers']);
	});

	test('exports the plan as CSV and as Markdown', async ({ page }) => {
		await seedInventory(page);
		await menuMove(page, 'x:contosoerp', /^Keep/);
		await menuMove(page, 'x:contosocareers', /^Retire/);
		const dialog = page.getByTestId('decision-dialog');
		await dialog.getByLabel('Why, in one line').fill('=HYPERLINK("x") nobody posts | here');
		await dialog.getByRole('button', { name: 'Retire', exact: true }).click();
		await expect(column(page, 'retire').locator('[data-card-id="x:contosocareers"]')).toBeVisible();

		const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download plan (CSV)' }).click()]);
		expect(csvDownload.suggestedFilename()).toMatch(/^chorus-consolidation-plan-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = await downloaded(csvDownload);
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toMatch(/^Account,Handle,Platform,Account ID,URL,Owner,Admins,/);
		const careers = lines.find((line) => line.includes('x:contosocareers'))!;
		expect(careers).toContain('Retire');
		// the rationale cannot run as a formula in a spreadsheet
		expect(careers).toContain(`"'=HYPERLINK(""x"") nobody posts | here"`);
		expect(lines.find((line) => line.includes('x:contosoerp'))).toContain('Keep');

		const [mdDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download plan (Markdown)' }).click()
		]);
		expect(mdDownload.suggestedFilename()).toMatch(/^chorus-consolidation-plan-\d{4}-\d{2}-\d{2}\.md$/);
		const markdown = await downloaded(mdDownload);
		expect(markdown).toMatch(/^# /);
		expect(markdown).toContain('@ContosoCareers');
		expect(markdown).toContain('nobody posts \\| here');
		expect(markdown).toContain('Point the bio link to the surviving account');
		expect(markdown).toContain('Unique reach is an estimate, not a count.');
	});

	test('applies a suggestion only when asked, and shows the coverage and overlap matrices', async ({ page }) => {
		await seedInventory(page);
		const german: Locator = card(page, 'linkedin:contoso-de');
		// the only German-language account: the last channel for German and DE, so Keep is suggested
		await expect(german.locator('.suggestion')).toContainText('Keep');
		await expect(column(page, 'undecided').locator('[data-card-id="linkedin:contoso-de"]')).toBeVisible();
		await german.getByRole('button', { name: /^Apply suggestion: Keep/ }).click();
		await expect(column(page, 'keep').locator('[data-card-id="linkedin:contoso-de"]')).toBeVisible();
		await expect(german.locator('.rationale')).toContainText('Keep');

		await page.getByText('Coverage matrix: segments, regions and languages by account').click();
		const coverage = page.getByTestId('coverage-matrix');
		await expect(coverage.getByRole('rowheader', { name: /^Buyers/ })).toBeVisible();
		await expect(coverage.getByRole('row', { name: /^German Language/ })).toContainText('1: @contoso-de');
		await page.getByText('Audience overlap between every pair of accounts (estimate)').click();
		const overlap = page.getByTestId('overlap-matrix');
		await expect(overlap.getByRole('heading', { name: 'Most alike pairs' })).toBeVisible();
		await expect(overlap.locator('tbody tr')).toHaveCount(5);
	});

	test('works on the sample data: facts, sparklines and a suggestion on every card, and the plan follows a move', async ({ page }) => {
		test.setTimeout(240_000);
		await resetStorage(page);
		await page.goto('./');
		await page.getByRole('button', { name: 'Try with sample data' }).click();
		await expect(page).toHaveURL(/dashboard\/$/, { timeout: 180_000 });
		const started = Date.now();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board', exact: true }).click();
		await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 30_000 });
		test.info().annotations.push({ type: 'board ready after', description: `${Date.now() - started} ms` });

		const cards = page.getByTestId('board-card');
		const count = await cards.count();
		expect(count).toBeGreaterThanOrEqual(30);
		await expect(page.locator('[data-testid="board-card"] .suggestion')).toHaveCount(count);
		await expect(page.locator('[data-testid="board-card"] .sparkline').first()).toBeVisible();
		await expect(page.getByTestId('plan-accounts')).toContainText(`${count} → ${count}`);

		const first = (await cards.first().getAttribute('data-card-id'))!;
		await menuMove(page, first, /^Keep/);
		await expect(page.getByTestId('plan-accounts')).toContainText('Keep 1');
		// the kept card is compared with the other kept accounts, of which there are none yet
		await expect(card(page, first).getByTestId('card-reach-range')).toHaveText('no other account in Keep yet');
		await expect(cards.nth(1).getByTestId('card-reach')).toContainText('that the kept accounts do not');
	});
});
