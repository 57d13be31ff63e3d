/**
 * A KPI card's sparkline: one small line without axes or legend, gaps kept, plus a one-sentence
 * summary for screen readers (the card's aria-label) and the values as a table.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { bucketKey, type Grain } from '../domain/analytics/grain';
import type { MetricUnit } from '../domain/metrics';
import {
	dayToMs,
	isChartPoint,
	membershipChangeText,
	msToDay,
	pointMarks,
	valueFormatter,
	wordsOf,
	type ChartPoint,
	type ChartTable,
	type ChartTableRow,
	type ChartWords
} from './build-shared';
import { seriesStyle, withAlpha, type ChartTheme } from './palette';

export interface SparklineInput {
	/** KpiCard.sparkline fits as is. */
	grain: Grain;
	starts: ArrayLike<number>;
	/** NaN = gap. */
	values: ArrayLike<number>;
	/** Per bucket: accounts that begin (`joined`) or cease (`left`) to count in the total; marked on the line. */
	joined?: ArrayLike<number>;
	left?: ArrayLike<number>;
	theme: ChartTheme;
	unit?: MetricUnit;
	label?: string;
	color?: string;
	locale?: string;
	/** The words in the active language (chartWords() from $lib/i18n/analytics); default English. */
	words?: ChartWords;
}

export interface Sparkline {
	config: ChartConfiguration<'line', ChartPoint[]>;
	summary: string;
	table: ChartTable;
	/** Whether the line marks buckets where accounts start or stop counting (the card explains the marks). */
	marked: boolean;
}

export function buildSparkline(input: SparklineInput): Sparkline {
	const words = wordsOf(input);
	const locale = words.locale;
	const bucket = (day: number) => words.bucket(day, input.grain);
	const format = valueFormatter(input.unit ?? 'count', locale);
	const color = input.color ?? seriesStyle(0, input.theme).color;
	const points: ChartPoint[] = [];
	let first: number | null = null;
	let last: number | null = null;
	let low = Number.POSITIVE_INFINITY;
	let high = Number.NEGATIVE_INFINITY;
	const changed: number[] = [];
	for (let i = 0; i < input.starts.length; i++) {
		const value = input.values[i];
		const y = Number.isNaN(value) ? null : value;
		const point: ChartPoint = { x: dayToMs(input.starts[i]), y };
		if (input.joined?.[i]) point.joined = input.joined[i];
		if (input.left?.[i]) point.left = input.left[i];
		if (point.joined || point.left) changed.push(i);
		points.push(point);
		if (y === null) continue;
		if (first === null) first = i;
		last = i;
		low = Math.min(low, y);
		high = Math.max(high, y);
	}
	const label = input.label ?? words.text('value');
	const membership = changed.length
		? ' ' +
			words.text('sparkline.membership', {
				count: changed.length,
				buckets: changed.map((i) => `${bucket(input.starts[i])} (${membershipChangeText(points[i].joined ?? 0, points[i].left ?? 0)})`).join(words.text('markSeparator'))
			})
		: '';
	const values =
		first === null || last === null
			? words.text('sparkline.noData', { label })
			: first === last
				? words.text('sparkline.one', { label, value: format(input.values[first]), bucket: bucket(input.starts[first]) })
				: words.text('sparkline.range', {
						label,
						first: format(input.values[first]),
						firstBucket: bucket(input.starts[first]),
						last: format(input.values[last]),
						lastBucket: bucket(input.starts[last]),
						low: format(low),
						high: format(high)
					});
	const summary = values + membership;

	const config: ChartConfiguration<'line', ChartPoint[]> = {
		type: 'line',
		data: {
			datasets: [
				{
					label,
					data: points,
					borderColor: color,
					backgroundColor: withAlpha(color, 0.15),
					borderWidth: 1.5,
					// a step that is a change of accounts gets a mark: ▲ accounts join, ▼ leave, ◆ both
					pointRadius: changed.length ? (context) => (isChartPoint(context.raw) && (context.raw.joined || context.raw.left) ? 3.5 : 0) : 0,
					pointStyle: changed.length ? (context) => (isChartPoint(context.raw) && context.raw.joined && context.raw.left ? 'rectRot' : 'triangle') : undefined,
					pointRotation: changed.length ? (context) => (isChartPoint(context.raw) && context.raw.left && !context.raw.joined ? 180 : 0) : undefined,
					pointBackgroundColor: color,
					pointHoverRadius: 3,
					fill: 'origin',
					spanGaps: false
				}
			]
		},
		options: {
			parsing: false,
			normalized: true,
			animation: false,
			maintainAspectRatio: false,
			interaction: { mode: 'nearest', axis: 'x', intersect: false },
			scales: { x: { type: 'time', display: false }, y: { display: false, beginAtZero: false } },
			plugins: {
				legend: { display: false },
				tooltip: {
					displayColors: false,
					callbacks: {
						title: (items: TooltipItem<'line'>[]) => (items.length ? bucket(msToDay(items[0].parsed.x ?? 0)) : ''),
						label: (item: TooltipItem<'line'>) => {
							const point = isChartPoint(item.raw) ? item.raw : null;
							const y = point?.y ?? null;
							return (y === null ? words.text('noData') : format(y)) + pointMarks(point, words);
						}
					}
				}
			}
		}
	};

	// the table's rows are made when first read (the table shown): every card is built again on each
	// change of view, and wording every bucket's label was most of that (as for the main chart's table)
	let rows: ChartTableRow[] | undefined;
	const table: ChartTable = {
		caption: label,
		columns: [words.text('period'), label],
		get rows() {
			rows ??= points.map((point, i) => ({
				key: bucketKey(input.starts[i], input.grain),
				label: bucket(input.starts[i]),
				values: [point.y],
				text: [(point.y === null ? '–' : format(point.y)) + pointMarks(point, words)]
			}));
			return rows;
		},
		footnotes: [words.text('sparklineGapFootnote'), ...(changed.length ? [words.text('sparklineMembershipFootnote')] : [])]
	};
	return { config, summary, table, marked: changed.length > 0 };
}
