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
});
