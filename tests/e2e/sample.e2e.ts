import { expect, resetStorage, test } from './fixtures';
import { dumpDatabase } from './helpers';

test('one click imports the bundled sample exports through the real pipeline', async ({ page }) => {
	test.setTimeout(240_000);
	await resetStorage(page);
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Chorus');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(page).toHaveURL(/\/dashboard\/$/, { timeout: 200_000 });

	await page.goto('./imports/');
	const rows = page.getByTestId('imports-table').locator('tbody tr');
	await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(40);
	// every platform of the sample arrives through its own real export format
	for (const format of ['X/Twitter', 'YouTube Studio', 'LinkedIn', 'TikTok', 'WeChat', 'Meta Business Suite']) {
		await expect(page.getByTestId('imports-table'), format).toContainText(format);
	}

	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back to Chorus');
	await expect(page.locator('main')).toContainText(/Your workspace holds (3\d|4\d) accounts on [78] platforms/);

	// the Workspace page counts the stored posts (in a worker): the number is every merged post
	// (a row whose posts are exactly one import's names that post layer and holds their count: src/lib/db/merged-posts.ts)
	const stored = JSON.parse(await dumpDatabase(page)) as { posts: ({ posts: unknown[] } | { count: number })[] };
	const postCount = stored.posts.reduce((sum, record) => sum + ('count' in record ? record.count : record.posts.length), 0);
	expect(postCount).toBeGreaterThan(100);
	await page.goto('./workspace/');
	await expect(page.locator('main')).toContainText(`${postCount.toLocaleString('en-US')} posts`);
});
