// The floor: the least work any importer of these files must do, measured in the same page on the
// same data. PapaParse reads every table's CSV text (zip entries and workbook sheets were turned
// into CSV text beforehand, outside the clock, so unzipping and spreadsheet XML are not in the
// floor), the cells become typed arrays (numeric columns as Float64Array, other columns as one
// string each), and one IndexedDB transaction stores all of it in a scratch database (a put per
// table: Chromium refuses single values over about 130 MB).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PAPA_SOURCE = readFileSync(require.resolve('papaparse/papaparse.min.js'), 'utf8');

/** Adds a hidden `<input type=file multiple>` with this id, the app knowing nothing of it. */
function addFileInput(page, id) {
	return page.evaluate((id) => {
		const input = document.createElement('input');
		input.type = 'file';
		input.multiple = true;
		input.id = id;
		input.hidden = true;
		document.body.append(input);
	}, id);
}

/** @param {import('@playwright/test').Page} page  a page of the app (same origin, same browser) */
export async function measureFloor(page, tables) {
	await addFileInput(page, 'bench-floor-input');
	await page.setInputFiles('#bench-floor-input', tables.map((table) => table.path));
	await page.evaluate(async () => {
		const input = document.getElementById('bench-floor-input');
		window.__floorTexts = await Promise.all([...input.files].map((file) => file.text()));
		input.remove();
	});
	// PapaParse's UMD build assigns itself to `this.Papa` when there is no module system
	await page.evaluate(`(function () { ${PAPA_SOURCE}\n}).call(window)`);

	return page.evaluate(async () => {
		const texts = window.__floorTexts;
		delete window.__floorTexts;
		// one record per table: Chromium refuses a single IndexedDB value over about 130 MB
		const records = [];
		let columnCount = 0;
		let rows = 0;
		let parseMs = 0;
		let convertMs = 0;
		for (const text of texts) {
			const parseStart = performance.now();
			const { data } = window.Papa.parse(text, { skipEmptyLines: true });
			const parsed = performance.now();
			parseMs += parsed - parseStart;
			rows += data.length;
			const columns = [];
			let width = 0;
			for (const row of data) if (row.length > width) width = row.length;
			for (let column = 0; column < width; column++) {
				const numbers = new Float64Array(data.length);
				let numeric = 0;
				for (let row = 0; row < data.length; row++) {
					const cell = data[row][column];
					const value = cell === undefined || cell === '' ? Number.NaN : Number(cell);
					numbers[row] = value;
					if (!Number.isNaN(value)) numeric++;
				}
				columns.push(numeric * 2 >= data.length ? numbers : data.map((row) => row[column] ?? '').join('\u001f'));
			}
			records.push(columns);
			columnCount += columns.length;
			convertMs += performance.now() - parsed;
		}

		const name = 'chorus-bench-floor';
		const database = await new Promise((resolve, reject) => {
			const request = indexedDB.open(name, 1);
			request.onupgradeneeded = () => request.result.createObjectStore('data');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const writeStart = performance.now();
		await new Promise((resolve, reject) => {
			const transaction = database.transaction('data', 'readwrite');
			const store = transaction.objectStore('data');
			records.forEach((columns, index) => store.put(columns, index));
			transaction.oncomplete = resolve;
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
		const writeMs = performance.now() - writeStart;
		database.close();
		await new Promise((resolve) => {
			const request = indexedDB.deleteDatabase(name);
			request.onsuccess = request.onerror = request.onblocked = () => resolve();
		});
		return { totalMs: parseMs + convertMs + writeMs, parseMs, convertMs, writeMs, rows, tables: texts.length, columns: columnCount };
	});
}

/**
 * The browser's own intake of the files, with no app: a file input added to the page with no
 * listener but one that notes its change event, given the same files as the import. Returns the
 * longest main-thread task that ended with that event (ms), the figure the import's
 * `fileIntakeMs` is compared with.
 * @param {import('@playwright/test').Page} page
 * @param {{ path: string }[]} files
 */
export async function measureFileIntake(page, files) {
	await addFileInput(page, 'bench-intake-input');
	await page.evaluate(() => {
		const input = document.getElementById('bench-intake-input');
		const state = (window.__intake = { tasks: [], inputAt: null });
		state.observer = new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
		});
		state.observer.observe({ type: 'longtask' });
		input.addEventListener('change', () => (state.inputAt = performance.now()), { once: true });
	});
	await page.setInputFiles('#bench-intake-input', files.map((file) => file.path));
	await page.waitForFunction(() => window.__intake.inputAt !== null, null, { timeout: 5 * 60_000, polling: 100 });
	// the long task entry is delivered after its task ends
	await page.evaluate(() => window.__bench.nextFrame());
	return page.evaluate(() => {
		const { tasks, inputAt, observer } = window.__intake;
		observer.disconnect();
		document.getElementById('bench-intake-input').remove();
		delete window.__intake;
		const ending = tasks.filter((task) => task.start <= inputAt && task.start + task.duration >= inputAt);
		return { taskMs: ending.reduce((max, task) => Math.max(max, task.duration), 0) };
	});
}
