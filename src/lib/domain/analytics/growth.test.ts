import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { describeDuration, describeGrowth, measureDuration, type GrowthOptions } from './growth';

const day = (iso: string) => dayFromISO(iso)!;

describe('describeDuration', () => {
	it.each([
		['2024-01-01', '2024-01-02', '1 day'],
		['2024-01-01', '2024-02-15', '45 days'],
		['2024-01-01', '2024-04-01', '3 months'],
		['2023-01-31', '2023-04-30', '3 months'], // 2 months and 30 days rounds up
		['2024-01-01', '2024-03-10', '2 months'], // 2 months and 9 days rounds down
		['2023-01-01', '2024-01-01', '12 months'],
		['2023-01-01', '2024-04-01', '15 months'],
		['2020-01-01', '2022-04-01', '2 years 3 months'],
		['2014-01-01', '2024-01-01', '10 years'],
		['2021-01-01', '2023-02-01', '2 years 1 month']
	])('%s → %s is %s', (from, to, expected) => {
		expect(describeDuration(day(from), day(to))).toBe(expected);
	});
});

describe('describeGrowth', () => {
	const cases: [string, number | null, string, number | null, GrowthOptions, string][] = [
		['2023-01-01', 100, '2024-01-01', 1020, {}, 'x10.2 in 12 months'],
		['2023-01-01', 100, '2024-01-01', 200, {}, 'x2 in 12 months'],
		['2023-01-01', 100, '2024-01-01', 25_000, {}, 'x250 in 12 months'],
		['2023-01-01', 100, '2024-04-01', 800, { style: 'percent' }, '+700% in 15 months'],
		['2023-01-01', 1000, '2024-04-01', 13_500, { style: 'percent' }, '+1,250% in 15 months'],
		['2024-01-01', 100, '2024-04-01', 88, {}, '−12% in 3 months'],
		['2024-01-01', 100, '2024-01-31', 103.4, {}, '+3.4% in 30 days'],
		['2024-01-01', 100, '2024-01-31', 199, {}, '+99% in 30 days'],
		['2024-01-01', 100_000, '2024-01-31', 100_001, {}, '±0% in 30 days'],
		['2024-01-01', 40, '2024-01-31', 40, {}, 'no change in 30 days'],
		['2024-01-01', 0, '2024-06-01', 50, {}, 'new since Jan 1, 2024'],
		['2024-01-01', -5, '2024-06-01', 10, {}, 'n/a'],
		['2024-01-01', null, '2024-06-01', 10, {}, 'n/a'],
		['2024-01-01', 10, '2024-06-01', null, {}, 'n/a'],
		['2023-01-01', 100, '2024-01-01', 1020, { locale: 'fr' }, 'x10,2 in 12 months']
	];
	it.each(cases)('%s %s → %s %s %o: %s', (fromDay, from, toDay, to, options, expected) => {
		expect(describeGrowth({ day: day(fromDay), value: from }, { day: day(toDay), value: to }, options).text).toBe(expected);
	});

	it('explains why there is no ratio', () => {
		const growth = describeGrowth({ day: 0, value: -5 }, { day: 90, value: 10 });
		expect(growth).toMatchObject({ kind: 'n/a', ratio: null, difference: 15 });
		expect(growth.reason).toMatch(/negative at the start/);
	});

	it('returns the structure the UI words in each language', () => {
		expect(measureDuration(day('2020-01-01'), day('2022-04-01'))).toEqual({ unit: 'years', years: 2, months: 3 });
		expect(measureDuration(day('2024-01-01'), day('2024-02-15'))).toEqual({ unit: 'days', days: 45 });
		expect(describeGrowth({ day: day('2023-01-01'), value: 100 }, { day: day('2024-01-01'), value: 1020 })).toMatchObject({
			kind: 'multiple',
			ratio: 10.2,
			digits: 1,
			duration: { unit: 'months', months: 12 }
		});
		expect(describeGrowth({ day: day('2024-01-01'), value: 100 }, { day: day('2024-04-01'), value: 88 })).toMatchObject({
			kind: 'percent',
			sign: '−',
			digits: 0,
			duration: { unit: 'months', months: 3 }
		});
		expect(describeGrowth({ day: day('2024-01-01'), value: 0 }, { day: day('2024-06-01'), value: 5 })).toMatchObject({
			kind: 'new',
			since: day('2024-01-01'),
			reasonCode: 'zero-start'
		});
		expect(describeGrowth({ day: 0, value: null }, { day: 9, value: 5 })).toMatchObject({ kind: 'n/a', reasonCode: 'no-start' });
	});

	it('uses an injected number formatter', () => {
		const growth = describeGrowth({ day: day('2024-01-01'), value: 10 }, { day: day('2024-04-01'), value: 35 }, {
			format: (value, options) => `<${value.toFixed(options.maximumFractionDigits)}>`
		});
		expect(growth.text).toBe('x<3.5> in 3 months');
		expect(growth.ratio).toBe(3.5);
	});
});
