/**
 * Pieces every chart builder shares: the point shape (`parsing: false`, x = epoch ms of a day),
 * axis titles that say how values were aggregated, gap-keeping decimation, the inline annotation
 * plugin and the accessible data table returned with each chart.
 *
 * Pure: no Chart.js runtime import (types only), so builders are unit-tested in Node.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';
import type { DayNumber } from '../domain/days';
import { METRICS, type MetricKey, type MetricSemantics, type MetricUnit } from '../domain/metrics';
import type { MembershipChange } from '../domain/analytics/aggregate';
import type { CsvCell } from '../domain/analytics/csv';
import { bucketLabel, formatDay, type Grain } from '../domain/analytics/grain';
import { intlNumberFormatter, MINUS } from '../domain/analytics/growth';
import { THEME_COLORS, withAlpha, type ChartTheme } from './palette';

export const MS_PER_DAY = 86_400_000;

/** Epoch ms of a day's UTC midnight: what a point's x is. */
export function dayToMs(day: DayNumber): number {
	return day * MS_PER_DAY;
}

/** The day a point's x stands for (rounding absorbs any sub-day offset a scale adds). */
export function msToDay(ms: number): DayNumber {
	return Math.round(ms / MS_PER_DAY);
}

/**
 * A data point. Extra fields ride along to tooltips and scriptable styles; Chart.js keeps the point
 * objects themselves (also through LTTB decimation), so `context.raw` is this object.
 */
export interface ChartPoint {
	x: number;
	y: number | null;
	/** Days with data in the bucket, and the bucket's length, when partially covered. */
	covered?: number;
	span?: number;
	partial?: boolean;
	derived?: boolean;
	incomplete?: boolean;
	/** Accounts that begin (`joined`) or cease (`left`) to count in this total during the bucket. */
	joined?: number;
	left?: number;
}

export function isChartPoint(value: unknown): value is ChartPoint {
	return typeof value === 'object' && value !== null && 'x' in value && 'y' in value;
}

/**
 * Every phrase a chart shows, as templates with `{{name}}` placeholders. Builders stay pure: they
 * take a ChartWords (the UI passes chartWords() from $lib/i18n/analytics, backed by the
 * `analytics:chart.*` messages); without one they speak English, which is what these templates are
 * and what the English catalogue holds (a test keeps the two equal).
 */
