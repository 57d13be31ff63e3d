/**
 * Rebuilding a level (total followers) from daily flows plus one known total. Platforms often give
 * only the changes: LinkedIn exports new followers per day while the page shows today's total;
 * YouTube exports daily net subscribers. With the level L at the end of day d and the net change
 * f on day d:  L(d) = L(d−1) + f(d)  forward, and  L(d−1) = L(d) − f(d)  backward.
 *
 * A day with no change value breaks the chain: its level is left blank (a gap) and the chain
 * continues as if nothing changed that day, and the explanation says how many days that was.
 */
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import { formatDay } from './grain';
import { DAY_DERIVED, dataExtent, hasValues, type DailyValues } from './types';

export interface LevelAnchor {
	day: DayNumber;
	value: number;
}

export interface DerivedLevel extends DailyValues {
	flags: Uint8Array;
	derived: boolean;
	/** Plain words: what the values were rebuilt from and what was assumed. */
	explanation: string;
	note: string;
	/** Days without a change value, counted as no change. */
	assumedNoChangeDays: number;
	derivedDays: number;
}

interface Rebuilt {
	values: Float64Array;
	flags: Uint8Array;
	assumed: number;
	derivedDays: number;
}

/** Fills the days `known` lacks from `flow` (both aligned on the same start), chaining from the nearest known day before (or, before the first one, after). */
function rebuild(known: Float64Array, flow: Float64Array): Rebuilt | null {
	const n = known.length;
	let first = 0;
	while (first < n && known[first] !== known[first]) first++;
	if (first === n) return null;
	const values = new Float64Array(n);
	const flags = new Uint8Array(n);
	let assumed = 0;
	let derivedDays = 0;
	let level = known[first];
	for (let i = first; i < n; i++) {
		const reported = known[i];
		if (reported === reported) {
			values[i] = reported;
			level = reported;
			continue;
		}
		const change = flow[i];
		if (change === change) {
			level += change;
			values[i] = level;
			flags[i] = DAY_DERIVED;
			derivedDays++;
		} else {
			values[i] = Number.NaN;
			assumed++;
		}
	}
	level = known[first];
	for (let i = first; i > 0; i--) {
		const change = flow[i];
		if (change === change) {
			level -= change;
			values[i - 1] = level;
			flags[i - 1] = DAY_DERIVED;
			derivedDays++;
		} else {
			values[i - 1] = Number.NaN;
			assumed++;
		}
	}
	return { values, flags, assumed, derivedDays };
}

function assumedSentence(days: number): string {
	if (days === 0) return '';
	return days === 1
		? ' 1 day without a change value was counted as no change and left blank.'
		: ` ${days} days without a change value were counted as no change and left blank.`;
}

/**
 * The level day by day from a daily flow (net change) and one known level, forward and backward
 * from the anchor. Covers the flow's days and the anchor's day. Every value except the anchor is
 * marked derived.
 *
 * ## Usage
 * ```ts
 * const subscribers = deriveLevelFromFlow(youtubeNetSubscribers, { day: today, value: 12_345 });
 * subscribers.explanation; // 'Followers rebuilt from daily net change, anchored on 12,345 on …'
 * ```
 */
export function deriveLevelFromFlow(
	flow: DailyValues,
	anchor: LevelAnchor,
	options: { metric?: MetricKey; flowLabel?: string; locale?: string } = {}
): DerivedLevel {
	const extent = dataExtent(flow) ?? { from: anchor.day, to: anchor.day };
	const startDay = Math.min(extent.from, anchor.day);
	const endDay = Math.max(extent.to, anchor.day);
	const length = endDay - startDay + 1;
	const known = new Float64Array(length).fill(Number.NaN);
	known[anchor.day - startDay] = anchor.value;
	const changes = alignedValues(flow, startDay, length);
	const rebuilt = rebuild(known, changes)!;
	const locale = options.locale ?? 'en';
	const explanation =
		`Rebuilt day by day from ${options.flowLabel ?? 'the daily net change'}, anchored on ` +
		`${anchor.value.toLocaleString(locale)} on ${formatDay(anchor.day, locale)}.` +
		assumedSentence(rebuilt.assumed);
	return {
		accountId: flow.accountId,
		metric: options.metric ?? 'followers',
		startDay,
		values: rebuilt.values,
		flags: rebuilt.flags,
		derived: true,
		explanation,
		note: explanation,
		assumedNoChangeDays: rebuilt.assumed,
		derivedDays: rebuilt.derivedDays
	};
}

/** `series` copied onto days [startDay, startDay + length), NaN outside it. */
export function alignedValues(series: DailyValues, startDay: DayNumber, length: number): Float64Array {
	const out = new Float64Array(length).fill(Number.NaN);
	const offset = series.startDay - startDay;
	const from = Math.max(0, offset);
	const to = Math.min(length, offset + series.values.length);
	for (let i = from; i < to; i++) out[i] = series.values[i - offset];
	return out;
}

/** What a net follower change is made of. */
export type FollowerFlowKind = 'net' | 'gained-minus-lost' | 'gained-only';

