// The views over a stored workspace, measured as a person meets them: opening the dashboard in a
// fresh page until its main chart is on screen, redrawing after a change of range, grain or
// metric, and moving a card on the consolidation board.
import { percentile } from './stats.mjs';

const CHART = 'main-chart';
// Every benchmark workspace has X impressions; the default metric (followers) is not drawn when no
// export gives a follower total (the small workspace), so the open is measured on this view.
const OPEN_QUERY = '?metric=impressions';

/** A feature another part of the app has not shipped yet: reported, never faked. */
export class NotMeasured extends Error {}

async function quietUntil(page, predicate, arg, timeout) {
	await page.waitForFunction(predicate, arg, { timeout, polling: 25 });
}

/** How long an open may take before the page is asked whether it shows no chart at all (empty workspace, no data). */
const NO_CHART_CHECK_MS = 5_000;

/**
 * Opens ./dashboard/ in a new page of the context (storage shared, page cold) and waits for the
 * main chart to be drawn and the frame after it produced. The page says so itself
 * (instrument.js logs `__bench:painted main-chart`): polling it from here would run Playwright's
 * script in the page every 25 ms while it opens, on the very thread being measured (traces showed
 * 16–106 ms of it before the first chart). Only an open that draws nothing for 5 s is polled, to
 * tell an empty workspace from a slow one.
 * @returns {Promise<{ page: import('@playwright/test').Page, firstChartMs: number, longestTaskMs: number }>}
 */
export async function openDashboard(context, baseUrl, { timeout = 60_000 } = {}) {
	const page = await context.newPage();
	const painted = page.waitForEvent('console', { predicate: (message) => message.text() === `__bench:painted ${CHART}`, timeout });
	painted.catch(() => {});
	let noChartCheck;
	const noChart = new Promise((resolve, reject) => {
		noChartCheck = setTimeout(
			() => quietUntil(page, () => document.querySelector('[data-testid=no-data-notice], .empty-state'), null, timeout).then(resolve, reject),
			NO_CHART_CHECK_MS
		);
	});
	noChart.catch(() => {});
	try {
		await page.goto(`${baseUrl}dashboard/${OPEN_QUERY}`);
		await Promise.race([painted, noChart]);
	} catch {
		const heading = await page.locator('h1').first().textContent().catch(() => null);
		throw new NotMeasured(`the dashboard (“${heading ?? 'no heading'}”) drew no chart marked data-testid="${CHART}" within ${timeout / 1000} s`);
	} finally {
		clearTimeout(noChartCheck);
	}
	const result = await page.evaluate((chart) => {
		const state = window.__bench.canvas[chart];
		const until = state?.firstPainted ?? performance.now();
		const longest = window.__bench.longTasks.filter((task) => task.start <= until).reduce((max, task) => Math.max(max, task.duration), 0);
		return { firstChartMs: state?.firstPainted ?? null, longestTaskMs: longest };
	}, CHART);
	if (result.firstChartMs === null) throw new NotMeasured('the dashboard showed no chart for the stored workspace (empty state or “no data” notice)');
	return { page, ...result };
}

/** Waits for the change to show; on a timeout, says which change and what the page showed. */
async function waitOrExplain(page, predicate, arg, timeout, what) {
	try {
		await quietUntil(page, predicate, arg, timeout);
	} catch (error) {
		const state = await page
			.evaluate((chart) => ({ canvas: window.__bench.canvas[chart], notice: document.querySelector('[data-testid=no-data-notice]')?.textContent?.trim(), summary: document.querySelector('[data-testid=view-summary]')?.textContent?.trim() }), CHART)
			.catch(() => null);
		throw new Error(`the dashboard did not settle within ${timeout / 1000} s after ${what}: ${JSON.stringify(state)} (${error instanceof Error ? error.message.split('\n')[0] : error})`, { cause: error });
	}
}

/**
 * One change of the view, then wait until it is on screen and quiet: the main chart redrawn and
 * painted, or (for a metric no chosen account has) the "no data" notice painted instead.
 */
