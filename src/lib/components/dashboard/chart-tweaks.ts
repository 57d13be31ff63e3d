/**
 * Adjustments to the builders' Chart.js configs that only the pages need. A line chart draws a value
 * as a segment to its neighbours, so a value with no neighbour — the only day of data, or one week
 * between two gaps — would not be drawn at all: such points get a dot.
 */
import type { ScriptableContext } from 'chart.js';
import { isChartPoint } from '../../charts/build-shared';
import { pointDotsPlugin, pointDotsWhere, radiusAroundDots, withPointDots, type PointDot } from '../../charts/point-dots';

type LineContext = ScriptableContext<'line'>;
type ScriptableRadius = (context: LineContext, options: object) => number | undefined;

interface LineDatasetLike {
	type?: string;
	data: unknown[];
	showLine?: boolean;
	pointRadius?: unknown;
	/** PointDot[] (Chart.js's dataset type makes its fields optional) */
	pointDots?: unknown;
}

interface ConfigLike {
	type: string;
	data: { datasets: LineDatasetLike[] };
	plugins?: unknown[];
}

const yOf = (point: unknown): number | null => (isChartPoint(point) ? point.y : typeof point === 'number' ? point : null);

/** Whether the point at `index` has a value and neither neighbour has one. */
export function isIsolated(data: readonly unknown[], index: number): boolean {
	if (yOf(data[index]) === null) return false;
	return yOf(data[index - 1]) === null && yOf(data[index + 1]) === null;
}

/**
 * Gives isolated points of every line dataset a dot of `radius` px; other points keep their radius.
 * Mutates and returns `config`. A plain radius stays plain and the dots are `pointDots`, drawn by the
 * pointDotsPlugin, which every line config gets here whether it has dots yet or not (a chart keeps
 * the plugins of its first config when later ones update it): a function would make Chart.js
 * resolve every point's options one by one on every update. A radius that is already a function (a
 * sparkline's marks) is resolved so anyway, and takes the isolated points in.
 */
export function showIsolatedPoints<C extends ConfigLike>(config: C, radius = 3): C {
	if (config.type !== 'line') return config;
	if (!config.plugins?.includes(pointDotsPlugin)) (config as ConfigLike).plugins = [...(config.plugins ?? []), pointDotsPlugin];
	for (const dataset of config.data.datasets) {
		if ((dataset.type !== undefined && dataset.type !== 'line') || dataset.showLine === false) continue;
		const isolated = pointDotsWhere(dataset.data, (_, index) => isIsolated(dataset.data, index), radius);
		if (!isolated.length) continue;
		const original = dataset.pointRadius;
		if (typeof original === 'function') {
			dataset.pointRadius = (context: LineContext, options: object) =>
				isIsolated(context.dataset.data as unknown[], context.dataIndex) ? radius : (original as ScriptableRadius)(context, options);
			continue;
		}
		const dots = withPointDots(dataset.pointDots as readonly PointDot[] | undefined, isolated);
		dataset.pointDots = dots;
		dataset.pointRadius = radiusAroundDots(original, dots, dataset.data.length);
	}
	return config;
}

/** The same for a builder's result that carries its config (a sparkline, a chart with its table). */
export function withIsolatedDots<S extends { config: ConfigLike }>(built: S, radius = 3): S {
	showIsolatedPoints(built.config, radius);
	return built;
}
