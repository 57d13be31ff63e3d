#!/usr/bin/env node
// The benchmark suite: the production build in headless Chromium (the tests' browser set-up),
// synthetic workspaces in the real export formats at three sizes, each stage measured as a person
// meets it. See docs/performance.md for what each figure means and how it is taken.
//
//   npm run bench                      build, then every size, 3 runs each, budgets checked
//   node bench/run.mjs --sizes=small,large --runs=5
//   node bench/run.mjs --smoke         small size, one run, one open, one round of redraws, two board
//                                      moves, no budgets (part of npm test: checks that every stage runs)
//   node bench/run.mjs --report        the figures of bench/results.json (or --out=…) as a Markdown table
//                                      (--budgeted: only the figures that have a budget, for the README)
//   node bench/run.mjs --prepare       only generate and cache the workspaces (bench/.tmp/workspaces)
//
// Options: --sizes=small,medium,large  --runs=N  --opens=N (cold opens per run)  --port=4191
//          --runs=small:3,medium:2,large:2 (runs per size)  --no-budgets  --out=path
//          --keep-going (a stage that fails is reported, the rest still run)
//          --storage=disk|memory (disk, the default: each user a fresh browser profile on disk, as a
//          person's browser keeps IndexedDB; memory: off-the-record contexts, whose IndexedDB lives
//          in memory and writes several times slower in Chromium — see docs/performance.md)
// Exit code: 0 all within budget (or no budgets), 1 a budget missed, 2 the benchmark itself broke.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, platform, arch, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/browser-path.mjs';
import { checkBudgets, loadBudgets } from './lib/budgets.mjs';
import { measureInitialJs } from './lib/measure-bundle.mjs';
import { measureFileIntake, measureFloor } from './lib/measure-floor.mjs';
import { importWorkspace } from './lib/measure-import.mjs';
import { measureSnapshot } from './lib/measure-snapshot.mjs';
import { NotMeasured, measureBoardMoves, measureRedraws, openDashboard } from './lib/measure-views.mjs';
import { formatValue, growthExponent, summary, textTable } from './lib/stats.mjs';
import { markdownReport } from './lib/report.mjs';
import { pruneCache, sampleAccountResolver, workspaceFiles } from './lib/workspaces.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUILD = join(ROOT, 'build');
const INSTRUMENT = join(ROOT, 'bench/lib/instrument.js');
const SIZES = ['small', 'medium', 'large'];
// the same switches as tests/playwright.config.ts
const BROWSER_ARGS = ['--disable-gpu', '--disable-quic', '--disable-sync', '--disable-background-networking'];

function parseArgs(argv) {
	const options = { sizes: SIZES, runs: 3, opens: 3, port: 4191, budgets: true, out: join(ROOT, 'bench/results.json'), smoke: false, keepGoing: false, report: false, storage: 'disk' };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'sizes') options.sizes = value.split(',').map((size) => size.trim());
		else if (key === 'runs') {
			// --runs=3, or per size: --runs=small:3,medium:2,large:2
			if (value.includes(':')) options.runsBySize = Object.fromEntries(value.split(',').map((part) => part.split(':')).map(([size, count]) => [size.trim(), Number(count)]));
			else options.runs = Number(value);
		}
		else if (key === 'opens') options.opens = Number(value);
		else if (key === 'port') options.port = Number(value);
		else if (key === 'out') options.out = value;
		else if (key === 'no-budgets') options.budgets = false;
		else if (key === 'keep-going') options.keepGoing = true;
		else if (key === 'report') options.report = true;
		else if (key === 'budgeted') options.budgetedOnly = true;
		else if (key === 'prepare') options.prepare = true;
		else if (key === 'smoke') options.smoke = true;
		else if (key === 'storage' && (value === 'disk' || value === 'memory')) options.storage = value;
		else throw new Error(`Unknown option ${arg}. See the top of bench/run.mjs.`);
	}
	if (options.smoke) Object.assign(options, { sizes: ['small'], runs: 1, runsBySize: undefined, opens: 1, budgets: false, out: join(ROOT, 'bench/.tmp/smoke-results.json') });
	for (const size of options.sizes) if (!SIZES.includes(size)) throw new Error(`Unknown size "${size}": use ${SIZES.join(', ')}.`);
	options.runsBySize = Object.fromEntries(SIZES.map((size) => [size, options.runsBySize?.[size] ?? options.runs]));
	if (!Object.values(options.runsBySize).every((runs) => runs >= 1) || !(options.opens >= 1)) throw new Error('--runs and --opens must be at least 1.');
	options.sizes = SIZES.filter((size) => options.sizes.includes(size));
	return options;
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/**
 * tests/serve.mjs, the tests' static server, run inside this process (it listens as soon as it is
 * imported): a separate `node tests/serve.mjs` could be stopped by another run cleaning up its own.
 */
