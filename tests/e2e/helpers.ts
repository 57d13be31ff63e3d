import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface FilePayload {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export function fixture(path: string): FilePayload {
	return { name: basename(path), mimeType: 'application/octet-stream', buffer: readFileSync(FIXTURES + path) };
}

export function textFile(name: string, text: string): FilePayload {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/** Drops files on the element as a person would: a real `drop` event carrying a DataTransfer. */
export async function dropFiles(page: Page, selector: string, files: FilePayload[]) {
	// a drop dispatched before the page is hydrated falls on no handler and is lost
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	const dataTransfer = await page.evaluateHandle(
		(payload) => {
			const transfer = new DataTransfer();
			for (const file of payload) {
				const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
				transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
			}
			return transfer;
		},
		files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') }))
	);
	await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
	await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

/**
 * Every record of every object store of the app's database, as JSON-comparable text. Two dumps are
 * equal exactly when the stored workspace is the same.
 */
export async function dumpDatabase(page: Page): Promise<string> {
	return page.evaluate(async () => {
		// The app opens its database lazily after the page loads: give it a moment, so that a dump
		// taken right after navigation does not read "no database" and a later one "empty tables".
		const exists = async () => (await indexedDB.databases()).some((info) => info.name === 'chorus');
		for (let waited = 0; waited < 5000 && !(await exists()); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
		if (!(await exists())) return '{}';
		const database = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('chorus');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const dump: Record<string, unknown[]> = {};
		for (const store of Array.from(database.objectStoreNames)) {
			dump[store] = await new Promise<unknown[]>((resolve, reject) => {
				const request = database.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		}
		database.close();
		return JSON.stringify(dump, (_key, value) =>
			ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>, (n) => (Number.isNaN(n) ? 'NaN' : n)) : value
		);
	});
}

/** A legacy X "by day" export for one handle and a run of days, with impressions = base + day index. */
export function xDailyExport(handle: string, fromIso: string, days: number, base: number): FilePayload {
	const header =
		'"Date","Tweets published","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements"';
	const start = new Date(`${fromIso}T00:00:00Z`).getTime();
	const rows: string[] = [];
	for (let i = 0; i < days; i++) {
		const iso = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
		const impressions = base + i;
		const cells = [iso, '1', String(impressions), '10', String(10 / impressions), '1', '1', '5', '1', '1', '0', '1', '0', '0', '0', '1', '0', '0', '0', '0'];
		rows.push(cells.map((cell) => `"${cell}"`).join(','));
	}
	const to = new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
	return textFile(`daily_tweet_activity_metrics_${handle}_${fromIso.replaceAll('-', '')}_${to}_en.csv`, [header, ...rows].join('\n') + '\n');
}
