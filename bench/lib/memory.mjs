// Peak memory while something runs: the JS heap of the page and of each of its workers (CDP
// Runtime.getHeapUsage, workers reached through non-flattened auto-attach sessions), and the
// resident memory of the page's renderer process (the largest renderer of this browser; /proc,
// Linux only).
import { readFileSync, readdirSync } from 'node:fs';

function readProc(pid, file) {
	try {
		return readFileSync(`/proc/${pid}/${file}`, 'utf8');
	} catch {
		return null;
	}
}

/** Renderer processes that descend from the browser process whose command line carries `marker`. */
function rendererPids(marker) {
	const parents = new Map();
	const commands = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readProc(entry, 'stat');
		const cmdline = readProc(entry, 'cmdline');
		if (!stat || cmdline === null) continue;
		// the command name may contain spaces and parentheses: the ppid follows the last ")"
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		parents.set(Number(entry), Number(fields[1]));
		// Chromium rewrites its child processes' argv into one space-separated string
		commands.set(Number(entry), cmdline.replaceAll('\0', ' '));
	}
	const roots = [...commands].filter(([, command]) => command.includes(marker)).map(([pid]) => pid);
	if (roots.length === 0) return [];
	const inTree = (pid) => {
		for (let current = pid; current > 1; current = parents.get(current) ?? 0) if (roots.includes(current)) return true;
		return false;
	};
	return [...commands].filter(([pid, command]) => command.includes('--type=renderer') && inTree(pid)).map(([pid]) => pid);
}

function rssBytes(pid) {
	const status = readProc(pid, 'status');
	const match = status && /VmRSS:\s+(\d+) kB/.exec(status);
	return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Starts sampling every `intervalMs`; `stop()` resolves to the peaks seen.
 * @param {import('@playwright/test').Page} page
 */
export async function sampleMemory(page, { marker, intervalMs = 150 } = {}) {
	const session = await page.context().newCDPSession(page);
	const workers = new Map();
	let nextId = 1;
	const pending = new Map();
	session.on('Target.attachedToTarget', (event) => {
		if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url);
	});
	session.on('Target.detachedFromTarget', (event) => workers.delete(event.sessionId));
	session.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message);
		const settle = pending.get(message.id);
		if (settle) {
			pending.delete(message.id);
			settle(message.result);
		}
	});
	const askWorker = (sessionId, method) =>
		new Promise((resolve) => {
			const id = nextId++;
			pending.set(id, resolve);
			session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(undefined));
			setTimeout(() => {
				if (pending.delete(id)) resolve(undefined);
			}, 2000);
		});
	await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

	const peaks = { pageHeap: 0, workerHeap: 0, totalHeap: 0, rendererRss: 0, samples: 0 };
	let stopped = false;
	const loop = (async () => {
		while (!stopped) {
			const started = Date.now();
			try {
				const own = await session.send('Runtime.getHeapUsage');
				let workerHeap = 0;
				for (const sessionId of workers.keys()) {
					const usage = await askWorker(sessionId, 'Runtime.getHeapUsage');
					if (usage) workerHeap += usage.usedSize;
				}
				peaks.pageHeap = Math.max(peaks.pageHeap, own.usedSize);
				peaks.workerHeap = Math.max(peaks.workerHeap, workerHeap);
				peaks.totalHeap = Math.max(peaks.totalHeap, own.usedSize + workerHeap);
				if (marker) {
					// the page's renderer is the largest; the others are spares and the browser's own UI
					const rss = rendererPids(marker).reduce((max, pid) => Math.max(max, rssBytes(pid)), 0);
					peaks.rendererRss = Math.max(peaks.rendererRss, rss);
				}
				peaks.samples++;
			} catch {
				// the page navigated or closed between samples
			}
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
		}
	})();
	return {
		async stop() {
			stopped = true;
			await loop;
			await session.detach().catch(() => {});
			return peaks;
		}
	};
}
