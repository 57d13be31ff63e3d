/**
 * The consolidation board's live state: the stored accounts, series, posts, breakdowns and
 * decisions (each one Dexie liveQuery), and what the board core derives from them.
 *
 * Two speeds on purpose: the portfolio analysis (facts, flags, reach model, coverage matrix) is
 * derived from the data tables only, so it runs again when an import or an inventory edit lands,
 * never when a card moves; the plan summary, reach estimates, coverage status and suggestions are
 * derived from the analysis and the decisions, and are cheap enough to follow every move (about
 * 3 ms for 40 accounts, most of it the suggestions).
 *
 * A move is shown before it is stored (see components/board/pending.ts), and every per-account value
 * a card reads keeps its previous object while it is equal (components/board/stable.ts), so a move
 * re-renders only the cards whose figures change: with 40 accounts, waiting for storage and
 * re-rendering every card were what made a move slow, not the plan's arithmetic.
 *
 * ## Usage
 * ```svelte
 * const board = new BoardState();            // in a page's script: lives as long as the page
 * {#if board.analysis} {board.summary?.accounts.after} {/if}
 * await board.move('x:acme', 'retire', 0, { rationale: 'No posts since 2023' });
 * ```
 */
import { db } from '$lib/db/database';
import { getDecisionHistory, listAccounts, listDecisions, moveDecision, undoLastDecision } from '$lib/db/queries';
import {
	analyzePortfolio,
	coverageStatus,
	estimateAllUniqueReach,
	overlapMatrix,
	planSummary,
	preparePlan,
	recommendAll,
	type AccountInput,
	type BoardColumn,
	type DecisionMap
} from '$lib/domain/board';
import { todayDay } from '$lib/domain/days';
import type { AccountRecord, DecisionHistoryRecord, DecisionRecord } from '$lib/schemas/db-records';
import type { DecisionMove } from '$lib/db/queries';
import type { Recommendation, UniqueReachEstimate } from '$lib/domain/board';
import { breakdownsByAccount, groupBy, indexBy, postsByAccount, seriesByAccount } from '$lib/components/board/board-data';
import { distinctLabels } from '$lib/components/board/labels';
import { layoutColumns, orderAt, placeAt } from '$lib/components/board/ordering';
import { whileStoring } from './unload-guard';
import { expectedRecord, unsettled, withPending, type PendingDecision } from '$lib/components/board/pending';
import { keepEqualEntries, keepEqualValues } from '$lib/components/board/stable';
import { Live } from './live.svelte';

export interface MoveDetails {
	mergeTargetId?: string | null;
	/** Left out: a reorder keeps the rationale; a move into Keep or Undecided clears it. */
	rationale?: string;
}

/** A decision a move is writing, and the pending one it replaced (if the card was already moving). */
interface PendingMove {
	id: string;
	entry: PendingDecision;
	replaced: PendingDecision | undefined;
}

/** One object for "no history", so a card without any is not handed a new empty list on every change. */
const NO_HISTORY: readonly DecisionHistoryRecord[] = Object.freeze([]);

export class BoardState {
	readonly today = todayDay();

	#accounts = new Live(() => listAccounts(db()));
	#series = new Live(seriesByAccount);
	#posts = new Live(postsByAccount);
	#breakdowns = new Live(breakdownsByAccount);
	#decisions = new Live(() => listDecisions(db()));
	#history = new Live(() => getDecisionHistory(db()));
	/** Moves being written, shown already (replaced as a whole, never mutated). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
	#pending = $state.raw<ReadonlyMap<string, PendingDecision>>(new Map());

	// the previous results, so that equal values keep their objects (plain fields: written while
	// deriving, never read by a template)
	#last: {
		decisions?: ReadonlyMap<string, DecisionRecord>;
		history?: ReadonlyMap<string, readonly DecisionHistoryRecord[]>;
		reach?: Readonly<Record<string, UniqueReachEstimate>>;
		recommendations?: Readonly<Record<string, Recommendation>>;
		lastChannel?: Readonly<Record<string, string[]>>;
	} = {};

	get accounts(): AccountRecord[] | undefined {
		return this.#accounts.current;
	}

	/** The decisions as shown: the stored ones and the moves still being written. */
	get decisionRecords(): readonly DecisionRecord[] | undefined {
		return this.#records;
	}

