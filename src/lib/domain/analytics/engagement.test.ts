import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../metrics';
import { engagementsFromComponents, engagementsOf, postMetricValue } from './engagement';
import type { DailyValues } from './types';

const N = Number.NaN;
const series = (metric: MetricKey, startDay: number, values: number[]): DailyValues => ({
	accountId: 'x:a',
	metric,
	startDay,
	values: Float64Array.from(values)
});

describe('engagements from their components', () => {
	it('adds likes + comments + shares + clicks per day over the union of their days', () => {
		const summed = engagementsFromComponents({
			likes: series('likes', 10, [5, 5, N]),
			comments: series('comments', 11, [1, 1, 1]),
			clicks: series('clicks', 10, [N, 2]),
			saves: series('saves', 10, [100, 100]) // saves are not part of the fallback
		})!;
		expect(summed.startDay).toBe(10);
		// day 10: 5; day 11: 5 + 1 + 2; day 12: 1 (likes missing); day 13: 1
		expect([...summed.values]).toEqual([5, 8, 1, 1]);
		expect(summed.note).toBe('Engagements = likes + comments + shares (+ clicks where given).');
	});

	it('has nothing without any component', () => {
		expect(engagementsFromComponents({ saves: series('saves', 0, [1]) })).toBeNull();
		expect(engagementsFromComponents({ likes: series('likes', 0, [N]) })).toBeNull();
	});

	it('prefers the reported engagements', () => {
		const reported = series('engagements', 0, [9]);
		expect(engagementsOf({ engagements: reported, likes: series('likes', 0, [1]) })).toEqual({ series: reported, fromComponents: false });
		expect(engagementsOf({ engagements: series('engagements', 0, [N]), likes: series('likes', 0, [1]) })?.fromComponents).toBe(true);
		expect(engagementsOf({})).toBeNull();
	});
});

describe('postMetricValue', () => {
	it.each<[Partial<Record<MetricKey, number>>, MetricKey, number | null]>([
		[{ engagements: 12, likes: 3 }, 'engagements', 12],
		[{ likes: 3, comments: 1, shares: 2, clicks: 4, saves: 9 }, 'engagements', 10],
		[{ saves: 9 }, 'engagements', null],
		[{ impressions: 0 }, 'impressions', 0],
		[{}, 'impressions', null],
		[{ likes: 3 }, 'likes', 3]
	])('%o → %s = %s', (metrics, metric, expected) => {
		expect(postMetricValue({ metrics }, metric)).toBe(expected);
	});
});
