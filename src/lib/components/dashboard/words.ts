/**
 * The dashboard's words for what its pure helpers and the core return as codes: KPI cards (card
 * ids, reason codes, notes with the accounts they are about) and chart layouts.
 */
import type { KpiCard, KpiComparison, KpiNote } from '$lib/domain/analytics/kpi';
import { t } from '$lib/i18n/i18n.svelte';
import { metricLabel } from '$lib/i18n/labels';
import { formatCount, formatPercent } from '$lib/state/format';
import type { FollowerFlowKind, FollowersResult } from '$lib/domain/analytics/derive';
import type { Grain } from '$lib/domain/analytics/grain';
import type { MetricSemantics } from '$lib/domain/metrics';
import type { MembershipChange } from '$lib/domain/analytics/aggregate';
import { dayText } from '$lib/i18n/analytics';
import type { SeriesWords } from './series';
import type { ChartLayout } from './view-query';

const list = (names: readonly string[]) => names.join(t('common:listSeparator'));

export function kpiLabel(card: Pick<KpiCard, 'id' | 'usesViews'>): string {
	switch (card.id) {
		case 'audience':
			return t('dashboard:kpi.label.audience');
		case 'impressions':
			return card.usesViews ? t('dashboard:kpi.label.impressionsViews') : metricLabel('impressions');
		case 'engagements':
			return metricLabel('engagements');
		case 'engagement_rate':
			return t('dashboard:kpi.label.engagementRate');
		case 'posts_published':
			return metricLabel('posts_published');
	}
}

/** How the number is computed, for the card's tooltip. */
export function kpiFormula(card: Pick<KpiCard, 'id' | 'staleDays'>): string {
	switch (card.id) {
		case 'audience':
			return t('dashboard:kpi.formula.audience', { days: card.staleDays });
		case 'impressions':
			return t('dashboard:kpi.formula.impressions');
		case 'engagements':
			return t('dashboard:kpi.formula.engagements', { fallback: t('dashboard:kpi.engagementFallback') });
		case 'engagement_rate':
			return t('dashboard:kpi.formula.engagementRate');
		case 'posts_published':
			return t('dashboard:kpi.formula.postsPublished');
	}
}

export function kpiNote(note: KpiNote): string {
	const accounts = list(note.accounts);
	switch (note.code) {
		case 'followers-rebuilt':
			return t('dashboard:kpi.note.followersRebuilt', { accounts });
		case 'no-followers':
			return t('dashboard:kpi.note.noFollowers', { accounts });
		case 'followers-stale':
			return t('dashboard:kpi.note.followersStale', { accounts, days: note.days ?? 0 });
		case 'views-used':
			return t('dashboard:kpi.note.viewsUsed', { accounts });
		case 'engagements-from-parts':
			return t('dashboard:kpi.note.engagementsFromParts', { accounts, fallback: t('dashboard:kpi.engagementFallback') });
		case 'posts-counted':
			return t('dashboard:kpi.note.postsCounted', { accounts });
	}
}

/** Why a comparison has no change, or undefined. */
export function kpiReason(comparison: KpiComparison): string | undefined {
	switch (comparison.reasonCode) {
		case 'no-current':
			return t('dashboard:kpi.reason.noCurrent');
		case 'no-reference':
			return t('dashboard:kpi.reason.noReference');
		case 'accounts-differ':
			return t('dashboard:kpi.reason.accountsDiffer', { accounts: list(comparison.reasonAccounts ?? []) });
		case 'low-coverage-current':
			return t('dashboard:kpi.reason.lowCoverageCurrent', { share: formatPercent(Math.round((comparison.reasonShare ?? 0) * 100) / 100) });
		case 'low-coverage-reference':
			return t('dashboard:kpi.reason.lowCoverageReference', { share: formatPercent(Math.round((comparison.reasonShare ?? 0) * 100) / 100) });
		case 'zero-reference':
			return t('dashboard:kpi.reason.zeroReference');
		default:
			return undefined;
	}
}

export function layoutLabel(layout: ChartLayout): string {
	switch (layout) {
		case 'total':
			return t('dashboard:layout.total');
		case 'accounts':
			return t('dashboard:layout.accounts');
		case 'platforms':
			return t('dashboard:layout.platforms');
		case 'stacked':
			return t('dashboard:layout.stacked');
	}
}

/** Why a rolling window cannot be drawn at this grain: `A 7-day window is shorter than two weeks`. */
export function rollingTooShort(days: number, grain: Grain): string {
	const values = { days: formatCount(days) };
	switch (grain) {
		case 'day':
			return t('dashboard:controls.rollingTooShort.day', values);
		case 'week':
			return t('dashboard:controls.rollingTooShort.week', values);
		case 'month':
			return t('dashboard:controls.rollingTooShort.month', values);
		case 'quarter':
			return t('dashboard:controls.rollingTooShort.quarter', values);
		case 'year':
			return t('dashboard:controls.rollingTooShort.year', values);
	}
}

