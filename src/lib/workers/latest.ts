/**
 * Passes on the latest of a stream of values at most once per interval: the first at once, the
 * rest when the interval is over (only the newest one waiting). `cancel` drops a value still waiting.
 * For reports where only the newest counts (the parse workers' progress): the ones in between are
 * dropped, not queued.
 */
export function latestEvery<T>(intervalMs: number, apply: (value: T) => void): { push: (value: T) => void; cancel: () => void } {
	let waiting: { value: T } | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const fire = () => {
		timer = null;
		if (!waiting) return;
		const { value } = waiting;
		waiting = null;
		apply(value);
		timer = setTimeout(fire, intervalMs);
	};
	return {
		push(value) {
			waiting = { value };
			if (timer === null) fire();
		},
		cancel() {
			waiting = null;
			if (timer !== null) clearTimeout(timer);
			timer = null;
		}
	};
}
