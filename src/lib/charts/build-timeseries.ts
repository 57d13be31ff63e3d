/**
 * The long-term time-series chart: one metric, a line per account (or areas stacked by platform),
 * raw bucket values faded under rolling averages, an optional last-year overlay (dashed), annotation
 * lines and boxes, gaps drawn as gaps, and decimation for long series. Returns the Chart.js config
 * and the same numbers as an accessible data table.
 *
 * ## Usage
 * ```ts
 * const frame = bucketFrame(range, 'week');
 * const lines = accounts.map((a) => ({ id: a.id, label: a.name, series: aggregateSeries(a.daily, { grain: 'week', range, frame }) }));
 * const { config, table } = buildTimeseriesChart({ metric: 'impressions', lines, theme: 'light' });
 * ```
 */
import type { ChartConfiguration, ChartDataset, Plugin, ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import { isPartialBucket, membershipByBucket, type AggregatedSeries, type BucketMembership, type MembershipChange } from '../domain/analytics/aggregate';
import { bucketKey, type Grain } from '../domain/analytics/grain';
import { rollingBuckets } from '../domain/analytics/rolling';
import { DAY_DERIVED, DAY_INCOMPLETE } from '../domain/analytics/types';
import { METRICS, type MetricKey } from '../domain/metrics';
import type { Platform } from '../domain/model';
import {
	ANNOTATION_PLUGIN_ID,
	annotationOptions,
	annotationPlugin,
	axisTitle,
	dayToMs,
	decimationIndices,
	isChartPoint,
	membershipChangeText,
	pointMarks,
	msToDay,
	timeAdapters,
	timeFormats,
	valueFormatter,
	wordsOf,
	type ChartWords,
	type ChartAnnotation,
	type ChartPoint,
	type ChartTable,
	type ChartTableRow
} from './build-shared';
import { platformColor, seriesStyle, THEME_COLORS, withAlpha, type ChartTheme } from './palette';
import { pointDotsPlugin, pointDotsWhere, radiusAroundDots } from './point-dots';

export interface TimeseriesLine {
	id: string;
	label: string;
	/** Aggregated over the chart's frame; every line must share the same frame. */
	series: AggregatedSeries;
	/** Last year's values lined up with this line's buckets (see alignYearOverYear). */
	yearAgo?: Float64Array | null;
	/** Colours the line (or area) by platform instead of by position. */
	platform?: Platform;
	/** For a total of several accounts: accounts joining or leaving it inside the range, marked on the chart. */
	changes?: readonly MembershipChange[];
	/** The same a year earlier, lined up with this line's buckets (alignYearAgoMembership): marked on the year-ago line. */
	yearAgoChanges?: BucketMembership | null;
}

export interface TimeseriesChartInput {
	metric: MetricKey;
	lines: TimeseriesLine[];
	/** 'stacked': areas stacked (by platform, say) with their total; flows, levels and uniques only. */
	layout?: 'lines' | 'stacked';
	theme: ChartTheme;
	/** Rolling windows in buckets; default 7 and 28 days, 4 weeks, 3 months, none for quarters and years. */
	rollingWindows?: number[];
	/** Draw the raw bucket values (faded when averages are drawn over them); default true. */
	showRaw?: boolean;
	/** Draw last year's values where lines have them; default true. */
	yearOverYear?: boolean;
	annotations?: readonly ChartAnnotation[];
	/** LTTB target point count per series; default 600. */
	samples?: number;
	locale?: string;
	/** The words in the active language (chartWords() from $lib/i18n/analytics); default English. */
	words?: ChartWords;
}

export interface TimeseriesChart {
	config: ChartConfiguration<'line', ChartPoint[]>;
	table: ChartTable;
	axisTitle: string;
	/** Things the chart could not do as asked, in words. */
	notes: string[];
}

export const DEFAULT_ROLLING_WINDOWS: Record<Grain, number[]> = { day: [7, 28], week: [4], month: [3], quarter: [], year: [] };

const GRAIN_UNITS: Record<Grain, 'day' | 'week' | 'month' | 'quarter' | 'year'> = {
	day: 'day',
	week: 'week',
	month: 'month',
	quarter: 'quarter',
	year: 'year'
};

export function rollingLabel(window: number, grain: Grain, words: ChartWords = wordsOf({})): string {
	return words.text(`rolling.${grain}`, { n: window });
}

type LineDataset = ChartDataset<'line', ChartPoint[]>;

/** The points of the buckets at `at` (every bucket when null). */
function bucketPoints(series: AggregatedSeries, membership: BucketMembership | undefined, at: Int32Array | null): ChartPoint[] {
	const { frame } = series;
	const count = at ? at.length : frame.count;
	const points: ChartPoint[] = new Array(count);
	for (let k = 0; k < count; k++) {
		const i = at ? at[k] : k;
		const value = series.values[i];
		const point: ChartPoint = { x: dayToMs(frame.starts[i]), y: Number.isNaN(value) ? null : value };
		if (isPartialBucket(series, i)) {
			point.partial = true;
			point.covered = series.covered[i];
			point.span = frame.ends[i] - frame.starts[i] + 1;
		}
		if (series.flags[i] & DAY_DERIVED) point.derived = true;
		if (series.flags[i] & DAY_INCOMPLETE) point.incomplete = true;
		if (membership?.joined[i]) point.joined = membership.joined[i];
		if (membership?.left[i]) point.left = membership.left[i];
		points[k] = point;
	}
	return points;
}

function valuePoints(series: AggregatedSeries, values: Float64Array, membership: BucketMembership | null | undefined, at: Int32Array | null): ChartPoint[] {
	const count = at ? at.length : series.frame.count;
	const points: ChartPoint[] = new Array(count);
	for (let k = 0; k < count; k++) {
		const i = at ? at[k] : k;
		const point: ChartPoint = { x: dayToMs(series.frame.starts[i]), y: Number.isNaN(values[i]) ? null : values[i] };
		if (membership?.joined[i]) point.joined = membership.joined[i];
		if (membership?.left[i]) point.left = membership.left[i];
		points[k] = point;
	}
	return points;
}

/** Whether any bucket is partial (a dot on the line), and whether any is derived (a dashed stretch). */
function bucketMarks(series: AggregatedSeries): { marked: boolean; derived: boolean } {
	let marked = false;
	for (let i = 0; i < series.frame.count; i++) {
		if (series.flags[i] & DAY_DERIVED) return { marked: true, derived: true };
		if (!marked && isPartialBucket(series, i)) marked = true;
	}
	return { marked, derived: false };
}

/**
 * Dashes the stretch leading to a derived point. The segment context carries the chart at runtime
 * (Chart.js builds it on the chart's context) though its type does not say so; the dataset's data
 * there is what is drawn, after any decimation, so p1DataIndex points into it.
 */
export function derivedSegmentDash(context: ScriptableLineSegmentContext): number[] | undefined {
	const chart = (context as ScriptableLineSegmentContext & { chart?: { data: { datasets: { data: unknown[] }[] } } }).chart;
	const point = chart?.data.datasets[context.datasetIndex]?.data[context.p1DataIndex];
	return isChartPoint(point) && point.derived ? [4, 3] : undefined;
}


/** Several lines' changes over the same frame as one total's. */
function addMemberships(parts: readonly BucketMembership[]): BucketMembership {
	const count = parts[0].joined.length;
	const joined = new Uint16Array(count);
	const left = new Uint16Array(count);
	const firstDay = new Float64Array(count).fill(Number.NaN);
	for (const part of parts) {
		for (let i = 0; i < count; i++) {
			joined[i] += part.joined[i];
			left[i] += part.left[i];
			const day = part.firstDay[i];
			// firstDay[i] is NaN until a part has a change there, and NaN compares false
			if (!Number.isNaN(day) && !(day >= firstDay[i])) firstDay[i] = day;
		}
	}
	return { joined, left, firstDay };
}

/** One mark per bucket where the line's total gains or loses accounts, on the day of the bucket's first change. */
function membershipAnnotations(membership: BucketMembership, name: string | null, words: ChartWords): ChartAnnotation[] {
	const marks: ChartAnnotation[] = [];
	membership.firstDay.forEach((day, bucket) => {
		if (Number.isNaN(day)) return;
		const change = words.text('membershipLabel', { change: membershipChangeText(membership.joined[bucket], membership.left[bucket]) });
		marks.push({ startDay: day, label: name === null ? change : words.text('membershipLineLabel', { label: name, change }), kind: 'membership' });
	});
	return marks;
}

export function buildTimeseriesChart(input: TimeseriesChartInput): TimeseriesChart {
	const { metric, theme } = input;
	const words = wordsOf(input);
	const locale = words.locale;
	const lines = input.lines;
	const frame = lines[0]?.series.frame;
	const grain: Grain = frame?.grain ?? 'day';
	const semantics = lines[0]?.series.semantics ?? METRICS[metric].semantics;
	const unit = METRICS[metric].unit;
	const notes: string[] = [];
	let layout = input.layout ?? 'lines';
	if (layout === 'stacked' && semantics === 'ratio') {
		layout = 'lines';
		notes.push(words.text('stackedRate', { metric: words.metric(metric) }));
	}
	if (layout === 'stacked' && semantics === 'unique') {
		notes.push(words.text('stackedUniques'));
	}
	const derived = lines.some((line) => line.series.derived || line.series.flags.some((bits) => (bits & DAY_DERIVED) !== 0));
	const title = axisTitle(metric, grain, { semantics, derived, words });
	const samples = input.samples ?? 600;
	const showRaw = input.showRaw ?? true;
	const yearOverYear = input.yearOverYear ?? true;
	const windows = layout === 'stacked' ? [] : (input.rollingWindows ?? DEFAULT_ROLLING_WINDOWS[grain]);
	if (layout === 'stacked' && input.rollingWindows?.length) notes.push(words.text('stackedRolling'));
	const colors = THEME_COLORS[theme];
	const format = valueFormatter(unit, locale);
	const formatTick = valueFormatter(unit, locale, true);

	const datasets: LineDataset[] = [];
	const legendShown = new Set<number>();
	const tableColumns: string[] = [];
	const tableValues: ((number | null)[] | Float64Array)[] = [];
	// the table shows every bucket with its marks, the chart only the drawn ones: a thinned column's
	// points are made again, whole, when the table's rows are (once, when first read)
	const tablePoints: ((() => ChartPoint[]) | null)[] = [];

	const membershipMarks: ChartAnnotation[] = [];

	// Long lines are thinned here, on the typed arrays, before any point object is made (a decade of
	// days is 3,650 per line); Chart.js's decimation plugin stays off (see decimationIndices). Stacked
	// areas are not thinned: their parts must share every x to stack.
	const xs = frame?.starts ?? new Int32Array(0);
	const keep = (values: ArrayLike<number>) => (layout === 'stacked' ? null : decimationIndices(xs, values, samples));
	const averagePoints = (series: AggregatedSeries, values: Float64Array) => valuePoints(series, values, null, keep(values));

	lines.forEach((line, index) => {
		const style = line.platform && layout === 'stacked' ? { color: platformColor(line.platform, theme), dash: [] } : seriesStyle(index, theme);
		const membership = line.changes?.length ? membershipByBucket(line.series.frame, line.changes) : undefined;
		const rawAt = keep(line.series.values);
		const raw = bucketPoints(line.series, membership, rawAt);
		if (membership) membershipMarks.push(...membershipAnnotations(membership, lines.length > 1 ? line.label : null, words));
		tableColumns.push(line.label);
		tableValues.push(line.series.values);
		tablePoints.push(rawAt ? () => bucketPoints(line.series, membership, null) : () => raw);
		const averaged = windows.length > 0;
		if (layout === 'stacked') {
			legendShown.add(datasets.length);
			datasets.push({
				label: line.label,
				data: raw,
				borderColor: style.color,
				backgroundColor: withAlpha(style.color, 0.55),
				borderWidth: 1,
				pointRadius: 0,
				fill: index === 0 ? 'origin' : '-1',
				spanGaps: false,
				stack: 'accounts'
			});
			return;
		}
		if (showRaw || !averaged) {
			if (!averaged) legendShown.add(datasets.length);
			// Scriptable options are resolved point by point on every update (most of an update of a
			// decade of weeks), so the radius is a plain number Chart.js resolves once (radiusAroundDots),
			// and partial and derived buckets get a visible dot through pointDots, so they are not
			// mistaken for full ones
			const { marked, derived: hasDerived } = bucketMarks(line.series);
			const dots = marked ? pointDotsWhere(raw, (point) => point.partial === true || point.derived === true, 2.5) : [];
			datasets.push({
				label: averaged ? words.text('rawValues', { label: line.label, grain: words.grain(grain) }) : line.label,
				data: raw,
				borderColor: averaged ? withAlpha(style.color, 0.35) : style.color,
				backgroundColor: averaged ? withAlpha(style.color, 0.35) : style.color,
				borderWidth: averaged ? 1 : 2,
				borderDash: averaged ? [] : style.dash,
				pointRadius: radiusAroundDots(0, dots, raw.length),
				...(dots.length ? { pointDots: dots } : {}),
				pointHoverRadius: 4,
				...(hasDerived ? { segment: { borderDash: derivedSegmentDash } } : {}),
				spanGaps: false,
				order: 2
			});
		}
		windows.forEach((window, windowIndex) => {
			if (windowIndex === 0) legendShown.add(datasets.length);
			datasets.push({
				label: words.text('series', { label: line.label, item: rollingLabel(window, grain, words) }),
				data: averagePoints(line.series, rollingBuckets(line.series, window)),
				borderColor: style.color,
				backgroundColor: style.color,
				borderWidth: windowIndex === 0 ? 2 : 1.5,
				borderDash: windowIndex === 0 ? style.dash : [2, 2],
				pointRadius: 0,
				pointHoverRadius: 3,
				spanGaps: false,
				order: 1
			});
		});
		if (yearOverYear && line.yearAgo) {
			const yearAgoMembership = line.yearAgoChanges ?? null;
			const yearAgo = line.yearAgo;
			const yearAgoAt = keep(yearAgo);
			const yearAgoPoints = valuePoints(line.series, yearAgo, yearAgoMembership, yearAgoAt);
			if (yearAgoMembership) {
				membershipMarks.push(
					...membershipAnnotations(yearAgoMembership, lines.length > 1 ? words.text('yearAgo', { label: line.label }) : words.text('yearEarlier'), words)
				);
			}
			datasets.push({
				label: words.text('yearAgo', { label: line.label }),
				data: yearAgoPoints,
				borderColor: withAlpha(style.color, 0.7),
				backgroundColor: withAlpha(style.color, 0.7),
				borderWidth: 1.5,
				borderDash: [6, 4],
				pointRadius: 0,
				pointHoverRadius: 3,
				spanGaps: false,
				order: 3
			});
			tableColumns.push(words.text('yearAgo', { label: line.label }));
			tableValues.push(line.yearAgo);
			tablePoints.push(
				yearAgoMembership ? (yearAgoAt ? () => valuePoints(line.series, yearAgo, yearAgoMembership, null) : () => yearAgoPoints) : null
			);
		}
	});

	if (layout === 'stacked' && yearOverYear && frame && lines.length && lines.every((line) => line.yearAgo)) {
		// last year's total: the sum of the stacked parts, only where every part has a value
		const total = new Float64Array(frame.count);
		for (let i = 0; i < frame.count; i++) {
			let sum = 0;
			for (const line of lines) sum += line.yearAgo![i];
			total[i] = sum;
		}
		// the parts' year-ago changes are the total's (an account belongs to one part)
		const parts = lines.map((line) => line.yearAgoChanges).filter((membership) => membership != null);
		const totalMembership = parts.length ? addMemberships(parts) : null;
		const totalPoints = valuePoints(lines[0].series, total, totalMembership, null);
		if (totalMembership) membershipMarks.push(...membershipAnnotations(totalMembership, words.text('totalYearAgo'), words));
		datasets.push({
			label: words.text('totalYearAgo'),
			data: totalPoints,
			borderColor: colors.text,
			backgroundColor: colors.text,
			borderWidth: 1.5,
			borderDash: [6, 4],
			pointRadius: 0,
			fill: false,
			spanGaps: false,
			// its own stack, so it is drawn at its value rather than on top of the areas
			stack: 'year-ago'
		});
		tableColumns.push(words.text('totalYearAgo'));
		tableValues.push(total);
		tablePoints.push(totalMembership ? () => totalPoints : null);
	}

	const first = frame && frame.count ? dayToMs(frame.starts[0]) : undefined;
	const last = frame && frame.count ? dayToMs(frame.starts[frame.count - 1]) : undefined;
	const showLegend = legendShown.size > 1 && legendShown.size <= 12;

	const config: ChartConfiguration<'line', ChartPoint[]> = {
		type: 'line',
		data: { datasets },
		options: {
			parsing: false,
			normalized: true,
			animation: false,
			maintainAspectRatio: false,
			interaction: { mode: 'nearest', axis: 'x', intersect: false },
			scales: {
				x: {
					type: 'time',
					min: first,
					max: last,
					time: { minUnit: GRAIN_UNITS[grain], isoWeekday: true, ...timeFormats(words) },
					...timeAdapters(words),
					ticks: { color: colors.mutedText, maxRotation: 0, autoSkip: true },
					grid: { color: colors.grid }
				},
				y: {
					stacked: layout === 'stacked',
					beginAtZero: layout === 'stacked' || semantics === 'flow',
					title: { display: true, text: title, color: colors.mutedText },
					ticks: { color: colors.mutedText, callback: (value) => formatTick(Number(value)) },
					grid: { color: colors.grid }
				}
			},
			plugins: {
				legend: {
					display: showLegend,
					labels: { color: colors.text, filter: (item) => legendShown.has(item.datasetIndex ?? -1) }
				},
				tooltip: {
					callbacks: {
						title: (items: TooltipItem<'line'>[]) => (items.length ? words.bucket(msToDay(items[0].parsed.x ?? 0), grain) : ''),
						label: (item: TooltipItem<'line'>) => {
							const point = isChartPoint(item.raw) ? item.raw : undefined;
							const y = point?.y;
							return words.text('tooltip', { label: item.dataset.label ?? '', value: y === null || y === undefined ? words.text('noData') : format(y) }) + pointMarks(point, words);
						}
					}
				},
				decimation: { enabled: false },
				[ANNOTATION_PLUGIN_ID]: annotationOptions(
					membershipMarks.length ? [...(input.annotations ?? []), ...membershipMarks] : (input.annotations ?? []),
					theme
				)
			}
		},
		plugins: [annotationPlugin<'line'>(), pointDotsPlugin as Plugin<'line'>]
	};

	// The table's rows are made when first read (the table shown, a CSV saved), not on every redraw:
	// a decade of days is 3,650 rows of formatted numbers and dates, which took most of a redraw.
	let rows: ChartTableRow[] | undefined;
	const tableRows = (): ChartTableRow[] => {
		if (rows) return rows;
		rows = [];
		if (frame) {
			const pointsOf = tablePoints.map((points) => points?.() ?? null);
			for (let i = 0; i < frame.count; i++) {
				const values = tableValues.map((column) => {
					const v = column[i];
					return v === null || Number.isNaN(v) ? null : v;
				});
				rows.push({
					key: bucketKey(frame.starts[i], grain),
					label: words.bucket(frame.starts[i], grain),
					values,
					text: values.map((v, column) => (v === null ? '–' : `${format(v)}${pointMarks(pointsOf[column]?.[i], words)}`))
				});
			}
		}
		return rows;
	};
	const footnotes = [
		words.text('gapFootnote'),
		words.text('partialFootnote'),
		...(derived ? [words.text('derivedFootnote')] : []),
		...(membershipMarks.length ? [words.text('membershipFootnote')] : []),
		...notes
	];
	return {
		config,
		table: {
			caption: title,
			columns: [words.text('period'), ...tableColumns],
			get rows() {
				return tableRows();
			},
			footnotes
		},
		axisTitle: title,
		notes
	};
}
