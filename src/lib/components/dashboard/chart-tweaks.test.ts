import type { ScriptableContext } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { pointDotsPlugin, UNDRAWN_RADIUS } from '../../charts/point-dots';
import { isIsolated, showIsolatedPoints } from './chart-tweaks';

const p = (y: number | null) => ({ x: 0, y });

describe('isolated points', () => {
	it('finds values without a neighbour on either side', () => {
		const data = [p(1), p(null), p(2), p(null), p(3), p(4)];
		// the first value is followed by a gap: as alone as the one between two gaps
		expect(data.map((_, index) => isIsolated(data, index))).toEqual([true, false, true, false, false, false]);
		expect(isIsolated([p(5)], 0)).toBe(true);
	});

	it('gives only those points a dot and keeps the others’ own radius, a plain radius without a function', () => {
		const data = [p(1), p(null), p(2), p(3)];
		const own = (context: ScriptableContext<'line'>) => (context.dataIndex === 3 ? 3.5 : 0);
		const config = showIsolatedPoints({
			type: 'line',
			data: {
				datasets: [
					{ data, pointRadius: own },
					{ data: [p(1), p(null), p(2), p(null)], pointRadius: 0, pointDots: [{ index: 0, radius: 2.5 }, { index: 2, radius: 2.5 }] },
					{ data: [p(1), p(2)], pointRadius: 0 }
				]
			}
		});
		const [first, second, third] = config.data.datasets;
		// a radius that is a function already (resolved point by point anyway) takes the isolated points in
		const radius = first.pointRadius as (context: unknown, options: object) => number;
		const context = (dataIndex: number) => ({ dataIndex, dataset: { data } });
		expect([0, 2, 3].map((index) => radius(context(index), {}))).toEqual([3, 0, 3.5]);
		expect(first.pointDots).toBeUndefined();
		// a plain radius under 0.1 px (not drawn) as the first point is dotted: Chart.js pads the plot for it
		expect(second.pointRadius).toBe(UNDRAWN_RADIUS);
		// an isolated point the builder dotted gets the isolated dot's radius; sorted by index
		expect(second.pointDots).toEqual([
			{ index: 0, radius: 3 },
			{ index: 2, radius: 3 }
		]);
		// nothing isolated: left as it was
		expect(third).toEqual({ data: [p(1), p(2)], pointRadius: 0 });
		// applied twice (a config shown again): the same dots
		expect(showIsolatedPoints(config).data.datasets[1].pointDots).toEqual([
			{ index: 0, radius: 3 },
			{ index: 2, radius: 3 }
		]);
	});

	it('leaves bar charts and point-only datasets alone', () => {
		const bar = { type: 'bar', data: { datasets: [{ data: [1], pointRadius: 0 }] } };
		expect(showIsolatedPoints(bar).data.datasets[0].pointRadius).toBe(0);
		const markers = { type: 'line', data: { datasets: [{ data: [p(1)], showLine: false, pointRadius: 9 }] } };
		expect(showIsolatedPoints(markers).data.datasets[0].pointRadius).toBe(9);
		expect(bar.data.datasets[0]).not.toHaveProperty('pointDots');
		expect(markers.data.datasets[0]).not.toHaveProperty('pointDots');
		expect(bar).not.toHaveProperty('plugins');
	});

	it('gives every line config the dots plugin once, dots or not yet: a chart keeps its first config’s plugins', () => {
		const other = { id: 'other' };
		const plain = showIsolatedPoints({ type: 'line', data: { datasets: [{ data: [p(1), p(2)], pointRadius: 0 }] }, plugins: [other] });
		expect(plain.plugins).toEqual([other, pointDotsPlugin]);
		expect(showIsolatedPoints(plain).plugins).toEqual([other, pointDotsPlugin]);
	});
});
