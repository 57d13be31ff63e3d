import { describe, expect, it } from 'vitest';
import type { Grain } from '../domain/analytics/grain';
import type { MetricKey } from '../domain/metrics';
import {
	annotationOptions,
	annotationPlugin,
	axisTitle,
	chartTableCsvRows,
	dayToMs,
	decimateKeepingGaps,
	decimationIndices,
	drawAnnotations,
	msToDay,
	valueFormatter,
	type AnnotationChart,
	type ChartPoint
} from './build-shared';

describe('axisTitle', () => {
	it.each<[MetricKey, Grain, boolean, string]>([
		['impressions', 'week', false, 'Impressions per week (sum)'],
		['impressions', 'day', false, 'Impressions per day'],
		['reach', 'week', false, 'Reach (daily average)'],
		['reach', 'day', false, 'Reach (per day)'],
		['followers', 'week', true, 'Followers (end of week, derived where marked)'],
		['followers', 'month', false, 'Followers (end of month)'],
		['followers', 'day', true, 'Followers (derived where marked)'],
		['engagement_rate', 'month', false, 'Engagement rate (reported; average of daily values)'],
		['engagement_rate', 'day', false, 'Engagement rate (reported)']
	])('%s by %s (derived %s): %s', (metric, grain, derived, expected) => {
		expect(axisTitle(metric, grain, { derived })).toBe(expected);
	});
});

describe('valueFormatter', () => {
	it('formats by unit', () => {
		expect(valueFormatter('fraction')(0.05357)).toBe('5.36%');
		expect(valueFormatter('fraction')(0.25)).toBe('25%');
		expect(valueFormatter('count')(1234.5)).toBe('1,235');
		expect(valueFormatter('count')(2.25)).toBe('2.25');
		expect(valueFormatter('count', 'en', true)(12_345)).toBe('12.3K');
		expect(valueFormatter('count')(-5)).toBe('−5');
		expect(valueFormatter('seconds')(12.34)).toBe('12.3 s');
		expect(valueFormatter('count', 'de')(1234.5)).toBe('1.235');
		expect(valueFormatter('count')(Number.NaN)).toBe('');
	});
});

describe('days and milliseconds', () => {
	it('round-trips', () => {
		expect(dayToMs(19_723)).toBe(19_723 * 86_400_000);
		expect(msToDay(dayToMs(19_723) - 5 * 3_600_000)).toBe(19_723);
	});
});

describe('decimateKeepingGaps', () => {
	const series = (length: number, gap?: [number, number]): ChartPoint[] =>
		Array.from({ length }, (_, i) => ({ x: i, y: gap && i >= gap[0] && i < gap[1] ? null : Math.sin(i / 10) * 100 }));

	it('leaves short series alone', () => {
		const short = series(100, [10, 20]);
		expect(decimateKeepingGaps(short, 500)).toBe(short);
	});

	it('thins long series without gaps too (Chart.js’s plugin is no longer relied on)', () => {
		const out = decimateKeepingGaps(series(2000), 500);
		expect(out.length).toBeLessThanOrEqual(500);
		expect(out.length).toBeGreaterThan(400);
		expect(out[0].x).toBe(0);
		expect(out[out.length - 1].x).toBe(1999);
	});

	it('thins long series with gaps to about the sample count and keeps one null per gap', () => {
		const out = decimateKeepingGaps(series(3650, [1000, 1100]), 500);
		expect(out.length).toBeLessThanOrEqual(500);
		expect(out.length).toBeGreaterThan(400);
		const nulls = out.filter((point) => point.y === null);
		expect(nulls).toHaveLength(1);
		const at = out.indexOf(nulls[0]);
		// the gap sits between the last value before it and the first after it: no line crosses it
		expect(out[at - 1].x).toBe(999);
		expect(out[at + 1].x).toBe(1100);
		expect(out[0].x).toBe(0);
		expect(out[out.length - 1].x).toBe(3649);
		expect(out.every((point, i) => i === 0 || point.x > out[i - 1].x)).toBe(true);
	});

	it('keeps a leading and a trailing gap', () => {
		const points: ChartPoint[] = [{ x: 0, y: null }, ...series(1000).map((p) => ({ x: p.x + 1, y: p.y })), { x: 1001, y: null }];
		const out = decimateKeepingGaps(points, 100);
		expect(out[0].y).toBeNull();
		expect(out[out.length - 1].y).toBeNull();
	});
});

