/** keepDatasets through real Chart.js (basic platform, a recording canvas): what a chart keeps across updates. */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { keepDatasets } from './keep-datasets';

Chart.register(...registerables);

function fakeCanvas(width = 400, height = 200) {
	const state: Record<string | symbol, unknown> = { measureText: (text: string) => ({ width: text.length * 6 }) };
	const context: unknown = new Proxy(state, {
		get: (target, property) => (property in target ? target[property] : () => undefined),
		set: (target, property, value) => ((target[property] = value), true)
	});
	const canvas = { width, height, style: {}, getContext: () => context };
	state.canvas = canvas;
	return canvas as unknown as HTMLCanvasElement;
}

/** A fresh config each call, as the chart builders return one. */
function config(lines: { label: string; values: number[] }[], decimate = false): ChartConfiguration<'line', { x: number; y: number }[]> {
	return {
		type: 'line',
		data: { datasets: lines.map(({ label, values }) => ({ label, data: values.map((y, x) => ({ x, y })), borderColor: '#123456' })) },
		options: {
			animation: false,
			parsing: false,
			scales: { x: { type: 'linear' } },
			plugins: { decimation: { enabled: decimate, algorithm: 'lttb', samples: 50, threshold: 60 } }
		}
	};
}

function update(chart: Chart<'line', { x: number; y: number }[]>, next: ChartConfiguration<'line', { x: number; y: number }[]>) {
	chart.data = keepDatasets(chart.data.datasets, next.data);
	chart.options = next.options ?? {};
	chart.update('none');
}

/** The value Chart.js parsed for a point of the first line (`getParsed` is not in Chart.js's public types). */
function parsedY(chart: Chart<'line', { x: number; y: number }[]>, index: number): number {
	return (chart.getDatasetMeta(0).controller as unknown as { getParsed(index: number): { y: number } }).getParsed(index).y;
}

describe('keepDatasets', () => {
	it('keeps each line’s controller and the reader’s hidden lines across updates, with the new values drawn', () => {
		const chart = new Chart(fakeCanvas(), config([{ label: 'Contoso', values: [1, 2, 3] }, { label: 'Fabrikam', values: [4, 5, 6] }]));
		const controllers = [0, 1].map((index) => chart.getDatasetMeta(index).controller);
		chart.setDatasetVisibility(1, false);
		update(chart, config([{ label: 'Contoso', values: [7, 8, 9, 10] }, { label: 'Fabrikam', values: [1, 1, 1, 1] }]));
		expect(chart.getDatasetMeta(0).controller).toBe(controllers[0]);
		expect(chart.getDatasetMeta(1).controller).toBe(controllers[1]);
		expect(chart.isDatasetVisible(1)).toBe(false);
		expect(chart.getDatasetMeta(0).data).toHaveLength(4);
		expect(parsedY(chart, 3)).toBe(10);
		chart.destroy();
	});

	it('gives a different line (another label or place) its own controller, and drops properties the new config leaves out', () => {
		const first = config([{ label: 'Contoso', values: [1, 2] }]);
		(first.data.datasets[0] as unknown as Record<string, unknown>).borderDash = [4, 4];
		const chart = new Chart(fakeCanvas(), first);
		const controller = chart.getDatasetMeta(0).controller;
		chart.setDatasetVisibility(0, false);
		update(chart, config([{ label: 'Contoso', values: [3, 4] }]));
		expect(chart.getDatasetMeta(0).controller).toBe(controller);
		expect('borderDash' in chart.data.datasets[0]).toBe(false);
		update(chart, config([{ label: 'Northwind', values: [3, 4] }]));
		expect(chart.getDatasetMeta(0).controller).not.toBe(controller);
		expect(chart.isDatasetVisible(0)).toBe(true);
		chart.destroy();
	});

	it('hands decimated lines their new data (the decimation plugin keeps the raw values on the dataset)', () => {
		const many = (offset: number) => Array.from({ length: 500 }, (_, index) => index + offset);
		const chart = new Chart(fakeCanvas(), config([{ label: 'Contoso', values: many(0) }], true));
		expect(chart.getDatasetMeta(0).data.length).toBeLessThan(500);
		update(chart, config([{ label: 'Contoso', values: many(1000) }], true));
		const points = chart.getDatasetMeta(0).data.length;
		expect(points).toBeLessThan(500);
		const parsed = Array.from({ length: points }, (_, index) => parsedY(chart, index));
		expect(Math.min(...parsed)).toBeGreaterThanOrEqual(1000);
		update(chart, config([{ label: 'Contoso', values: [1, 2, 3] }], true));
		expect(chart.getDatasetMeta(0).data).toHaveLength(3);
		expect(parsedY(chart, 2)).toBe(3);
		chart.destroy();
	});
});
