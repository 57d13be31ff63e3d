// Injected into every benchmark page before the app's own scripts (page.addInitScript). Plain
// browser JavaScript; it only observes: long tasks, when elements appear, when the person acts, and
// when a visible canvas is drawn on. Everything lands on `window.__bench`.
(() => {
	if (window.__bench) return;
	const bench = {
		/** Main-thread tasks over 50 ms: { start, duration } in ms since navigation start. */
		longTasks: [],
		/** The last user action the page saw: { type, time, target }. */
		actions: [],
		/** Named moments (ms since navigation start) recorded by watchers. */
		moments: {},
		/** Canvas drawing per chart (data-testid of the nearest marked ancestor), see below. */
		canvas: {},
		/** The same over every visible canvas. */
		canvasAll: { first: null, last: null, calls: 0, firstPainted: null, lastPainted: null, pending: false },
		watchers: []
	};
	window.__bench = bench;

	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		bench.longTasksUnsupported = true;
	}

	for (const type of ['click', 'change', 'input', 'submit', 'keydown']) {
		window.addEventListener(
			type,
			(event) => {
				const target = event.target instanceof Element ? event.target.getAttribute('data-testid') ?? event.target.tagName : '';
				bench.actions.push({ type, time: performance.now(), target });
			},
			true
		);
	}

	// Records `name` the first time `test()` holds after a DOM change (checked right after each
	// mutation), and `name:painted` when the next frame has been produced.
	// The observer is connected only while a watcher waits, so the page pays nothing otherwise.
	let observer = null;
	bench.watch = (name, test) => {
		delete bench.moments[name];
		delete bench.moments[`${name}:painted`];
		bench.watchers.push({ name, test });
		bench.check();
		if (bench.watchers.length > 0 && !observer && document.documentElement) {
			observer = new MutationObserver(() => bench.check());
			observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
		}
	};
	bench.check = () => {
		if (bench.watchers.length === 0) {
			observer?.disconnect();
			observer = null;
			return;
		}
		const now = performance.now();
		bench.watchers = bench.watchers.filter((watcher) => {
			let hit;
			try {
				hit = Boolean(watcher.test());
			} catch {
				hit = false;
			}
			if (hit) {
				bench.moments[watcher.name] = now;
				// and when the frame showing it was produced
				requestAnimationFrame(() => setTimeout(() => (bench.moments[`${watcher.name}:painted`] = performance.now())));
			}
			return !hit;
		});
		if (bench.watchers.length === 0) {
			observer?.disconnect();
			observer = null;
		}
	};
	// Draw calls on canvases that are in the page and have a size (Chart.js draws through these),
	// by the data-testid of the nearest marked ancestor ('' when none). `painted` is the time the
	// frame after a draw was produced: a rAF callback runs before the frame, a task after it.
	const frameKey = (canvas) => canvas.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
	const frameState = (key) => {
		let state = bench.canvas[key];
		if (!state) state = bench.canvas[key] = { first: null, last: null, calls: 0, firstPainted: null, lastPainted: null, pending: false };
		return state;
	};
	const proto = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
	if (proto) {
		for (const name of ['clearRect', 'fillRect', 'strokeRect', 'fill', 'stroke', 'fillText', 'drawImage']) {
			const original = proto[name];
			proto[name] = function (...args) {
				const result = original.apply(this, args);
				const canvas = this.canvas;
				if (canvas && canvas.isConnected && canvas.width > 0 && canvas.height > 0) {
					const now = performance.now();
					const key = frameKey(canvas);
					for (const state of [frameState(key), bench.canvasAll]) {
						if (state.first === null) state.first = now;
						state.last = now;
						state.calls++;
						if (!state.pending) {
							state.pending = true;
							requestAnimationFrame(() =>
								setTimeout(() => {
									const painted = performance.now();
									// the harness waits for this instead of polling the page while it opens
									if (state.firstPainted === null && state !== bench.canvasAll) console.debug(`__bench:painted ${key}`);
									if (state.firstPainted === null) state.firstPainted = painted;
									state.lastPainted = painted;
									state.pending = false;
								})
							);
						}
					}
				}
				return result;
			};
		}
	}

	/** Resolves after the next frame has been produced (rAF, then a task after it). */
	bench.nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
})();