async function startServer(port) {
	process.env.PORT = String(port);
	delete process.env.PREFIX;
	const base = `http://127.0.0.1:${port}/deep/sub/path/`;
	let onError;
	const failure = new Promise((_, reject) => {
		onError = (error) => reject(new Error(`tests/serve.mjs could not listen on port ${port} (${error.message}); choose another with --port=…`));
		process.once('uncaughtException', onError);
	});
	failure.catch(() => {});
	const quietLog = console.log;
	console.log = () => {};
	try {
		await Promise.race([import('../tests/serve.mjs'), failure]);
		for (let attempt = 0; attempt < 100; attempt++) {
			const answered = await Promise.race([fetch(base).then((response) => response.ok, () => false), failure]);
			if (answered) return { base };
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	} finally {
		console.log = quietLog;
		process.removeListener('uncaughtException', onError);
	}
	throw new Error(`tests/serve.mjs did not answer on port ${port}.`);
}

/**
 * A new user with empty storage, the instrumentation on every page. On disk (the default) the user is
 * a browser of its own with a fresh profile directory, deleted when it closes: that is how a
 * person's Chromium keeps IndexedDB. An off-the-record context of the shared browser keeps it in
 * memory instead, where Chromium's writes are several times slower (docs/performance.md), so it
 * measures a browser set-up people use only in private windows.
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, close: () => Promise<void> }>}
 */
async function newUser({ storage, browser, executablePath, args }) {
	const viewport = { width: 1280, height: 900 };
	if (storage === 'memory') {
		const context = await browser.newContext({ viewport });
		await context.addInitScript({ path: INSTRUMENT });
		return { context, close: () => context.close() };
	}
	const profile = mkdtempSync(join(tmpdir(), 'chorus-bench-profile-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true, viewport });
	await context.addInitScript({ path: INSTRUMENT });
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** The app's service worker precaches the whole site on the first visit; let it finish first. */
async function settleServiceWorker(page) {
	await page.evaluate(() =>
		Promise.race([navigator.serviceWorker?.ready ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 15_000))])
	);
}

function endDayYesterday() {
	const now = new Date();
	return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000) - 1;
}

/**
 * A fixed JavaScript workload in a blank page, timed five times: how fast this machine is right
 * now. Figures from two machines (or two moments of a shared one) compare better next to it.
 */
async function calibrate(browser) {
	const page = await browser.newPage();
	try {
		return await page.evaluate(() => {
			const times = [];
			for (let round = 0; round < 5; round++) {
				const started = performance.now();
				let seed = 42;
				const numbers = new Float64Array(300_000).map(() => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648));
				numbers.sort();
				const rows = Array.from({ length: 20_000 }, (_, index) => ({ index, day: `2025-01-${(index % 28) + 1}`, value: numbers[index] }));
				JSON.parse(JSON.stringify(rows));
				const text = rows.map((row) => `${row.day},${row.value}`).join('\n');
				text.split('\n').map((line) => Number(line.split(',')[1]));
				times.push(performance.now() - started);
			}
			return times;
		});
	} finally {
		await page.close();
	}
}

