/**
 * The north-star chart: the tracked value (faded) and its smoothed line, the trend fitted over the
 * recent past, its projection to the target day (dashed), the straight path from baseline to target
 * (dotted) and the target itself as a marker. Time axis from the baseline to the target day.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { MembershipChange } from '../domain/analytics/aggregate';
import type { NorthStarResult, NorthStarTarget, NorthStarVerdict } from '../domain/analytics/northstar';
import {
	ANNOTATION_PLUGIN_ID,
	annotationOptions,
	annotationPlugin,
	dayToMs,
	decimateKeepingGaps,
	isChartPoint,
	membershipMarksByDay,
	msToDay,
	timeAdapters,
	timeFormats,
	valueFormatter,
	wordsOf,
	type ChartTextKey,
	type ChartWords,
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
	/** The words in the active language (chartWords() from $lib/i18n/analytics); default English. */
	words?: ChartWords;
	annotations?: readonly ChartAnnotation[];
	/** A portfolio goal: accounts joining or leaving its total, marked where they do (as on the dashboard's chart). */
	membership?: readonly MembershipChange[];
	samples?: number;
	/** The data table's caption (the sentence in words); default result.sentence, in English. */
	caption?: string;
}

export interface NorthStarChart {
	config: ChartConfiguration<'line', ChartPoint[]>;
	table: ChartTable;
}

/** The message key of each verdict. */
export const VERDICT_KEYS = {
	achieved: 'verdict.achieved',
	ahead: 'verdict.ahead',
	'on track': 'verdict.onTrack',
	behind: 'verdict.behind',
	missed: 'verdict.missed',
	'not enough data': 'verdict.notEnoughData'
} as const satisfies Record<NorthStarVerdict, ChartTextKey>;

/** What the goal tracks, in words: `Impressions per 30 days`, `Followers`. */
export function northStarMeasure(result: Pick<NorthStarResult, 'metric' | 'flowWindowDays'>, words: ChartWords = wordsOf({})): string {
	const metric = words.metric(result.metric);
	return result.flowWindowDays === null ? metric : words.text('northStar.measurePerDays', { metric, days: result.flowWindowDays });
}

export function buildNorthStarChart(input: NorthStarChartInput): NorthStarChart {
	const { goal, result, theme } = input;
	const words = wordsOf(input);
	const membershipMarks = membershipMarksByDay(input.membership ?? [], words);
	const locale = words.locale;
	const measure = northStarMeasure(result, words);
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
			label: measure,
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
			label: words.text('northStar.smoothed', { measure, days: result.smoothingDays ?? 0 }),
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
			label: words.text('northStar.trend'),
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
				label: words.text('northStar.projection'),
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
			label: words.text('northStar.requiredPath'),
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
			label: words.text('northStar.target'),
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
					time: { minUnit: 'day', isoWeekday: true, ...timeFormats(words) },
					...timeAdapters(words),
					ticks: { color: colors.mutedText, maxRotation: 0, autoSkip: true },
					grid: { color: colors.grid }
				},
				y: {
					title: { display: true, text: measure, color: colors.mutedText },
					ticks: { color: colors.mutedText, callback: (value) => formatTick(Number(value)) },
					grid: { color: colors.grid }
				}
			},
			plugins: {
				legend: { display: true, labels: { color: colors.text } },
				tooltip: {
					callbacks: {
						title: (items: TooltipItem<'line'>[]) => (items.length ? words.day(msToDay(items[0].parsed.x ?? 0)) : ''),
						label: (item: TooltipItem<'line'>) => {
							const y = isChartPoint(item.raw) ? item.raw.y : null;
							return words.text('tooltip', { label: item.dataset.label ?? '', value: y === null ? words.text('noData') : format(y) });
						}
					}
				},
				// the builder thins long lines itself, keeping gaps (decimateKeepingGaps): the plugin would
				// only walk every point again, and where many gaps leave a line over `samples` it would
				// thin it once more, drawing across the gaps as zeros
				decimation: { enabled: false },
				[ANNOTATION_PLUGIN_ID]: annotationOptions([...(input.annotations ?? []), ...membershipMarks], theme)
			}
		},
		plugins: [annotationPlugin<'line'>()]
	};

	const facts: [string, string, number | null][] = [
		['baseline', words.text('northStar.baselineOn', { day: words.day(goal.baselineDay) }), goal.baselineValue],
		[
			'current',
			result.current ? words.text('northStar.nowOn', { day: words.day(result.current.day) }) : words.text('northStar.now'),
			result.current?.value ?? null
		],
		['projection', words.text('northStar.projectionOn', { day: words.day(goal.targetDay) }), result.projection?.value ?? null],
		['target', words.text('northStar.targetOn', { day: words.day(goal.targetDay) }), goal.target]
	];
	const table: ChartTable = {
		caption: input.caption ?? result.sentence,
		columns: [words.text('point'), measure],
		rows: facts.map(([key, label, value]) => ({ key, label, values: [value], text: [value === null ? '–' : format(value)] })),
		footnotes: [
			words.text('northStar.verdictFootnote', { verdict: words.text(VERDICT_KEYS[result.verdict]) }),
			...(membershipMarks.length ? [words.text('membershipFootnote')] : [])
		]
	};
	return { config, table };
}
