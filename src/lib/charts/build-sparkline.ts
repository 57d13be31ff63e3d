/**
 * A KPI card's sparkline: one small line without axes or legend, gaps kept, plus a one-sentence
 * summary for screen readers (the card's aria-label) and the values as a table.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { bucketKey, bucketLabel, type Grain } from '../domain/analytics/grain';
import type { MetricUnit } from '../domain/metrics';
import { dayToMs, isChartPoint, msToDay, valueFormatter, type ChartPoint, type ChartTable } from './build-shared';
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
}

export interface Sparkline {
	config: ChartConfiguration<'line', ChartPoint[]>;
	summary: string;
	table: ChartTable;
}

export function buildSparkline(input: SparklineInput): Sparkline {
	const locale = input.locale ?? 'en';
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
	const label = input.label ?? 'Value';
	const summary =
		first === null || last === null
			? `${label}: no data.`
			: first === last
				? `${label}: ${format(input.values[first])} (${bucketLabel(input.starts[first], input.grain, locale)}).`
				: `${label}: from ${format(input.values[first])} (${bucketLabel(input.starts[first], input.grain, locale)}) to ` +
					`${format(input.values[last])} (${bucketLabel(input.starts[last], input.grain, locale)}); low ${format(low)}, high ${format(high)}.`;

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
						title: (items: TooltipItem<'line'>[]) => (items.length ? bucketLabel(msToDay(items[0].parsed.x ?? 0), input.grain, locale) : ''),
						label: (item: TooltipItem<'line'>) => {
							const y = isChartPoint(item.raw) ? item.raw.y : null;
							return y === null ? 'no data' : format(y);
						}
					}
				}
			}
		}
	};

	const rows = points.map((point, i) => ({
		key: bucketKey(input.starts[i], input.grain),
		label: bucketLabel(input.starts[i], input.grain, locale),
		values: [point.y],
		text: [point.y === null ? '–' : format(point.y)]
	}));
	return { config, summary, table: { caption: label, columns: ['Period', label], rows, footnotes: ['– means no data for that period.'] } };
}
