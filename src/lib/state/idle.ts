/**
 * Start-up work that nothing on screen waits for (the snapshot reminder, the service worker's
 * registration, the rest of the catalogues) runs once the page has shown its first content and the
 * main thread is idle, so it does not compete with the page's own reads and first paint.
 */

let shown: () => void = () => {};
const firstContent = new Promise<void>((resolve) => (shown = resolve));

/** Called by a page that said it would (see `whenIdle`'s `afterFirstContent`) once its first content is painted. */
export function markFirstContent(): void {
	shown();
}

/**
 * Runs `task` once, after the next frame and an idle period with most of its 50 ms left (a page
 * still busy gets short ones); first, when `afterFirstContent`, until the page calls
 * `markFirstContent` (a page waiting for IndexedDB is idle long before its first chart). `maxWaitMs`
 * bounds the whole wait. Returns a cancel function (for onMount's cleanup).
 */
export function whenIdle(task: () => void, { afterFirstContent = false, maxWaitMs = 2000 } = {}): () => void {
	const deadline = performance.now() + maxWaitMs;
	let frame = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle = 0;
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		task();
	};
	const waitForIdle = () => {
		if (done) return;
		const left = Math.max(1, deadline - performance.now());
		if (typeof requestIdleCallback !== 'function') {
			timer = setTimeout(run, left);
			return;
		}
		idle = requestIdleCallback((period) => (period.didTimeout || period.timeRemaining() >= 40 || performance.now() >= deadline ? run() : waitForIdle()), {
			timeout: left
		});
	};
	const afterFrame = () => (frame = requestAnimationFrame(() => (timer = setTimeout(waitForIdle))));
	if (afterFirstContent) {
		void Promise.race([firstContent, new Promise((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]).then(() => {
			if (!done) afterFrame();
		});
	} else afterFrame();
	return () => {
		done = true;
		cancelAnimationFrame(frame);
		clearTimeout(timer);
		if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
	};
}

/**
 * Runs `steps` in order in the browser's idle periods (idle callbacks without a timeout: never
 * while the page has anything else to do), as many in a period as start with at least
 * `minRemainingMs` of it left (a period is at most 50 ms), so a click made meanwhile waits for the
 * rest of one period and one step at most. A failing step is skipped: the same work, asked for later,
 * meets the failure and reports it. Where idle callbacks do not exist, one step per timeout. Returns
 * a cancel function (for an effect's cleanup).
 */
export function inIdleSteps(steps: readonly (() => unknown)[], { minRemainingMs = 10 } = {}): () => void {
	let next = 0;
	let idle = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let cancelled = false;
	const schedule = () => {
		if (cancelled || next >= steps.length) return;
		if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run);
		else timer = setTimeout(() => run(null), 16);
	};
	const run = (period: IdleDeadline | null) => {
		do {
			try {
				steps[next++]();
			} catch {
				// work done ahead of time: the same work, when asked for, meets the same failure and says it
			}
		} while (!cancelled && next < steps.length && period !== null && period.timeRemaining() >= minRemainingMs);
		schedule();
	};
	schedule();
	return () => {
		cancelled = true;
		if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
		clearTimeout(timer);
	};
}