export interface NetFollowerFlow {
	series: DailyValues;
	kind: FollowerFlowKind;
	/** What the change is made of, in words used inside sentences. */
	label: string;
	/** Set when the change misses something (only new followers, no unfollows). */
	caveat?: string;
}

/** The daily net follower change from whatever the exports give: net, else gained − lost, else gained alone. */
export function netFollowerFlow(seriesByMetric: Partial<Record<MetricKey, DailyValues>>): NetFollowerFlow | null {
	const net = seriesByMetric.followers_net;
	if (hasValues(net)) return { series: net, kind: 'net', label: 'the daily net follower change' };
	const gained = seriesByMetric.followers_gained;
	const lost = seriesByMetric.followers_lost;
	if (!hasValues(gained)) return null;
	const gainedOnly: NetFollowerFlow = {
		series: gained,
		kind: 'gained-only',
		label: 'new followers per day',
		caveat: 'The export has no unfollows for these days, so the rebuilt totals count only new followers and overstate growth.'
	};
	if (!hasValues(lost)) return gainedOnly;
	const from = Math.max(gained.startDay, lost.startDay);
	const to = Math.min(gained.startDay + gained.values.length, lost.startDay + lost.values.length) - 1;
	const length = Math.max(0, to - from + 1);
	const values = new Float64Array(length);
	for (let i = 0; i < length; i++) {
		// NaN when either side is missing: a day with gains but unknown losses has an unknown net change
		values[i] = gained.values[from + i - gained.startDay] - lost.values[from + i - lost.startDay];
	}
	const series: DailyValues = { accountId: gained.accountId, metric: 'followers_net', startDay: from, values };
	return hasValues(series) ? { series, kind: 'gained-minus-lost', label: 'new followers minus unfollows' } : gainedOnly;
}

export type FollowersMethod = 'reported' | 'reported and derived' | 'none';

export interface FollowersResult {
	/** Follower totals day by day (DAY_DERIVED marks rebuilt days), or null when none can be given. */
	series: DerivedLevel | DailyValues | null;
	method: FollowersMethod;
	derived: boolean;
	/** In English (logs, tests); screens word `how`. */
	explanation: string;
	/** How the totals were obtained, for the UI to word. */
	how: FollowersHow;
}

export type FollowersHow =
	| { code: 'none' }
	| { code: 'flow-only'; flow: FollowerFlowKind }
	| { code: 'reported' }
	| { code: 'rebuilt'; flow: FollowerFlowKind; derivedDays: number; assumedDays: number };

/**
 * Follower totals from whatever an account's exports hold: reported totals where present; other
 * days rebuilt from the daily change (net, else gained − lost, else gained alone), anchored on the
 * nearest reported total — the previous one going forward, the first one for earlier days.
 * Without any reported total there is nothing to anchor on, and the result says so.
 */
export function followersFromAvailable(
	seriesByMetric: Partial<Record<MetricKey, DailyValues>>,
	options: { locale?: string } = {}
): FollowersResult {
	const reported = seriesByMetric.followers;
	const hasReported = hasValues(reported);
	const flow = netFollowerFlow(seriesByMetric);
	if (!hasReported && !flow) {
		return { series: null, method: 'none', derived: false, how: { code: 'none' }, explanation: 'No follower counts in the imported files.' };
	}
	if (!hasReported) {
		return {
			series: null,
			method: 'none',
			derived: false,
			how: { code: 'flow-only', flow: flow!.kind },
			explanation: `Only ${flow!.label} is known. Import any file that gives the follower total on one day to rebuild the totals from it.`
		};
	}
	if (!flow) {
		return { series: reported, method: 'reported', derived: false, how: { code: 'reported' }, explanation: 'Follower totals as reported.' };
	}
	const reportedExtent = dataExtent(reported)!;
	const flowExtent = dataExtent(flow.series) ?? reportedExtent;
	const startDay = Math.min(reportedExtent.from, flowExtent.from);
	const length = Math.max(reportedExtent.to, flowExtent.to) - startDay + 1;
	const rebuilt = rebuild(alignedValues(reported, startDay, length), alignedValues(flow.series, startDay, length))!;
	if (rebuilt.derivedDays === 0) {
		return { series: reported, method: 'reported', derived: false, how: { code: 'reported' }, explanation: 'Follower totals as reported.' };
	}
	const explanation =
		`Reported totals where known; the other ${rebuilt.derivedDays.toLocaleString(options.locale ?? 'en')} ${rebuilt.derivedDays === 1 ? 'day' : 'days'} rebuilt from ${flow.label}, ` +
		`anchored on the nearest reported total.` +
		(flow.caveat ? ` ${flow.caveat}` : '') +
		assumedSentence(rebuilt.assumed);
	return {
		series: {
			accountId: reported.accountId,
			metric: 'followers',
			startDay,
			values: rebuilt.values,
			flags: rebuilt.flags,
			derived: true,
			explanation,
			note: explanation,
			assumedNoChangeDays: rebuilt.assumed,
			derivedDays: rebuilt.derivedDays
		},
		method: 'reported and derived',
		derived: true,
		how: { code: 'rebuilt', flow: flow.kind, derivedDays: rebuilt.derivedDays, assumedDays: rebuilt.assumed },
		explanation
	};
}
