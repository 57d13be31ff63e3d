import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { median, postHour, postingHeatmap, postsPerWeek, rankPosts } from './cadence';
import type { AnalyticsPost } from './types';

const day = (iso: string) => dayFromISO(iso)!;
let nextId = 1;
function post(publishedAt: string | null, metrics: AnalyticsPost['metrics'] = {}, dayIso?: string): AnalyticsPost {
	return {
		postId: String(nextId++),
		accountId: 'x:a',
		publishedAt,
		day: dayIso ? day(dayIso) : publishedAt ? day(publishedAt) : null,
		text: '',
		metrics
	};
}

describe('median', () => {
	it.each([
		[[], null],
		[[5], 5],
		[[3, 1, 2], 2],
		[[4, 1, 3, 2], 2.5]
	])('of %o is %s', (values, expected) => {
		expect(median(values)).toBe(expected);
	});
});

describe('postHour', () => {
	it.each<[string | null, number | null]>([
		['2024-03-18T09:30', 9],
		['2024-03-18 23:05:00', 23],
		['2024-03-18', null],
		[null, null]
	])('%s → %s', (publishedAt, hour) => {
		expect(postHour({ publishedAt })).toBe(hour);
	});
});

describe('postsPerWeek', () => {
	it('counts posts per ISO week, zero inside the covered days and unknown outside', () => {
		const posts = [post('2024-01-01T10:00'), post('2024-01-03T10:00'), post('2024-01-15T10:00')];
		const result = postsPerWeek(posts, { range: { from: day('2023-12-25'), to: day('2024-01-21') } })!;
		expect(result.frame.count).toBe(4);
		expect([...result.counts]).toEqual([Number.NaN, 2, 0, 1]);
	});

	it('has nothing to count without dated posts', () => {
		expect(postsPerWeek([post(null)])).toBeNull();
	});
});

describe('postingHeatmap', () => {
	// 2024-03-18 and the four Mondays after it; 2024-03-19 is a Tuesday
	const posts = [
		...['2024-03-18', '2024-03-25', '2024-04-01', '2024-04-08', '2024-04-15'].map((date, i) =>
			post(`${date}T09:${10 + i}`, { engagements: [40, 10, 50, 30, 20][i] })
		),
		post('2024-03-19T10:00', { likes: 3, comments: 1 }),
		post('2024-03-19T10:45', {}),
		post(null, { engagements: 99 }, '2024-03-20')
	];
	const heatmap = postingHeatmap(posts);

	it('puts each post in its weekday × hour cell with the median and the sample size', () => {
		expect(heatmap.cells[0][9]).toEqual({ weekday: 0, hour: 9, posts: 5, n: 5, median: 30, reliable: true });
	});

	it('sums likes + comments where a post has no engagements, and keeps posts without the metric out of the median', () => {
		expect(heatmap.cells[1][10]).toEqual({ weekday: 1, hour: 10, posts: 2, n: 1, median: 4, reliable: false });
	});

	it('counts posts without a time of day instead of guessing one', () => {
		expect(heatmap.placed).toBe(7);
		expect(heatmap.withoutTime).toBe(1);
		expect(heatmap.cells[6][23]).toMatchObject({ posts: 0, n: 0, median: null, reliable: false });
	});
});

describe('rankPosts', () => {
	const posts = [post(null, { impressions: 10 }), post(null, { impressions: 30 }), post(null, {}), post(null, { impressions: 20 }), post(null, { impressions: 30 })];
	it('ranks the best and the worst, leaving out posts without the metric', () => {
		expect(rankPosts(posts, 'impressions', { count: 3 }).map((entry) => entry.value)).toEqual([30, 30, 20]);
		const bottom = rankPosts(posts, 'impressions', { count: 10, order: 'bottom' });
		expect(bottom.map((entry) => entry.value)).toEqual([10, 20, 30, 30]);
		// ties are ordered by post id
		expect(bottom[2].post.postId < bottom[3].post.postId).toBe(true);
	});
});