describe('decimationIndices', () => {
	/** A day series with noise (seeded), spikes and the given gaps (NaN). */
	function noisy(length: number, seed: number, gaps: [number, number][] = []): { x: Float64Array; y: Float64Array } {
		let state = seed;
		const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
		const x = new Float64Array(length);
		const y = new Float64Array(length);
		for (let i = 0; i < length; i++) {
			x[i] = 19_000 + i;
			y[i] = gaps.some(([from, to]) => i >= from && i < to) ? Number.NaN : 1000 + Math.sin(i / 40) * 300 + (random() - 0.5) * 400 + (random() < 0.002 ? 5000 : 0);
		}
		return { x, y };
	}
	const isGap = (value: number) => Number.isNaN(value);
	/** Runs of values as [start, end) pairs. */
	function runsOf(y: Float64Array): [number, number][] {
		const runs: [number, number][] = [];
		for (let i = 0; i < y.length; ) {
			if (isGap(y[i])) {
				i++;
				continue;
			}
			const start = i;
			while (i < y.length && !isGap(y[i])) i++;
			runs.push([start, i]);
		}
		return runs;
	}

	/** Missing days a line between two consecutive drawn values would cross. */
	function bridged(y: Float64Array, at: Int32Array): number[] {
		const crossed: number[] = [];
		for (let k = 1; k < at.length; k++) {
			if (isGap(y[at[k - 1]]) || isGap(y[at[k]])) continue;
			for (let i = at[k - 1] + 1; i < at[k]; i++) if (isGap(y[i])) crossed.push(i);
		}
		return crossed;
	}

	it('keeps everything of a series no longer than the sample count', () => {
		const { x, y } = noisy(600, 1);
		expect(decimationIndices(x, y, 600)).toBeNull();
	});

	const cases: [string, number, [number, number][]][] = [
		['no gap', 3650, []],
		['a leading gap (a rolling average’s first days)', 3650, [[0, 27]]],
		['gaps inside and at both ends', 3650, [[0, 5], [400, 401], [1000, 1100], [2000, 2003], [3640, 3650]]],
		['a single value between two gaps', 3650, [[100, 200], [201, 300]]]
	];
	it.each(cases)('with %s: gaps stay gaps, each run keeps its first, last, highest and lowest value, at most the sample count', (_, length, gaps) => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const { x, y } = noisy(length, seed, gaps);
			const at = decimationIndices(x, y, 600)!;
			expect(at.length).toBeLessThanOrEqual(600);
			expect(at.length).toBeGreaterThan(500);
			// ascending, no duplicates
			expect(at.every((index, k) => k === 0 || index > at[k - 1])).toBe(true);
			expect(bridged(y, at)).toEqual([]);
			const kept = new Set(at);
			const dropped: number[] = [];
			for (const [start, end] of runsOf(y)) {
				let highest = start;
				let lowest = start;
				for (let i = start; i < end; i++) {
					if (y[i] > y[highest]) highest = i;
					if (y[i] < y[lowest]) lowest = i;
				}
				for (const index of [start, end - 1, highest, lowest]) if (!kept.has(index)) dropped.push(index);
			}
			expect(dropped).toEqual([]);
		}
	});

	it('bounds the output by 4 per run and 1 per gap when the gaps are too many for the sample count', () => {
		// five values, one missing day, over and over: 608 runs
		const { x, y } = noisy(3650, 7, Array.from({ length: 608 }, (_, k) => [k * 6 + 5, k * 6 + 6] as [number, number]));
		const runs = runsOf(y).length;
		const at = decimationIndices(x, y, 600)!;
		expect(at.length).toBeLessThanOrEqual(4 * runs + 608);
		expect(bridged(y, at)).toEqual([]);
	});
});

