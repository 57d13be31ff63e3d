/**
 * The only place that touches Chart.js: registration (tree-shaken) and one attachment that creates
 * a chart once, updates it in place when its config changes, and destroys it with its canvas.
 * Config builders (`build-*.ts`) stay pure and testable in Node.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Decimation,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	TimeScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import 'chartjs-adapter-date-fns';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { keepDatasets } from './keep-datasets';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Decimation,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	TimeScale,
	Tooltip
);

export type AnyChartConfig = ChartConfiguration<'line' | 'bar', unknown[], unknown>;

/** Charts the canvas hosts, for "export PNG" buttons: canvas → instance. */
const instances = new WeakMap<HTMLCanvasElement, Chart>();

export function chartOf(canvas: HTMLCanvasElement): Chart | undefined {
	return instances.get(canvas);
}

/**
 * `{@attach chart(() => config)}` on a canvas inside its own sized `position: relative` box. The
 * config must be a fresh plain object each time it changes (the `build-*.ts` builders return one):
 * Chart.js keeps and mutates what it is given, so a `$state` proxy must not be passed. Configs hold
 * functions (tick and tooltip callbacks), which is why they are not `$state.snapshot`-ed here.
 */
export function chart(config: () => AnyChartConfig): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		// untrack: reading state here would make the attachment re-run (destroy + re-create) on every change
		const initial = untrack(config);
		const instance = new Chart(canvas, initial as ChartConfiguration);
		instances.set(canvas, instance);
		let current = initial;
		$effect(() => {
			const next = config();
			// the same config object is the same chart: a card re-rendered for another figure keeps an unchanged sparkline's config
			if (next === current) return;
			current = next;
			instance.data = keepDatasets(instance.data.datasets, next.data) as typeof instance.data;
			instance.options = (next.options ?? {}) as typeof instance.options;
			instance.update('none');
		});
		return () => {
			instances.delete(canvas);
			instance.destroy();
		};
	};
}

/** Downloads what a chart shows as a PNG with a solid background (transparent PNGs print badly). */
export function downloadChartPng(canvas: HTMLCanvasElement, fileName: string, background = '#ffffff') {
	const copy = document.createElement('canvas');
	copy.width = canvas.width;
	copy.height = canvas.height;
	const context = copy.getContext('2d')!;
	context.fillStyle = background;
	context.fillRect(0, 0, copy.width, copy.height);
	context.drawImage(canvas, 0, 0);
	const link = document.createElement('a');
	link.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`;
	link.href = copy.toDataURL('image/png');
	link.click();
}
