import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../domain/days';
import { buildSparkline } from './build-sparkline';

const jan = dayFromISO('2024-01-01')!;
const feb = dayFromISO('2024-02-01')!;
const mar = dayFromISO('2024-03-01')!;

describe('buildSparkline', () => {
	const spark = buildSparkline({
		grain: 'month',
		starts: Int32Array.from([jan, feb, mar]),
		values: Float64Array.from([1200, Number.NaN, 1500]),
		theme: 'light',
		label: 'Impressions'
	});

	it('draws one bare line with gaps kept', () => {
		const [dataset] = spark.config.data.datasets;
		expect(dataset.data).toEqual([
			{ x: jan * 86_400_000, y: 1200 },
			{ x: feb * 86_400_000, y: null },
			{ x: mar * 86_400_000, y: 1500 }
		]);
		expect(dataset.spanGaps).toBe(false);
		expect(spark.config.options!.scales!.x).toMatchObject({ type: 'time', display: false });
		expect(spark.config.options!.plugins!.legend!.display).toBe(false);
	});

	it('sums itself up in a sentence', () => {
		expect(spark.summary).toBe('Impressions: from 1,200 (January 2024) to 1,500 (March 2024); low 1,200, high 1,500.');
		expect(buildSparkline({ grain: 'week', starts: [jan], values: [Number.NaN], theme: 'dark' }).summary).toBe('Value: no data.');
		expect(buildSparkline({ grain: 'week', starts: [jan], values: [0.05], theme: 'dark', unit: 'fraction', label: 'Rate' }).summary).toBe(
			'Rate: 5% (Week of Jan 1, 2024).'
		);
	});

	it('lists its values as a table', () => {
		expect(spark.table.rows.map((row) => [row.key, row.text[0]])).toEqual([
			['2024-01', '1,200'],
			['2024-02', '–'],
			['2024-03', '1,500']
		]);
	});

	describe('where accounts start or stop counting in the total', () => {
		const apr = dayFromISO('2024-04-01')!;
		const marked = buildSparkline({
			grain: 'month',
			starts: Int32Array.from([jan, feb, mar, apr]),
			values: Float64Array.from([1000, 1000, 1300, 1500]),
			joined: Uint16Array.from([0, 0, 1, 2]),
			left: Uint16Array.from([0, 0, 0, 1]),
			theme: 'light',
			label: 'Audience'
		});
		const [dataset] = marked.config.data.datasets;
		const at = (index: number) => ({ raw: dataset.data[index] }) as never;
		const resolve = (option: unknown, index: number) => (typeof option === 'function' ? option(at(index), {}) : option);

		it('marks those months on the line: ▲ for joins, ◆ for joins and leaves, no mark elsewhere', () => {
			expect(dataset.data.map((point) => [point.joined ?? 0, point.left ?? 0])).toEqual([
				[0, 0],
				[0, 0],
				[1, 0],
				[2, 1]
			]);
			expect([0, 1, 2, 3].map((index) => resolve(dataset.pointRadius, index))).toEqual([0, 0, 3.5, 3.5]);
			expect([2, 3].map((index) => resolve(dataset.pointStyle, index))).toEqual(['triangle', 'rectRot']);
			expect(marked.marked).toBe(true);
		});

		it('says so to screen readers, in the table and a footnote', () => {
			expect(marked.summary).toBe(
				'Audience: from 1,000 (January 2024) to 1,500 (April 2024); low 1,000, high 1,500. Marked where accounts start or stop counting in the total: March 2024 (+1); April 2024 (+2 \u22121).'
			);
			expect(marked.table.rows[3].text[0]).toBe('1,500 (accounts joining the total: 2; accounts leaving the total: 1)');
			expect(marked.table.footnotes.some((note) => note.startsWith('▲ / ▼ on the line'))).toBe(true);
		});

		it('points a leave alone downwards, and draws no marks where nothing changed', () => {
			const leaving = buildSparkline({ grain: 'month', starts: [jan, feb], values: [5, 3], left: [0, 1], joined: [0, 0], theme: 'light' });
			const [line] = leaving.config.data.datasets;
			expect(typeof line.pointRotation === 'function' ? line.pointRotation({ raw: line.data[1] } as never, {}) : line.pointRotation).toBe(180);
			expect(spark.marked).toBe(false);
			expect(spark.config.data.datasets[0].pointRadius).toBe(0);
			expect(spark.summary).not.toContain('Marked');
		});
	});
});
