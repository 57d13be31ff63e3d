#!/usr/bin/env node
// Profiles one import of a benchmark workspace: V8 CPU profiles of the page and of every worker
// it starts, written to bench/.tmp/profiles/ (open them in Chrome DevTools › Performance, or read
// the summary this prints: the functions with the most self time, by thread).
//
//   node bench/profile.mjs --size=small [--port=4192] [--open] [--dashboard] [--board]
//   node bench/profile.mjs --snapshot=bench/.tmp/snapshots/<file> --open --board   (workspace from a snapshot)
//   node bench/profile.mjs --snapshot=… --save          a snapshot save: the page and its workers
//   node bench/profile.mjs --snapshot=… --replace       a second Replace over the full workspace: the page and
//                                                       its workers from the confirming click to the notice,
//                                                       and the CPU of every Chromium thread meanwhile
//   --storage=memory   IndexedDB in memory (an off-the-record context) instead of a fresh profile on disk
//
// Needs build/ (npm run build) and, like the benchmark, should run under the shared lock.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/browser-path.mjs';
import { importWorkspace } from './lib/measure-import.mjs';
import { measureRedraws, openDashboard } from './lib/measure-views.mjs';
import { sampleAccountResolver, workspaceFiles } from './lib/workspaces.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'bench/.tmp/profiles');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => { const [key, value = 'true'] = arg.replace(/^--/, '').split('='); return [key, value]; }));
const size = args.size ?? 'small';
const port = Number(args.port ?? 4192);

/** Self time per function over a profile, largest first. */
function topFunctions(profile, count = 25) {
	const self = new Map();
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const deltas = profile.timeDeltas;
	for (let index = 0; index < profile.samples.length; index++) {
		const node = byId.get(profile.samples[index]);
		const { functionName, url, lineNumber } = node.callFrame;
		const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
	}
	return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/**
 * Starts CPU profiles of `page` and of every worker it starts from now on: workers through
 * non-flattened child sessions, each made to wait for the debugger so its profile covers its whole
 * life, and kept alive after it is done (terminate does nothing) so the profile can still be
 * collected. `stop(prefix)` ends them all and gives `[name, profile]` pairs.
 */
async function profileWithWorkers(context, page, { deferred = false } = {}) {
	const session = await context.newCDPSession(page);
	const workers = new Map();
	let nextId = 1;
	const pending = new Map();
	const send = (sessionId, method, params = {}) =>
		new Promise((resolve) => {
			const id = nextId++;
			pending.set(id, resolve);
			session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(undefined));
		});
	session.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message);
		pending.get(message.id)?.(message.result);
		pending.delete(message.id);
	});
	session.on('Target.attachedToTarget', async (event) => {
		// other targets (the service worker) wait for the debugger too: let them run, unprofiled
		if (event.targetInfo.type !== 'worker') {
			await send(event.sessionId, 'Runtime.runIfWaitingForDebugger');
			return;
		}
		workers.set(event.sessionId, { url: event.targetInfo.url });
		await send(event.sessionId, 'Profiler.enable');
		await send(event.sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
		if (!deferred) await send(event.sessionId, 'Profiler.start');
		await send(event.sessionId, 'Runtime.runIfWaitingForDebugger');
	});
	session.on('Target.detachedFromTarget', (event) => {
		const worker = workers.get(event.sessionId);
		if (worker) worker.detached = true;
	});
	await page.evaluate(() => {
		Worker.prototype.terminate = function () {};
	});
	await session.send('Profiler.enable');
	await session.send('Profiler.setSamplingInterval', { interval: 200 });
	if (!deferred) await session.send('Profiler.start');
	await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
	const named = (prefix, name) => (prefix ? `${prefix}-${name}` : name);
	return {
		/** With `deferred`: starts the profiles of the page and of the workers started so far. */
		async start() {
			await session.send('Profiler.start');
			for (const [sessionId, worker] of workers) if (!worker.detached) await send(sessionId, 'Profiler.start');
		},
		async stop(prefix = '') {
			const profiles = [[named(prefix, 'page'), (await session.send('Profiler.stop')).profile]];
			for (const [sessionId, worker] of workers) {
				if (worker.detached) continue;
				const stopped = await send(sessionId, 'Profiler.stop');
				if (stopped?.profile) profiles.push([named(prefix, `worker-${worker.url.split('/').pop()}`), stopped.profile]);
			}
			return profiles;
		}
	};
}

/**
 * CPU time (ms) of every thread of the Chromium started with `profileDir`, by process type and
 * thread name: IndexedDB's work happens in the browser's own processes, which no V8 profile sees.
 */
