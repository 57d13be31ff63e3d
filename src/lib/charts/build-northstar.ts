/**
 * The north-star chart: the tracked value (faded) and its smoothed line, the trend fitted over the
 * recent past, its projection to the target day (dashed), the straight path from baseline to target
 * (dotted) and the target itself as a marker. Time axis from the baseline to the target day.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatDay } from '../domain/analytics/grain';
import type { NorthStarResult, NorthStarTarget } from '../domain/analytics/northstar';
import {
	ANNOTATION_PLUGIN_ID,
	annotationOptions,
	annotationPlugin,
	dayToMs,
	decimateKeepingGaps,
	isChartPoint,
	msToDay,
	valueFormatter,
	type ChartAnnotation,
	type ChartPoint,
	type ChartTable
} from './build-shared';
import { seriesStyle, THEME_COLORS, withAlpha, type ChartTheme } from './palette';

export interface NorthStarChartInput {
	goal: NorthStarTarget;
	result: NorthStarResult;
	theme: ChartTheme;
	locale?: string;
	annotations?: readonly ChartAnnotation[];
	samples?: number;
}

export interface NorthStarChart {
	config: ChartConfiguration<'line', ChartPoint[]>;
	table: ChartTable;
}

export function buildNorthStarChart(input: NorthStarChartInput): NorthStarChart {
	const { goal, result, theme } = input;
	const locale = input.locale ?? 'en';
	const format = valueFormatter(result.unit, locale);
	const formatTick = valueFormatter(result.unit, locale, true);
	const colors = THEME_COLORS[theme];
	const main = seriesStyle(0, theme).color;
	const trendColor = seriesStyle(1, theme).color;
	const samples = input.samples ?? 600;
	const from = Math.max(result.startDay, Math.min(goal.baselineDay, result.current?.day ?? goal.baselineDay));
	const to = result.current?.day ?? result.startDay + result.tracked.length - 1;

	const daily = (values: Float64Array): ChartPoint[] => {
		const points: ChartPoint[] = [];
		for (let day = from; day <= to; day++) {
			const v = values[day - result.startDay];
			points.push({ x: dayToMs(day), y: v === undefined || Number.isNaN(v) ? null : v });
		}
		return decimateKeepingGaps(points, samples);
	};

	const smoothedIsTracked = result.smoothingDays === null;
	const datasets: ChartConfiguration<'line', ChartPoint[]>['data']['datasets'] = [
		{
			label: result.measure,
			data: daily(result.tracked),
			borderColor: smoothedIsTracked ? main : withAlpha(main, 0.35),
			backgroundColor: main,
			borderWidth: smoothedIsTracked ? 2 : 1,
			pointRadius: 0,
			spanGaps: false,
			order: 2
		}
	];
	if (!smoothedIsTracked) {
		datasets.push({
			label: `${result.measure} · ${result.smoothingDays}-day average`,
			data: daily(result.smoothed),
			borderColor: main,
			backgroundColor: main,
			borderWidth: 2,
			pointRadius: 0,
			spanGaps: false,
			order: 1
		});
	}
	if (result.trend) {
		const { trend } = result;
		datasets.push({
			label: 'Trend',
			data: [
				{ x: dayToMs(trend.fromDay), y: trend.valueAt(trend.fromDay) },
				{ x: dayToMs(trend.toDay), y: trend.valueAt(trend.toDay) }
			],
			borderColor: trendColor,
			backgroundColor: trendColor,
			borderWidth: 2,
			pointRadius: 0
		});
		if (result.projection && goal.targetDay > trend.toDay) {
			datasets.push({
				label: 'Projection',
				data: [
					{ x: dayToMs(trend.toDay), y: trend.valueAt(trend.toDay) },
					{ x: dayToMs(result.projection.day), y: result.projection.value }
				],
				borderColor: trendColor,
				backgroundColor: trendColor,
				borderWidth: 2,
				borderDash: [6, 4],
				pointRadius: 0
			});
		}
	}
	datasets.push(
		{
			label: 'Required path',
			data: [
				{ x: dayToMs(goal.baselineDay), y: goal.baselineValue },
				{ x: dayToMs(goal.targetDay), y: goal.target }
			],
			borderColor: colors.mutedText,
			backgroundColor: colors.mutedText,
			borderWidth: 1,
			borderDash: [2, 3],
			pointRadius: 0
		},
		{
			label: 'Target',
			data: [{ x: dayToMs(goal.targetDay), y: goal.target }],
			borderColor: colors.target,
			backgroundColor: colors.target,
			showLine: false,
			pointStyle: 'star',
			pointRadius: 9,
			pointBorderWidth: 2
		}
	);

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
					min: dayToMs(Math.min(from, goal.baselineDay)),
					max: dayToMs(Math.max(goal.targetDay, to)),
					time: { minUnit: 'day', isoWeekday: true },
					ticks: { color: colors.mutedText, maxRotation: 0, autoSkip: true },
					grid: { color: colors.grid }
				},
				y: {
					title: { display: true, text: result.measure, color: colors.mutedText },
					ticks: { color: colors.mutedText, callback: (value) => formatTick(Number(value)) },
					grid: { color: colors.grid }
				}
			},
			plugins: {
				legend: { display: true, labels: { color: colors.text } },
				tooltip: {
					callbacks: {
						title: (items: TooltipItem<'line'>[]) => (items.length ? formatDay(msToDay(items[0].parsed.x ?? 0), locale) : ''),
						label: (item: TooltipItem<'line'>) => {
							const y = isChartPoint(item.raw) ? item.raw.y : null;
							return `${item.dataset.label ?? ''}: ${y === null ? 'no data' : format(y)}`;
						}
					}
				},
				decimation: { enabled: true, algorithm: 'lttb', samples, threshold: samples },
				[ANNOTATION_PLUGIN_ID]: annotationOptions(input.annotations ?? [], theme)
			}
		},
		plugins: [annotationPlugin<'line'>()]
	};

	const facts: [string, string, number | null][] = [
		['baseline', `Baseline, ${formatDay(goal.baselineDay, locale)}`, goal.baselineValue],
		['current', result.current ? `Now, ${formatDay(result.current.day, locale)}` : 'Now', result.current?.value ?? null],
		['projection', `Projection, ${formatDay(goal.targetDay, locale)}`, result.projection?.value ?? null],
		['target', `Target, ${formatDay(goal.targetDay, locale)}`, goal.target]
	];
	const table: ChartTable = {
		caption: result.sentence,
		columns: ['Point', result.measure],
		rows: facts.map(([key, label, value]) => ({ key, label, values: [value], text: [value === null ? '–' : format(value)] })),
		footnotes: [`Verdict: ${result.verdict}.`]
	};
	return { config, table };
}