function fakeChart() {
	const calls: string[] = [];
	const ctx = {
		save: () => calls.push('save'),
		restore: () => calls.push('restore'),
		beginPath: () => {},
		moveTo: (x: number, y: number) => calls.push(`moveTo ${x},${y}`),
		lineTo: (x: number, y: number) => calls.push(`lineTo ${x},${y}`),
		stroke: () => calls.push('stroke'),
		setLineDash: () => {},
		fillRect: (x: number, y: number, w: number, h: number) => calls.push(`fillRect ${x},${y},${w},${h}`),
		fillText: (text: string, x: number, y: number) => calls.push(`fillText ${text} ${x},${y}`),
		measureText: (text: string) => ({ width: text.length * 6 }),
		font: '',
		textBaseline: '',
		fillStyle: '',
		strokeStyle: '',
		lineWidth: 1
	};
	// day 100 at pixel 0, 10 px per day
	const x = { getPixelForValue: (ms: number) => (msToDay(ms) - 100) * 10 };
	const chart = { ctx, chartArea: { left: 0, right: 500, top: 10, bottom: 210 }, scales: { x } } as unknown as AnnotationChart;
	return { chart, calls };
}

describe('annotation plugin', () => {
	it('draws a dashed line for a day and a shaded box for a span, with labels', () => {
		const { chart, calls } = fakeChart();
		drawAnnotations(chart, {
			...annotationOptions(
				[
					{ startDay: 110, label: 'Launch' },
					{ startDay: 120, endDay: 129, label: 'Campaign' },
					{ startDay: 111, label: 'Hi' },
					{ startDay: 400, label: 'Off the chart' }
				],
				'light'
			)
		});
		expect(calls).toContain('moveTo 100,10');
		expect(calls).toContain('lineTo 100,210');
		expect(calls).toContain('fillRect 200,10,100,200');
		expect(calls).toContain('fillText Launch 104,14');
		// 'Hi' starts at 110 px, inside Launch's label (104 … 140): it moves to the second row
		expect(calls).toContain('fillText Hi 114,30');
		expect(calls).toContain('fillText Campaign 204,14');
		expect(calls.some((call) => call.includes('Off the chart'))).toBe(false);
	});

	it('draws a membership change as a dotted line labelled along the bottom, apart from the person’s annotations', () => {
		const { chart, calls } = fakeChart();
		drawAnnotations(chart, {
			...annotationOptions(
				[
					{ startDay: 110, label: 'Launch' },
					{ startDay: 110, label: 'accounts −9', kind: 'membership' },
					{ startDay: 112, label: 'accounts +4', kind: 'membership' },
					{ startDay: 90, label: 'accounts +1', kind: 'membership' }
				],
				'light'
			)
		});
		expect(calls).toContain('fillText Launch 104,14');
		// the bottom is 210: the first label's row sits 18 px above it, a colliding one 16 px higher
		expect(calls).toContain('fillText accounts −9 104,192');
		expect(calls).toContain('fillText accounts +4 124,176');
		expect(calls.some((call) => call.includes('accounts +1'))).toBe(false);
	});

	it('gives a third crowded membership label (a year-ago line’s, say) a row of its own instead of covering another', () => {
		const { chart, calls } = fakeChart();
		drawAnnotations(chart, {
			...annotationOptions(
				[
					{ startDay: 140, label: 'accounts −7', kind: 'membership' },
					{ startDay: 143, label: 'accounts +4', kind: 'membership' },
					// near the right edge: its label is pushed left, over the other two
					{ startDay: 148, label: 'A year earlier: accounts −7', kind: 'membership' }
				],
				'light'
			)
		});
		expect(calls).toContain('fillText accounts −7 404,192');
		expect(calls).toContain('fillText accounts +4 434,176');
		expect(calls).toContain('fillText A year earlier: accounts −7 338,160');
	});

	it('reads its items from the options it is given on each draw', () => {
		const { chart, calls } = fakeChart();
		const plugin = annotationPlugin();
		expect(plugin.id).toBe('chorusAnnotations');
		plugin.afterDatasetsDraw!(chart as never, {}, { items: [], lineColor: '', fillColor: '', textColor: '' }, false);
		expect(calls).toEqual([]);
		plugin.afterDatasetsDraw!(chart as never, {}, annotationOptions([{ startDay: 105, label: 'A' }], 'dark'), false);
		expect(calls).toContain('moveTo 50,10');
	});
});

describe('chartTableCsvRows', () => {
	it('writes keys and raw numbers', () => {
		expect(
			chartTableCsvRows({
				caption: 'x',
				columns: ['Period', 'A'],
				rows: [{ key: '2024-W01', label: 'Week of Jan 1, 2024', values: [3], text: ['3'] }],
				footnotes: []
			})
		).toEqual([
			['Period', 'A'],
			['2024-W01', 3]
		]);
	});
});
