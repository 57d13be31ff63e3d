import { expect, test } from './fixtures';

const ROUTES = [
	{ path: './', heading: /Chorus|Welcome/ },
	{ path: './import/', heading: /Import/ },
	{ path: './imports/', heading: /Import history/ },
	{ path: './dashboard/', heading: /Dashboard/ },
	{ path: './accounts/', heading: /Accounts/ },
	{ path: './board/', heading: /Consolidation board/ },
	{ path: './account/', heading: /Account/ },
	{ path: './calendar/', heading: /Editorial calendar/ },
	{ path: './workspace/', heading: /Workspace and snapshots/ }
];

test.describe('app shell under a sub-path', () => {
	for (const route of ROUTES) {
		test(`${route.path} renders on a deep link and after a reload`, async ({ page }) => {
			const response = await page.goto(route.path);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
			await expect(page.locator('footer.app-footer')).toContainText(/Chorus \d+\.\d+\.\d+/);
			await page.reload();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		});
	}

	test('navigation works with the keyboard alone', async ({ page }) => {
		await page.goto('./');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Board', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/deep\/sub\/path\/board\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Consolidation board/);
		await expect(nav.getByRole('link', { name: 'Board', exact: true })).toHaveAttribute('aria-current', 'page');
	});

	test('on a phone the header is short, every link shows, and it scrolls away with the page', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('./accounts/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Accounts/);
		const header = page.locator('header.app-header');
		const box = (await header.boundingBox())!;
		// it was 330 px, one link per line beside the name
		expect(box.height).toBeLessThan(160);
		const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
		await expect(links).toHaveCount(7);
		for (const link of await links.all()) {
			const linkBox = (await link.boundingBox())!;
			expect(linkBox.x).toBeGreaterThanOrEqual(0);
			expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(390);
			expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(box.y + box.height);
		}
		// the language and theme menus stay in the header's first row, beside the name
		const brand = (await page.locator('header .brand').boundingBox())!;
		const language = (await page.getByRole('combobox', { name: /Language/ }).boundingBox())!;
		expect(Math.abs(language.y + language.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(12);
		await page.evaluate(() => window.scrollTo(0, 400));
		await expect.poll(async () => (await header.boundingBox())!.y + box.height).toBeLessThanOrEqual(0);

		// a narrower phone: the logo alone stands for the name, so the menus still fit beside it
		await page.setViewportSize({ width: 360, height: 740 });
		await page.evaluate(() => window.scrollTo(0, 0));
		expect((await header.boundingBox())!.height).toBeLessThan(130);
		await expect(page.getByRole('link', { name: 'Chorus', exact: true })).toBeVisible();
		const theme = (await page.getByRole('combobox', { name: /Colour theme/ }).boundingBox())!;
		const logo = (await page.locator('header .brand').boundingBox())!;
		expect(Math.abs(theme.y + theme.height / 2 - (logo.y + logo.height / 2))).toBeLessThan(12);
	});

	test('every page carries a Content-Security-Policy that forbids other origins', async ({ page }) => {
		await page.goto('./dashboard/');
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).not.toMatch(/https?:/);
	});
});
