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
import type { BreakdownDimension } from '../../domain/model';
import type { BarCategory } from '../../charts/build-bar';

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

export const DIMENSION_LABELS: Record<BreakdownDimension, string> = {
	country: 'Country',
	city: 'City',
	region: 'Region',
	territory: 'Territory',
	language: 'Language',
	industry: 'Industry',
	job_function: 'Job function',
	seniority: 'Seniority',
	company_size: 'Company size',
	age: 'Age',
	gender: 'Gender',
	traffic_source: 'Traffic source',
	subscription_status: 'Subscription status',
	device: 'Device',
	other: 'Other'
};

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
	const order = Object.keys(DIMENSION_LABELS);
	return [...groups.values()]
		.map((group) => ({ ...group, snapshots: [...group.snapshots].sort((a, b) => a.asOf - b.asOf) }))
		.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension) || a.measure.localeCompare(b.measure));
}

/**
 * The largest `limit` entries of a snapshot as bar categories, the rest folded into one "Other
 * (n more)" bar so the shares still add up. Entries keep the export's own names.
 */
export function breakdownCategories(snapshot: Pick<BreakdownSnapshot, 'entries'>, limit = 12): BarCategory[] {
	const sorted = [...snapshot.entries].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
	const shown: BarCategory[] = sorted.slice(0, limit).map((entry) => ({ key: `entry:${entry.key}`, label: entry.key, value: entry.value }));
	const rest = sorted.slice(limit);
	if (rest.length > 0) {
		shown.push({ key: 'other-entries', label: `Other (${rest.length} more)`, value: rest.reduce((sum, entry) => sum + entry.value, 0) });
	}
	return shown;
}
