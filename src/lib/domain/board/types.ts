/**
 * Inputs of the consolidation board. They mirror what storage keeps per account, as plain objects,
 * so the board core runs in Node tests and in a Web Worker alike.
 */
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import type { BreakdownDimension, Platform } from '../model';

/**
 * An account in the inventory. Empty strings mean "not recorded". A stored account record
 * (schemas/db-records.ts) fits this shape as it is.
 */
export interface BoardAccount {
	id: string;
	platform: Platform;
	/** Without a leading @; null or absent when the platform has none (a blog, a page without a vanity name). */
	handle?: string | null;
	displayName?: string;
	url?: string;
	/** The person or team responsible; empty when nobody is. */
	owner?: string;
	admins: string[];
	/** Declared customer segments ("SMB", "Developers"). */
	segments: string[];
	productLines: string[];
	/** Declared regions or countries ("DE", "Germany", "DACH"). */
	regions: string[];
	/** Declared languages ("de", "German"). */
	languages: string[];
	purpose?: string;
	notes?: string;
}

/** One metric of one account, one slot per day from startDay on; NaN is a day without data. */
export interface BoardSeries {
	metric: MetricKey;
	startDay: DayNumber;
	values: Float64Array;
}

export interface BoardPost {
	postId: string;
	day: DayNumber | null;
	text: string;
	/** Lifetime metrics as of the export; absent = not in the export. */
	metrics: Partial<Record<MetricKey, number>>;
}

/** An audience snapshot: who follows or watches the account, by one dimension. */
export interface BoardBreakdown {
	dimension: BreakdownDimension;
	asOf: DayNumber;
	/** count = people or views; share = fraction of the audience (0..1, or 0..100 as some exports give it). */
	unit: 'count' | 'share';
	/** What was counted: 'followers', 'views', … */
	measure?: string;
	entries: { key: string; value: number }[];
}

/** Everything the board knows about one account. */
export interface AccountInput {
	account: BoardAccount;
	series: BoardSeries[];
	posts: BoardPost[];
	breakdowns: BoardBreakdown[];
}

export const BOARD_COLUMNS = ['undecided', 'keep', 'merge', 'retire'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export interface BoardDecision {
	column: BoardColumn;
	/** The account this one is merged into (only meaningful in the merge column). */
	mergeTargetId?: string | null;
	rationale?: string;
}

/** Decisions by account id; an account without an entry is undecided. */
export type DecisionMap = Readonly<Record<string, BoardDecision | undefined>>;

export function columnOf(decisions: DecisionMap, accountId: string): BoardColumn {
	return decisions[accountId]?.column ?? 'undecided';
}

/**
 * Accounts that still exist after the plan: kept ones and those not decided yet. Merged accounts
 * close (their audience is asked to move to the target), so they do not survive.
 */
export function isSurviving(column: BoardColumn): boolean {
	return column === 'keep' || column === 'undecided';
}

/** A low / point / high estimate. */
export interface Range {
	low: number;
	mid: number;
	high: number;
}
