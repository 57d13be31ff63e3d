/**
 * Card order inside a board column. Each decision stores a sort key; a card dropped between two
 * cards takes the midpoint of their keys, so a move writes one record instead of renumbering the
 * column. Cards without a stored decision sit in Undecided with their inventory position as key.
 */
import { BOARD_COLUMNS, type BoardColumn } from '$lib/domain/board';

export interface CardPlace {
	accountId: string;
	column: BoardColumn;
	/** The sort key inside the column. */
	order: number;
	/** True when the key is only the inventory position (no decision stored yet). */
	virtual: boolean;
}

export type BoardLayout = Record<BoardColumn, string[]>;

/**
 * Orders every account into its column: by stored key, then by inventory position, so cards
 * without a decision keep the inventory's order and a tie never shuffles between renders.
 */
export function layoutColumns(
	accountIds: readonly string[],
	decisions: ReadonlyMap<string, { column: BoardColumn; order: number }>
): { layout: BoardLayout; places: Map<string, CardPlace> } {
	const places = new Map<string, CardPlace>();
	const position = new Map(accountIds.map((id, index) => [id, index]));
	const layout: BoardLayout = { undecided: [], keep: [], merge: [], retire: [] };
	accountIds.forEach((accountId, index) => {
		const decision = decisions.get(accountId);
		const place: CardPlace = decision
			? { accountId, column: decision.column, order: decision.order, virtual: false }
			: { accountId, column: 'undecided', order: index, virtual: true };
		places.set(accountId, place);
		layout[place.column].push(accountId);
	});
	for (const column of BOARD_COLUMNS) {
		layout[column].sort(
			(a, b) => places.get(a)!.order - places.get(b)!.order || position.get(a)! - position.get(b)!
		);
	}
	return { layout, places };
}

/**
 * The sort key for a card placed at `index` among `neighbours` (the column's keys in order, without
 * the moving card). Null when the two neighbours are so close that no number fits between them:
 * the column then needs renumbering first.
 */
export function orderAt(neighbours: readonly number[], index: number): number | null {
	const at = Math.max(0, Math.min(index, neighbours.length));
	if (neighbours.length === 0) return 0;
	if (at === 0) return neighbours[0] - 1;
	if (at === neighbours.length) return neighbours[neighbours.length - 1] + 1;
	const before = neighbours[at - 1];
	const after = neighbours[at];
	const middle = before + (after - before) / 2;
	return middle > before && middle < after ? middle : null;
}

/** `items` with `item` taken out and put back at `index` (clamped). */
export function placeAt<T>(items: readonly T[], item: T, index: number): T[] {
	const rest = items.filter((one) => one !== item);
	const at = Math.max(0, Math.min(index, rest.length));
	return [...rest.slice(0, at), item, ...rest.slice(at)];
}

export interface CardBox {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/**
 * The insertion index for a pointer at (x, y) over a column whose cards (without the dragged one)
 * sit in these boxes, in order. In a single file of cards the pointer goes before the first card
 * whose middle is below it; where cards stand side by side in rows, before the first card that is
 * on a lower row or to the right of the pointer on its row.
 */
export function dropIndex(boxes: readonly CardBox[], x: number, y: number): number {
	const inRows = boxes.some((box, index) => index > 0 && Math.abs(box.top - boxes[index - 1].top) < 1);
	for (let index = 0; index < boxes.length; index++) {
		const box = boxes[index];
		if (y < box.top) return index;
		if (y > box.bottom) continue;
		if (inRows ? x < (box.left + box.right) / 2 : y < (box.top + box.bottom) / 2) return index;
	}
	return boxes.length;
}

/** The column to the left (-1) or right (+1) of `column`, or null at the board's edge. */
export function neighbourColumn(column: BoardColumn, step: -1 | 1): BoardColumn | null {
	const index = BOARD_COLUMNS.indexOf(column) + step;
	return index >= 0 && index < BOARD_COLUMNS.length ? BOARD_COLUMNS[index] : null;
}