	/** Newest first. */
	get history(): DecisionHistoryRecord[] | undefined {
		return this.#history.current;
	}

	/** The first error any query met (a record that failed its schema check, a closed database). */
	get error(): unknown {
		return (
			this.#accounts.error ?? this.#series.error ?? this.#posts.error ?? this.#breakdowns.error ?? this.#decisions.error ?? this.#history.error
		);
	}

	/** True once the inventory is known: enough to tell "no accounts" from "loading". */
	get accountsLoaded(): boolean {
		return this.#accounts.loaded;
	}

	readonly byId = $derived(indexBy(this.#accounts.current ?? [], (account) => account.id));
	readonly #labels = $derived(distinctLabels(this.#accounts.current ?? []));

	/** The account's name as the board shows it, with its platform where two names are alike. */
	labelOf(accountId: string): string {
		return this.#labels.get(accountId) ?? accountId;
	}

	readonly inputs: AccountInput[] | undefined = $derived.by(() => {
		const accounts = this.#accounts.current;
		const series = this.#series.current;
		const posts = this.#posts.current;
		const breakdowns = this.#breakdowns.current;
		if (!accounts || !series || !posts || !breakdowns) return undefined;
		return accounts.map((account) => ({
			account,
			series: series.get(account.id) ?? [],
			posts: posts.get(account.id) ?? [],
			breakdowns: breakdowns.get(account.id) ?? []
		}));
	});

	/** Facts, flags, reach model and coverage matrix: recomputed when the data changes, not on moves. */
	readonly analysis = $derived(this.inputs ? analyzePortfolio(this.inputs, this.today) : undefined);
	readonly plan = $derived(this.analysis ? preparePlan(this.analysis) : undefined);
	/** Every pair of accounts; only computed when a view reads it. */
	readonly overlap = $derived(this.analysis ? overlapMatrix(this.analysis.reach) : undefined);

	readonly #records = $derived(withPending(this.#decisions.current, this.#pending));

	readonly decisionById: ReadonlyMap<string, DecisionRecord> = $derived(
		(this.#last.decisions = keepEqualEntries(
			this.#last.decisions,
			indexBy(this.#records ?? [], (record) => record.accountId)
		))
	);
	/**
	 * From decisionById, which keeps its object while the decisions are equal: when storage catches up
	 * with a move already shown, the plan, reach and suggestions are not worked out again.
	 */
	readonly decisionMap: DecisionMap = $derived(
		Object.fromEntries(
			[...this.decisionById.values()].map((record) => [
				record.accountId,
				{ column: record.column, mergeTargetId: record.mergeTargetId, rationale: record.rationale }
			])
		)
	);

	readonly board = $derived(layoutColumns((this.#accounts.current ?? []).map((account) => account.id), this.decisionById));
	readonly columns = $derived(this.board.layout);

	readonly summary = $derived(this.plan ? planSummary(this.plan, this.decisionMap) : undefined);
	readonly reach = $derived(
		this.analysis
			? (this.#last.reach = keepEqualValues(this.#last.reach, estimateAllUniqueReach(this.analysis.reach, this.decisionMap)))
			: undefined
	);
	readonly coverage = $derived(this.analysis ? coverageStatus(this.analysis.coverage, this.decisionMap) : undefined);
	/** Per account, the coverage rows for which it is the last remaining channel. */
	readonly lastChannel = $derived(
		this.coverage ? (this.#last.lastChannel = keepEqualValues(this.#last.lastChannel, this.coverage.lastChannel)) : undefined
	);
	readonly recommendations = $derived(
		this.analysis
			? (this.#last.recommendations = keepEqualValues(
					this.#last.recommendations,
					recommendAll({ ...this.analysis, decisions: this.decisionMap })
				))
			: undefined
	);

	readonly historyByAccount: ReadonlyMap<string, readonly DecisionHistoryRecord[]> = $derived(
		(this.#last.history = keepEqualEntries(
			this.#last.history,
			groupBy(this.#history.current ?? [], (entry) => entry.accountId, (entry) => entry)
		))
	);

	/** An account's moves, newest first. */
	historyOf(accountId: string): readonly DecisionHistoryRecord[] {
		return this.historyByAccount.get(accountId) ?? NO_HISTORY;
	}

	columnOf(accountId: string): BoardColumn {
		return this.board.places.get(accountId)?.column ?? 'undecided';
	}

	/**
	 * Puts a card at `index` of `column` (an index among the column's cards without the moving one).
	 * Returns the card's position in its new column and the column's length, for the announcement.
	 */
	async move(accountId: string, column: BoardColumn, index: number, details: MoveDetails = {}): Promise<{ position: number; of: number }> {
		const database = db();
		const others = this.columns[column].filter((id) => id !== accountId);
		const writes: [string, DecisionMove][] = [];
		let order = orderAt(
			others.map((id) => this.board.places.get(id)!.order),
			index
		);
		if (order === null) {
			// two keys so close that nothing fits between them: space the column out first (a reorder,
			// not a decision, so it leaves the history alone)
			const spaced = placeAt(others, accountId, index);
			for (const [position, id] of spaced.entries()) {
				const record = this.decisionById.get(id);
				if (id === accountId || !record) continue;
				writes.push([id, { column, order: position, mergeTargetId: record.mergeTargetId }]);
			}
			order = spaced.indexOf(accountId);
		}
		const previous = this.decisionById.get(accountId);
		const sameColumn = (previous?.column ?? 'undecided') === column;
		const rationale = details.rationale ?? (sameColumn || column === 'merge' || column === 'retire' ? undefined : '');
		const mergeTargetId = column === 'merge' ? (details.mergeTargetId ?? previous?.mergeTargetId ?? null) : null;
		writes.push([accountId, { column, order, mergeTargetId, rationale }]);

		// shown at once: the card and the plan follow in the frame of the click, not after the write
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a time stamp, not state
		const now = new Date();
		const pending = unsettled(this.#decisions.current, this.#pending);
		const entries = writes.map(([id, move]): PendingMove => ({
			id,
			entry: { record: expectedRecord(id, move, this.decisionById.get(id), now) },
			replaced: pending.get(id)
		}));
		for (const { id, entry } of entries) pending.set(id, entry);
		this.#pending = pending;
		try {
			// shown but not yet stored: leaving the page now would lose it, so the browser asks first
			await whileStoring(
				(async () => {
					for (const [id, move] of writes) await moveDecision(database, id, move, now);
				})()
			);
		} catch (error) {
			this.#settle(entries, false);
			throw error;
		}
		this.#settle(entries, true);
		const at = Math.max(0, Math.min(index, others.length));
		return { position: at + 1, of: others.length + 1 };
	}

	/**
	 * After a move's writes: on success, its pending decisions give way to the next stored ones; on
	 * failure, they go at once and the cards go back to where they were shown before (an earlier move
	 * of the same card may still be on its way to storage). Entries a later move replaced are left alone.
	 */
	#settle(entries: PendingMove[], written: boolean) {
		const stored = this.#decisions.current;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built here, then replaces #pending whole
		const pending = new Map(this.#pending);
		for (const { id, entry, replaced } of entries) {
			if (pending.get(id) !== entry) continue;
			if (written) pending.set(id, { ...entry, storedAtWrite: stored });
			else if (replaced) pending.set(id, replaced);
			else pending.delete(id);
		}
		this.#pending = unsettled(stored, pending);
	}

	/** Takes back an account's last decision; false when it had none. */
	undo(accountId: string): Promise<boolean> {
		return undoLastDecision(db(), accountId);
	}
}
