/**
 * Shapes the account page needs beyond the dashboard's: posting cadence and topic counts as chart
 * series (so they get the same chart, data table and CSV as every other chart), and audience
 * breakdowns grouped into snapshots by dimension.
 */
import type { AggregatedSeries } from '../../domain/analytics/aggregate';
import type { PostsPerWeek } from '../../domain/analytics/cadence';
import { bucketFrame, bucketEnd, type BucketFrame } from '../../domain/analytics/grain';
import type { TopicStats } from '../../domain/analytics/topics';
import type { MetricKey } from '../../domain/metrics';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '../../domain/model';
import type { BarCategory } from '../../charts/build-bar';

/** The file type of every CSV the page downloads (the same in every language). */
export const CSV_TYPE = 'text/csv;charset=utf-8';

/** The heatmap CSV's name part. */
export const HEATMAP_FILE = 'posting-heatmap';

/** Post-list topic of posts without any tag: a key no typed tag can equal (the UI shows "(no tag)" in its language). */
export const NO_TAG_TOPIC = '\u0000no-tag';

/** Counts per bucket as a complete flow series: NaN = unknown (a gap), every other bucket fully covered. */
export function countSeries(id: string, metric: MetricKey, frame: BucketFrame, counts: ArrayLike<number>): AggregatedSeries {
	const values = Float64Array.from(counts);
	const covered = new Int32Array(frame.count);
	for (let i = 0; i < frame.count; i++) covered[i] = Number.isNaN(values[i]) ? 0 : frame.ends[i] - frame.starts[i] + 1;
	return {
		accountId: id,
		metric,
		semantics: 'flow',
		aggregation: 'sum',
		frame,
		values,
		covered,
		asOf: new Float64Array(frame.count).fill(Number.NaN),
		flags: new Uint8Array(frame.count),
		derived: false
	};
}

/** Posts per ISO week as a chart series. */
export function weeklyPostsSeries(perWeek: PostsPerWeek, id: string): AggregatedSeries {
	return countSeries(id, 'posts_published', perWeek.frame, perWeek.counts);
}

/** Posts per month of the given topics (by name), on one month frame. */
export function monthlyTopicSeries(stats: TopicStats, topics: readonly string[]): { frame: BucketFrame; lines: { topic: string; series: AggregatedSeries }[] } | null {
	if (stats.monthStarts.length === 0) return null;
	const first = stats.monthStarts[0];
	const last = stats.monthStarts[stats.monthStarts.length - 1];
	const frame = bucketFrame({ from: first, to: bucketEnd(last, 'month') }, 'month');
	const lines = topics
		.map((topic) => stats.topics.find((entry) => entry.topic === topic))
		.filter((entry) => entry !== undefined)
		.map((entry) => ({ topic: entry.topic, series: countSeries(`topic:${entry.topic}`, 'posts_published', frame, entry.byMonth) }));
	return { frame, lines };
}

/** What a breakdown record needs to have (`BreakdownRecord` fits). */
export interface BreakdownSnapshot {
	importId: number;
	dimension: BreakdownDimension;
	asOf: number;
	unit: 'count' | 'share';
	measure: string;
	entries: { key: string; value: number }[];
}

export interface BreakdownGroup<S extends BreakdownSnapshot = BreakdownSnapshot> {
	key: string;
	dimension: BreakdownDimension;
	measure: string;
	unit: 'count' | 'share';
	/** Oldest first. */
	snapshots: S[];
}

/** Snapshots grouped by dimension, measure and unit, in dimension catalogue order. */
export function groupBreakdowns<S extends BreakdownSnapshot>(records: readonly S[]): BreakdownGroup<S>[] {
	const groups = new Map<string, BreakdownGroup<S>>();
	for (const record of records) {
		const key = `${record.dimension}|${record.measure}|${record.unit}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { key, dimension: record.dimension, measure: record.measure, unit: record.unit, snapshots: [] }));
		group.snapshots.push(record);
	}
	const order: readonly string[] = BREAKDOWN_DIMENSIONS;
	return [...groups.values()]
		.map((group) => ({ ...group, snapshots: [...group.snapshots].sort((a, b) => a.asOf - b.asOf) }))
		.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension) || a.measure.localeCompare(b.measure));
}

/**
 * The largest `limit` entries of a snapshot as bar categories, the rest folded into one "Other
 * (n more)" bar so the shares still add up. Entries keep the export's own names; the folded bar's
 * name comes from the caller (`otherLabel(n)`), which words it in the active language.
 */
export function breakdownCategories(snapshot: Pick<BreakdownSnapshot, 'entries'>, otherLabel: (more: number) => string, limit = 12): BarCategory[] {
	const sorted = [...snapshot.entries].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
	const shown: BarCategory[] = sorted.slice(0, limit).map((entry) => ({ key: `entry:${entry.key}`, label: entry.key, value: entry.value }));
	const rest = sorted.slice(limit);
	if (rest.length > 0) {
		shown.push({ key: 'other-entries', label: otherLabel(rest.length), value: rest.reduce((sum, entry) => sum + entry.value, 0) });
	}
	return shown;
}

/** A piece of a sentence with links in it: plain text, or the text of link number `link`. */
export interface SentencePart {
	text: string;
	link: number | null;
}

/**
 * Splits a translated sentence such as "Pick one from the <0>dashboard</0> or the <1>board</1>."
 * into text and numbered links, so each language can put the links where its word order wants
 * them while the page still renders real anchors (never the message as HTML).
 */
export function sentenceParts(message: string): SentencePart[] {
	const parts: SentencePart[] = [];
	const pattern = /<(\d+)>(.*?)<\/\1>/g;
	let last = 0;
	for (const match of message.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: message.slice(last, match.index), link: null });
		parts.push({ text: match[2], link: Number(match[1]) });
		last = match.index + match[0].length;
	}
	if (last < message.length) parts.push({ text: message.slice(last), link: null });
	return parts;
}
