import { expect, test } from './fixtures';

test('after the first visit Chorus opens and navigates with no network, from its sub-path', async ({ page, context }) => {
	await page.goto('./');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// the first visit is not yet controlled; a reload hands the page to the worker
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await context.setOffline(true);
	for (const [path, heading] of [
		['./dashboard/', /Dashboard/],
		['./board/', /Consolidation board/],
		['./import/', /Import/]
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Import/);
	// the headings are in the prerendered HTML: the app's scripts ran too (the dashboard's empty state is drawn by them)
	await page.goto('./dashboard/');
	await expect(page.getByTestId('empty-state')).toBeVisible();
	await context.setOffline(false);
});

test('once the worker controls the page, the app\'s own scripts come from its cache without a fetch event', async ({ page }) => {
	await page.goto('./');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await page.goto('./dashboard/');
	await expect(page.getByTestId('empty-state')).toBeVisible();
	// Resource Timing says where a controlled page's request was answered: 'cache' by the worker's
	// static route, 'fetch-event' by its JavaScript (which must be started and asked for each file)
	const sources = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.filter((entry) => entry.name.includes('/_app/immutable/'))
			.map((entry) => (entry as PerformanceResourceTiming & { workerMatchedSourceType?: string }).workerMatchedSourceType ?? 'none')
	);
	expect(sources.length).toBeGreaterThan(5);
	expect(new Set(sources)).toEqual(new Set(['cache']));
});

test('the web app manifest is linked and installable metadata is present', async ({ page, request }) => {
	await page.goto('./');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifestUrl = new URL(href!, page.url()).toString();
	const manifest = await (await request.get(manifestUrl)).json();
	expect(manifest.name).toContain('Chorus');
	expect(manifest.start_url).toBe('./');
	expect(manifest.icons.some((icon: { sizes: string }) => icon.sizes === '512x512')).toBe(true);
});