export const ENGLISH_CHART_TEXT = {
	period: 'Period',
	point: 'Point',
	value: 'Value',
	noData: 'no data',
	series: '{{label}} · {{item}}',
	tooltip: '{{label}}: {{value}}',
	marks: ' ({{marks}})',
	markSeparator: '; ',
	partialMark: '{{covered}} of {{span}} days',
	derivedMark: 'derived',
	incompleteMark: 'some accounts missing',
	joinedMark: 'accounts joining the total: {{n}}',
	leftMark: 'accounts leaving the total: {{n}}',
	membershipLabel: 'accounts {{change}}',
	membershipLineLabel: '{{label}}: {{change}}',
	membershipFootnote: '“accounts +n” / “accounts −n” on the chart: accounts that start or stop counting in a total there (where their data begins or ends), so a rise or fall there is partly a change of accounts.',
	gapFootnote: '– means no data for that period (a gap, not zero).',
	sparklineGapFootnote: '– means no data for that period.',
	sparklineMembershipFootnote: '▲ / ▼ on the line: accounts that start or stop counting in the total in that period, so a rise or fall there is partly a change of accounts.',
	partialFootnote: '“n of m days”: only n of the period’s m days had data.',
	derivedFootnote: '“derived”: rebuilt from daily changes, not reported by the platform.',
	rawValues: '{{label}} ({{grain}} values)',
	yearAgo: '{{label}} · a year earlier',
	yearEarlier: 'A year earlier',
	totalYearAgo: 'Total a year earlier',
	stackedRate: '{{metric}} is a rate: rates cannot be stacked, so each is drawn as its own line.',
	stackedUniques: 'Stacked uniques add up daily uniques; the same person may follow several accounts.',
	stackedRolling: 'Rolling averages are not drawn over stacked areas.',
	'rolling.day': '{{n}}-day average',
	'rolling.week': '{{n}}-week average',
	'rolling.month': '{{n}}-month average',
	'rolling.quarter': '{{n}}-quarter average',
	'rolling.year': '{{n}}-year average',
	'axis.flowDay': '{{metric}} per day',
	'axis.flow.week': '{{metric}} per week (sum)',
	'axis.flow.month': '{{metric}} per month (sum)',
	'axis.flow.quarter': '{{metric}} per quarter (sum)',
	'axis.flow.year': '{{metric}} per year (sum)',
	'axis.qualified': '{{text}} ({{note}})',
	'axis.noteSeparator': '; ',
	'axis.derived': 'derived where marked',
	'axis.end.week': 'end of week',
	'axis.end.month': 'end of month',
	'axis.end.quarter': 'end of quarter',
	'axis.end.year': 'end of year',
	'axis.endDerived': '{{end}}, {{derived}}',
	'axis.uniqueDay': 'per day',
	'axis.uniqueAverage': 'daily average',
	'axis.ratioAverage': 'average of daily values',
	'sparkline.noData': '{{label}}: no data.',
	'sparkline.one': '{{label}}: {{value}} ({{bucket}}).',
	'sparkline.range': '{{label}}: from {{first}} ({{firstBucket}}) to {{last}} ({{lastBucket}}); low {{low}}, high {{high}}.',
	'sparkline.membership': 'Marked where accounts start or stop counting in the total: {{buckets}}.',
	'northStar.measurePerDays': '{{metric}} per {{days}} days',
	'northStar.smoothed': '{{measure}} · {{days}}-day average',
	'northStar.trend': 'Trend',
	'northStar.projection': 'Projection',
	'northStar.requiredPath': 'Required path',
	'northStar.target': 'Target',
	'northStar.baselineOn': 'Baseline, {{day}}',
	'northStar.now': 'Now',
	'northStar.nowOn': 'Now, {{day}}',
	'northStar.projectionOn': 'Projection, {{day}}',
	'northStar.targetOn': 'Target, {{day}}',
	'northStar.verdictFootnote': 'Verdict: {{verdict}}.',
	'verdict.achieved': 'achieved',
	'verdict.ahead': 'ahead',
	'verdict.onTrack': 'on track',
	'verdict.behind': 'behind',
	'verdict.missed': 'missed',
	'verdict.notEnoughData': 'not enough data'
} as const;

export type ChartTextKey = keyof typeof ENGLISH_CHART_TEXT;

export interface ChartWords {
	/** For Intl number formats. */
	locale: string;
	/** A date-fns locale for the time axis (scale adapters.date.locale); undefined: date-fns's English. */
	dateLocale?: object;
	/** date-fns patterns for the time axis's ticks by unit (`yyyy年M月`); undefined: Chart.js's English ones. */
	timeFormats?: Partial<Record<'day' | 'week' | 'month' | 'quarter' | 'year', string>>;
	text(key: ChartTextKey, values?: Record<string, string | number>): string;
	metric(metric: MetricKey): string;
	/** A calendar day, `Mar 18, 2024`. */
	day(day: DayNumber): string;
	/** A bucket, `Week of Mar 18, 2024`, `Q1 2024`. */
	bucket(day: DayNumber, grain: Grain): string;
	/** `weekly`, inside a phrase. */
	grain(grain: Grain): string;
}

const fill = (template: string, values: Record<string, string | number> = {}) =>
	template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

