/**
 * Dots on a few points of a line (a partial or derived bucket, a value between two gaps) without a
 * scriptable `pointRadius`. A function (or an array) for `pointRadius` makes Chart.js resolve every
 * point's options one by one on every update — its option resolver with a context object per point,
 * 2.4–4.4 ms of an update of a decade at month or week grain, 0.2–0.4 ms with a plain number. So a
 * line keeps a plain `pointRadius` (0) that Chart.js resolves once and shares, lists its dotted points
 * in `pointDots`, and this plugin gives just those points their radius right before Chart.js draws
 * the dataset: Chart.js then draws them itself, in its own order, clip and hover handling, as it drew
 * the scriptable radius.
 *
 * Pure: no Chart.js runtime import (types only), so configs using it are built and tested in Node.
 */
import type { Chart, Plugin } from 'chart.js';

export interface PointDot {
	/** Position of the point in the dataset's `data` (what is drawn, after any thinning). */
	index: number;
	/** Its radius in px; hovered, it has the dataset's `pointHoverRadius` as any point. */
	radius: number;
}

declare module 'chart.js' {
	interface LineControllerDatasetOptions {
		/** Points drawn with a dot of their own radius (the pointDotsPlugin), sorted by index. */
		pointDots?: PointDot[];
	}
}

export const POINT_DOTS_PLUGIN_ID = 'chorusPointDots';

/** Chart.js's point element as far as this plugin touches it. */
interface DotElement {
	active?: boolean;
	options?: { radius?: number };
}

/**
 * In the config of every chart that may have dots, as the annotation plugin is: the time-series
 * builder's, and every line config the pages pass through showIsolatedPoints (chart-tweaks.ts).
 */
export const pointDotsPlugin: Plugin = {
	id: POINT_DOTS_PLUGIN_ID,
	beforeDatasetDraw(chart: Chart, args: { index: number; meta: { data: unknown[] } }) {
		const dots = (chart.data.datasets[args.index] as { pointDots?: readonly PointDot[] } | undefined)?.pointDots;
		if (!dots?.length) return;
		const elements = args.meta.data as DotElement[];
		for (const { index, radius } of dots) {
			const element = elements[index];
			// a hovered point has its hover options (Chart.js set them); the others share one options
			// object with every point of the dataset after an update, so a dotted one gets its own copy
			if (!element?.options || element.active || element.options.radius === radius) continue;
			element.options = { ...element.options, radius };
		}
	}
};

/**
 * The `pointRadius` a line with `dots` over `count` points keeps. Chart.js sizes the plot's padding
 * and the dataset's clip by its first and last point (their radius, or their hover radius when they
 * have one): with a dot at either end the scriptable radius gave them 5–6 px, a plain 0 gives none,
 * so the plot would widen by 5 px and a dot at the top or bottom edge be cut. A radius under 0.1 px
 * counts for that size but is never drawn (Chart.js skips such points), so with an end dotted the
 * plain radius is that: the plot keeps its place, and nothing else is drawn.
 */
export function radiusAroundDots<R>(pointRadius: R, dots: readonly PointDot[], count: number): R | number {
	if (pointRadius !== 0 || count === 0) return pointRadius;
	return dots.some((dot) => dot.index === 0 || dot.index === count - 1) ? UNDRAWN_RADIUS : pointRadius;
}

/** Counts as a radius for Chart.js's padding and clip; not drawn (PointElement.draw skips radii under 0.1). */
export const UNDRAWN_RADIUS = 0.05;

/** The dots of `data`'s points for which `dotted` is true, all of `radius`. */
export function pointDotsWhere<T>(data: readonly T[], dotted: (point: T, index: number) => boolean, radius: number): PointDot[] {
	const dots: PointDot[] = [];
	for (let index = 0; index < data.length; index++) if (dotted(data[index], index)) dots.push({ index, radius });
	return dots;
}

/** `dots` with `more` added; where both have a point, `more`'s radius wins. Sorted by index. */
export function withPointDots(dots: readonly PointDot[] | undefined, more: readonly PointDot[]): PointDot[] {
	const byIndex = new Map<number, number>();
	for (const dot of dots ?? []) byIndex.set(dot.index, dot.radius);
	for (const dot of more) byIndex.set(dot.index, dot.radius);
	return [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, radius]) => ({ index, radius }));
}