/** Runs a stage; a feature that is not there becomes a "not measured" note, anything else is fatal unless --keep-going. */
async function stage(name, options, notes, body) {
	try {
		return await body();
	} catch (error) {
		if (error instanceof NotMeasured) {
			notes[name] = error.message;
			log(`${name}: not measured: ${error.message}`);
			return null;
		}
		if (options.keepGoing) {
			// the first line only: Playwright appends its call log to the message
			notes[name] = `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
			log(`${name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return null;
		}
		throw error;
	}
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.report) {
		process.stdout.write(markdownReport(JSON.parse(readFileSync(options.out, 'utf8')), { budgetedOnly: options.budgetedOnly }) + '\n');
		return 0;
	}
	if (options.prepare) {
		// generate (and cache) the workspaces only: no browser, no build needed
		for (const size of options.sizes) {
			const workspace = await workspaceFiles(size, { endDay: endDayYesterday(), log });
			pruneCache(size, workspace.dir);
			log(`${size}: ${workspace.files.length} files, ${(workspace.totalBytes / 1e6).toFixed(1)} MB in ${workspace.dir}`);
		}
		return 0;
	}
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ has no index.html: run `npm run build` first (npm run bench does).');
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: run `node tests/ensure-browser.mjs` (npm test does) or set CHROMIUM_PATH.');

	const endDay = endDayYesterday();
	const largest = options.sizes[options.sizes.length - 1];
	const startedAt = new Date();
	const loadBefore = loadavg();
	const freeAtStart = freemem();
	// the machine is shared: the 1-minute load average every 15 s, so the figures can be read
	// against how busy the machine was while they were taken
	const loadSamples = [loadBefore[0]];
	const loadTimer = setInterval(() => loadSamples.push(loadavg()[0]), 15_000);
	loadTimer.unref();
	const raw = { bundle: null, sizes: {} };
	const notes = {};
	let browserVersion = 'not started';

	/** The results so far; `complete` is false for the checkpoints written after each run. */
	const compose = (complete) => ({
		complete,
		generatedAt: startedAt.toISOString(),
		durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
		machine: {
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? 'unknown',
			memoryBytes: totalmem(),
			freeMemoryBytesAtStart: freeAtStart,
			loadAverageAtStart: loadBefore,
			loadAverageAtEnd: loadavg(),
			// 1-minute load average sampled every 15 s during the run
			loadAverageDuring: {
				min: Math.min(...loadSamples),
				max: Math.max(...loadSamples),
				mean: loadSamples.reduce((sum, value) => sum + value, 0) / loadSamples.length,
				samples: loadSamples.map((value) => Math.round(value * 100) / 100)
			},
			os: `${platform()} ${arch()} ${release()}`,
			node: process.version,
			browser: `Chromium ${browserVersion}`,
			browserPath: executablePath
		},
		options: {
			sizes: Object.keys(raw.sizes),
			// the runs each size actually completed (a checkpoint may hold fewer than planned)
			runs: Object.fromEntries(Object.entries(raw.sizes).map(([size, { runs }]) => [size, runs.length])),
			plannedRuns: Object.fromEntries(options.sizes.map((size) => [size, options.runsBySize[size]])),
			opens: options.opens,
			smoke: options.smoke,
			// where each user's IndexedDB lived: 'disk' (a profile directory) or 'memory' (off the record)
			storage: options.storage,
			endDay
		},
		figures: buildFigures(raw, options, notes),
		notMeasured: notes,
		raw
	});
	const writeResults = (results) => {
		if (options.budgets) results.budgets = checkBudgets(results.figures, loadBudgets(join(ROOT, 'bench/budgets.json')));
		mkdirSync(dirname(options.out), { recursive: true });
		writeFileSync(options.out, JSON.stringify(results, null, '\t') + '\n');
	};

	log('initial JavaScript of the first page…');
	raw.bundle = measureInitialJs(BUILD);

	const { base } = await startServer(options.port);
	const marker = `--chorus-bench=${process.pid}`;
	// the marker finds the browser whose renderers the memory figures read: on disk that is each
	// user's own browser, so the shared one (calibration only) goes without it
	const userArgs = [...BROWSER_ARGS, marker];
	const browser = await chromium.launch({ executablePath, args: options.storage === 'memory' ? userArgs : BROWSER_ARGS });
	browserVersion = browser.version();
	try {
		raw.calibration = await calibrate(browser);
		log(`calibration: fixed workload ${formatValue(summary(raw.calibration).median, 'ms')}`);
		const accountOf = await sampleAccountResolver();
		for (const size of options.sizes) {
			const workspace = await workspaceFiles(size, { endDay, log });
			pruneCache(size, workspace.dir);
			log(`${size}: ${workspace.files.length} files, ${(workspace.totalBytes / 1e6).toFixed(1)} MB, ${workspace.tables.length} tables`);
			const runs = [];
			const runCount = options.runsBySize[size];
			for (let run = 0; run < runCount; run++) {
				const user = await newUser({ storage: options.storage, browser, executablePath, args: userArgs });
				const { context } = user;
				const result = { run };
				try {
					const page = await context.newPage();
					await page.goto(`${base}import/`);
					await settleServiceWorker(page);
					log(`${size} run ${run + 1}/${runCount}: import…`);
					result.import = await importWorkspace(page, workspace, { memoryMarker: marker, accountOf });
					log(
						`  ${formatValue(result.import.activeMs, 'ms')} active, ${result.import.counts.rows.toLocaleString('en-US')} rows, longest task ${formatValue(result.import.longestTaskMs, 'ms')}`
					);
					log(`  ${Object.entries(result.import.breakdown).map(([step, ms]) => `${step} ${formatValue(ms, 'ms')}`).join(', ')}`);
					result.intake = await measureFileIntake(page, workspace.files);
					log(`  the browser taking the ${workspace.files.length} files in a page with no app code: ${formatValue(result.intake.taskMs, 'ms')} (in the import: ${formatValue(result.import.fileIntakeMs, 'ms')} before the input event)`);
					log(`${size} run ${run + 1}: floor…`);
					result.floor = await measureFloor(page, workspace.tables);
					log(`  floor ${formatValue(result.floor.totalMs, 'ms')} → ratio ${formatValue(result.import.activeMs / result.floor.totalMs, 'x')}`);
					await page.close();

					result.opens = [];
					for (let open = 0; open < options.opens; open++) {
						const opened = await stage(`open.${size}`, options, notes, () => openDashboard(context, base));
						if (!opened) break;
						result.opens.push(opened.firstChartMs);
						const last = open === options.opens - 1;
						if (last && size === largest) {
							log(`${size} run ${run + 1}: redraws…`);
							result.redraw = await stage('redraw', options, notes, () => measureRedraws(opened.page, { rounds: options.smoke ? 1 : 2 }));
						}
						await opened.page.close();
					}
					if (result.opens.length > 0) log(`  cold open ${result.opens.map((ms) => formatValue(ms, 'ms')).join(', ')}`);
					if (size === largest) {
						log(`${size} run ${run + 1}: board…`);
						result.board = await stage('board', options, notes, () => measureBoardMoves(context, base, { moves: options.smoke ? 2 : 6 }));
						log(`${size} run ${run + 1}: snapshot…`);
						result.snapshot = await stage('snapshot', options, notes, () => measureSnapshot(context, base, { label: size }));
					}
				} finally {
					await user.close();
				}
				runs.push(result);
				raw.sizes[size] = {
					workspace: {
						files: workspace.files.length,
						bytes: workspace.totalBytes,
						tables: workspace.tables.length,
						accounts: workspace.accounts,
						years: workspace.years,
						postsTotal: workspace.postsTotal,
						...runs[0].import.counts
					},
					runs
				};
				// a checkpoint after every run: a long benchmark stopped half way still leaves its figures
				writeResults(compose(false));
			}
		}
	} finally {
		clearInterval(loadTimer);
		await browser.close();
	}
	loadSamples.push(loadavg()[0]);

	const results = compose(true);
	writeResults(results);
	const exitCode = results.budgets?.some((check) => check.status === 'over') ? 1 : 0;
	process.stdout.write(`\n${terminalReport(results)}\n\nResults: ${options.out}\n`);
	return exitCode;
}

