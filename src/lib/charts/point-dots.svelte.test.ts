import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import 'chartjs-adapter-date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { aggregateSeries } from '../domain/analytics/aggregate';
import { bucketFrame } from '../domain/analytics/grain';
import { dayFromISO } from '../domain/days';
import { showIsolatedPoints } from '../components/dashboard/chart-tweaks';
import { isChartPoint } from './build-shared';
import { buildTimeseriesChart } from './build-timeseries';
import { UNDRAWN_RADIUS } from './point-dots';

/*
 * In Chromium, on real canvases: the dots pointDots draws are the pixels the scriptable pointRadius
 * drew before (same data, same size), also with the dotted point hovered and after the hover ends.
 */

// not registered globally: the configs carry the plugin, as in the app
Chart.register(...registerables);

const charts: Chart[] = [];
afterEach(() => {
	for (const chart of charts.splice(0)) {
		chart.canvas.parentElement?.remove();
		chart.destroy();
	}
});

/** Twenty-one weeks from a Wednesday (the first week partial), a gap in week 9 and a lone week between gaps. */
function weekConfig() {
	const start = dayFromISO('2024-01-03')!;
	const days = 21 * 7 - 2;
	const values = Float64Array.from({ length: days }, (_, i) => (i >= 54 && i < 61) || (i >= 68 && i < 75) ? Number.NaN : 100 + 40 * Math.sin(i / 9));
	const range = { from: start, to: start + days - 1 };
	const frame = bucketFrame(range, 'week');
	const series = aggregateSeries({ accountId: 'a', metric: 'impressions', startDay: start, values }, { grain: 'week', range, frame });
	// as ChartFrame shows it: the lone week gets its dot too
	return showIsolatedPoints(buildTimeseriesChart({ metric: 'impressions', theme: 'light', lines: [{ id: 'a', label: 'A', series }], showRaw: true }).config);
}

/** The same config as the builder gave before: the dots as a scriptable pointRadius. */
function scriptableConfig() {
	const config = weekConfig();
	for (const dataset of config.data.datasets) {
		if (!dataset.pointDots) continue;
		const radii = new Map(dataset.pointDots.map((dot) => [dot.index, dot.radius]));
		dataset.pointRadius = (context) => radii.get(context.dataIndex) ?? 0;
		delete dataset.pointDots;
	}
	return config;
}

function draw(config: ReturnType<typeof weekConfig>): Chart {
	const box = document.createElement('div');
	box.style.cssText = 'position: relative; width: 640px; height: 300px';
	const canvas = document.createElement('canvas');
	box.append(canvas);
	document.body.append(box);
	config.options!.devicePixelRatio = 1;
	const chart = new Chart(canvas, config as unknown as ChartConfiguration);
	charts.push(chart);
	return chart;
}

function pixels(chart: Chart): Uint8ClampedArray {
	return chart.ctx.getImageData(0, 0, chart.canvas.width, chart.canvas.height).data;
}

function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
	let count = 0;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
	return count;
}

describe('pointDots', () => {
	it('draws the dots the scriptable radius drew, hovered or not', () => {
		const config = weekConfig();
		const raw = config.data.datasets[0];
		// the partial first week and the lone week between the gaps
		expect(raw.pointDots).toEqual([
			{ index: 0, radius: 2.5 },
			{ index: 9, radius: 3 }
		]);
		const dotted = draw(config);
		const scripted = draw(scriptableConfig());
		expect(dotted.canvas.width).toBe(640);
		expect(dotted.chartArea).toEqual(scripted.chartArea);
		const undotted = weekConfig();
		delete undotted.data.datasets[0].pointDots;
		const blank = draw(undotted);
		// the dot is there (without it the pixels differ) and is the old one's
		expect(differing(pixels(dotted), pixels(blank))).toBeGreaterThan(0);
		expect(differing(pixels(dotted), pixels(scripted))).toBe(0);

		for (const chart of [dotted, scripted]) {
			chart.setActiveElements([{ datasetIndex: 0, index: 0 }]);
			chart.update('none');
		}
		expect(differing(pixels(dotted), pixels(blank))).toBeGreaterThan(0);
		expect(differing(pixels(dotted), pixels(scripted))).toBe(0);

		for (const chart of [dotted, scripted]) {
			chart.setActiveElements([{ datasetIndex: 0, index: 1 }]);
			chart.update('none');
		}
		expect(differing(pixels(dotted), pixels(scripted))).toBe(0);

		for (const chart of [dotted, scripted]) {
			chart.setActiveElements([]);
			chart.render();
		}
		expect(differing(pixels(dotted), pixels(scripted))).toBe(0);
	});

	it('leaves every point but the dotted ones one shared options object, resolved once', () => {
		const chart = draw(weekConfig());
		const elements = chart.getDatasetMeta(0).data as unknown as { options: { radius: number } }[];
		const shared = elements[1].options;
		// under 0.1 px: not drawn, but Chart.js pads the plot for the dotted first point as before
		expect(shared.radius).toBe(UNDRAWN_RADIUS);
		expect(elements.filter((element) => element.options !== shared).map((element) => elements.indexOf(element))).toEqual([0, 9]);
		expect(elements[0].options.radius).toBe(2.5);
		expect(elements[9].options.radius).toBe(3);
		const points = chart.data.datasets[0].data;
		expect(isChartPoint(points[0]) && points[0].partial).toBe(true);
	});
});
