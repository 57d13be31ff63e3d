import { describe, expect, it } from 'vitest';
import { evaluateNorthStar, type NorthStarTarget } from '../domain/analytics/northstar';
import { buildNorthStarChart } from './build-northstar';

const goal: NorthStarTarget = { metric: 'followers', accountId: null, baselineDay: 0, baselineValue: 1000, target: 2000, targetDay: 200 };
const series = { accountId: 'portfolio', metric: 'followers' as const, startDay: 0, values: Float64Array.from({ length: 101 }, (_, d) => 1000 + 2 * d) };

describe('buildNorthStarChart', () => {
	const result = evaluateNorthStar(goal, series);
	const { config, table } = buildNorthStarChart({ goal, result, theme: 'light' });
	const byLabel = Object.fromEntries(config.data.datasets.map((d) => [d.label, d]));

	it('draws actual, smoothed, trend, projection, required path and target', () => {
		expect(Object.keys(byLabel)).toEqual(['Followers', 'Followers · 28-day average', 'Trend', 'Projection', 'Required path', 'Target']);
		expect(byLabel['Followers'].data).toHaveLength(101);
		expect(byLabel['Followers'].data[100]).toEqual({ x: 100 * 86_400_000, y: 1200 });
	});

	it('thins a decade of days itself, keeping a gap, with the decimation plugin off', () => {
		const decade = { ...series, values: Float64Array.from({ length: 3650 }, (_, d) => (d >= 1000 && d < 1100 ? NaN : 1000 + d)) };
		const long = buildNorthStarChart({ goal: { ...goal, targetDay: 4000, target: 6000 }, result: evaluateNorthStar({ ...goal, targetDay: 4000, target: 6000 }, decade), theme: 'light' });
		const tracked = long.config.data.datasets[0].data as { x: number; y: number | null }[];
		expect(tracked.length).toBeLessThanOrEqual(600);
		expect(tracked.filter((point) => point.y === null)).toHaveLength(1);
		expect(long.config.options?.plugins?.decimation).toEqual({ enabled: false });
	});

	it('projects the trend from now to the target day, dashed', () => {
		const [start, end] = byLabel['Projection'].data;
		expect(start.x).toBe(100 * 86_400_000);
		expect(start.y).toBeCloseTo(1200, 6);
		expect(end.x).toBe(200 * 86_400_000);
		expect(end.y).toBeCloseTo(1400, 6);
		expect(byLabel['Projection'].borderDash).toEqual([6, 4]);
	});

	it('marks the target with a star and runs the axis to the target day', () => {
		expect(byLabel['Target']).toMatchObject({ showLine: false, pointStyle: 'star', data: [{ x: 200 * 86_400_000, y: 2000 }] });
		expect(byLabel['Required path'].data).toEqual([
			{ x: 0, y: 1000 },
			{ x: 200 * 86_400_000, y: 2000 }
		]);
		expect(config.options!.scales!.x).toMatchObject({ type: 'time', min: 0, max: 200 * 86_400_000 });
	});

	it('marks where a portfolio goal’s total gains or loses accounts, one mark per day', () => {
		const membership = [
			{ day: 40, accountId: 'x:a', kind: 'leaves' as const, valueDay: 8 },
			{ day: 40, accountId: 'x:b', kind: 'leaves' as const, valueDay: 8 },
			{ day: 70, accountId: 'x:c', kind: 'joins' as const, valueDay: 70 }
		];
		const marked = buildNorthStarChart({ goal, result, theme: 'light', membership, annotations: [{ startDay: 10, label: 'Launch' }] });
		expect(marked.config.options?.plugins?.chorusAnnotations?.items).toEqual([
			{ startDay: 10, endDay: null, label: 'Launch' },
			{ startDay: 40, endDay: null, label: 'accounts \u22122', kind: 'membership' },
			{ startDay: 70, endDay: null, label: 'accounts +1', kind: 'membership' }
		]);
		expect(marked.table.footnotes[1]).toMatch(/^“accounts \+n” \/ “accounts −n” on the chart/);
		expect(table.footnotes).toHaveLength(1);
	});

	it('states the verdict in the table', () => {
		expect(table.caption).toBe(result.sentence);
		expect(table.rows.map((row) => row.text[0])).toEqual(['1,000', '1,200', '1,400', '2,000']);
		expect(table.footnotes).toEqual(['Verdict: behind.']);
	});

	it('leaves out trend and projection when there is no trend', () => {
		const short = evaluateNorthStar(goal, { ...series, values: series.values.slice(0, 5) });
		const chart = buildNorthStarChart({ goal, result: short, theme: 'dark' });
		expect(chart.config.data.datasets.map((d) => d.label)).toEqual(['Followers', 'Followers · 28-day average', 'Required path', 'Target']);
		expect(chart.table.rows[2].text).toEqual(['–']);
	});
});
