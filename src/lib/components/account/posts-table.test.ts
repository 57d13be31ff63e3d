import { describe, expect, it } from 'vitest';
import type { TagRule } from '../../domain/analytics/topics';
import type { AnalyticsPost } from '../../domain/analytics/types';
import { dayFromISO } from '../../domain/days';
import { EMPTY_FILTER, filterPosts, NO_TAG, postMetricColumns, postRows, postTypes, sortPosts, tagsInUse } from './posts-table';

const day = (iso: string) => dayFromISO(iso)!;

function post(postId: string, iso: string | null, text: string, metrics: AnalyticsPost['metrics'], type?: string): AnalyticsPost {
	return { postId, accountId: 'x:acme', publishedAt: iso ? `${iso}T10:00` : null, day: iso ? day(iso) : null, text, type, metrics };
}

const posts = [
	post('1', '2024-01-05', 'Behind the scenes with our team #Culture', { impressions: 1000, likes: 10 }, 'Photo'),
	post('2', '2024-02-10', 'Launch: the new Ｆｅａｔｕｒｅ is here #launch', { impressions: 5000, likes: 50, shares: 5 }, 'Video'),
	post('3', '2024-03-15', 'Quiet update', { likes: 1 }, 'Photo'),
	post('4', null, 'Undated post about the launch', { impressions: 10 })
];
const rules: TagRule[] = [
	{ id: 'r1', label: 'story', kind: 'keyword', pattern: 'behind the scenes' },
	{ id: 'r2', label: 'product', kind: 'hashtag', pattern: '#launch' }
];
const rows = postRows(posts, rules, new Map([['3', ['product']]]));
const ids = (list: { post: AnalyticsPost }[]) => list.map((row) => row.post.postId);

describe('postRows', () => {
	it('tags by rules unless manual tags replace them', () => {
		expect(rows.map((row) => [row.tagging.tags, row.tagging.source])).toEqual([
			[['story'], 'rules'],
			[['product'], 'rules'],
			[['product'], 'manual'],
			[[], 'rules']
		]);
		expect(tagsInUse(rows)).toEqual(['product', 'story']);
	});
});

describe('filterPosts', () => {
	it.each([
		[{ from: day('2024-02-01') }, ['2', '3']],
		[{ from: day('2024-01-01'), to: day('2024-02-10') }, ['1', '2']],
		[{ type: 'Photo' }, ['1', '3']],
		[{ text: 'LAUNCH' }, ['2', '4']],
		// width-folded: the full-width Ｆｅａｔｕｒｅ matches "feature"; every word must appear
		[{ text: 'new feature' }, ['2']],
		[{ text: 'feature quiet' }, []],
		[{ tag: 'product' }, ['2', '3']],
		[{ tag: NO_TAG }, ['4']]
	] as const)('%o keeps %o', (filter, expected) => {
		expect(ids(filterPosts(rows, { ...EMPTY_FILTER, ...filter }))).toEqual(expected);
	});

	it('a date filter leaves out undated posts', () => {
		expect(ids(filterPosts(rows, { ...EMPTY_FILTER, to: day('2030-01-01') }))).toEqual(['1', '2', '3']);
	});
});

describe('sortPosts', () => {
	it('sorts by a metric both ways with posts lacking it last, never as zero', () => {
		expect(ids(sortPosts(rows, 'impressions', 'desc'))).toEqual(['2', '1', '4', '3']);
		expect(ids(sortPosts(rows, 'impressions', 'asc'))).toEqual(['4', '1', '2', '3']);
	});

	it('sorts engagements from their parts when posts have no engagements column', () => {
		// 10, 55, 1, none
		expect(ids(sortPosts(rows, 'engagements', 'desc'))).toEqual(['2', '1', '3', '4']);
	});

	it('sorts by date with undated posts last, and by type', () => {
		expect(ids(sortPosts(rows, 'date', 'desc'))).toEqual(['3', '2', '1', '4']);
		expect(ids(sortPosts(rows, 'date', 'asc'))).toEqual(['1', '2', '3', '4']);
		// ties on type: newest first
		expect(ids(sortPosts(rows, 'type', 'asc'))).toEqual(['3', '1', '2', '4']);
	});

	it('sorts 100,000 posts in well under a second', () => {
		const many = postRows(
			Array.from({ length: 100_000 }, (_, i) => post(String(i), '2024-01-01', `post ${i}`, { impressions: (i * 7919) % 100_003 })),
			[],
			new Map()
		);
		const started = performance.now();
		const sorted = sortPosts(filterPosts(many, { ...EMPTY_FILTER, text: 'post' }), 'impressions', 'desc');
		expect(performance.now() - started).toBeLessThan(1000);
		expect(sorted[0].post.metrics.impressions).toBe(100_002);
	});
});

describe('columns and types', () => {
	it('lists the metrics posts have in catalogue order, engagements when its parts are there', () => {
		expect(postMetricColumns(posts)).toEqual(['impressions', 'engagements', 'likes', 'shares']);
		expect(postTypes(posts)).toEqual(['Photo', 'Video']);
	});
});