/** Turns the raw runs into named figures: median of the runs with min and max. */
function buildFigures(raw, options, notes) {
	const figures = [];
	const add = (id, label, unit, samples, extra = {}) => {
		const stats = summary(samples);
		figures.push({ id, label, unit, ...(stats ?? { median: null, min: null, max: null, runs: [] }), ...extra });
	};
	const notMeasured = (id, label, unit, reason) => figures.push({ id, label, unit, median: null, min: null, max: null, runs: [], notMeasured: reason });

	add('machine.calibrationMs', 'Machine speed: fixed JS workload (lower is faster)', 'ms', raw.calibration ?? []);
	add('bundle.initialJsGzip', 'Initial JS of the first page (gzip)', 'bytes', [raw.bundle.jsGzipBytes], {
		detail: `${raw.bundle.files.length} files, ${formatValue(raw.bundle.jsBytes, 'bytes')} before gzip`
	});

	const sizes = Object.keys(raw.sizes);
	for (const size of sizes) {
		const { runs, workspace } = raw.sizes[size];
		const rows = workspace.rows;
		add(`import.${size}.time`, `Import ${size}: drop → committed`, 'ms', runs.map((run) => run.import.activeMs), {
			detail: `${workspace.files} files, ${formatValue(workspace.bytes, 'bytes')}, ${rows.toLocaleString('en-US')} rows`
		});
		add(`import.${size}.rowsPerSecond`, `Import ${size}: throughput`, 'rows/s', runs.map((run) => (rows / run.import.activeMs) * 1000));
		add(`import.${size}.floorRatio`, `Import ${size}: ratio to the floor`, 'x', runs.map((run) => run.import.activeMs / run.floor.totalMs), {
			detail: `floor ${formatValue(summary(runs.map((run) => run.floor.totalMs)).median, 'ms')} (PapaParse + typed arrays + one IndexedDB put)`
		});
		add(`import.${size}.longestTaskMs`, `Import ${size}: longest main-thread task`, 'ms', runs.map((run) => run.import.longestTaskMs), {
			detail: 'from the input event on'
		});
		// results saved before 27 November afternoon have no intake measurement
		const intakes = runs.filter((run) => run.intake);
		if (intakes.length > 0)
			add(`import.${size}.fileIntakeMs`, `Import ${size}: the browser taking the files (no app code)`, 'ms', intakes.map((run) => run.intake.taskMs), {
				detail: `one task, in a page with only a file input; in the import ${formatValue(summary(intakes.map((run) => run.import.fileIntakeMs)).median, 'ms')} before the input event`
			});
		add(`memory.${size}.peakHeap`, `Import ${size}: peak JS heap (page + workers)`, 'bytes', runs.map((run) => run.import.memory.totalHeap), {
			detail: `page ${formatValue(summary(runs.map((run) => run.import.memory.pageHeap)).median, 'bytes')}, workers ${formatValue(summary(runs.map((run) => run.import.memory.workerHeap)).median, 'bytes')}, renderer RSS ${formatValue(summary(runs.map((run) => run.import.memory.rendererRss)).median, 'bytes')}`
		});
		const opens = runs.flatMap((run) => run.opens ?? []);
		if (opens.length > 0) add(`open.${size}.firstChartMs`, `Cold open ${size}: to first chart painted`, 'ms', opens);
		else notMeasured(`open.${size}.firstChartMs`, `Cold open ${size}: to first chart painted`, 'ms', notes[`open.${size}`] ?? 'not run');
	}

	// the views are measured on the largest size asked for; a checkpoint taken before it has none
	const largest = options.sizes[options.sizes.length - 1];
	if (raw.sizes[largest]) {
		const runs = raw.sizes[largest].runs;
		const redraws = runs.map((run) => run.redraw).filter(Boolean);
		if (redraws.length > 0) {
			add(`redraw.${largest}.p95Ms`, `Redraw ${largest}: range/grain/metric change, p95`, 'ms', redraws.map((redraw) => redraw.p95));
			for (const kind of ['range', 'grain', 'metric']) {
				const samples = redraws.flatMap((redraw) => redraw.samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms));
				add(`redraw.${largest}.${kind}Ms`, `Redraw ${largest}: ${kind} change (each change)`, 'ms', samples);
			}
		} else notMeasured(`redraw.${largest}.p95Ms`, `Redraw ${largest}: range/grain/metric change, p95`, 'ms', notes.redraw ?? 'not run');

		const boards = runs.map((run) => run.board).filter(Boolean);
		if (boards.length > 0) {
			const accounts = boards[0].accounts;
			add(`board.${largest}.moveMs`, `Board (${accounts} accounts): card moved, painted`, 'ms', boards.flatMap((board) => board.samples.map((sample) => sample.moveMs)));
			add(`board.${largest}.summaryMs`, `Board (${accounts} accounts): plan summary updated, painted`, 'ms', boards.flatMap((board) => board.samples.map((sample) => sample.summaryMs)));
		} else {
			notMeasured(`board.${largest}.moveMs`, 'Board: card moved', 'ms', notes.board ?? 'not run');
			notMeasured(`board.${largest}.summaryMs`, 'Board: plan summary updated', 'ms', notes.board ?? 'not run');
		}

		const snapshots = runs.map((run) => run.snapshot).filter(Boolean);
		if (snapshots.length > 0) {
			add(`snapshot.${largest}.exportMs`, `Snapshot ${largest}: export`, 'ms', snapshots.map((snapshot) => snapshot.exportMs));
			add(`snapshot.${largest}.importMs`, `Snapshot ${largest}: import (replace)`, 'ms', snapshots.map((snapshot) => snapshot.importMs));
			add(`snapshot.${largest}.fileBytes`, `Snapshot ${largest}: file size`, 'bytes', snapshots.map((snapshot) => snapshot.fileBytes));
		} else {
			for (const [id, label, unit] of [
				['exportMs', 'export', 'ms'],
				['importMs', 'import', 'ms'],
				['fileBytes', 'file size', 'bytes']
			])
				notMeasured(`snapshot.${largest}.${id}`, `Snapshot ${largest}: ${label}`, unit, notes.snapshot ?? 'not run');
		}
	}

	// scaling: how import and open costs grow with the data, as an exponent (1 = linear)
	const scale = (size) => raw.sizes[size]?.workspace;
	for (const [from, to] of [
		['small', 'large'],
		['medium', 'large'],
		['small', 'medium']
	]) {
		if (!raw.sizes[from] || !raw.sizes[to]) continue;
		const importTime = (size) => summary(raw.sizes[size].runs.map((run) => run.import.activeMs)).median;
		add(`scaling.import.${from}-${to}`, `Scaling of import time, ${from} → ${to} (rows)`, 'exponent', [
			growthExponent(importTime(from), importTime(to), scale(from).rows, scale(to).rows)
		], { detail: `${formatValue(importTime(from), 'ms')} → ${formatValue(importTime(to), 'ms')} for ${scale(from).rows.toLocaleString('en-US')} → ${scale(to).rows.toLocaleString('en-US')} rows` });
		const openTime = (size) => summary(raw.sizes[size].runs.flatMap((run) => run.opens ?? []))?.median;
		const stored = (size) => scale(size).values + scale(size).posts;
		if (openTime(from) && openTime(to))
			add(`scaling.open.${from}-${to}`, `Scaling of cold open, ${from} → ${to} (stored values + posts)`, 'exponent', [
				growthExponent(openTime(from), openTime(to), stored(from), stored(to))
			], { detail: `${formatValue(openTime(from), 'ms')} → ${formatValue(openTime(to), 'ms')}` });
	}
	if (options.smoke) for (const figure of figures) figure.smoke = true;
	return figures;
}

