import type { ScriptableContext } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { isIsolated, showIsolatedPoints } from './chart-tweaks';

const p = (y: number | null) => ({ x: 0, y });

describe('isolated points', () => {
	it('finds values without a neighbour on either side', () => {
		const data = [p(1), p(null), p(2), p(null), p(3), p(4)];
		// the first value is followed by a gap: as alone as the one between two gaps
		expect(data.map((_, index) => isIsolated(data, index))).toEqual([true, false, true, false, false, false]);
		expect(isIsolated([p(5)], 0)).toBe(true);
	});

	it('gives only those points a dot and keeps the others’ own radius', () => {
		const data = [p(1), p(null), p(2), p(3)];
		const config = showIsolatedPoints({
			type: 'line',
			data: { datasets: [{ data, pointRadius: (context: ScriptableContext<'line'>) => (context.dataIndex === 3 ? 2.5 : 0) }, { data: [p(1), p(2)], pointRadius: 0 }] }
		});
		const radius = config.data.datasets[0].pointRadius as (context: unknown, options: object) => number;
		const context = (dataIndex: number) => ({ dataIndex, dataset: { data } });
		expect([0, 2, 3].map((index) => radius(context(index), {}))).toEqual([3, 0, 2.5]);
		// nothing isolated: left as it was
		expect(config.data.datasets[1].pointRadius).toBe(0);
	});

	it('leaves bar charts and point-only datasets alone', () => {
		const bar = { type: 'bar', data: { datasets: [{ data: [1], pointRadius: 0 }] } };
		expect(showIsolatedPoints(bar).data.datasets[0].pointRadius).toBe(0);
		const markers = { type: 'line', data: { datasets: [{ data: [p(1)], showLine: false, pointRadius: 9 }] } };
		expect(showIsolatedPoints(markers).data.datasets[0].pointRadius).toBe(9);
	});
});