const ENGLISH_GRAINS: Record<Grain, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** The English words, for tests, logs and callers that pass none (the core's own English labels). */
export function englishChartWords(locale = 'en'): ChartWords {
	return {
		locale,
		text: (key, values) => fill(ENGLISH_CHART_TEXT[key], values),
		metric: (metric) => METRICS[metric].label,
		day: (day) => formatDay(day, locale),
		bucket: (day, grain) => bucketLabel(day, grain, locale),
		grain: (grain) => ENGLISH_GRAINS[grain]
	};
}

/** The words a builder uses: the given ones, else English for `locale`. */
export function wordsOf(input: { words?: ChartWords; locale?: string }): ChartWords {
	return input.words ?? englishChartWords(input.locale ?? 'en');
}

/** Spread into a time scale's `time`: tick patterns in the words' language, where they give some. */
export function timeFormats(words: ChartWords): { displayFormats?: Record<string, string> } {
	return words.timeFormats ? { displayFormats: { ...words.timeFormats } as Record<string, string> } : {};
}

/**
 * Spread into a time scale: its date-fns locale, where the words carry one (month names on the
 * ticks). Nothing otherwise: an `adapters: undefined` would replace Chart.js's defaults.
 */
export function timeAdapters(words: ChartWords): { adapters?: { date: { locale: object } } } {
	return words.dateLocale ? { adapters: { date: { locale: words.dateLocale } } } : {};
}

/**
 * The y-axis title, saying how a bucket's value was made: `Impressions per week (sum)`,
 * `Reach (daily average)`, `Followers (end of week, derived where marked)`.
 */
export function axisTitle(
	metric: MetricKey,
	grain: Grain,
	options: { semantics?: MetricSemantics; derived?: boolean; words?: ChartWords } = {}
): string {
	const words = options.words ?? englishChartWords();
	const label = words.metric(metric);
	const semantics = options.semantics ?? METRICS[metric].semantics;
	const derived = options.derived ? words.text('axis.derived') : '';
	// `Engagement rate (reported)` + `average of daily values` → `Engagement rate (reported; average of daily values)`
	const qualify = (text: string, note: string) => {
		if (!note) return text;
		const close = text.endsWith(')') ? ')' : text.endsWith('）') ? '）' : null;
		return close ? `${text.slice(0, -1)}${words.text('axis.noteSeparator')}${note}${close}` : words.text('axis.qualified', { text, note });
	};
	switch (semantics) {
		case 'flow':
			return grain === 'day' ? words.text('axis.flowDay', { metric: label }) : words.text(`axis.flow.${grain}`, { metric: label });
		case 'level': {
			if (grain === 'day') return qualify(label, derived);
			const end = words.text(`axis.end.${grain}`);
			return qualify(label, derived ? words.text('axis.endDerived', { end, derived }) : end);
		}
		case 'unique':
			return qualify(label, words.text(grain === 'day' ? 'axis.uniqueDay' : 'axis.uniqueAverage'));
		case 'ratio':
			return qualify(label, grain === 'day' ? '' : words.text('axis.ratioAverage'));
	}
}

/** Formats a metric value for ticks, tooltips and tables. */
export function valueFormatter(unit: MetricUnit, locale = 'en', compact = false): (value: number) => string {
	const format = intlNumberFormatter(locale);
	return (value) => {
		if (!Number.isFinite(value)) return '';
		const sign = value < 0 ? MINUS : '';
		const magnitude = Math.abs(value);
		switch (unit) {
			case 'fraction':
				return `${sign}${format(magnitude * 100, { maximumFractionDigits: magnitude < 0.1 ? 2 : 1 })}%`;
			case 'seconds':
				return `${sign}${format(magnitude, { maximumFractionDigits: 1 })} s`;
			case 'hours':
				return `${sign}${format(magnitude, { maximumFractionDigits: 1 })} h`;
			default:
				return compact
					? `${sign}${format(magnitude, { notation: 'compact', maximumFractionDigits: 1 })}`
					: `${sign}${format(magnitude, { maximumFractionDigits: magnitude < 10 ? 2 : 0 })}`;
		}
	};
}

/**
 * Which positions of a long series to draw: about `samples` of them, chosen on plain arrays (x and
 * y, NaN or null for a gap) so that only those become point objects. Returns null when the series
 * is short enough to draw whole.
 *
 * Each run of values between gaps is thinned on its own with Largest-Triangle-Three-Buckets, its
 * share of `samples` in proportion to its length, and keeps its first and last value and its
 * highest and lowest; each gap keeps its first position, so the chart breaks the line there. Chart.js's
 * own decimation (its plugin) treats a missing value as 0 and may keep or drop gap points at random,
 * which would draw a line across missing data, and it works on every point object inside the
 * chart's update; the builders thin here instead and leave the plugin off.
 *
 * At most `samples` positions, unless the gaps are so many that each run's first, last and extreme
 * values and one position per gap already exceed it (then at most 4 per run and 1 per gap).
 */
export function decimationIndices(x: ArrayLike<number>, y: ArrayLike<number | null>, samples: number): Int32Array | null {
	const count = y.length;
	if (count <= samples) return null;
	const isGap = (i: number) => {
		const value = y[i];
		return value === null || value !== value;
	};
	const runs: number[] = [];
	const gaps: number[] = [];
	let valueCount = 0;
	for (let i = 0; i < count; ) {
		if (isGap(i)) {
			gaps.push(i);
			while (i < count && isGap(i)) i++;
			continue;
		}
		const start = i;
		while (i < count && !isGap(i)) i++;
		runs.push(start, i);
		valueCount += i - start;
	}
	const budget = Math.max(0, samples - gaps.length);
	const kept: number[] = gaps;
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		keepOfRun(x, y, start, end, Math.floor(((end - start) / valueCount) * budget), kept);
	}
	return Int32Array.from(kept).sort();
}

