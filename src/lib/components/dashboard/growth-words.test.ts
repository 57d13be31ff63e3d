import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { describeGrowth } from '../../domain/analytics/growth';
import { growthChange, growthReason, growthText } from '$lib/i18n/analytics';
import { i18n } from '$lib/i18n/i18n.svelte';
import { growthBetween, growthChangeOf, growthReasonOf, growthTextOf } from './growth-words';

const value = fc.oneof(
	fc.integer({ min: -1000, max: 1_000_000 }),
	fc.double({ min: -10, max: 10, noNaN: true }),
	fc.constantFrom(0, -0, null, undefined, Number.NaN)
);
const point = fc.record({ day: fc.integer({ min: 17_000, max: 21_000 }), value });

describe('growth words', () => {
	afterEach(() => i18n.set('en'));

	it('are what describeGrowth and the phrase functions give, in each language, asked once or again', () => {
		fc.assert(
			fc.property(point, point, fc.constantFrom('en', 'zh-CN') as fc.Arbitrary<'en' | 'zh-CN'>, (from, to, locale) => {
				i18n.set(locale);
				const fresh = describeGrowth(from, to);
				for (let round = 0; round < 2; round++) {
					const growth = growthBetween(from, to);
					expect(growth).toEqual(fresh);
					expect(growthTextOf(growth)).toBe(growthText(fresh));
					expect(growthChangeOf(growth)).toBe(growthChange(fresh));
					expect(growthReasonOf(growth)).toBe(growthReason(fresh));
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('follow a change of language', () => {
		const growth = growthBetween({ day: 19_000, value: 100 }, { day: 19_400, value: 1234 });
		const english = growthTextOf(growth);
		i18n.set('zh-CN');
		expect(growthTextOf(growth)).not.toBe(english);
		expect(growthTextOf(growth)).toBe(growthText(growth));
		i18n.set('en');
		expect(growthTextOf(growth)).toBe(english);
	});
});
