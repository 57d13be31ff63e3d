/**
 * View state of the dashboard and account pages, kept in the URL query so a link or bookmark
 * reopens the same view, plus print mode (charts drawn in the light theme on paper).
 *
 * The URL is read when the page opens and on every real navigation; changes to the view are
 * written back with `replaceState` (no history entry per click, no navigation, no reload).
 */
import { onMount, untrack, flushSync } from 'svelte';
import { page } from '$app/state';
import { replaceState } from '$app/navigation';
import type { ChartTheme } from '$lib/charts/palette';
import { defaultView, parseViewSearch, viewSearch, type ViewState } from '$lib/components/dashboard/view-query';
import { theme } from './theme.svelte';
import { afterPaint, inBackground } from './background';

export class ViewInUrl {
	view = $state<ViewState>(defaultView());
	/** The query last read from or written to the URL. */
	#applied: string | null = null;
	#ready = $state(false);

	/**
	 * Binds the view to the URL for the lifetime of the calling component; call it during the
	 * component's initialisation. Parameters other than the view's (an account id) are kept.
	 */
	connect() {
		onMount(() => {
			// the router accepts replaceState only once it has started, which is after the first mount
			const timer = setTimeout(() => (this.#ready = true));
			return () => clearTimeout(timer);
		});
		$effect(() => {
			const search = page.url.search;
			untrack(() => {
				if (search === this.#applied) return;
				this.#applied = search;
				this.view = parseViewSearch(search);
			});
		});
		$effect(() => {
			const search = viewSearch(this.view, location.search);
			if (!this.#ready || search === location.search) return;
			// written once the view has settled, so a burst of changes is one history write, off the redraw's path
			const timer = setTimeout(() => {
				this.#applied = search;
				replaceState(`${location.pathname}${search}${location.hash}`, page.state);
			}, 250);
			return () => clearTimeout(timer);
		});
	}

	reset() {
		this.view = defaultView();
	}
}

/**
 * Print mode: while the browser prints, charts are drawn in the light theme and the page switches
 * to light colours, so a dark-theme screen still prints as a clean report on white paper.
 */
class PrintMode {
	printing = $state(false);

	/** Call during a page component's initialisation. */
	connect() {
		onMount(() => {
			const before = () => {
				this.printing = true;
				document.documentElement.dataset.theme = 'light';
				// the print layout is taken right after this handler: charts must be redrawn by then
				flushSync();
			};
			const after = () => {
				this.printing = false;
				document.documentElement.dataset.theme = theme.resolved;
			};
			window.addEventListener('beforeprint', before);
			window.addEventListener('afterprint', after);
			return () => {
				window.removeEventListener('beforeprint', before);
				window.removeEventListener('afterprint', after);
			};
		});
	}

	get chartTheme(): ChartTheme {
		return this.printing ? 'light' : theme.resolved;
	}
}

export const printMode = new PrintMode();

/**
 * A value computed after the next paint from inputs tracked now: secondary figures (KPI cards, the
 * accounts table) follow a change of view right after the chart, instead of holding the chart's
 * redraw back. The computation and what its value re-renders are two background pieces (the accounts
 * table's first figures and first render were one task of 130 ms, cold, in the way of a click).
 * Create it during a component's initialisation.
 */
export class AfterPaint<I, T> {
	#value = $state.raw<T | undefined>();

	constructor(inputs: () => I | null, compute: (inputs: I) => T) {
		$effect(() => {
			const args = inputs();
			if (args === null) {
				this.#value = undefined;
				return;
			}
			let publish: (() => void) | undefined;
			const cancel = afterPaint(() => {
				const value = compute(args);
				publish = inBackground(() => (this.#value = value));
			});
			return () => {
				cancel();
				publish?.();
			};
		});
	}

	get current(): T | undefined {
		return this.#value;
	}
}

/**
 * Like AfterPaint, for a computation that answers later (a worker): started after the next paint,
 * its answer shown as a background piece (an answer arriving between a click's redraw and its frame
 * waits for the frame), and only the answer for the latest inputs is kept. A change of view never waits for the answer
 * to an earlier one: that answer is dropped (`compute` may also resolve to null for it). The last
 * value stays on screen until the new one comes. Create it during a component's initialisation.
 */
export class Latest<I, T> {
	#value = $state.raw<T | undefined>();
	#error = $state.raw<unknown>();

	constructor(inputs: () => I | null, compute: (inputs: I) => Promise<T | null>) {
		$effect(() => {
			const args = inputs();
			if (args === null) {
				this.#value = undefined;
				this.#error = undefined;
				return;
			}
			let stale = false;
			let show: (() => void) | undefined;
			const cancel = afterPaint(() => {
				compute(args).then(
					(value) => {
						if (stale || value === null) return;
						show = inBackground(() => {
							this.#value = value;
							this.#error = undefined;
						});
					},
					(error: unknown) => {
						if (!stale) this.#error = error;
					}
				);
			});
			return () => {
				stale = true;
				cancel();
				show?.();
			};
		});
	}

	get current(): T | undefined {
		return this.#value;
	}

	/** The latest computation's failure, if it failed. */
	get error(): unknown {
		return this.#error;
	}
}