/** Adds to `kept` the positions drawn of the run [start, end): at most max(share, 4), see decimationIndices. */
function keepOfRun(x: ArrayLike<number>, y: ArrayLike<number | null>, start: number, end: number, share: number, kept: number[]): void {
	const length = end - start;
	if (share >= length || length <= 4) {
		for (let i = start; i < end; i++) kept.push(i);
		return;
	}
	// two places are left for the run's highest and lowest value, which LTTB alone may drop
	const picks = Math.max(2, share - 2);
	const from = kept.length;
	kept.push(start);
	const bucketWidth = (length - 2) / (picks - 2);
	let a = start;
	for (let b = 0; b < picks - 2; b++) {
		const avgStart = start + Math.floor((b + 1) * bucketWidth) + 1;
		const avgEnd = Math.min(start + Math.floor((b + 2) * bucketWidth) + 1, end);
		let avgX = 0;
		let avgY = 0;
		for (let j = avgStart; j < avgEnd; j++) {
			avgX += x[j];
			avgY += y[j] as number;
		}
		const avgLength = Math.max(1, avgEnd - avgStart);
		avgX /= avgLength;
		avgY /= avgLength;
		const rangeStart = start + Math.floor(b * bucketWidth) + 1;
		const rangeEnd = start + Math.floor((b + 1) * bucketWidth) + 1;
		const ax = x[a];
		const ay = y[a] as number;
		let maxArea = -1;
		let chosen = rangeStart;
		for (let j = rangeStart; j < rangeEnd; j++) {
			const area = Math.abs((ax - avgX) * ((y[j] as number) - ay) - (ax - x[j]) * (avgY - ay));
			if (area > maxArea) {
				maxArea = area;
				chosen = j;
			}
		}
		kept.push(chosen);
		a = chosen;
	}
	kept.push(end - 1);
	let highest = start;
	let lowest = start;
	for (let i = start + 1; i < end; i++) {
		if ((y[i] as number) > (y[highest] as number)) highest = i;
		if ((y[i] as number) < (y[lowest] as number)) lowest = i;
	}
	for (const extreme of highest === lowest ? [highest] : [highest, lowest]) {
		if (kept.indexOf(extreme, from) === -1) kept.push(extreme);
	}
}

/**
 * A series of points thinned to about `samples` as decimationIndices says (gaps kept as one null
 * point each, never bridged); short series come back as they are.
 */
export function decimateKeepingGaps(points: ChartPoint[], samples: number): ChartPoint[] {
	if (points.length <= samples) return points;
	const at = decimationIndices(
		points.map((point) => point.x),
		points.map((point) => point.y),
		samples
	);
	return at ? Array.from(at, (i) => points[i]) : points;
}

export interface ChartAnnotation {
	/** Field names match the stored AnnotationRecord, so records can be passed as they are. */
	startDay: DayNumber;
	/** A box from startDay to the end of endDay; null / absent: a single line. */
	endDay?: DayNumber | null;
	label: string;
	/**
	 * 'membership': drawn by the chart itself where accounts join or leave a total, finer and
	 * labelled along the bottom, so it reads apart from the person's own annotations at the top.
	 */
	kind?: 'membership';
}

