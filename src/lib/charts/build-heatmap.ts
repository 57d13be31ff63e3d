/**
 * The weekday × hour grid as plain data for an HTML table (a table is its own text alternative):
 * each cell's value, sample size, colour on a sequential colour-blind-safe ramp, readable text
 * colour, and a title sentence. Cells with fewer posts than the heatmap's minimum sample are muted,
 * so a lucky single post does not light up a slot.
 */
import { WEEKDAY_LABELS, type PostingHeatmap } from '../domain/analytics/cadence';
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
	/** Full sentence for a tooltip / screen readers. */
	title: string;
}

export interface HeatmapGridRow {
	weekday: number;
	label: string;
	cells: HeatmapGridCell[];
}

export interface HeatmapGrid {
	caption: string;
	/** `00` … `23`. */
	hours: string[];
	rows: HeatmapGridRow[];
	legend: { min: number | null; max: number | null; colors: readonly string[] };
	footnotes: string[];
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
	const what = measure === 'posts' ? 'posts published' : `median ${metric.label.toLowerCase()} per post`;

	const rows = heatmap.cells.map((row, weekday) => ({
		weekday,
		label: WEEKDAY_LABELS[weekday],
		cells: row.map((cell): HeatmapGridCell => {
			const value = valueOf(cell);
			const n = sizeOf(cell);
			const reliable = reliableOf(cell) && value !== null;
			const slot = `${WEEKDAY_LABELS[weekday]} ${hourLabel(cell.hour)}:00–${hourLabel(cell.hour)}:59`;
			if (!reliable) {
				return {
					hour: cell.hour,
					value,
					n,
					reliable: false,
					background: muted,
					color: mutedText,
					text: n > 0 ? `n=${n}` : '',
					title:
						n > 0
							? `${slot}: only ${n} post${n === 1 ? '' : 's'} with data — too few to compare (at least ${heatmap.minSample}).`
							: `${slot}: no posts.`
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
				title:
					measure === 'posts'
						? `${slot}: ${format(value)} posts published.`
						: `${slot}: ${what} ${format(value)} (${n} posts).`
			};
		})
	}));

	return {
		caption: `${what[0].toUpperCase()}${what.slice(1)}, by weekday and hour of publishing (the export’s local time)`,
		hours: Array.from({ length: 24 }, (_, hour) => hourLabel(hour)),
		rows,
		legend: { min: hasRange ? min : null, max: hasRange ? max : null, colors: HEAT_SCALE[theme] },
		footnotes: [
			...(measure === 'median' ? [`Grey cells have fewer than ${heatmap.minSample} posts with data: too few to compare.`] : []),
			...(heatmap.withoutTime > 0 ? [`Posts without a time of day in their export, not shown: ${heatmap.withoutTime}.`] : [])
		]
	};
}
