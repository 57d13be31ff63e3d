/**
 * The weekday × hour grid as plain data for an HTML table (a table is its own text alternative):
 * each cell's value, sample size, colour on a sequential colour-blind-safe ramp and readable text
 * colour. Cells with fewer posts than the heatmap's minimum sample are muted, so a lucky single post
 * does not light up a slot. Sentences (caption, cell titles, footnotes, weekday names) are the UI's:
 * it words them in the active language from what the grid says here.
 */
import type { PostingHeatmap } from '../domain/analytics/cadence';
import { METRICS } from '../domain/metrics';
import { valueFormatter } from './build-shared';
import { heatColor, HEAT_SCALE, luminance, THEME_COLORS, type ChartTheme } from './palette';

export type HeatmapMeasure = 'median' | 'posts';

export interface HeatmapGridCell {
	hour: number;
	value: number | null;
	/** Posts behind the value (with the metric, for medians). */
	n: number;
	reliable: boolean;
	background: string;
	color: string;
	/** What the cell shows: the value, or `n=2` for a muted cell. */
	text: string;
	/** The slot's hours as `09:00` and `09:59`, for the cell's tooltip. */
	from: string;
	to: string;
}

export interface HeatmapGridRow {
	/** 0 = Monday … 6 = Sunday. */
	weekday: number;
	cells: HeatmapGridCell[];
}

export interface HeatmapGrid {
	measure: HeatmapMeasure;
	/** `00` … `23`. */
	hours: string[];
	rows: HeatmapGridRow[];
	legend: { min: number | null; max: number | null; colors: readonly string[] };
	/** Cells with fewer posts with data are muted (medians only). */
	minSample: number;
	/** Posts not in the grid because their export gives no time of day. */
	withoutTime: number;
}

const hourLabel = (hour: number) => String(hour).padStart(2, '0');

export function buildHeatmapGrid(
	heatmap: PostingHeatmap,
	options: { theme: ChartTheme; measure?: HeatmapMeasure; locale?: string }
): HeatmapGrid {
	const measure = options.measure ?? 'median';
	const theme = options.theme;
	const metric = METRICS[heatmap.metric];
	const format = valueFormatter(metric.unit, options.locale ?? 'en');
	const valueOf = (cell: PostingHeatmap['cells'][number][number]) => (measure === 'posts' ? cell.posts : cell.median);
	const sizeOf = (cell: PostingHeatmap['cells'][number][number]) => (measure === 'posts' ? cell.posts : cell.n);
	const reliableOf = (cell: PostingHeatmap['cells'][number][number]) => measure === 'posts' || cell.reliable;

	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const row of heatmap.cells) {
		for (const cell of row) {
			const value = valueOf(cell);
			if (value === null || !reliableOf(cell)) continue;
			min = Math.min(min, value);
			max = Math.max(max, value);
		}
	}
	const hasRange = Number.isFinite(min);
	const muted = THEME_COLORS[theme].mutedCell;
	const mutedText = THEME_COLORS[theme].mutedText;
	const rows = heatmap.cells.map((row, weekday) => ({
		weekday,
		cells: row.map((cell): HeatmapGridCell => {
			const value = valueOf(cell);
			const n = sizeOf(cell);
			const reliable = reliableOf(cell) && value !== null;
			const slot = { from: `${hourLabel(cell.hour)}:00`, to: `${hourLabel(cell.hour)}:59` };
			if (!reliable) {
				return {
					hour: cell.hour,
					value,
					n,
					reliable: false,
					background: muted,
					color: mutedText,
					text: n > 0 ? `n=${n}` : '',
					...slot
				};
			}
			const intensity = max > min ? (value - min) / (max - min) : 1;
			const background = heatColor(intensity, theme);
			return {
				hour: cell.hour,
				value,
				n,
				reliable: true,
				background,
				color: luminance(background) > 0.35 ? '#1b1f24' : '#ffffff',
				text: format(value),
				...slot
			};
		})
	}));

	return {
		measure,
		hours: Array.from({ length: 24 }, (_, hour) => hourLabel(hour)),
		rows,
		legend: { min: hasRange ? min : null, max: hasRange ? max : null, colors: HEAT_SCALE[theme] },
		minSample: heatmap.minSample,
		withoutTime: heatmap.withoutTime
	};
}
