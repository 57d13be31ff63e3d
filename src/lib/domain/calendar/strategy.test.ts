import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { angleOverTime, angleRows, postPerformance, statsBy, summarizeLifts, topicsOverTime, type StrategyPost } from './strategy';
import type { PostAngle } from './tagging';

const day = (iso: string) => dayFromISO(iso)!;

describe('performance of one post', () => {
	it.each<[string, Record<string, number>, 'engagement_rate' | 'engagements' | 'impressions', number | null]>([
		['rate from engagements and impressions', { engagements: 30, impressions: 1000, engagement_rate: 0.5 }, 'engagement_rate', 0.03],
		['rate from the parts of engagements', { likes: 8, comments: 2, impressions: 500 }, 'engagement_rate', 0.02],
		['the reported rate without impressions', { engagement_rate: 0.04, engagements: 3 }, 'engagement_rate', 0.04],
		['no rate from zero impressions', { engagements: 3, impressions: 0 }, 'engagement_rate', null],
		['engagements as reported', { engagements: 12 }, 'engagements', 12],
		['missing impressions stay missing', { engagements: 12 }, 'impressions', null]
	])('%s', (_name, metrics, measure, expected) => {
		expect(postPerformance({ metrics }, measure)).toBe(expected);
	});
});

function post(angle: PostAngle, value: number | null, fields: Partial<StrategyPost> = {}): StrategyPost {
	return { accountId: 'x:a', platform: 'x', day: day('2024-01-15'), angle, topics: [], segments: [], value, ...fields };
}

describe('comparisons', () => {
	it('takes medians per angle and a story-to-product lift only with five posts of each', () => {
		const posts = [
			...[1, 2, 3, 4, 5].map((value) => post('story', value)),
			...[1, 1, 2, 2, 2, 9].map((value) => post('product', value)),
			post('product', null),
			post('untagged', 4),
			...[10, 20].map((value) => post('story', value, { accountId: 'x:b' })),
			post('product', 5, { accountId: 'x:b' })
		];
		const [a, b] = angleRows(posts, (one) => [one.accountId]);
		expect(a.key).toBe('x:a');
		expect(a.byAngle.story).toEqual({ key: 'story', posts: 5, n: 5, median: 3 });
		expect(a.byAngle.product).toEqual({ key: 'product', posts: 7, n: 6, median: 2 });
		expect(a.byAngle.untagged).toEqual({ key: 'untagged', posts: 1, n: 1, median: 4 });
		expect(a.byAngle.both).toEqual({ key: 'both', posts: 0, n: 0, median: null });
		expect(a.lift).toBe(1.5);
		// x:b has two story posts and one product post: too few to compare
		expect(b.key).toBe('x:b');
		expect(b.byAngle.story.median).toBe(15);
		expect(b.lift).toBeNull();
		expect(angleRows(posts, (one) => [one.accountId], { minSample: 1 })[1].lift).toBe(3);
	});

	it('counts a post under each of its groups, once', () => {
		const posts = [post('story', 1, { segments: ['buyers', 'end users', 'buyers'] }), post('product', 3, { segments: ['buyers'] })];
		const rows = angleRows(posts, (one) => one.segments);
		expect(rows.map((row) => [row.key, row.byAngle.story.posts, row.byAngle.product.posts])).toEqual([
			['buyers', 1, 1],
			['end users', 1, 0]
		]);
	});

	it('lines the angles up by quarter, oldest first, without undated posts', () => {
		const posts = [
			post('story', 4, { day: day('2024-05-02') }),
			post('story', 2, { day: day('2024-01-10') }),
			post('product', 1, { day: day('2024-03-31') }),
			post('product', 9, { day: null })
		];
		const rows = angleOverTime(posts, 'quarter', 1);
		expect(rows.map((row) => [row.key, row.start])).toEqual([
			['2024-Q1', day('2024-01-01')],
			['2024-Q2', day('2024-04-01')]
		]);
		expect(rows[0].byAngle.story.median).toBe(2);
		expect(rows[0].byAngle.product.median).toBe(1);
		expect(rows[0].lift).toBe(2);
		expect(rows[1].lift).toBeNull();
	});

	it('summarises how many groups favour stories', () => {
		const rows = [0.5, 1.2, 2, null].map((lift, index) => ({ key: String(index), lift, byAngle: {} as never }));
		expect(summarizeLifts(rows)).toEqual({ compared: 3, storyAhead: 2, medianLift: 1.2 });
		expect(summarizeLifts([])).toEqual({ compared: 0, storyAhead: 0, medianLift: null });
	});

	it('gives posts and medians per topic, largest first', () => {
		const posts = [post('story', 1, { topics: ['ai', 'erp'] }), post('product', 3, { topics: ['ai'] }), post('product', null, { topics: ['crm'] })];
		expect(statsBy(posts, (one) => one.topics)).toEqual([
			{ key: 'ai', posts: 2, n: 2, median: 2 },
			{ key: 'crm', posts: 1, n: 0, median: null },
			{ key: 'erp', posts: 1, n: 1, median: 1 }
		]);
	});
});

describe('topics over time', () => {
	it('gives each asked-for topic its posts and median per period, oldest first', () => {
		const posts = [
			post('story', 4, { day: day('2024-05-02'), topics: ['ai', 'erp', 'ai'] }),
			post('story', 2, { day: day('2024-01-10'), topics: ['ai'] }),
			post('product', 6, { day: day('2024-02-01'), topics: ['ai'] }),
			post('product', null, { day: day('2024-02-03'), topics: ['erp'] }),
			post('product', 9, { day: day('2024-02-03'), topics: ['crm'] }),
			post('product', 9, { day: null, topics: ['ai'] })
		];
		expect(topicsOverTime(posts, ['ai', 'erp'], 'quarter')).toEqual([
			{
				key: '2024-Q1',
				start: day('2024-01-01'),
				byTopic: [
					{ key: 'ai', posts: 2, n: 2, median: 4 },
					{ key: 'erp', posts: 1, n: 0, median: null }
				]
			},
			{
				key: '2024-Q2',
				start: day('2024-04-01'),
				byTopic: [
					{ key: 'ai', posts: 1, n: 1, median: 4 },
					{ key: 'erp', posts: 1, n: 1, median: 4 }
				]
			}
		]);
	});
});
