import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test gets a page that records console errors, page errors, failed requests and any
 * request to another origin; the fixture fails the test if any of them happened.
 */
export interface Watched {
	consoleErrors: string[];
	pageErrors: string[];
	foreignRequests: string[];
	failedRequests: string[];
}

export const test = base.extend<{ watched: Watched }>({
	// After a navigation, wait until the app is hydrated (<html data-ready>, set in the layout's
	// onMount): a file set or dropped before that falls on no handler and is lost, which made tests
	// flaky on a busy machine.
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await page.locator('html[data-ready]').waitFor({ state: 'attached' });
			return response;
		};
		await use(page);
	},
	watched: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const watched: Watched = { consoleErrors: [], pageErrors: [], foreignRequests: [], failedRequests: [] };
			page.on('console', (message) => {
				if (message.type() === 'error') watched.consoleErrors.push(message.text());
			});
			page.on('pageerror', (error) => watched.pageErrors.push(String(error)));
			page.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).origin !== origin) watched.foreignRequests.push(url);
			});
			page.on('requestfailed', (request) => {
				// navigations cancelled by the test itself are not failures of the app
				if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
				watched.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`);
			});
			await use(watched);
			expect(watched.pageErrors, 'page errors').toEqual([]);
			expect(watched.consoleErrors, 'console errors').toEqual([]);
			expect(watched.foreignRequests, 'requests to another origin').toEqual([]);
			expect(watched.failedRequests, 'failed requests').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Deletes the app's IndexedDB database and local storage so each test starts as a new user. */
export async function resetStorage(page: Page) {
	await page.goto('./');
	await page.evaluate(async () => {
		localStorage.clear();
		const databases = await indexedDB.databases();
		await Promise.all(
			databases.map(
				(info) =>
					new Promise<void>((resolve) => {
						const request = indexedDB.deleteDatabase(info.name!);
						request.onsuccess = request.onerror = request.onblocked = () => resolve();
					})
			)
		);
	});
}
