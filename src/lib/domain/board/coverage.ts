/**
 * The coverage matrix: audience segments (rows) by accounts (columns). A row is a declared segment,
 * region or language, or a measured audience category that makes up a real part of some account's
 * audience. It shows which segments would lose their last channel if an account went, and which are
 * served three times over — the evidence for "keep" and for "merge".
 */
import { FAMILY_LABELS, type ReachFamily } from './categories';
import type { ReachModel } from './reach';
import { columnOf, isSurviving, type DecisionMap } from './types';

export interface CoverageCell {
	/** The account declares this segment, region or language. */
	declared: boolean;
	/** Share of the account's audience in this category, from its breakdown; null when not measured. */
	measuredShare: number | null;
	/** The account counts as a channel for this row: declared, or measured at or above the threshold. */
	serves: boolean;
	/** How strongly: the measured share, else the declared share (1 ÷ number of declared values), else 0. */
	strength: number;
}

export type CoverageRowKind = 'segment' | 'region' | 'language' | 'audience';

export interface CoverageRow {
	/** `family:key`, stable across imports. */
	id: string;
	family: ReachFamily;
	familyLabel: string;
	kind: CoverageRowKind;
	key: string;
	label: string;
	/** By account, in the matrix's account order. */
	cells: CoverageCell[];
	/** Indexes of the accounts that serve this row. */
	servedBy: number[];
}

export interface CoverageMatrix {
	accountIds: string[];
	rows: CoverageRow[];
	/** Measured share from which an account counts as serving a category. */
	measuredThreshold: number;
}

export interface CoverageOptions {
	/** Default 0.05: an account serves a measured category that holds 5% or more of its audience. */
	measuredThreshold?: number;
}

function kindOf(family: ReachFamily): CoverageRowKind {
	if (family === 'segment') return 'segment';
	if (family === 'geography') return 'region';
	if (family === 'language') return 'language';
	return 'audience';
}

export function buildCoverageMatrix(model: ReachModel, options: CoverageOptions = {}): CoverageMatrix {
	const threshold = options.measuredThreshold ?? 0.05;
	const accountCount = model.accountIds.length;
	const rows: CoverageRow[] = [];
	model.families.forEach(({ family, keys, labels }, familyIndex) => {
		keys.forEach((key, category) => {
			const cells: CoverageCell[] = [];
			const servedBy: number[] = [];
			for (let account = 0; account < accountCount; account++) {
				const declaredProfile = model.declared[account][familyIndex];
				const used = model.profiles[account][familyIndex];
				const measured = used?.source === 'measured' ? used : undefined;
				const declaredShare = declaredProfile?.dense[category] ?? 0;
				const measuredShare = measured ? measured.dense[category] : null;
				const declared = declaredShare > 0;
				const serves = declared || (measuredShare !== null && measuredShare >= threshold);
				cells.push({ declared, measuredShare, serves, strength: measuredShare ?? declaredShare });
				if (serves) servedBy.push(account);
			}
			// a category every account has only a sliver of is noise, not a segment
			if (servedBy.length === 0) return;
			rows.push({
				id: `${family}:${key}`,
				family,
				familyLabel: FAMILY_LABELS[family],
				kind: kindOf(family),
				key,
				label: labels[category],
				cells,
				servedBy
			});
		});
	});
	const familyOrder = new Map(model.families.map(({ family }, index) => [family, index]));
	rows.sort(
		(a, b) =>
			familyOrder.get(a.family)! - familyOrder.get(b.family)! ||
			b.servedBy.length - a.servedBy.length ||
			a.label.localeCompare(b.label)
	);
	return { accountIds: [...model.accountIds], rows, measuredThreshold: threshold };
}

export interface CoverageRowStatus {
	rowId: string;
	/** Surviving accounts (Keep or undecided) that serve the row. */
	channels: string[];
	/** Every account that serves it, whatever its decision. */
	allChannels: string[];
}

export interface CoverageStatus {
	rows: CoverageRowStatus[];
	/**
	 * For each account, the rows it serves that no OTHER surviving account serves: for a surviving
	 * account, what loses its last channel if it is retired; for a retired or merged one, what was lost with it.
	 */
	lastChannel: Record<string, string[]>;
	/** Rows served by three or more surviving accounts. */
	servedThreeTimes: string[];
	/** Rows some account serves but no surviving account does. */
	uncovered: string[];
}

export function coverageStatus(matrix: CoverageMatrix, decisions: DecisionMap): CoverageStatus {
	const surviving = matrix.accountIds.map((id) => isSurviving(columnOf(decisions, id)));
	const lastChannel: Record<string, string[]> = Object.fromEntries(matrix.accountIds.map((id) => [id, []]));
	const servedThreeTimes: string[] = [];
	const uncovered: string[] = [];
	const rows = matrix.rows.map((row) => {
		const channels = row.servedBy.filter((account) => surviving[account]);
		if (channels.length >= 3) servedThreeTimes.push(row.id);
		if (channels.length === 0) uncovered.push(row.id);
		for (const account of row.servedBy) {
			const others = channels.length - (surviving[account] ? 1 : 0);
			if (others === 0) lastChannel[matrix.accountIds[account]].push(row.id);
		}
		return {
			rowId: row.id,
			channels: channels.map((account) => matrix.accountIds[account]),
			allChannels: row.servedBy.map((account) => matrix.accountIds[account])
		};
	});
	return { rows, lastChannel, servedThreeTimes, uncovered };
}
