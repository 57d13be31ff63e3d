/**
 * The built configs run through real Chart.js (time scale, date-fns adapter, decimation, the inline
 * annotation plugin) on a recording fake canvas: proof the pure configs are what Chart.js accepts.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import 'chartjs-adapter-date-fns';
import { describe, expect, it } from 'vitest';
import { aggregateSeries } from '../domain/analytics/aggregate';
import { DAY_DERIVED } from '../domain/analytics/types';
import { dayFromISO } from '../domain/days';
import { buildBarChart } from './build-bar';
import { buildTimeseriesChart } from './build-timeseries';

Chart.register(...registerables);

/** A canvas whose 2D context records every call; Node has no DOM, so Chart.js uses its basic platform. */
function recordingCanvas(width = 800, height = 400) {
	const calls: string[] = [];
	const describe = (value: unknown) =>
		Array.isArray(value) ? `[${value.join(',')}]` : typeof value === 'number' ? String(Math.round(value)) : typeof value === 'string' ? value : '';
	const state: Record<string | symbol, unknown> = {
		measureText: (text: string) => ({ width: text.length * 6, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 })
	};
	const context: unknown = new Proxy(state, {
		get(target, property) {
			if (property in target) return target[property];
			return (...args: unknown[]) => {
				calls.push(`${String(property)}(${args.map(describe).join(',')})`);
			};
		},
		set(target, property, value) {
			target[property] = value;
			return true;
		}
	});
	const canvas = { width, height, style: {}, getContext: () => context };
	state.canvas = canvas;
	return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

describe('configs in Chart.js', () => {
	it('draws a decade of daily values with a gap, derived days, decimation and annotations', () => {
		const start = dayFromISO('2024-01-01')!;
		const days = 3650;
		const values = new Float64Array(days);
		const flags = new Uint8Array(days);
		for (let i = 0; i < days; i++) {
			values[i] = i >= 1000 && i < 1100 ? Number.NaN : 100 + Math.sin(i / 30) * 50;
			if (i > 3000) flags[i] = DAY_DERIVED;
		}
		const range = { from: start, to: start + days - 1 };
		const series = aggregateSeries({ accountId: 'a', metric: 'followers', startDay: start, values, flags }, { grain: 'day', range });
		const { config } = buildTimeseriesChart({
			metric: 'followers',
			theme: 'light',
			lines: [{ id: 'a', label: 'A', series }],
			annotations: [
				{ startDay: start + 500, label: 'Launch' },
				{ startDay: start + 700, endDay: start + 760, label: 'Campaign' }
			],
			samples: 300
		});
		const { canvas, calls } = recordingCanvas();
		const chart = new Chart(canvas, config as unknown as ChartConfiguration);
		try {
			const raw = chart.data.datasets[0].data as { y: number | null }[];
			expect(raw.length).toBeLessThanOrEqual(305);
			expect(raw.filter((point) => point.y === null)).toHaveLength(1);
			expect(chart.scales.x.type).toBe('time');
			expect(chart.scales.x.ticks.length).toBeGreaterThan(2);
			expect(calls.some((call) => call.startsWith('fillText(Launch,'))).toBe(true);
			expect(calls.some((call) => call.startsWith('fillText(Campaign,'))).toBe(true);
			expect(calls.some((call) => call.startsWith('fillRect(') && call !== 'fillRect(0,0,800,400)')).toBe(true);
			// the derived stretch is dashed through the segment callback
			expect(calls).toContain('setLineDash([4,3])');

			calls.length = 0;
			chart.options.plugins!.chorusAnnotations!.items = [];
			chart.update('none');
			expect(calls.some((call) => call.startsWith('fillText(Launch,'))).toBe(false);
		} finally {
			chart.destroy();
		}
	});

	it('draws a bar chart', () => {
		const { config } = buildBarChart({ categories: [{ label: 'Story', key: 'story', value: 3, n: 9 }], valueLabel: 'Median', theme: 'dark' });
		const { canvas, calls } = recordingCanvas();
		const chart = new Chart(canvas, config as unknown as ChartConfiguration);
		try {
			expect(chart.scales.y.type).toBe('category');
			expect(calls.some((call) => call.startsWith('fillText(Story (n = 9)'))).toBe(true);
		} finally {
			chart.destroy();
		}
	});
});
