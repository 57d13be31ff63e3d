import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, resetStorage, test } from './fixtures';
import { fixture, textFile, xDailyExport, type FilePayload } from './helpers';

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/**
 * An X "tweet activity" (post level) export of `count` posts, one a day going back from yesterday.
 * Every third post goes out on the same hour (09:xx), so that slot has enough posts to compare;
 * post i has 1000 + i impressions. Texts carry a hashtag, a story phrase, or a formula-like start.
 */
function tweetActivityExport(handle: string, count: number): FilePayload {
	const header = '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes"';
	const rows: string[] = [];
	for (let i = 0; i < count; i++) {
		const date = isoDaysAgo(i + 1);
		const hour = i % 3 === 0 ? '09' : String(10 + (i % 12)).padStart(2, '0');
		const text =
			i === 0
				? '=HYPERLINK("http://example.com","click me")'
				: i % 4 === 0
					? `Launch day: meet the new dashboard #launch (${i})`
					: i % 4 === 1
						? `Behind the scenes with our support team (${i})`
						: `Weekly tip number ${i}`;
		const impressions = 1000 + i;
		const engagements = 10 + (i % 7);
		const cells = [String(1_700_000_000_000_000_000n + BigInt(i)), `https://twitter.com/${handle}/status/${i}`, text, `${date} ${hour}:15 +0000`, `${impressions}.0`, `${engagements}.0`, String(engagements / impressions), '1.0', '0.0', `${engagements - 1}.0`];
		rows.push(cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','));
	}
	return textFile(`tweet_activity_metrics_${handle}_${isoDaysAgo(count).replaceAll('-', '')}_${isoDaysAgo(1).replaceAll('-', '')}_en.csv`, [header, ...rows].join('\n') + '\n');
}

async function importFiles(page: Page, files: FilePayload[]) {
	await page.goto('./import/');
	await page.getByTestId('file-input').setInputFiles(files);
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
	await resetStorage(page);
});

test('the account page charts the account’s metrics and its posts table sorts, filters and exports', async ({ page }) => {
	await importFiles(page, [xDailyExport('ContosoERP', isoDaysAgo(200), 200, 100), tweetActivityExport('ContosoERP', 150)]);
	await page.goto('./account/?id=x%3Acontosoerp');
	await expect(page.getByTestId('account-name')).toHaveText('ContosoERP');
	await expect(page.getByTestId('main-chart')).toBeVisible();
	await expect(page.getByTestId('metric-overview').getByTestId('metric-tile-impressions')).toBeVisible();
	await page.getByTestId('metric-tile-engagements').click();
	await expect(page.getByTestId('main-chart').getByRole('heading', { name: 'Engagements over time' })).toBeVisible();
	await expect(page).toHaveURL(/id=x%3Acontosoerp.*metric=engagements|metric=engagements.*id=x%3Acontosoerp/);

	const posts = page.getByTestId('posts');
	await expect(posts.getByTestId('posts-count')).toHaveText('150 of 150 posts');
	// 100 rows a page, never all of them
	await expect(posts.getByTestId('post-row')).toHaveCount(100);
	await expect(posts.getByTestId('posts-pager')).toContainText('1–100 of 150 posts');

	await posts.getByTestId('sort-impressions').click();
	await expect(posts.getByTestId('post-row').first()).toContainText('1,149');
	await posts.getByTestId('sort-impressions').click();
	await expect(posts.getByTestId('post-row').first()).toContainText('1,000');

	await posts.getByTestId('posts-search').fill('behind the scenes');
	await expect(posts.getByTestId('posts-count')).toHaveText('38 of 150 posts');
	await posts.getByTestId('posts-from').fill(isoDaysAgo(40));
	await expect(posts.getByTestId('posts-count')).toHaveText('10 of 150 posts');

	// the top list follows the filters
	await expect(page.getByTestId('top-posts').getByTestId('top-list').locator('li')).toHaveCount(5);

	await posts.getByRole('button', { name: 'Clear filters' }).click();
	await expect(posts.getByTestId('posts-count')).toHaveText('150 of 150 posts');
	const [csv] = await Promise.all([page.waitForEvent('download'), posts.getByTestId('posts-csv').click()]);
	const text = await readFile((await csv.path())!, 'utf8');
	expect(text.startsWith('\uFEFFPost id,Published,Type,Text')).toBe(true);
	expect(text.split('\r\n')).toHaveLength(152);
	// a post text that starts like a formula is written as text, never as a formula
	expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""click me"")"`);
});

test('cadence, the weekday × hour heatmap with sample sizes, and topics by rules', async ({ page }) => {
	await importFiles(page, [tweetActivityExport('ContosoERP', 150)]);
	await page.goto('./account/?id=x%3Acontosoerp');
	await expect(page.getByTestId('cadence-chart')).toBeVisible();
	const heatmap = page.getByTestId('heatmap');
	await expect(heatmap.locator('tbody tr')).toHaveCount(7);
	// 09:00 has every third post (50), seven weekdays: each cell well over 5 posts
	await expect(heatmap.locator('td[title*="09:00"]').first()).toContainText(/n=\d+/);
	await expect(heatmap).toContainText('Grey cells have fewer than 5 posts');

	const topics = page.getByTestId('topics');
	await expect(topics.getByTestId('hashtags')).toContainText('#launch');
	await topics.getByTestId('example-tag-rules').click();
	await expect(topics.getByTestId('tag-rule')).toHaveCount(2);
	const comparison = topics.getByTestId('tag-comparison');
	await expect(comparison).toBeVisible();
	await comparison.getByTestId('toggle-table').click();
	await expect(comparison.getByTestId('data-table')).toContainText('story');
	await expect(comparison.getByTestId('data-table')).toContainText('product');
	await expect(page.getByTestId('posts').getByTestId('posts-tag')).toContainText('story');
});

test('audience breakdowns are shown with their as-of date where the export gives them', async ({ page }) => {
	await importFiles(page, [fixture('linkedin/chorus-demo_followers_1767700800000.xls')]);
	await page.goto('./account/?id=linkedin%3Achorus-demo');
	const breakdowns = page.getByTestId('breakdowns');
	await expect(breakdowns.getByTestId('breakdown').first()).toBeVisible();
	await expect(breakdowns.getByTestId('breakdown-as-of').first()).toContainText(/As of \w{3} \d+, \d{4} · from chorus-demo_followers_1767700800000\.xls/);
	await expect(breakdowns).toContainText('Industry');
	await expect(breakdowns).toContainText('Seniority');
});

test('an unknown account id says so and points back to the lists', async ({ page }) => {
	await importFiles(page, [xDailyExport('ContosoERP', isoDaysAgo(10), 10, 100)]);
	await page.goto('./account/?id=x%3Anobody');
	await expect(page.getByTestId('account-missing')).toContainText('There is no account “x:nobody”');
	await expect(page.getByTestId('account-missing').getByRole('link', { name: 'dashboard' })).toBeVisible();
});
