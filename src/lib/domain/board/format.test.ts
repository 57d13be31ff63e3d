import { describe, expect, it } from 'vitest';
import { accountLabel, formatCount, formatMonths, formatPercent, formatPercentRange, formatRate, joinWords } from './format';

describe('formatting for plain-word reasons', () => {
	it.each([
		[0, '0'],
		[950, '950'],
		[1000, '1k'],
		[1234, '1.2k'],
		[9960, '10k'],
		[12_345, '12k'],
		[999_499, '999k'],
		[999_500, '1M'],
		[1_234_567, '1.2M'],
		[-1500, '-1.5k'],
		[Number.NaN, 'unknown']
	])('count %d → %s', (value, text) => {
		expect(formatCount(value)).toBe(text);
	});
	it.each([
		[0, 'less than a month'],
		[1, '1 month'],
		[14, '14 months']
	])('months %d → %s', (months, text) => {
		expect(formatMonths(months)).toBe(text);
	});
	it('formats percentages, ranges and rates', () => {
		expect(formatPercent(0.423)).toBe('42%');
		expect(formatPercent(0.004)).toBe('<1%');
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercentRange({ low: 0.2, high: 0.351 })).toBe('20–35%');
		expect(formatPercentRange({ low: 0.3, high: 0.3 })).toBe('30%');
		expect(formatRate(2.345)).toBe('2.3');
		expect(formatRate(3)).toBe('3');
		expect(formatRate(0.04)).toBe('0.04');
	});
	it('names accounts by handle, or by name for blogs and handles that are not handles', () => {
		expect(accountLabel({ id: 'x:contosoerp', platform: 'x', handle: 'ContosoERP' })).toBe('@ContosoERP');
		expect(accountLabel({ id: 'x:a', platform: 'x', handle: '@already' })).toBe('@already');
		expect(accountLabel({ id: 'blog:b', platform: 'blog', handle: 'stories', displayName: 'Contoso Stories' })).toBe('Contoso Stories');
		expect(accountLabel({ id: 'facebook:c', platform: 'facebook', handle: 'Contoso Page', displayName: 'Contoso' })).toBe('Contoso');
		expect(accountLabel({ id: 'other:d', platform: 'other' })).toBe('other:d');
	});
	it('joins words in a sentence', () => {
		expect(joinWords(['a'])).toBe('a');
		expect(joinWords(['a', 'b'])).toBe('a and b');
		expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
		expect(joinWords(['a', 'b', 'c', 'd', 'e', 'f'], 4)).toBe('a, b, c, d and 2 more');
	});
});
