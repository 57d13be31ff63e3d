import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';

/**
 * The account inventory: accounts added by hand, edited in place and in bulk, and the audit
 * spreadsheet round trip (CSV export, and a CSV import that updates and adds accounts).
 */
const row = (page: Page, accountId: string) => page.locator(`tr[data-account-id="${accountId}"]`);

async function addByHand(page: Page, fields: { platform: string; handle: string; owner?: string; segments?: string }) {
	const form = page.getByTestId('add-account-form');
	await form.getByLabel('Platform').selectOption({ label: fields.platform });
	await form.getByLabel('Handle').fill(fields.handle);
	await form.getByLabel('Owner (person or team)').fill(fields.owner ?? '');
	await form.getByLabel('Segments').fill(fields.segments ?? '');
	await form.getByRole('button', { name: 'Add account' }).click();
	await expect(form.getByRole('status')).toContainText(`Added @${fields.handle}`);
}

async function startWithTwoAccounts(page: Page) {
	await resetStorage(page);
	await page.goto('./accounts/');
	await expect(page.getByTestId('no-accounts')).toBeVisible();
	await page.getByTestId('no-accounts').getByRole('button', { name: 'Add accounts by hand' }).click();
	await expect(page.getByTestId('add-account-form').getByLabel('Platform')).toBeFocused();
	await addByHand(page, { platform: 'X / Twitter', handle: 'ContosoERP', owner: 'Dana', segments: 'Buyers; End users' });
	await addByHand(page, { platform: 'LinkedIn', handle: 'contoso-de' });
	await expect(page.getByTestId('inventory-table').locator('tbody tr')).toHaveCount(2);
}

