import type { BoardColumn } from './types';

/** A card moved on the board. */
export interface BoardMove {
	column: BoardColumn;
	/** Sort key inside the column; a drop between two cards takes the midpoint of their orders. */
	order: number;
	/** The account this one merges into; only kept for the `merge` column. */
	mergeTargetId?: string | null;
	/** Why; when left out, the previous rationale stays. */
	rationale?: string;
}

/** A stored decision, as storage keeps it (schemas/db-records.ts `DecisionRecord` fits this shape). */
export interface MovedDecision {
	accountId: string;
	column: BoardColumn;
	order: number;
	mergeTargetId: string | null;
	rationale: string;
	decidedAt: string;
}

/**
 * The decision a move leaves, and whether it is a decision at all. One rule for storage (which
 * writes it and its history entry) and for the board (which shows it before storage has it).
 * An account with no record is Undecided: reordering it within Undecided, or any reorder within a
 * column, decides nothing, so it keeps its decision time and leaves no history entry.
 */
export function decisionAfterMove(
	accountId: string,
	move: BoardMove,
	previous: MovedDecision | null | undefined,
	at: string
): { next: MovedDecision; isDecision: boolean } {
	const mergeTargetId = move.column === 'merge' ? (move.mergeTargetId ?? null) : null;
	const rationale = move.rationale ?? previous?.rationale ?? '';
	const before = previous ?? { column: 'undecided', mergeTargetId: null, rationale: '' };
	const isDecision = before.column !== move.column || before.mergeTargetId !== mergeTargetId || before.rationale !== rationale;
	return {
		next: { accountId, column: move.column, order: move.order, mergeTargetId, rationale, decidedAt: !isDecision && previous ? previous.decidedAt : at },
		isDecision
	};
}
