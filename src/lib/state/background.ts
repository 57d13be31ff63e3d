/**
 * Work that nobody waits for at that moment (the KPI cards' sparklines and figures, the accounts
 * table, the KPI worker's answers) runs as background tasks: one task per piece, at the lowest
 * priority that still runs without waiting for an idle period (`scheduler.postTask` with priority
 * 'background', Chromium), and never between a person's input and the frame that shows its answer.
 *
 * Why: right after a cold open the dashboard still has a second of such work queued when the first
 * clicks come. As idle callbacks with a timeout, pieces whose timeout had run out were ordinary
 * tasks, and traces showed a sparkline's creation (25–30 ms) or a KPI answer's cards run between a
 * click's redraw and its frame. Here an input holds every background piece that has not started
 * until the frame after it has been produced; the click's task and frame go first.
 *
 * Where `scheduler.postTask` does not exist (Firefox before 142, Safari): idle callbacks with the
 * same one-second bound as before, else a timeout.
 */

type Task = () => void;

interface BackgroundScheduler {
	postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/** Inputs whose frame has not been produced yet. */
let pending = 0;
/** What came due while an input was pending (each re-posts its task), in the order it was asked for. */
let held: Task[] = [];
let listening = false;

/** The inputs that change what the page shows: the frame after one of these is what the person waits for. */
const INPUTS = ['pointerdown', 'keydown', 'click', 'input', 'change'] as const;

function post(run: Task): void {
	const scheduler = (globalThis as { scheduler?: Partial<BackgroundScheduler> }).scheduler;
	if (typeof scheduler?.postTask === 'function') {
		// the callback never throws (see inBackground), so the promise never rejects
		void scheduler.postTask(run, { priority: 'background' });
	} else if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
	else setTimeout(run, 16);
}

function release(): void {
	const due = held;
	held = [];
	for (const resume of due) resume();
}

/**
 * Marks an input as being answered: background pieces wait until the frame after it has been
 * produced (a task after the next animation frame; at most a second, for a page hidden meanwhile,
 * which produces no frames). Called by the page's own input listeners (see `listen`), or directly.
 */
export function noteInput(): void {
	pending++;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		clearTimeout(timer);
		pending--;
		if (pending === 0) release();
	};
	const timer = setTimeout(finish, 1000);
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish));
}

/** Whether an input's frame is still to come (background pieces wait meanwhile). */
export function inputPending(): boolean {
	return pending > 0;
}

function listen(): void {
	if (listening || typeof addEventListener !== 'function') return;
	listening = true;
	// capture on the window: before any handler of the page, so the input's own work sees it pending
	for (const type of INPUTS) addEventListener(type, noteInput, { capture: true, passive: true });
}

/**
 * Runs `task` once as a background task, after any pending input's frame. A failing task is
 * reported (reportError) and stops nothing else. Returns a cancel function (for an effect's cleanup).
 */
export function inBackground(task: Task): () => void {
	listen();
	let cancelled = false;
	const run = () => {
		if (cancelled) return;
		if (pending > 0) {
			held.push(() => post(run));
			return;
		}
		cancelled = true;
		try {
			task();
		} catch (error) {
			if (typeof reportError === 'function') reportError(error);
			else
				setTimeout(() => {
					throw error;
				});
		}
	};
	post(run);
	return () => {
		cancelled = true;
	};
}

/**
 * Runs `task` now, or, while an input's frame is still to come, in an ordinary task right after that
 * frame: for work that should be done as soon as possible (the open's own work, which the first
 * clicks would otherwise share the processor with for longer) but not between a click and its frame.
 */
export function unlessInputPending(task: Task): void {
	listen();
	if (pending > 0) held.push(() => setTimeout(() => unlessInputPending(task)));
	else task();
}

/**
 * Runs `task` once the next frame is on screen, as a background task (see `inBackground`).
 * Returns a cancel function.
 */
export function afterPaint(task: Task): () => void {
	let cancel: (() => void) | undefined;
	const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (cancel = inBackground(task))) : undefined;
	if (frame === undefined) cancel = inBackground(task);
	return () => {
		if (frame !== undefined) cancelAnimationFrame(frame);
		cancel?.();
	};
}