function terminalReport(results) {
	const checks = new Map((results.budgets ?? []).map((check) => [check.id, check]));
	const rows = results.figures.map((figure) => {
		const check = checks.get(figure.id);
		if (figure.notMeasured) return [figure.label, `not measured: ${figure.notMeasured}`, '', '', check?.target ?? '', check ? 'not measured' : ''];
		const several = figure.runs.length > 1;
		return [
			figure.label,
			formatValue(figure.median, figure.unit),
			several ? formatValue(figure.min, figure.unit) : '',
			several ? formatValue(figure.max, figure.unit) : '',
			check?.target ?? '',
			check ? (check.status === 'over' ? 'OVER BUDGET' : 'within') : ''
		];
	});
	const machine = results.machine;
	const runs = Object.entries(results.options.runs).map(([size, count]) => `${size} ×${count}`).join(', ');
	const during = machine.loadAverageDuring;
	const head = [
		`Chorus benchmark — ${machine.browser}, ${machine.cpus} CPUs (${machine.cpuModel}), runs: ${runs}, opens per run: ${results.options.opens}, IndexedDB ${results.options.storage === 'disk' ? 'on disk' : 'in memory'}, ${results.durationSeconds} s`,
		`load average (1/5/15 min) at start ${machine.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}, at end ${machine.loadAverageAtEnd.map((n) => n.toFixed(2)).join(' ')}; 1-min load during the run ${during.min.toFixed(1)}–${during.max.toFixed(1)} (mean ${during.mean.toFixed(1)})`
	].join('\n');
	const missed = (results.budgets ?? []).filter((check) => check.status === 'over');
	const tail = results.budgets
		? missed.length === 0
			? 'All figures within budget.'
			: `Over budget: ${missed.map((check) => check.id).join(', ')}`
		: 'Budgets not checked.';
	return [head, '', textTable(['figure', 'median', 'min', 'max', 'target', 'budget'], rows), '', tail].join('\n');
}

main().then(
	(code) => process.exit(code),
	(error) => {
		log(`the benchmark broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exit(2);
	}
);