export interface AnnotationPluginOptions {
	items: ChartAnnotation[];
	lineColor: string;
	fillColor: string;
	textColor: string;
	/** Behind the membership labels, which sit low where lines often run. */
	labelBackground?: string;
	font?: string;
}

export const ANNOTATION_PLUGIN_ID = 'chorusAnnotations';

declare module 'chart.js' {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface PluginOptionsByType<TType extends ChartType> {
		chorusAnnotations?: AnnotationPluginOptions;
	}
}

/** The part of a Chart the annotation plugin touches, so it can be tested with a fake canvas. */
export type AnnotationChart = Pick<Chart, 'ctx' | 'chartArea' | 'scales'>;

/**
 * Vertical lines (one day) and shaded boxes (a span of days) with labels, drawn after the datasets
 * and before the tooltip (which Chart.js draws in `afterDraw`, so an `afterDraw` here would paint over
 * it). It reads its items from `options.plugins.chorusAnnotations` on every draw, so updating the
 * chart's options updates the annotations. Labels that would collide move down a row (3 rows).
 */
export function drawAnnotations(chart: AnnotationChart, options: Partial<AnnotationPluginOptions> | undefined): void {
	const items = options?.items ?? [];
	const scale = chart.scales.x;
	if (!items.length || !scale) return;
	const { ctx, chartArea } = chart;
	const { left, right, top, bottom } = chartArea;
	const rowEnds = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
	// membership marks: three rows, as a total's marks and its year-ago line's can fall close together
	const bottomRowEnds = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
	ctx.save();
	ctx.font = options?.font ?? '12px system-ui, sans-serif';
	ctx.textBaseline = 'top';
	for (const item of [...items].sort((a, b) => a.startDay - b.startDay)) {
		const x0 = scale.getPixelForValue(dayToMs(item.startDay));
		if (item.kind === 'membership') {
			if (x0 < left || x0 > right) continue;
			drawMembershipMark(ctx, item.label, x0, chartArea, bottomRowEnds, options);
			continue;
		}
		const hasBox = item.endDay !== undefined && item.endDay !== null && item.endDay > item.startDay;
		const x1 = hasBox ? scale.getPixelForValue(dayToMs(item.endDay! + 1)) : x0;
		if (x1 < left || x0 > right) continue;
		const from = Math.max(left, x0);
		const to = Math.min(right, x1);
		if (hasBox) {
			ctx.fillStyle = options?.fillColor ?? 'rgba(128, 128, 128, 0.12)';
			ctx.fillRect(from, top, to - from, bottom - top);
		}
		if (x0 >= left && x0 <= right) {
			ctx.strokeStyle = options?.lineColor ?? '#888888';
			ctx.lineWidth = 1;
			ctx.setLineDash([4, 3]);
			ctx.beginPath();
			ctx.moveTo(x0, top);
			ctx.lineTo(x0, bottom);
			ctx.stroke();
			ctx.setLineDash([]);
		}
		const width = ctx.measureText(item.label).width;
		let row = rowEnds.findIndex((end) => end + 6 <= from);
		if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
		const textX = Math.min(from + 4, right - width);
		rowEnds[row] = textX + width;
		ctx.fillStyle = options?.textColor ?? '#333333';
		ctx.fillText(item.label, textX, top + 4 + row * 16);
	}
	ctx.restore();
}

/** `+3`, `−2`, `+3 −2`: the accounts a total gains and loses at one place. */
export function membershipChangeText(joined: number, left: number): string {
	return [joined ? `+${joined}` : '', left ? `${MINUS}${left}` : ''].filter(Boolean).join(' ');
}

/** A point's marks in words (" (3 of 7 days; derived)"), for tooltips and table cells; empty when it has none. */
export function pointMarks(point: ChartPoint | null | undefined, words: ChartWords): string {
	if (!point) return '';
	const marks: string[] = [];
	if (point.partial) marks.push(words.text('partialMark', { covered: point.covered ?? 0, span: point.span ?? 0 }));
	if (point.derived) marks.push(words.text('derivedMark'));
	if (point.incomplete) marks.push(words.text('incompleteMark'));
	if (point.joined) marks.push(words.text('joinedMark', { n: point.joined }));
	if (point.left) marks.push(words.text('leftMark', { n: point.left }));
	return marks.length ? words.text('marks', { marks: marks.join(words.text('markSeparator')) }) : '';
}