/** A chart line that adds accounts up, with the accounts that join or leave it inside the range. */
export interface LineWithChanges {
	label: string;
	/** Set for a platform's total (lines or areas by platform), absent for the one total of all accounts. */
	platform?: string;
	changes?: readonly MembershipChange[];
}

/**
 * Below the chart: which accounts start or stop counting in a total, and when, so a total that
 * rises or falls because its accounts changed is not read as growth or loss. One sentence per day
 * and kind (accounts that leave on the same day have their last value on the same day), at most
 * `shown`, then how many more the chart marks.
 */
export function membershipNotes(
	lines: readonly LineWithChanges[],
	names: ReadonlyMap<string, string>,
	options: { isLevel: boolean; staleDays: number; shown?: number }
): string[] {
	const sentences: { day: number; text: string }[] = [];
	for (const line of lines) {
		const byDay = new Map<string, MembershipChange[]>();
		for (const change of line.changes ?? []) {
			const key = `${change.day} ${change.kind}`;
			const same = byDay.get(key);
			if (same) same.push(change);
			else byDay.set(key, [change]);
		}
		const total = line.platform ? t('dashboard:membership.platformTotal', { platform: line.label }) : t('dashboard:membership.theTotal');
		for (const changes of byDay.values()) {
			const [first] = changes;
			const accountNames = changes.map((change) => names.get(change.accountId) ?? change.accountId);
			const values = {
				count: changes.length,
				accounts: seriesWords().list(accountNames.slice(0, 4), Math.max(0, accountNames.length - 4)),
				total,
				day: dayText(first.day),
				last: dayText(first.valueDay),
				days: formatCount(options.staleDays)
			};
			const text =
				first.kind === 'joins'
					? t('dashboard:membership.joins', values)
					: options.isLevel
						? t('dashboard:membership.leavesLevel', values)
						: t('dashboard:membership.leaves', values);
			sentences.push({ day: first.day, text });
		}
	}
	sentences.sort((a, b) => a.day - b.day);
	const shown = options.shown ?? 6;
	if (sentences.length <= shown) return sentences.map((sentence) => sentence.text);
	const more = sentences.length - shown;
	return [
		...sentences.slice(0, shown).map((sentence) => sentence.text),
		t('dashboard:membership.more', { count: more, n: formatCount(more) })
	];
}

/** The words of ./series in the active language. */
export function seriesWords(): SeriesWords {
	return {
		total: t('dashboard:series.total'),
		list: (names, more) =>
			more > 0
				? t('dashboard:series.listMore', { count: more, names: list(names), more: formatCount(more) })
				: list(names),
		undoneImport: (id) => t('dashboard:series.undoneImport', { id }),
		noteOfOne: (name, note) => t('dashboard:series.noteOfOne', { name, note }),
		noteOfMany: (note, names) => t('dashboard:series.noteOfMany', { note, names }),
		followers: followersText,
		engagementsFromParts: t('dashboard:series.engagementsFromParts', { fallback: t('dashboard:kpi.engagementFallback') })
	};
}

function flowText(flow: FollowerFlowKind): string {
	switch (flow) {
		case 'net':
			return t('dashboard:series.flow.net');
		case 'gained-minus-lost':
			return t('dashboard:series.flow.gainedMinusLost');
		case 'gained-only':
			return t('dashboard:series.flow.gainedOnly');
	}
}

/** How an account's follower totals were obtained (derive.ts's explanation, in the active language). */
export function followersText(result: Pick<FollowersResult, 'how'>): string {
	const how = result.how;
	switch (how.code) {
		case 'none':
			return t('dashboard:series.followers.none');
		case 'reported':
			return t('dashboard:series.followers.reported');
		case 'flow-only':
			return t('dashboard:series.followers.flowOnly', { flow: flowText(how.flow) });
		case 'rebuilt': {
			// the caveat and the assumed days are whole sentences; each language's message puts its own space before them
			const caveat = how.flow === 'gained-only' ? t('dashboard:series.followers.gainedOnlyCaveat') : '';
			const assumed = how.assumedDays > 0 ? t('dashboard:series.followers.assumed', { count: how.assumedDays, days: formatCount(how.assumedDays) }) : '';
			return t('dashboard:series.followers.rebuilt', { count: how.derivedDays, days: formatCount(how.derivedDays), flow: flowText(how.flow), caveat, assumed });
		}
	}
}

/** How accounts were added up into one line (aggregate.ts's COMBINATION_NOTES, in the active language). */
export function combinationNote(semantics: MetricSemantics, staleDays: number): string {
	switch (semantics) {
		case 'flow':
			return t('dashboard:series.combination.flow');
		case 'level':
			return t('dashboard:series.combination.level', { count: staleDays, days: formatCount(staleDays) });
		case 'unique':
			return t('dashboard:series.combination.unique');
		case 'ratio':
			return t('dashboard:series.combination.ratio');
	}
}
