// One import of a whole workspace through the real import page, as a person does it: pick the
// files, wait for the preview, choose the account for the file that names none, confirm, wait
// until it is saved. The clock runs only while the app works (input → preview, account chosen →
// preview updated, confirm → saved), never while the benchmark "thinks".
import { sampleMemory } from './memory.mjs';

const LONG = 30 * 60_000;

/** Reads back what the import stored, straight from IndexedDB (no app code involved). */
function storedCounts() {
	return (async () => {
		const database = await new Promise((resolve, reject) => {
			const request = indexedDB.open('chorus');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = (store) =>
			new Promise((resolve, reject) => {
				const request = database.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [imports, series, posts, accounts] = await Promise.all([all('imports'), all('series'), all('posts'), all('accounts')]);
		database.close();
		const days = new Map();
		let values = 0;
		for (const record of series) {
			const key = `${record.accountId}|${record.year}`;
			const seen = days.get(key) ?? new Uint8Array(record.values.length);
			for (let slot = 0; slot < record.values.length; slot++) {
				if (record.sources[slot] !== 0) {
					seen[slot] = 1;
					values++;
				}
			}
			days.set(key, seen);
		}
		let accountDays = 0;
		for (const seen of days.values()) for (const flag of seen) accountDays += flag;
		return {
			imports: imports.length,
			rows: imports.reduce((sum, record) => sum + record.rowCount, 0),
			accounts: accounts.length,
			seriesRecords: series.length,
			values,
			accountDays,
			// schema version 2: a row whose posts are one import's names that layer and holds their `count` (src/lib/db/merged-posts.ts)
			posts: posts.reduce((sum, record) => sum + (record.count ?? record.posts.length), 0)
		};
	})();
}

/** User-timing marks by name (first occurrence, and all of them). */
async function marks(page) {
	return page.evaluate(() => {
		const byName = {};
		for (const entry of performance.getEntriesByType('mark')) (byName[entry.name] ??= []).push(entry.startTime);
		return byName;
	});
}

/**
 * @param {import('@playwright/test').Page} page  a fresh page on the import route, storage empty
 * @param {{ files: { path: string }[], overviewHandle: string | null }} workspace
 */
export async function importWorkspace(page, workspace, { memoryMarker, accountOf = () => null } = {}) {
	await page.evaluate(() => {
		const bench = window.__bench;
		const confirm = () => document.querySelector('[data-testid=confirm-import]');
		bench.watch('preview', () => confirm());
	});
	const memory = await sampleMemory(page, { marker: memoryMarker });
	const inputAt = await page.evaluate(() => performance.now());
	await page.setInputFiles('[data-testid=file-input]', workspace.files.map((file) => file.path));
	await page.waitForFunction(() => window.__bench.moments['preview:painted'] || document.querySelector('.notice.error[role=alert]'), null, {
		timeout: LONG,
		polling: 250
	});
	const problem = await page.evaluate(() => (window.__bench.moments.preview ? null : document.querySelector('.notice.error[role=alert]')?.textContent));
	if (problem) throw new Error(`the import page reported: ${problem}`);

	// Files that name no account (X Premium's overview, Meta Business Suite's daily files, WeChat's
	// user analysis): the person goes to each file's chooser and types the account, and the preview is
	// planned again after each choice. The preview draws only the cards near the screen, so the next
	// chooser is reached as a person reaches it: the summary's "Go to the next one", which scrolls to
	// the card and focuses its chooser (timed from the click to the frame that shows it), then the
	// typing, whose replanning is timed from the form's submit event to the updated preview on screen.
	// The page is driven from inside rather than with Playwright's actions, which check visibility
	// and scroll, and compete with the app for the main thread.
	const phases = [];
	for (;;) {
		// waited for inside the page: a poll from here would add its interval to every one of 124 moves
		const move = await page.evaluate(
			() =>
				new Promise((resolve) => {
					const next = document.querySelector('[data-testid=next-waiting]');
					if (!next) return resolve(null);
					const from = performance.now();
					const onFocus = () => {
						const form = document.activeElement?.closest('.chooser form');
						if (!form) return;
						document.removeEventListener('focusin', onFocus);
						clearTimeout(stuck);
						const fileName = form.closest('li')?.querySelector('h3')?.textContent?.trim() ?? null;
						window.__bench.nextFrame().then((to) => resolve({ from, to, fileName }));
					};
					const stuck = setTimeout(() => resolve({ stuck: true }), 60_000);
					document.addEventListener('focusin', onFocus);
					next.click();
				})
		);
		if (move === null) {
			const left = await page.evaluate(() => document.querySelector('.chooser form') !== null);
			if (left) throw new Error('a chooser waits for an account, but the preview offers no way to it');
			break;
		}
		if (move.stuck) throw new Error('"Go to the next one" focused no chooser within a minute');
		const { fileName, from: moveFrom, to: moveTo } = move;
		const account = accountOf(fileName);
		const name = account?.handle ?? account?.displayName ?? workspace.overviewHandle;
		if (!name) throw new Error(`${fileName} needs an account, and the benchmark does not know whose it is`);
		const submitted = await page.evaluate((name) => {
			const planned = () => performance.getEntriesByName('chorus:import:planned').length;
			const before = planned();
			// the first DOM update after the new plan: the person sees the updated preview
			window.__bench.watch('replanned', () => planned() > before);
			const form = document.activeElement.closest('.chooser form');
			const input = form.querySelector('input');
			input.value = name;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			const at = performance.now();
			form.requestSubmit();
			return at;
		}, name);
		await page.waitForFunction(() => window.__bench.moments['replanned:painted'], null, { timeout: LONG, polling: 50 });
		const { submittedAt, plannedAt, replannedAt } = await page.evaluate((after) => {
			const submit = window.__bench.actions.find((action) => action.type === 'submit' && action.time >= after);
			const planned = performance.getEntriesByName('chorus:import:planned').find((mark) => mark.startTime >= after);
			return { submittedAt: submit?.time ?? after, plannedAt: planned?.startTime ?? null, replannedAt: window.__bench.moments['replanned:painted'] };
		}, submitted);
		phases.push({
			name: 'choose account → preview updated',
			ms: replannedAt - submittedAt,
			planMs: plannedAt === null ? null : plannedAt - submittedAt,
			moveMs: moveTo - moveFrom,
			moveFrom,
			from: submittedAt,
			to: replannedAt
		});
	}

	const confirm = page.getByTestId('confirm-import');
	await confirm.waitFor({ state: 'visible' });
	await page.waitForFunction(() => !document.querySelector('[data-testid=confirm-import]')?.disabled, null, { timeout: LONG });
	const beforeConfirm = await page.evaluate(() => {
		window.__bench.watch('done', () => document.querySelector('[data-testid=import-done]'));
		return performance.now();
	});
	await confirm.click();
	await page.waitForFunction(() => window.__bench.moments['done:painted'] || document.querySelector('.notice.error[role=alert]'), null, {
		timeout: LONG,
		polling: 250
	});
	const peaks = await memory.stop();
	const failure = await page.evaluate(() => (window.__bench.moments.done ? null : document.querySelector('.notice.error[role=alert]')?.textContent));
	if (failure) throw new Error(`the import failed: ${failure}`);

	const bench = await page.evaluate((after) => {
		const { moments, actions, longTasks } = window.__bench;
		const confirmClick = actions.find((action) => action.type === 'click' && action.target === 'confirm-import' && action.time >= after);
		const input = actions.find((action) => action.type === 'change');
		return { moments, confirmAt: confirmClick?.time ?? after, inputAt: input?.time ?? null, longTasks };
	}, beforeConfirm);
	const start = bench.inputAt ?? inputAt;
	const user = await marks(page);
	const first = (name) => user[name]?.[0];
	const last = (name) => user[name]?.[user[name].length - 1];
	const previewAt = bench.moments['preview:painted'];
	const doneAt = bench.moments['done:painted'];
	const readMs = previewAt - start;
	const commitMs = doneAt - bench.confirmAt;
	const activeMs = readMs + phases.reduce((sum, phase) => sum + phase.moveMs + phase.ms, 0) + commitMs;
	const breakdown = {
		'worker parse': first('chorus:import:parsed') - first('chorus:import:read'),
		'plan (preview figures)': first('chorus:import:planned') - first('chorus:import:parsed'),
		'preview render': previewAt - first('chorus:import:planned'),
		...(phases.length > 0
			? {
					[`${phases.length} moves to the next file that needs an account → chooser shown`]: phases.reduce((sum, phase) => sum + phase.moveMs, 0),
					[`${phases.length} account choices → preview updated`]: phases.reduce((sum, phase) => sum + phase.ms, 0)
				}
			: {}),
		'commit transaction': last('chorus:import:committed') - last('chorus:import:commit'),
		'done render': doneAt - last('chorus:import:committed')
	};
	// a choice's long tasks: from the move to its chooser to the updated preview (the window catching up after the scroll included)
	const windows = [[start, previewAt], ...phases.map((phase) => [phase.moveFrom, phase.to]), [bench.confirmAt, doneAt]];
	const overlapping = bench.longTasks.filter((task) => windows.some(([from, to]) => task.start + task.duration >= from && task.start <= to + 50));
	// Chromium takes the dropped files in one task that ends with the input event: a page holding
	// nothing but a file input shows it too (`measureFileIntake` in measure-floor.mjs, about 0.4 ms a file here). Its part
	// before the event is the browser's, with no line of the app in it, so the app's figure counts
	// such a task from the input event on, and the part before is reported as `fileIntakeMs`.
	const intakes = overlapping.filter((task) => task.start < start);
	const fileIntakeMs = intakes.reduce((max, task) => Math.max(max, start - task.start), 0);
	const during = overlapping.map((task) => (task.start < start ? { start, duration: task.start + task.duration - start } : task));
	const longest = during.reduce((max, task) => Math.max(max, task.duration), 0);
	const counts = await page.evaluate(storedCounts);
	// when each step happened, in ms after the files were given (for docs/performance.md and profiling)
	const timeline = Object.fromEntries(
		[
			['input', start],
			['read', first('chorus:import:read')],
			['parsed', first('chorus:import:parsed')],
			['planned', first('chorus:import:planned')],
			['preview painted', previewAt],
			...(phases.length > 0 ? [['first move to a chooser', phases[0].moveFrom], ['first account chosen', phases[0].from], ['last account chosen, preview updated', phases[phases.length - 1].to]] : []),
			['confirm', bench.confirmAt],
			['commit', last('chorus:import:commit')],
			['committed', last('chorus:import:committed')],
			['done painted', doneAt]
		].map(([name, at]) => [name, Math.round(at - start)])
	);
	const longTaskList = during.map((task) => [Math.round(task.start - start), Math.round(task.duration)]);
	return {
		timeline,
		longTaskList,
		// each account choice: [ms until the new plan was computed, ms until the preview showed it]
		choices: phases.map((phase) => [Math.round(phase.planMs ?? Number.NaN), Math.round(phase.ms)]),
		// each move to the next chooser, in ms from the click to the frame that shows it focused
		moves: phases.map((phase) => Math.round(phase.moveMs)),
		activeMs,
		breakdown,
		counts,
		longestTaskMs: longest,
		fileIntakeMs,
		longTasks: during.length,
		longTasksTotalMs: during.reduce((sum, task) => sum + task.duration, 0),
		memory: peaks
	};
}
