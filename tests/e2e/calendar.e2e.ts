import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { dumpDatabase, fixture, type FilePayload } from './helpers';

// rOpenSci's tweets of November 2021: one on Wednesday 24 November ("#rstats technote …", 9,535
// impressions, 161 engagements), others on the 20th and the 30th.
const TWEETS = 'x/tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv';
const WEEK = './calendar/?view=week&date=2021-11-22';

async function importTweets(page: Page) {
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles(fixture(TWEETS));
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
}

function day(page: Page, name: string): Locator {
	return page.getByRole('group', { name, exact: true });
}

async function planItem(
	page: Page,
	dayName: string,
	title: string,
	angle: 'Story' | 'Product' | 'Story + product',
	segment: string,
	targets: 'keep' | 'rOpenSci' = 'rOpenSci'
) {
	await day(page, dayName).hover();
	await page.getByRole('button', { name: `Add an item on ${dayName}` }).click();
	const dialog = page.getByTestId('item-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByLabel('Title')).toBeFocused();
	await dialog.getByLabel('Title').fill(title);
	await dialog.getByRole('radio', { name: angle, exact: true }).check();
	await dialog.getByRole('checkbox', { name: segment, exact: true }).check();
	const accounts = dialog.getByRole('group', { name: 'Target accounts' });
	if (targets === 'keep') await accounts.getByRole('button', { name: 'Target all Keep accounts' }).click();
	else await accounts.getByRole('checkbox', { name: /rOpenSci/ }).check();
	await expect(accounts.getByRole('checkbox', { name: /rOpenSci/ })).toBeChecked();
	await dialog.getByLabel('Owner').fill('Jana');
	await dialog.getByTestId('save-item').click();
	await expect(dialog).toBeHidden();
	await expect(day(page, dayName).getByTestId('calendar-item').filter({ hasText: title })).toBeVisible();
}

async function download(page: Page, testid: string): Promise<{ name: string; text: string; buffer: Buffer }> {
	const downloadPromise = page.waitForEvent('download');
	await page.getByTestId(testid).click();
	const file = await downloadPromise;
	const buffer = readFileSync((await file.path())!);
	return { name: file.suggestedFilename(), text: buffer.toString('utf8'), buffer };
}

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

test('plan a week, move an item by keyboard and by drag, link a published post, export, and find it all after a reload and in a snapshot', async ({
	page
}) => {
	await importTweets(page);
	// the board keeps the account: the calendar suggests it as a target
	await page.goto('./board/');
	const card = page.locator('[data-card-id="x:ropensci"]');
	await card.getByRole('button', { name: /^Move to/ }).click();
	await card.getByRole('group', { name: /^Move / }).getByRole('button', { name: /^Keep$/ }).click();
	await expect(page.getByTestId('column-keep').locator('[data-card-id="x:ropensci"]')).toBeVisible();
	// the card moves before the decision is stored; the announcement comes once it is, and leaving the
	// page before that (a full navigation) would abort the write
	await expect(page.getByTestId('board-announcer')).toHaveText(/^Moved @rOpenSci to Keep/);

	await page.goto(WEEK);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editorial calendar');
	await expect(page.getByTestId('range-title')).toHaveText('Week of Nov 22, 2021');
	// the imported post is on its day as published
	await expect(day(page, 'Wednesday, November 24, 2021')).toContainText('rOpenSci: #rstats technote');

	await planItem(page, 'Monday, November 22, 2021', 'How reviewers improve R packages', 'Story', 'end users', 'keep');
	await planItem(page, 'Wednesday, November 24, 2021', 'r-universe RSS feeds', 'Product', 'solution partners');
	await planItem(page, 'Friday, November 26, 2021', 'Community call recap', 'Story + product', 'buyers');

	// keyboard: Alt+Right moves a day, Alt+Down a week (the view follows), Alt+Up back; focus stays on the item
	const story = page.getByTestId('calendar-item').filter({ hasText: 'How reviewers improve R packages' });
	await story.focus();
	await page.keyboard.press('Alt+ArrowRight');
	await expect(day(page, 'Tuesday, November 23, 2021').getByTestId('calendar-item')).toHaveText(/How reviewers/);
	await expect(page.getByTestId('calendar-announcer')).toHaveText('Moved “How reviewers improve R packages” to Tuesday, November 23, 2021.');
	await expect(story).toBeFocused();
	await page.keyboard.press('Alt+ArrowDown');
	await expect(page.getByTestId('range-title')).toHaveText('Week of Nov 29, 2021');
	await expect(day(page, 'Tuesday, November 30, 2021').getByTestId('calendar-item')).toHaveText(/How reviewers/);
	await expect(story).toBeFocused();
	await page.keyboard.press('Alt+ArrowUp');
	await expect(page.getByTestId('range-title')).toHaveText('Week of Nov 22, 2021');
	await expect(day(page, 'Tuesday, November 23, 2021').getByTestId('calendar-item')).toHaveText(/How reviewers/);
	await expect(story).toBeFocused();
	expect(page.url()).toContain('view=week');

	// drag and drop: Friday → Thursday
	await page
		.getByTestId('calendar-item')
		.filter({ hasText: 'Community call recap' })
		.dragTo(day(page, 'Thursday, November 25, 2021'));
	await expect(day(page, 'Thursday, November 25, 2021').getByTestId('calendar-item')).toHaveText(/Community call recap/);
	await expect(day(page, 'Friday, November 26, 2021').getByTestId('calendar-item')).toHaveCount(0);

	// link the published post the product item became: suggested by account and day
	await page.getByTestId('calendar-item').filter({ hasText: 'r-universe RSS feeds' }).click();
	const dialog = page.getByTestId('item-dialog');
	const suggestion = dialog.getByTestId('suggested-post').filter({ hasText: '#rstats technote' });
	await expect(suggestion).toContainText('@rOpenSci, same day');
	await suggestion.getByRole('button', { name: 'Link', exact: true }).click();
	await expect(dialog.getByTestId('linked-performance')).toHaveText(/1 post · 9,535 impressions · 161 engagements · 1\.7% engagement rate/);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	// focus is back on the item that opened the dialog
	await expect(page.getByTestId('calendar-item').filter({ hasText: 'r-universe RSS feeds' })).toBeFocused();
	const linked = day(page, 'Wednesday, November 24, 2021');
	await expect(linked.getByTestId('calendar-item')).toContainText('161 eng.');
	// the post now shows under its plan, not a second time on its own
	await expect(linked).not.toContainText('rOpenSci: #rstats technote');

	// iCalendar export
	const ics = await download(page, 'export-ics');
	expect(ics.name).toMatch(/^chorus-calendar-\d{4}-\d{2}-\d{2}\.ics$/);
	expect(ics.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
	expect(ics.text.replaceAll('\r\n', '')).not.toContain('\n');
	const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
	expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(3);
	expect(unfolded).toContain('SUMMARY:r-universe RSS feeds\r\nDESCRIPTION:Angle: Product\\nStatus: Published');
	expect(unfolded).toContain('DTSTART;VALUE=DATE:20211124\r\nDTEND;VALUE=DATE:20211125');
	expect(unfolded).toContain('DTSTART;VALUE=DATE:20211123');
	expect(unfolded).toContain('Published as: 1 post\\, 9\\,535 impressions\\, 161 engagements');
	expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

	const csv = await download(page, 'export-csv');
	expect(csv.text).toContain('Date,Title,Angle,Status');
	// a cell starting with @ gets a leading quote: spreadsheets would read it as a formula
	expect(csv.text).toContain("2021-11-24,r-universe RSS feeds,Product,Published,solution partners,,'@rOpenSci (X / Twitter),Jana,,,1,9535,161,");

	// a reload finds everything where it was
	await page.reload();
	await expect(day(page, 'Tuesday, November 23, 2021').getByTestId('calendar-item')).toHaveText(/How reviewers/);
	await expect(day(page, 'Wednesday, November 24, 2021').getByTestId('calendar-item')).toContainText('161 eng.');
	await expect(day(page, 'Thursday, November 25, 2021').getByTestId('calendar-item')).toHaveText(/Community call recap/);
	const stored = JSON.parse(await dumpDatabase(page)) as { calendarItems: { title: string; linkedPostIds: string[]; status: string }[] };
	expect(stored.calendarItems.map((item) => item.title).sort()).toEqual(['Community call recap', 'How reviewers improve R packages', 'r-universe RSS feeds']);
	expect(stored.calendarItems.find((item) => item.title === 'r-universe RSS feeds')).toMatchObject({
		status: 'published',
		linkedPostIds: ['x:ropensci|1463534116817846278']
	});

	// a snapshot carries the plan: saved, then opened into an empty browser
	await page.goto('./workspace/');
	const snapshot = await download(page, 'save-snapshot');
	const envelope = JSON.parse(gunzipSync(snapshot.buffer).toString('utf8')) as { content: { calendarItems: { title: string }[] } };
	expect(envelope.content.calendarItems.map((item) => item.title).sort()).toEqual([
		'Community call recap',
		'How reviewers improve R packages',
		'r-universe RSS feeds'
	]);
	await resetStorage(page);
	await page.goto('./workspace/');
	const file: FilePayload = { name: snapshot.name, mimeType: 'application/gzip', buffer: snapshot.buffer };
	await page.getByTestId('snapshot-input').setInputFiles(file);
	await page.getByRole('button', { name: 'Replace my workspace…' }).click();
	await page.getByTestId('confirm-replace').click();
	await expect(page.getByTestId('snapshot-notice')).toContainText('Your workspace is now the snapshot');
	await page.goto(WEEK);
	await expect(day(page, 'Tuesday, November 23, 2021').getByTestId('calendar-item')).toHaveText(/How reviewers/);
	await expect(day(page, 'Wednesday, November 24, 2021').getByTestId('calendar-item')).toContainText('161 eng.');
});

test('month and agenda views, filters, duplicate and delete with undo, validation, and an undated idea', async ({ page }) => {
	await page.goto('./calendar/?date=2021-11-10');
	await expect(page.getByTestId('range-title')).toHaveText('November 2021');
	await expect(page.getByTestId('calendar-empty')).toBeVisible();
	expect(await seriousViolations(page), 'empty month').toEqual([]);

	await page.getByTestId('new-item').click();
	const dialog = page.getByTestId('item-dialog');
	await dialog.getByTestId('save-item').click();
	// nothing typed: the title is required, and focus goes to it
	await expect(dialog.getByText('Give the item a title')).toBeVisible();
	await expect(dialog.getByLabel('Title')).toBeFocused();
	await dialog.getByLabel('Title').fill('Fabrikam: books closed in three days');
	await dialog.getByLabel(/^Link/).fill('intranet/brief');
	await dialog.getByTestId('save-item').click();
	await expect(dialog.getByText('The link must be a web address')).toBeVisible();
	await dialog.getByLabel(/^Link/).fill('https://example.com/brief');
	await dialog.getByLabel('Another segment').fill('analysts');
	await dialog.getByLabel('Another segment').press('Enter');
	await expect(dialog.getByRole('checkbox', { name: 'analysts' })).toBeChecked();
	await dialog.getByLabel('Owner').fill('Ben');
	await dialog.getByTestId('save-item').click();
	await expect(dialog).toBeHidden();
	const november10 = day(page, 'Wednesday, November 10, 2021');
	await expect(november10.getByTestId('calendar-item')).toHaveText(/Fabrikam/);

	// duplicate opens the copy; change its date
	await november10.getByTestId('calendar-item').click();
	await dialog.getByRole('button', { name: 'Duplicate' }).click();
	await expect(page.getByTestId('calendar-notice')).toContainText('Duplicated');
	await dialog.getByLabel('Title').fill('Fabrikam, part two');
	await dialog.getByLabel('Date').fill('2021-11-17');
	await dialog.getByLabel('Owner').fill('Jana');
	await dialog.getByTestId('save-item').click();
	await expect(day(page, 'Wednesday, November 17, 2021').getByTestId('calendar-item')).toHaveText(/Fabrikam, part two/);

	// an idea without a date waits in the tray, and a drag puts it on a day
	await page.getByRole('button', { name: 'New idea' }).click();
	await dialog.getByLabel('Title').fill('Partner spotlight');
	await dialog.getByTestId('save-item').click();
	const tray = page.getByTestId('ideas-tray');
	await expect(tray.getByTestId('calendar-item')).toHaveText(/Partner spotlight/);
	await tray.getByTestId('calendar-item').dragTo(day(page, 'Friday, November 19, 2021'));
	await expect(day(page, 'Friday, November 19, 2021').getByTestId('calendar-item')).toHaveText(/Partner spotlight/);
	await expect(tray.getByTestId('calendar-item')).toHaveCount(0);

	// filters: by owner and by segment
	const filters = page.getByTestId('calendar-filters');
	await filters.getByLabel('Owner').selectOption('Jana');
	await expect(page.getByTestId('calendar-item')).toHaveCount(1);
	await expect(page.getByTestId('calendar-item')).toHaveText(/part two/);
	expect(page.url()).toContain('owner=Jana');
	await filters.getByRole('button', { name: 'Clear filters' }).click();
	await expect(page.getByTestId('calendar-item')).toHaveCount(3);
	await filters.getByLabel('Segment').selectOption('analysts');
	await expect(page.getByTestId('calendar-item')).toHaveCount(2);
	await filters.getByRole('button', { name: 'Clear filters' }).click();

	// agenda lists the four weeks from the week shown
	await page.getByRole('button', { name: 'Agenda', exact: true }).click();
	const agenda = page.getByTestId('agenda-view');
	await expect(agenda.getByRole('heading', { level: 3 })).toHaveText([
		'Wednesday, November 10, 2021',
		'Wednesday, November 17, 2021',
		'Friday, November 19, 2021'
	]);
	await expect(agenda).toContainText('analysts');

	// delete asks first, and can be undone
	await agenda.getByTestId('calendar-item').filter({ hasText: 'Partner spotlight' }).click();
	await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
	await dialog.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('calendar-item')).toHaveCount(2);
	await page.getByTestId('calendar-notice').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('calendar-item')).toHaveCount(3);

	// Escape cancels an edit without saving
	await agenda.getByTestId('calendar-item').filter({ hasText: 'Partner spotlight' }).click();
	await dialog.getByLabel('Title').fill('Changed my mind');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(agenda.getByTestId('calendar-item').filter({ hasText: 'Partner spotlight' })).toBeFocused();
	await page.reload();
	await expect(page.getByTestId('agenda-view').getByTestId('calendar-item')).toHaveCount(3);
	await expect(page.getByText('Changed my mind')).toHaveCount(0);
});

