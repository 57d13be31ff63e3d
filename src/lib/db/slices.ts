/**
 * Long computations on the main thread, cut into slices: between two slices the browser may paint,
 * take input and run other tasks. Planning and committing a large drop are seconds of work; as one
 * task they froze the page (docs/performance.md, "Import"), so they check the clock between small
 * steps and give the main thread back once a slice has used its budget.
 */

/** Long-task threshold is 50 ms; a slice stays well under it so a paint fits in between. */
export const SLICE_BUDGET_MS = 30;

type Yielder = () => Promise<unknown>;

/** Back to the event loop: `scheduler.yield()` where the browser has it (keeps the task's priority), else a timer. */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TimeSlicer {
	readonly #budget: number;
	readonly #yielder: Yielder;
	#since = performance.now();

	/**
	 * `yielder`: how to give the thread back. Inside an IndexedDB transaction it must be an
	 * IndexedDB request (a timer would let the transaction commit half way): see commit.ts.
	 */
	constructor(yielder: Yielder = yieldToMain, budgetMs = SLICE_BUDGET_MS) {
		this.#yielder = yielder;
		this.#budget = budgetMs;
	}

	/** True when this slice has used its budget: call `yield()` next. */
	get due(): boolean {
		return performance.now() - this.#since >= this.#budget;
	}

	async yield(): Promise<void> {
		await this.#yielder();
		this.#since = performance.now();
	}

	/**
	 * Yields only when the slice has used its budget. Not inside a Dexie transaction: there, write
	 * `if (slicer.due) await slicer.yield()`, so nothing awaits a promise that is not IndexedDB's.
	 */
	async maybeYield(): Promise<void> {
		if (this.due) await this.yield();
	}
}
