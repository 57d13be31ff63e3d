import { describe, expect, it } from 'vitest';
import { dataExtent, hasValues, indexOfDay, numberExtent, valueOn, type DailyValues } from './types';

const N = Number.NaN;
const series: DailyValues = { accountId: 'x:a', metric: 'impressions', startDay: 100, values: Float64Array.from([N, 4, N, 6, N]) };

describe('DailyValues helpers', () => {
	it('finds the first and last day holding a value', () => {
		expect(dataExtent(series)).toEqual({ from: 101, to: 103 });
		expect(dataExtent({ ...series, values: Float64Array.from([N, N]) })).toBeNull();
		expect(hasValues(series)).toBe(true);
		expect(hasValues({ ...series, values: new Float64Array(0) })).toBe(false);
		expect(hasValues(undefined)).toBe(false);
	});

	it('reads a day, NaN outside the series', () => {
		expect(valueOn(series, 103)).toBe(6);
		expect(valueOn(series, 99)).toBeNaN();
		expect(valueOn(series, 105)).toBeNaN();
		expect(indexOfDay(series, 104)).toBe(4);
		expect(indexOfDay(series, 105)).toBe(-1);
	});

	it('finds the extent of many numbers without spreading them', () => {
		const many = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100_003);
		expect(numberExtent(many)).toEqual({ from: 0, to: 100_002 });
		expect(numberExtent([])).toBeNull();
	});
});