/** One membership mark per day on which accounts join or leave a daily total ("accounts +1 −2"). */
export function membershipMarksByDay(changes: readonly MembershipChange[], words: ChartWords): ChartAnnotation[] {
	const byDay = new Map<DayNumber, { joined: number; left: number }>();
	for (const change of changes) {
		let counts = byDay.get(change.day);
		if (!counts) byDay.set(change.day, (counts = { joined: 0, left: 0 }));
		if (change.kind === 'joins') counts.joined++;
		else counts.left++;
	}
	return [...byDay].map(([day, { joined, left }]) => ({
		startDay: day,
		label: words.text('membershipLabel', { change: membershipChangeText(joined, left) }),
		kind: 'membership' as const
	}));
}

/** A dotted line up from the axis with its label at the bottom (two rows, moved up when they would collide). */
function drawMembershipMark(
	ctx: CanvasRenderingContext2D,
	label: string,
	x: number,
	area: { left: number; right: number; top: number; bottom: number },
	rowEnds: number[],
	options: Partial<AnnotationPluginOptions> | undefined
): void {
	ctx.strokeStyle = options?.lineColor ?? '#888888';
	ctx.lineWidth = 1;
	ctx.setLineDash([1, 3]);
	ctx.beginPath();
	ctx.moveTo(x, area.top);
	ctx.lineTo(x, area.bottom);
	ctx.stroke();
	ctx.setLineDash([]);
	const width = ctx.measureText(label).width;
	const textX = Math.max(area.left, Math.min(x + 4, area.right - width));
	let row = rowEnds.findIndex((end) => end + 6 <= textX);
	if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
	rowEnds[row] = textX + width;
	const textY = area.bottom - 18 - row * 16;
	if (options?.labelBackground) {
		ctx.fillStyle = options.labelBackground;
		ctx.fillRect(textX - 2, textY - 1, width + 4, 15);
	}
	ctx.fillStyle = options?.textColor ?? '#333333';
	ctx.fillText(label, textX, textY);
}

/** A fresh plugin object per config; Chart.js keeps the one it was created with, which is fine: it reads options. */
export function annotationPlugin<TType extends ChartType = 'line'>(): Plugin<TType, AnnotationPluginOptions> {
	return {
		id: ANNOTATION_PLUGIN_ID,
		afterDatasetsDraw(chart, _args, options) {
			drawAnnotations(chart as unknown as AnnotationChart, options);
		}
	};
}

export function annotationOptions(items: readonly ChartAnnotation[], theme: ChartTheme): AnnotationPluginOptions {
	const colors = THEME_COLORS[theme];
	return {
		items: items.map((item) => ({ startDay: item.startDay, endDay: item.endDay ?? null, label: item.label, ...(item.kind ? { kind: item.kind } : {}) })),
		lineColor: colors.annotationLine,
		fillColor: colors.annotationFill,
		textColor: colors.mutedText,
		labelBackground: withAlpha(colors.surface, 0.85)
	};
}

/**
 * The text alternative of a chart: a data table the UI renders (visually hidden or on demand) and
 * "export CSV" writes. Rows are buckets, columns are series.
 */
export interface ChartTable {
	caption: string;
	/** Header of the first column, then one per series. */
	columns: string[];
	rows: ChartTableRow[];
	/** Marks used in the cells, explained. */
	footnotes: string[];
}

export interface ChartTableRow {
	/** Stable key (bucket key, category). */
	key: string;
	label: string;
	values: (number | null)[];
	/** Formatted cells with their marks (`24 (6 of 7 days)`, `1,204 (derived)`, `–` for a gap). */
	text: string[];
}

/** Header + rows for csv.ts: the key column first, then raw numbers (empty for gaps). */
export function chartTableCsvRows(table: ChartTable): CsvCell[][] {
	return [table.columns, ...table.rows.map((row) => [row.key, ...row.values])];
}