function chromiumThreadCpu(profileDir) {
	const stat = (path) => {
		const text = readFileSync(path, 'utf8');
		const close = text.lastIndexOf(')');
		return { comm: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
	};
	const processes = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Chromium rewrites its child processes' titles into one string: split on spaces too
			const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
			processes.push({ pid: entry, ppid: stat(`/proc/${entry}/stat`).fields[1], cmdline });
		} catch {
			// gone meanwhile
		}
	}
	const root = processes.find((process) => process.cmdline.includes(`--user-data-dir=${profileDir}`) && !process.cmdline.some((arg) => arg.startsWith('--type=')));
	if (!root) return new Map();
	const tree = new Set([root.pid]);
	for (let grown = true; grown; ) {
		grown = false;
		for (const process of processes) {
			if (tree.has(process.pid) || !tree.has(process.ppid)) continue;
			tree.add(process.pid);
			grown = true;
		}
	}
	const ticks = 1000 / 100; // USER_HZ
	const cpu = new Map();
	for (const process of processes.filter((candidate) => tree.has(candidate.pid))) {
		const type = process.cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.split('=')[1] ?? process.cmdline.find((arg) => arg.startsWith('--type='))?.split('=')[1] ?? 'browser';
		let tasks;
		try {
			tasks = readdirSync(`/proc/${process.pid}/task`);
		} catch {
			continue;
		}
		for (const tid of tasks) {
			try {
				const { comm, fields } = stat(`/proc/${process.pid}/task/${tid}/stat`);
				const key = `${type}[${process.pid}] ${comm}`;
				cpu.set(key, (cpu.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) * ticks);
			} catch {
				// gone meanwhile
			}
		}
	}
	return cpu;
}