test('content strategy: rules and hand tags, angle comparison, and segment coverage of the plan', async ({ page }) => {
	await importTweets(page);
	await page.goto('./calendar/?tab=strategy');
	const strategy = page.getByTestId('strategy-view');
	await expect(strategy.getByTestId('tag-rules')).toContainText('No rules yet');
	await expect(page.getByTestId('strategy-verdict')).toContainText('Not enough tagged posts');

	// a keyword rule: the technote is a product post
	const rules = page.getByTestId('tag-rules');
	await rules.getByTestId('rule-label').fill('product');
	await rules.getByTestId('rule-pattern').fill('technote, r-universe');
	await rules.getByTestId('save-rule').click();
	await expect(rules.locator('tbody tr')).toHaveCount(1);
	await expect(rules.locator('tbody tr')).toContainText('technote, r-universe');
	await expect(rules.locator('tbody tr td.num')).toHaveText('1');

	// by hand: the community call is a story
	const tagger = page.getByTestId('post-tagger');
	const call = tagger.getByTestId('tagger-post').filter({ hasText: 'Join our Community Call' });
	await call.getByRole('button', { name: 'Story', exact: true }).click();
	await expect(call.getByRole('button', { name: 'Story', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(call).toContainText('Tagged by hand');
	await call.getByLabel('Topics, separated by commas').fill('community, events');
	await call.getByRole('button', { name: 'Set topics' }).click();
	await expect(page.getByTestId('topic-chart')).toBeVisible();
	await page.getByTestId('topic-chart').getByTestId('toggle-table').click();
	await expect(page.getByTestId('topic-chart').getByTestId('data-table')).toContainText('community');
	await page.getByRole('button', { name: 'Top topics' }).click();
	await expect(page.getByTestId('topics-over-time').locator('thead')).toContainText('community');
	await expect(page.getByTestId('topics-over-time').locator('tbody')).toContainText('Q4 2021');

	await page.getByTestId('angle-chart').getByTestId('toggle-table').click();
	const angleTable = page.getByTestId('angle-chart').getByTestId('data-table');
	await expect(angleTable.locator('tbody tr').filter({ hasText: 'Story' }).first()).toContainText('1');
	await expect(page.getByTestId('angle-per-platform')).toContainText('X / Twitter');

	// the hand tags are stored; "Use rules" gives the post back to the rules
	let stored = JSON.parse(await dumpDatabase(page)) as { postTags: { key: string; tags: string[] }[]; tagRules: { label: string }[] };
	expect(stored.postTags).toEqual([{ key: 'x:ropensci|1465712230054432768', tags: ['story', 'community', 'events'] }]);
	expect(stored.tagRules.map((rule) => rule.label)).toEqual(['product']);
	await call.getByRole('button', { name: 'Use rules' }).click();
	await expect(call).toContainText('No rule matches');
	stored = JSON.parse(await dumpDatabase(page));
	expect(stored.postTags).toEqual([]);

	// segment coverage: plan one story for buyers in the week of 22 November 2021
	await page.getByRole('tab', { name: 'Calendar' }).click();
	await page.getByTestId('go-to-date').fill('2021-11-22');
	await day(page, 'Tuesday, November 23, 2021').hover();
	await page.getByRole('button', { name: 'Add an item on Tuesday, November 23, 2021' }).click();
	const dialog = page.getByTestId('item-dialog');
	await dialog.getByLabel('Title').fill('Buyer story');
	await dialog.getByRole('checkbox', { name: 'buyers', exact: true }).check();
	await dialog.getByTestId('save-item').click();
	await page.getByRole('tab', { name: 'Content strategy' }).click();
	const coverage = page.getByTestId('segment-coverage');
	await coverage.getByRole('button', { name: 'The week shown in the calendar' }).click();
	await expect(page.getByTestId('coverage-summary')).toContainText('1 item planned from Nov 22, 2021 for 6 weeks');
	await expect(page.getByTestId('coverage-summary')).toContainText('Neglected: end users, solution partners');
	await expect(coverage.getByRole('row', { name: /^buyers/ })).toContainText('Thin');
});

for (const theme of ['light', 'dark'] as const) {
	test(`keyboard-only: tabs, dialogs trap and restore focus, and no serious accessibility violations with data (${theme})`, async ({ page }) => {
		// five axe-core runs on a page full of data take a while on a small machine
		test.slow();
		await importTweets(page);
		await page.evaluate((choice) => localStorage.setItem('chorus.theme', choice), theme);
		await page.goto(WEEK);
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		await planItem(page, 'Wednesday, November 24, 2021', 'r-universe RSS feeds', 'Product', 'end users');
		expect(await seriousViolations(page), 'week view').toEqual([]);

		// the day's posts open in a dialog that keeps focus inside and gives it back on Escape
		await page.getByRole('button', { name: 'Previous week' }).click();
		const postLine = day(page, 'Saturday, November 20, 2021').getByRole('button').filter({ hasText: 'rOpenSci' });
		await postLine.click();
		const postsDialog = page.getByTestId('day-posts-dialog');
		await expect(postsDialog).toBeVisible();
		await expect(postsDialog.getByRole('button', { name: 'Close' })).toBeFocused();
		expect(await seriousViolations(page), 'posts dialog').toEqual([]);
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
		}
		await page.keyboard.press('Shift+Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
		await page.keyboard.press('Escape');
		await expect(postsDialog).toBeHidden();
		await expect(postLine).toBeFocused();

		await page.getByRole('button', { name: 'Month', exact: true }).click();
		expect(await seriousViolations(page), 'month view').toEqual([]);
		await page.getByTestId('calendar-item').first().click();
		expect(await seriousViolations(page), 'item dialog').toEqual([]);
		await page.keyboard.press('Escape');

		await page.getByRole('tab', { name: 'Calendar' }).focus();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('tab', { name: 'Content strategy' })).toBeFocused();
		await expect(page.getByTestId('strategy-verdict')).toBeVisible();
		expect(await seriousViolations(page), 'strategy').toEqual([]);
	});
}