async function timedChange(page, what, act, { settleMs = 250, timeout = 30_000 } = {}) {
	const before = await page.evaluate(() => {
		const bench = window.__bench;
		const summary = () => document.querySelector('[data-testid=view-summary]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
		const was = summary();
		bench.watch('no-data', () => document.querySelector('[data-testid=no-data-notice]'));
		bench.watch('view-changed', () => summary() !== was);
		return performance.now();
	});
	await act();
	// a choice that shows the same view (the automatic grain already is that grain) redraws nothing
	const changed = await page
		.waitForFunction(() => window.__bench.moments['view-changed'] || window.__bench.moments['no-data'], null, { timeout: 5000, polling: 50 })
		.then(() => true, () => false);
	if (!changed) return null;
	await waitOrExplain(
		page,
		({ chart, before, settleMs }) => {
			const bench = window.__bench;
			if (bench.moments['no-data:painted'] && !document.querySelector(`[data-testid=${chart}]`)) return true;
			const state = bench.canvas[chart];
			if (!state || state.lastPainted === null || state.last < before || state.pending) return false;
			return performance.now() - state.last >= settleMs;
		},
		{ chart: CHART, before, settleMs },
		timeout,
		what
	);
	return page.evaluate(
		({ chart, before }) => {
			const bench = window.__bench;
			const action = bench.actions.find((entry) => entry.time >= before);
			const state = bench.canvas[chart];
			const shown = state && state.last >= before ? state.lastPainted : bench.moments['no-data:painted'];
			return { ms: shown - (action?.time ?? before), drawn: Boolean(state && state.last >= before) };
		},
		{ chart: CHART, before }
	);
}

/**
 * Range presets, grains and metrics in turn, each change different from the view before it.
 * @returns {Promise<{ samples: { kind: string, to: string, ms: number }[], p95: number }>}
 */
export async function measureRedraws(page, { rounds = 2 } = {}) {
	const controls = page.getByTestId('view-controls');
	if ((await controls.count()) === 0) throw new NotMeasured('the dashboard has no view controls (data-testid="view-controls")');
	const presets = ['all-time', 'last-90-days', 'last-12-months', 'year-to-date'];
	const grainOptions = await page.getByTestId('grain-select').locator('option').evaluateAll((options) => options.map((option) => option.value));
	const grains = ['month', 'quarter', 'year', 'week', 'day', 'auto'].filter((grain) => grainOptions.includes(grain));
	const metrics = await page.getByTestId('metric-select').locator('option').evaluateAll((options) => options.map((option) => option.value));
	// flows most accounts export, then back to the metric the page opened on
	const chosenMetrics = ['engagements', 'likes', 'views', 'impressions'].filter((metric) => metrics.includes(metric));
	const samples = [];
	for (let round = 0; round < rounds; round++) {
		for (const preset of presets) {
			const button = page.getByTestId(`range-${preset}`);
			if ((await button.getAttribute('aria-pressed')) === 'true') continue;
			const change = await timedChange(page, `range → ${preset}`, () => button.click());
			if (change) samples.push({ kind: 'range', to: preset, ...change });
		}
		// the last preset stays: grains are measured over a year-to-date or all-time range
		await page.getByTestId('range-all-time').click();
		await page.waitForTimeout(300);
		for (const grain of grains) {
			const select = page.getByTestId('grain-select');
			if ((await select.inputValue()) === grain) continue;
			const change = await timedChange(page, `grain → ${grain}`, () => select.selectOption(grain));
			if (change) samples.push({ kind: 'grain', to: grain, ...change });
		}
		for (const metric of chosenMetrics) {
			const select = page.getByTestId('metric-select');
			if ((await select.inputValue()) === metric) continue;
			const change = await timedChange(page, `metric → ${metric}`, () => select.selectOption(metric));
			if (change) samples.push({ kind: 'metric', to: metric, ...change });
		}
	}
	return { samples, p95: percentile(samples.map((sample) => sample.ms), 95) };
}

/**
 * Moves cards on the board between Undecided and Keep with the card's Move menu: the time from the
 * click to the card painted in its new column, and to the plan summary painted with new figures.
 */
export async function measureBoardMoves(context, baseUrl, { moves = 6, timeout = 60_000 } = {}) {
	const page = await context.newPage();
	await page.goto(`${baseUrl}board/`);
	try {
		await page.waitForSelector('[data-testid=board-card]', { timeout });
		await page.waitForSelector('[data-testid=plan-summary]', { timeout });
	} catch {
		const text = await page.locator('main').textContent().catch(() => '');
		await page.close();
		throw new NotMeasured(`the board showed no cards and plan summary within ${timeout / 1000} s (${text?.trim().slice(0, 120)})`);
	}
	const cards = await page.locator('[data-testid=column-undecided] [data-testid=board-card]').evaluateAll((elements) => elements.map((element) => element.dataset.cardId));
	const accountCount = await page.locator('[data-testid=board-card]').count();
	const samples = [];
	for (let index = 0; index < moves && cards.length > 0; index++) {
		const id = cards[Math.floor(index / 2) % cards.length];
		const to = index % 2 === 0 ? 'keep' : 'undecided';
		const card = page.locator(`[data-card-id="${id}"]`);
		await card.locator('.menu-button').click();
		const target = card.locator('.menu button', { hasText: to === 'keep' ? /^\s*Keep/ : /^\s*Undecided/ }).first();
		await target.waitFor();
		const before = await page.evaluate(
			({ id, to }) => {
				const bench = window.__bench;
				const summary = () => document.querySelector('[data-testid=plan-summary]')?.textContent ?? '';
				const was = summary();
				bench.watch('moved', () => document.querySelector(`[data-testid=column-${to}] [data-card-id="${CSS.escape(id)}"]`));
				bench.watch('summary', () => summary() !== was);
				return performance.now();
			},
			{ id, to }
		);
		await target.click();
		await page.waitForFunction(() => window.__bench.moments['moved:painted'] && window.__bench.moments['summary:painted'], null, {
			timeout: 15_000,
			polling: 25
		});
		const sample = await page.evaluate((before) => {
			const action = window.__bench.actions.find((entry) => entry.type === 'click' && entry.time >= before);
			const start = action?.time ?? before;
			const moments = window.__bench.moments;
			return { moveMs: moments['moved:painted'] - start, summaryMs: moments['summary:painted'] - start };
		}, before);
		samples.push({ to, ...sample });
		await page.waitForTimeout(200);
	}
	await page.close();
	return { accounts: accountCount, samples };
}
