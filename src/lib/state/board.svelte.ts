/**
 * The consolidation board's live state: the stored accounts, series, posts, breakdowns and
 * decisions (each one Dexie liveQuery), and what the board core derives from them.
 *
 * Two speeds on purpose: the portfolio analysis (facts, flags, reach model, coverage matrix) is
 * derived from the data tables only, so it runs again when an import or an inventory edit lands,
 * never when a card moves; the plan summary, reach estimates, coverage status and suggestions are
 * derived from the analysis and the decisions, and are cheap enough to follow every move.
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
import { breakdownsByAccount, groupBy, indexBy, postsByAccount, seriesByAccount } from '$lib/components/board/board-data';
import { distinctLabels } from '$lib/components/board/labels';
import { layoutColumns, orderAt, placeAt } from '$lib/components/board/ordering';
import { Live } from './live.svelte';

export interface MoveDetails {
	mergeTargetId?: string | null;
	/** Left out: a reorder keeps the rationale; a move into Keep or Undecided clears it. */
	rationale?: string;
}

export class BoardState {
	readonly today = todayDay();

	#accounts = new Live(() => listAccounts(db()));
	#series = new Live(seriesByAccount);
	#posts = new Live(postsByAccount);
	#breakdowns = new Live(breakdownsByAccount);
	#decisions = new Live(() => listDecisions(db()));
	#history = new Live(() => getDecisionHistory(db()));

	get accounts(): AccountRecord[] | undefined {
		return this.#accounts.current;
	}

	get decisionRecords(): DecisionRecord[] | undefined {
		return this.#decisions.current;
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

	readonly decisionMap: DecisionMap = $derived(
		Object.fromEntries(
			(this.#decisions.current ?? []).map((record) => [
				record.accountId,
				{ column: record.column, mergeTargetId: record.mergeTargetId, rationale: record.rationale }
			])
		)
	);
	readonly decisionById = $derived(indexBy(this.#decisions.current ?? [], (record) => record.accountId));

	readonly board = $derived(layoutColumns((this.#accounts.current ?? []).map((account) => account.id), this.decisionById));
	readonly columns = $derived(this.board.layout);

	readonly summary = $derived(this.plan ? planSummary(this.plan, this.decisionMap) : undefined);
	readonly reach = $derived(this.analysis ? estimateAllUniqueReach(this.analysis.reach, this.decisionMap) : undefined);
	readonly coverage = $derived(this.analysis ? coverageStatus(this.analysis.coverage, this.decisionMap) : undefined);
	readonly recommendations = $derived(this.analysis ? recommendAll({ ...this.analysis, decisions: this.decisionMap }) : undefined);

	readonly historyByAccount = $derived(groupBy(this.#history.current ?? [], (entry) => entry.accountId, (entry) => entry));

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
		const keys = () => others.map((id) => this.board.places.get(id)!.order);
		let order = orderAt(keys(), index);
		if (order === null) {
			// two keys so close that nothing fits between them: space the column out first (a reorder,
			// not a decision, so it leaves the history alone)
			const spaced = placeAt(others, accountId, index);
			for (const [position, id] of spaced.entries()) {
				const record = this.decisionById.get(id);
				if (id === accountId || !record) continue;
				await moveDecision(database, id, { column, order: position, mergeTargetId: record.mergeTargetId });
			}
			order = spaced.indexOf(accountId);
		}
		const previous = this.decisionById.get(accountId);
		const sameColumn = (previous?.column ?? 'undecided') === column;
		const rationale = details.rationale ?? (sameColumn || column === 'merge' || column === 'retire' ? undefined : '');
		const mergeTargetId = column === 'merge' ? (details.mergeTargetId ?? previous?.mergeTargetId ?? null) : null;
		await moveDecision(database, accountId, { column, order, mergeTargetId, rationale });
		const at = Math.max(0, Math.min(index, others.length));
		return { position: at + 1, of: others.length + 1 };
	}

	/** Takes back an account's last decision; false when it had none. */
	undo(accountId: string): Promise<boolean> {
		return undoLastDecision(db(), accountId);
	}
}
