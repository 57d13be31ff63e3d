/**
 * The arithmetic of a windowed list: which items of a long list of cards of different heights are
 * near the viewport, and how much room the ones left out take, so only those few are in the page
 * while the scroll bar and every card's position stay what they would be with all of them drawn.
 *
 * Heights are the measured ones where a card has been drawn, an estimate (the mean of the measured
 * ones) elsewhere. Pure, so it is tested in Node; the component (ImportPreview.svelte) feeds it
 * the measurements and the viewport.
 */

export interface ListLayout {
	/** Where each item starts, from the top of the list, in px (each item's slot includes the gap after it). */
	readonly offsets: Float64Array;
	/** The slot of each item: its height plus the gap after it. */
	readonly sizes: Float64Array;
	/** The whole list's height. */
	readonly total: number;
}

/** The height used for a card never drawn: the mean of the measured ones, else `fallback`. */
export function estimateSize(measured: Iterable<number>, fallback: number): number {
	let sum = 0;
	let count = 0;
	for (const size of measured) {
		sum += size;
		count++;
	}
	return count > 0 ? sum / count : fallback;
}

/**
 * Lays the items out one after the other: `sizeOf(key)` is an item's measured height, or undefined
 * when it has not been drawn yet (`estimate` is used then); `gap` separates two items.
 */
export function layoutList(keys: readonly string[], sizeOf: (key: string) => number | undefined, estimate: number, gap: number): ListLayout {
	const offsets = new Float64Array(keys.length);
	const sizes = new Float64Array(keys.length);
	let at = 0;
	for (let index = 0; index < keys.length; index++) {
		offsets[index] = at;
		sizes[index] = (sizeOf(keys[index]) ?? estimate) + gap;
		at += sizes[index];
	}
	return { offsets, sizes, total: at };
}

/**
 * The items that overlap [from, to) (px from the top of the list), as an inclusive index range, or
 * null when none does (an empty list, or the span is wholly above or below it).
 */
export function rangeIn(layout: ListLayout, from: number, to: number): [number, number] | null {
	const count = layout.offsets.length;
	if (count === 0 || to <= 0 || from >= layout.total || to <= from) return null;
	// the first item whose end is below `from`
	let low = 0;
	let high = count - 1;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (layout.offsets[middle] + layout.sizes[middle] > from) high = middle;
		else low = middle + 1;
	}
	const first = low;
	// the last item that starts above `to`
	low = first;
	high = count - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (layout.offsets[middle] < to) low = middle;
		else high = middle - 1;
	}
	return [first, low];
}

/**
 * The range to draw: `previous` while it still holds all of `needed` (the viewport with a small
 * margin), else `wanted` (the viewport with the full margin). Small changes of the layout or of the
 * scroll position then leave the drawn cards as they are, and the window moves by a margin's worth
 * at a time rather than a card at a time.
 */
export function stickyRange(
	previous: [number, number] | null,
	needed: [number, number] | null,
	wanted: [number, number] | null
): [number, number] | null {
	if (previous && needed && previous[0] <= needed[0] && needed[1] <= previous[1]) return previous;
	return wanted;
}

/**
 * The indexes to draw: the range near the viewport, plus `pinned` ones wherever they are (the card
 * that holds the focus, the next card that needs the person), in list order without repeats.
 */
export function indexesToDraw(range: [number, number] | null, pinned: Iterable<number>, count: number): number[] {
	const drawn = new Set<number>();
	if (range) for (let index = range[0]; index <= Math.min(range[1], count - 1); index++) drawn.add(index);
	for (const index of pinned) if (index >= 0 && index < count) drawn.add(index);
	return [...drawn].sort((a, b) => a - b);
}

/**
 * The room each drawn item leaves above itself for the items not drawn before it (its top margin),
 * and the room left below the last drawn one, so that every drawn item sits at its offset.
 */
export function spacing(layout: ListLayout, drawn: readonly number[]): { before: number[]; after: number } {
	const before: number[] = [];
	let end = 0;
	for (const index of drawn) {
		before.push(Math.max(0, layout.offsets[index] - end));
		end = layout.offsets[index] + layout.sizes[index];
	}
	return { before, after: Math.max(0, layout.total - end) };
}

/**
 * The first index after `after` (wrapping round to the start) for which `wanted` holds, or -1: "the
 * next file that needs an account" from where the person is.
 */
export function nextIndex(count: number, after: number, wanted: (index: number) => boolean): number {
	for (let step = 1; step <= count; step++) {
		const index = (((after + step) % count) + count) % count;
		if (wanted(index)) return index;
	}
	return -1;
}
