/**
 * A KPI card's sparkline: one small line without axes or legend, gaps kept, plus a one-sentence
 * summary for screen readers (the card's aria-label) and the values as a table.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { bucketKey, type Grain } from '../domain/analytics/grain';
import type { MetricUnit } from '../domain/metrics';
import { dayToMs, isChartPoint, msToDay, valueFormatter, wordsOf, type ChartPoint, type ChartTable, type ChartTableRow, type ChartWords } from './build-shared';
import { seriesStyle, withAlpha, type ChartTheme } from './palette';

export interface SparklineInput {
	/** KpiCard.sparkline fits as is. */
	grain: Grain;
	starts: ArrayLike<number>;
	/** NaN = gap. */
	values: ArrayLike<number>;
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
	for (let i = 0; i < input.starts.length; i++) {
		const value = input.values[i];
		const y = Number.isNaN(value) ? null : value;
		points.push({ x: dayToMs(input.starts[i]), y });
		if (y === null) continue;
		if (first === null) first = i;
		last = i;
		low = Math.min(low, y);
		high = Math.max(high, y);
	}
	const label = input.label ?? words.text('value');
	const summary =
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
					pointRadius: 0,
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
							const y = isChartPoint(item.raw) ? item.raw.y : null;
							return y === null ? words.text('noData') : format(y);
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
				text: [point.y === null ? '–' : format(point.y)]
			}));
			return rows;
		},
		footnotes: [words.text('sparklineGapFootnote')]
	};
	return { config, summary, table };
}
