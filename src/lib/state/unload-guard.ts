/**
 * Leaving the page while a change it already shows is still being written asks the person first.
 *
 * Why: the board shows a move in the frame of the click and stores it after (state/board.svelte.ts).
 * A reload, a closed tab or a full navigation in that moment aborts the IndexedDB transaction, and the
 * move the person saw is gone: a probe that navigated as soon as the card showed in its new column
 * lost 2 moves of 8 (`bench/.tmp/lead-board-race.mjs`). While such a write is pending, the page asks
 * the browser to confirm leaving (`beforeunload` with its default prevented; the browser words the
 * question itself, and asks only after the person has interacted with the page). The window is the
 * write's few milliseconds, so the question is rare; without it the loss is silent.
 */

/** Writes pending per window (a WeakMap so tests' targets do not share a count with the page's). */
const pendingWrites = new WeakMap<EventTarget, number>();

// preventDefault is enough in every current engine (Chromium since 119); returnValue is deprecated
function askBeforeLeaving(event: Event): void {
	event.preventDefault();
}

/**
 * `write`'s own result; while it is pending, leaving the page asks for confirmation. `target` is the
 * window (another EventTarget only in tests).
 */
export async function whileStoring<T>(write: Promise<T>, target: EventTarget | undefined = globalThis.window): Promise<T> {
	if (!target) return write;
	const pending = pendingWrites.get(target) ?? 0;
	pendingWrites.set(target, pending + 1);
	if (pending === 0) target.addEventListener('beforeunload', askBeforeLeaving);
	try {
		return await write;
	} finally {
		const left = pendingWrites.get(target)! - 1;
		pendingWrites.set(target, left);
		if (left === 0) target.removeEventListener('beforeunload', askBeforeLeaving);
	}
}