test.describe('account inventory', () => {
	test('adds accounts by hand and flags what is missing', async ({ page }) => {
		await startWithTwoAccounts(page);
		const erp = row(page, 'x:contosoerp');
		await expect(erp.getByRole('rowheader')).toContainText('@ContosoERP');
		await expect(erp.getByRole('rowheader')).toContainText('by hand');
		await expect(erp.getByRole('button', { name: /^Owner of @ContosoERP: Dana/ })).toBeVisible();
		await expect(erp.getByRole('button', { name: /^Segments of @ContosoERP: Buyers; End users/ })).toBeVisible();
		await expect(row(page, 'linkedin:contoso-de').locator('[data-flag="no-owner"]')).toBeVisible();

		// the same handle twice is refused with a message
		await page.getByTestId('add-account-form').getByLabel('Platform').selectOption({ label: 'X / Twitter' });
		await page.getByTestId('add-account-form').getByLabel('Handle').fill('@contosoerp');
		await page.getByTestId('add-account-form').getByRole('button', { name: 'Add account' }).click();
		await expect(page.getByTestId('add-account-form').getByRole('alert')).toHaveText('“ContosoERP” is already in the inventory.');
	});

	test('edits an owner in place, and keeps it after a reload', async ({ page }) => {
		await startWithTwoAccounts(page);
		const de = row(page, 'linkedin:contoso-de');
		await de.getByRole('button', { name: /^Owner of @contoso-de/ }).click();
		const input = de.getByRole('textbox', { name: 'Owner of @contoso-de' });
		await expect(input).toBeFocused();
		await input.fill('Berlin office');
		await input.press('Enter');
		const cell = de.getByRole('button', { name: /^Owner of @contoso-de: Berlin office/ });
		await expect(cell).toBeFocused();
		await expect(de.locator('[data-flag="no-owner"]')).toHaveCount(0);

		// Escape leaves the value as it was
		await cell.click();
		await de.getByRole('textbox', { name: 'Owner of @contoso-de' }).fill('Somebody else');
		await de.getByRole('textbox', { name: 'Owner of @contoso-de' }).press('Escape');
		await expect(cell).toBeVisible();

		await page.reload();
		await expect(row(page, 'linkedin:contoso-de').getByRole('button', { name: /^Owner of @contoso-de: Berlin office/ })).toBeVisible();
	});

	test('bulk-edits the segments and the owner of the selected accounts', async ({ page }) => {
		await startWithTwoAccounts(page);
		await page.getByRole('checkbox', { name: 'Select @ContosoERP' }).check();
		await page.getByRole('checkbox', { name: 'Select @contoso-de' }).check();
		const bulk = page.getByTestId('bulk-edit');
		await expect(bulk.getByRole('heading')).toHaveText('Edit 2 selected accounts');
		await bulk.getByLabel('Field').selectOption({ label: 'Segments' });
		await bulk.getByLabel('Entries, separated by ;').fill('Solution partners; Buyers');
		await bulk.getByRole('button', { name: 'Add to selected' }).click();
		await expect(bulk.getByRole('status')).toHaveText('Added Solution partners, Buyers to the segments of 2 accounts.');
		await expect(row(page, 'x:contosoerp').getByRole('button', { name: /^Segments of @ContosoERP/ })).toHaveText(
			'Buyers; End users; Solution partners'
		);
		await expect(row(page, 'linkedin:contoso-de').getByRole('button', { name: /^Segments of @contoso-de/ })).toHaveText(
			'Solution partners; Buyers'
		);

		await bulk.getByLabel('Entries, separated by ;').fill('Buyers');
		await bulk.getByRole('button', { name: 'Remove from selected' }).click();
		await expect(row(page, 'linkedin:contoso-de').getByRole('button', { name: /^Segments of @contoso-de/ })).toHaveText('Solution partners');

		await bulk.getByLabel('Owner').fill('Partner team');
		await bulk.getByRole('button', { name: 'Set owner' }).click();
		await expect(row(page, 'x:contosoerp').getByRole('button', { name: /^Owner of/ })).toHaveText('Partner team');
		await expect(row(page, 'linkedin:contoso-de').getByRole('button', { name: /^Owner of/ })).toHaveText('Partner team');

		await page.getByRole('checkbox', { name: 'Select all shown accounts' }).uncheck();
		await expect(bulk).toBeHidden();
	});

	test('sorts and filters the table', async ({ page }) => {
		await startWithTwoAccounts(page);
		const accounts = () => page.getByTestId('inventory-table').locator('tbody tr').evaluateAll((rows) => rows.map((one) => one.getAttribute('data-account-id')));
		// by name: "@contoso-de" before "@contosoerp" (a hyphen sorts before letters)
		await expect.poll(accounts).toEqual(['linkedin:contoso-de', 'x:contosoerp']);
		await page.getByRole('button', { name: 'Account', exact: true }).click();
		await expect(page.getByRole('columnheader', { name: 'Account', exact: true })).toHaveAttribute('aria-sort', 'descending');
		await expect.poll(accounts).toEqual(['x:contosoerp', 'linkedin:contoso-de']);
		await page.getByRole('combobox', { name: 'Flag' }).selectOption({ label: 'No owner' });
		await expect.poll(accounts).toEqual(['linkedin:contoso-de']);
		await page.getByRole('combobox', { name: 'Flag' }).selectOption({ label: 'Any flags' });
		await page.getByRole('searchbox', { name: 'Search' }).fill('end users');
		await expect.poll(accounts).toEqual(['x:contosoerp']);
	});

	test('exports the inventory as CSV and imports a CSV that updates one account and adds another', async ({ page }) => {
		await startWithTwoAccounts(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^chorus-account-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toMatch(/^Platform,Handle,Display name,URL,Owner,Admins,Segments,Product lines,Regions,Languages,Purpose,Notes,Account ID,/);
		expect(lines.slice(1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
			'LinkedIn,contoso-de,contoso-de,,,,',
			'X / Twitter,ContosoERP,ContosoERP,,Dana,,Buyers; End users'
		]);

		const audit = [
			'Handle;Platform;Owner;Segments;Regions;Audience size',
			'@contosoerp;X;Dana and Lee;Buyers;Global;123',
			'contoso-fr;LinkedIn;Paris office;Buyers;FR;',
			'oldpage;Myspace;Tom;;;'
		].join('\n');
		await page.getByTestId('inventory-csv-input').setInputFiles({ name: 'audit.csv', mimeType: 'text/csv', buffer: Buffer.from(audit) });
		const preview = page.getByTestId('csv-preview');
		await expect(preview).toContainText('1 account to update, 1 to add by hand, 0 already up to date, 1 row left out.');
		await expect(preview).toContainText('Left aside: Audience size.');
		await expect(preview.getByRole('listitem').filter({ hasText: 'Line 4:' })).toContainText('Platform “Myspace” is not one Chorus knows');
		const update = preview.getByRole('row').filter({ hasText: '@ContosoERP' });
		await expect(update).toContainText('Update (matched by platform and handle)');
		await expect(update).toContainText('Owner: Dana → Dana and Lee');
		await expect(update).toContainText('Segments: Buyers; End users → Buyers');
		await expect(preview.getByRole('row').filter({ hasText: '@contoso-fr' })).toContainText('Add by hand');

		await preview.getByRole('button', { name: 'Apply 2 changes' }).click();
		await expect(page.getByTestId('csv-import-message')).toHaveText('From audit.csv: updated 1 account, added 1.');
		await expect(row(page, 'x:contosoerp').getByRole('button', { name: /^Owner of/ })).toHaveText('Dana and Lee');
		await expect(row(page, 'linkedin:contoso-fr').getByRole('button', { name: /^Regions of/ })).toHaveText('FR');
		await expect(page.getByTestId('inventory-table').locator('tbody tr')).toHaveCount(3);
	});
});