async function main() {
	mkdirSync(OUT, { recursive: true });
	const server = spawn(process.execPath, [join(ROOT, 'tests/serve.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
	const base = `http://127.0.0.1:${port}/deep/sub/path/`;
	for (let attempt = 0; attempt < 100; attempt++) {
		if (await fetch(base).then((response) => response.ok, () => false)) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	// as in run.mjs: a person's browser keeps IndexedDB on disk; an off-the-record context keeps it
	// in memory, where Chromium's writes are several times slower
	const launchArgs = ['--disable-gpu', '--disable-quic', '--disable-sync', '--disable-background-networking'];
	const viewport = { width: 1280, height: 900 };
	const profileDir = args.storage === 'memory' ? null : mkdtempSync(join(tmpdir(), 'chorus-profile-'));
	const browser = profileDir ? null : await chromium.launch({ executablePath: findChromium() ?? undefined, args: launchArgs });
	try {
		const endDay = Math.round(Date.now() / 86_400_000) - 1;
		const workspace = args.snapshot ? null : await workspaceFiles(size, { endDay, log: console.error });
		const context = profileDir
			? await chromium.launchPersistentContext(profileDir, { executablePath: findChromium() ?? undefined, args: launchArgs, headless: true, viewport })
			: await browser.newContext({ viewport });
		await context.addInitScript({ path: join(ROOT, 'bench/lib/instrument.js') });
		const page = await context.newPage();
		await page.goto(`${base}import/`);
		// the service worker registers once a page has been idle (state/idle.ts): wait a little for it, as run.mjs does
		await page.evaluate(() =>
			Promise.race([navigator.serviceWorker?.ready ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 15_000))])
		);

		const profiles = [];
		if (args.snapshot) {
			// a stored workspace from a snapshot file (bench/.tmp/snapshots/): much faster than importing.
			// Not profiled. A file set before the page is hydrated (<html data-ready>) falls on no handler
			// and is lost: that, not the profiler, was what stalled the open now and then.
			await page.goto(`${base}workspace/`);
			await page.locator('html[data-ready]').waitFor({ state: 'attached' });
			await page.setInputFiles('[data-testid=snapshot-input]', args.snapshot);
			await page.getByTestId('snapshot-dialog').getByRole('button', { name: /Replace my workspace/ }).click({ timeout: 300_000 });
			await page.getByTestId('confirm-replace').click();
			await page.getByTestId('snapshot-notice').waitFor({ timeout: 600_000 });
			console.log('workspace loaded from', args.snapshot);
		} else {
			const profiled = await profileWithWorkers(context, page);
			const result = await importWorkspace(page, workspace, { accountOf: await sampleAccountResolver() });
			console.log(`import: ${result.activeMs.toFixed(0)} ms`, result.breakdown);
			profiles.push(...(await profiled.stop()));
		}
		if (args.save) {
			// a snapshot save from the Workspace page: the page and every worker it starts, from the click
			// to "Saved" (each worker profiled from its start: profileWithWorkers)
			const savePage = await context.newPage();
			await savePage.goto(`${base}workspace/`);
			const save = savePage.getByTestId('save-snapshot');
			await savePage.waitForFunction(() => document.querySelector('[data-testid=save-snapshot]') && !document.querySelector('[data-testid=save-snapshot]').disabled, null, { timeout: 60_000 });
			const profiledSave = await profileWithWorkers(context, savePage);
			const download = savePage.waitForEvent('download', { timeout: 600_000 });
			const started = Date.now();
			await save.click();
			await download;
			await savePage.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid=snapshot-notice]')?.textContent ?? ''), null, { timeout: 600_000 });
			console.log(`save: ${Date.now() - started} ms`);
			profiles.push(...(await profiledSave.stop('save')));
			await savePage.close();
		}
		if (args.replace) {
			// a second Replace, over the workspace just loaded: opening the file is not profiled (the
			// workers start, held for the debugger, and run unprofiled until the confirming click)
			if (!args.snapshot || !profileDir) throw new Error('--replace needs --snapshot and a profile on disk');
			const replacePage = await context.newPage();
			await replacePage.goto(`${base}workspace/`);
			await replacePage.locator('html[data-ready]').waitFor({ state: 'attached' });
			const profiledReplace = await profileWithWorkers(context, replacePage, { deferred: true });
			await replacePage.setInputFiles('[data-testid=snapshot-input]', args.snapshot);
			await replacePage.getByTestId('snapshot-dialog').getByRole('button', { name: /Replace my workspace/ }).click({ timeout: 300_000 });
			const confirm = replacePage.getByTestId('confirm-replace');
			await confirm.waitFor();
			await profiledReplace.start();
			const load = loadavg()[0];
			const cpuBefore = chromiumThreadCpu(profileDir);
			const started = Date.now();
			await confirm.click();
			await replacePage.waitForFunction(() => /now the snapshot/.test(document.querySelector('[data-testid=snapshot-notice]')?.textContent ?? ''), null, { timeout: 600_000, polling: 50 });
			const elapsed = Date.now() - started;
			const cpuAfter = chromiumThreadCpu(profileDir);
			console.log(`replace (apply): ${elapsed} ms, load ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
			console.log('Chromium threads, CPU ms during the apply:');
			const deltas = [...cpuAfter].map(([key, ms]) => [key, ms - (cpuBefore.get(key) ?? 0)]).filter(([, ms]) => ms >= 20);
			for (const [key, ms] of deltas.sort((a, b) => b[1] - a[1])) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
			profiles.push(...(await profiledReplace.stop('replace')));
			await replacePage.close();
		}
		if (args.open) {
			// a cold open of the dashboard, profiled from the navigation on
			const openPage = await context.newPage();
			const openSession = await context.newCDPSession(openPage);
			await openSession.send('Profiler.enable');
			await openSession.send('Profiler.setSamplingInterval', { interval: 200 });
			await openSession.send('Profiler.start');
			await openPage.goto(`${base}dashboard/?metric=impressions`);
			await openPage.waitForFunction(() => window.__bench.canvas['main-chart']?.firstPainted != null, null, { timeout: 60_000 });
			const opened = await openPage.evaluate(() => ({
				firstChart: window.__bench.canvas['main-chart'].firstPainted,
				longTasks: window.__bench.longTasks,
				marks: performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])
			}));
			console.log('cold open', JSON.stringify(opened));
			profiles.push(['dashboard-open', (await openSession.send('Profiler.stop')).profile]);
			await openPage.close();
		}
		if (args.dashboard) {
			const opened = await openDashboard(context, base);
			console.log(`dashboard first chart: ${opened.firstChartMs.toFixed(0)} ms`);
			if (args.dashboard) {
				const dashboardSession = await context.newCDPSession(opened.page);
				await dashboardSession.send('Profiler.enable');
				await dashboardSession.send('Profiler.setSamplingInterval', { interval: 200 });
				await dashboardSession.send('Profiler.start');
				const redraws = await measureRedraws(opened.page, { rounds: 1 });
				console.log('redraws', redraws.samples.map((sample) => `${sample.kind}:${sample.to} ${sample.ms.toFixed(0)}`).join(', '));
				profiles.push(['dashboard-redraws', (await dashboardSession.send('Profiler.stop')).profile]);
			}
			await opened.page.close();
		}
		if (args.board) {
			// profile the board's page from its first load through four moves
			const boardPage = await context.newPage();
			const boardSession = await context.newCDPSession(boardPage);
			await boardSession.send('Profiler.enable');
			await boardSession.send('Profiler.setSamplingInterval', { interval: 200 });
			await boardPage.goto(`${base}board/`);
			await boardPage.waitForSelector('[data-testid=plan-summary]', { timeout: 120_000 });
			await boardPage.waitForTimeout(2000);
			await boardSession.send('Profiler.start');
			for (const [index, column] of ['Keep', 'Undecided', 'Keep', 'Undecided'].entries()) {
				const card = boardPage.locator('[data-testid=column-' + (index % 2 === 0 ? 'undecided' : 'keep') + '] [data-testid=board-card]').first();
				await card.locator('.menu-button').click();
				const started = Date.now();
				await card.locator('.menu button', { hasText: new RegExp('^\\s*' + column) }).first().click();
				await boardPage.waitForTimeout(2500);
				console.log('board move', index, Date.now() - started);
			}
			profiles.push(['board-moves', (await boardSession.send('Profiler.stop')).profile]);
			await boardPage.close();
		}
		for (const [name, profile] of profiles) {
			const path = join(OUT, `${size}-${name}.cpuprofile`);
			writeFileSync(path, JSON.stringify(profile));
			console.log(`\n${name} (${path}): top self time`);
			for (const [fn, ms] of topFunctions(profile)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${fn}`);
		}
		await context.close();
	} finally {
		await browser?.close();
		if (profileDir) rmSync(profileDir, { recursive: true, force: true });
		server.kill();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
