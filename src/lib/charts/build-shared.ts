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
import type { CsvCell } from '../domain/analytics/csv';
import type { Grain } from '../domain/analytics/grain';
import { intlNumberFormatter, MINUS } from '../domain/analytics/growth';
import type { ChartTheme } from './palette';
import { THEME_COLORS } from './palette';

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
}

export function isChartPoint(value: unknown): value is ChartPoint {
	return typeof value === 'object' && value !== null && 'x' in value && 'y' in value;
}

const GRAIN_NOUNS: Record<Grain, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/**
 * The y-axis title, saying how a bucket's value was made: `Impressions per week (sum)`,
 * `Reach (daily average)`, `Followers (end of week, derived where marked)`.
 */
export function axisTitle(metric: MetricKey, grain: Grain, options: { semantics?: MetricSemantics; derived?: boolean } = {}): string {
	const { label } = METRICS[metric];
	const semantics = options.semantics ?? METRICS[metric].semantics;
	const noun = GRAIN_NOUNS[grain];
	const derived = options.derived ? 'derived where marked' : '';
	// `Engagement rate (reported)` + `average of daily values` → `Engagement rate (reported; average of daily values)`
	const qualify = (text: string, note: string) => (note ? (text.endsWith(')') ? `${text.slice(0, -1)}; ${note})` : `${text} (${note})`) : text);
	switch (semantics) {
		case 'flow':
			return grain === 'day' ? `${label} per day` : `${label} per ${noun} (sum)`;
		case 'level':
			if (grain === 'day') return qualify(label, derived);
			return qualify(label, `end of ${noun}${derived ? `, ${derived}` : ''}`);
		case 'unique':
			return qualify(label, grain === 'day' ? 'per day' : 'daily average');
		case 'ratio':
			return qualify(label, grain === 'day' ? '' : 'average of daily values');
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
 * Largest-Triangle-Three-Buckets over one gap-free run of points, keeping the first and last.
 * Chart.js's own LTTB treats a null y as 0 and may keep or drop gap points at random, which would
 * draw a line across missing data; so series with gaps are thinned here, run by run, and the gaps
 * (one null point each) kept. Gap-free series are left to the decimation plugin.
 */
function lttb(run: ChartPoint[], samples: number): ChartPoint[] {
	if (samples >= run.length || samples < 3) return samples < 3 && run.length > 2 ? [run[0], run[run.length - 1]] : run;
	const out: ChartPoint[] = [run[0]];
	const bucketWidth = (run.length - 2) / (samples - 2);
	let a = 0;
	for (let i = 0; i < samples - 2; i++) {
		const avgStart = Math.floor((i + 1) * bucketWidth) + 1;
		const avgEnd = Math.min(Math.floor((i + 2) * bucketWidth) + 1, run.length);
		let avgX = 0;
		let avgY = 0;
		for (let j = avgStart; j < avgEnd; j++) {
			avgX += run[j].x;
			avgY += run[j].y as number;
		}
		const avgLength = Math.max(1, avgEnd - avgStart);
		avgX /= avgLength;
		avgY /= avgLength;
		const rangeStart = Math.floor(i * bucketWidth) + 1;
		const rangeEnd = Math.floor((i + 1) * bucketWidth) + 1;
		const ax = run[a].x;
		const ay = run[a].y as number;
		let maxArea = -1;
		let chosen = rangeStart;
		for (let j = rangeStart; j < rangeEnd; j++) {
			const area = Math.abs((ax - avgX) * ((run[j].y as number) - ay) - (ax - run[j].x) * (avgY - ay));
			if (area > maxArea) {
				maxArea = area;
				chosen = j;
			}
		}
		out.push(run[chosen]);
		a = chosen;
	}
	out.push(run[run.length - 1]);
	return out;
}

/**
 * Thins a series with gaps to about `samples` points without bridging any gap: runs of values are
 * decimated in proportion to their length, each gap stays one null point. Series without gaps, or
 * short enough, come back as they are.
 */
export function decimateKeepingGaps(points: ChartPoint[], samples: number): ChartPoint[] {
	if (points.length <= samples) return points;
	const runs: ChartPoint[][] = [];
	const gaps: (ChartPoint | null)[] = [];
	let run: ChartPoint[] = [];
	let gap: ChartPoint | null = null;
	let hasGap = false;
	for (const point of points) {
		if (point.y === null) {
			hasGap = true;
			if (run.length) {
				runs.push(run);
				gaps.push(gap);
				run = [];
				gap = point;
			} else gap ??= point;
			continue;
		}
		run.push(point);
	}
	if (!hasGap) return points;
	if (run.length) {
		runs.push(run);
		gaps.push(gap);
		gap = null;
	}
	const valuePoints = runs.reduce((sum, r) => sum + r.length, 0);
	const budget = Math.max(samples - runs.length, runs.length * 2);
	const out: ChartPoint[] = [];
	runs.forEach((r, i) => {
		if (gaps[i]) out.push(gaps[i]!);
		const share = Math.max(2, Math.round((r.length / valuePoints) * budget));
		out.push(...lttb(r, share));
	});
	if (gap) out.push(gap);
	return out;
}

export interface ChartAnnotation {
	/** Field names match the stored AnnotationRecord, so records can be passed as they are. */
	startDay: DayNumber;
	/** A box from startDay to the end of endDay; null / absent: a single line. */
	endDay?: DayNumber | null;
	label: string;
}

export interface AnnotationPluginOptions {
	items: ChartAnnotation[];
	lineColor: string;
	fillColor: string;
	textColor: string;
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
	ctx.save();
	ctx.font = options?.font ?? '12px system-ui, sans-serif';
	ctx.textBaseline = 'top';
	for (const item of [...items].sort((a, b) => a.startDay - b.startDay)) {
		const x0 = scale.getPixelForValue(dayToMs(item.startDay));
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
		items: items.map((item) => ({ startDay: item.startDay, endDay: item.endDay ?? null, label: item.label })),
		lineColor: colors.annotationLine,
		fillColor: colors.annotationFill,
		textColor: colors.mutedText
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
