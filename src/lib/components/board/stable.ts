/**
 * Keeping what did not change. On every card move the board's state derives new objects for every
 * account (reach estimates, suggestions, decision records and history read back from storage), and a
 * card re-renders the parts that read a prop whose object is new, even when it equals the last one.
 * Handing back the previous object wherever the new one is equal limits a move's re-rendering to the
 * cards whose figures really changed (with 40 accounts, the re-rendering of every card was most of a
 * move's script time).
 *
 * ## Usage
 * ```ts
 * let last: Record<string, Recommendation> | undefined;
 * const recommendations = $derived((last = keepEqualValues(last, recommendAll(context))));
 * ```
 */

/**
 * Whether two values hold the same data: primitives by value (NaN equals NaN), arrays and plain
 * objects member by member, typed arrays element by element. Other objects (maps, dates, class
 * instances) are equal only when they are the same object, which errs on the side of re-rendering.
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) if (!sameData(a[index], b[index])) return false;
		return true;
	}
	if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
		if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
		const first = a as unknown as ArrayLike<unknown>;
		const second = b as unknown as ArrayLike<unknown>;
		if (first.length !== second.length) return false;
		for (let index = 0; index < first.length; index++) if (!sameData(first[index], second[index])) return false;
		return true;
	}
	if (!isPlain(a) || !isPlain(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) {
		if (!Object.hasOwn(b, key)) return false;
		if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

function isPlain(value: object): boolean {
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * `next`, with each value that equals the previous one under the same key replaced by that previous
 * object; the previous record itself when nothing changed at all (same keys, every value equal).
 */
export function keepEqualValues<T>(
	previous: Readonly<Record<string, T>> | undefined,
	next: Readonly<Record<string, T>>
): Readonly<Record<string, T>> {
	if (!previous) return next;
	const nextKeys = Object.keys(next);
	let unchanged = nextKeys.length === Object.keys(previous).length;
	const kept: Record<string, T> = {};
	for (const key of nextKeys) {
		const value = next[key];
		const before = Object.hasOwn(previous, key) ? previous[key] : undefined;
		if (before !== undefined && sameData(before, value)) kept[key] = before;
		else {
			kept[key] = value;
			unchanged = false;
		}
	}
	return unchanged ? previous : kept;
}

/** The same as keepEqualValues, for maps (keeps the order of `next`). */
export function keepEqualEntries<K, V>(previous: ReadonlyMap<K, V> | undefined, next: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
	if (!previous) return next;
	let unchanged = next.size === previous.size;
	const kept = new Map<K, V>();
	for (const [key, value] of next) {
		const before = previous.get(key);
		if (before !== undefined && sameData(before, value)) kept.set(key, before);
		else {
			kept.set(key, value);
			unchanged = false;
		}
	}
	return unchanged ? previous : kept;
}
