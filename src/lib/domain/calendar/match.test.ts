import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import {
	buildPostIndex,
	itemsByLinkedPost,
	linkedPerformance,
	linkedPostKey,
	linkTokens,
	normalizeLink,
	postsInRange,
	sharedWordCount,
	suggestPosts,
	type MatchablePost
} from './match';

const D = dayFromISO('2021-11-22')!;
const ERP = 'x:contosoerp';
const CRM = 'x:contosocrm';

function post(postId: string, accountId: string, day: number | null, text = '', extra: Partial<MatchablePost> = {}): MatchablePost {
	return { postId, accountId, day, publishedAt: day === null ? null : `${isoFromDay(day)}T09:00`, text, metrics: {}, ...extra };
}

const plan = {
	title: 'How Fabrikam closes the books in three days',
	day: D,
	accountIds: [ERP],
	link: '',
	linkedPostIds: [] as string[]
};

describe('links', () => {
	it.each<[string, string | null]>([
		['https://twitter.com/rOpenSci/status/1465712230054432768?s=20', 'x.com/rOpenSci/status/1465712230054432768'],
		['https://x.com/rOpenSci/status/1465712230054432768', 'x.com/rOpenSci/status/1465712230054432768'],
		['https://www.youtube.com/watch?v=abcDEF12345&t=42s', 'youtube.com/watch?v=abcDEF12345'],
		['https://youtu.be/abcDEF12345?si=xyz', 'youtube.com/watch?v=abcDEF12345'],
		['https://Example.com/blog/post/?utm_source=x&b=2&a=1#comments', 'example.com/blog/post?a=1&b=2'],
		['https://m.facebook.com/contoso/posts/123456', 'facebook.com/contoso/posts/123456'],
		['not a link', null],
		['ftp://example.com/file', null]
	])('normalises %s', (link, expected) => {
		expect(normalizeLink(link)).toBe(expected);
	});

	it('finds the ids a link may carry, long enough not to match by chance', () => {
		const tokens = linkTokens('https://www.linkedin.com/feed/update/urn:li:activity:7123456789012/?x=12');
		expect(tokens).toContain('7123456789012');
		expect(tokens).toContain('urn:li:activity:7123456789012');
		expect(tokens).not.toContain('12');
		expect(linkTokens('no link')).toEqual([]);
	});

	it('counts the title words of four letters or more that a post repeats, ignoring case', () => {
		expect(sharedWordCount('How Fabrikam closes the books', 'FABRIKAM closed its books early')).toBe(2);
		expect(sharedWordCount('A b c', 'A b c')).toBe(0);
	});
});

describe('suggestions', () => {
	const posts = [
		post('p-same-day', ERP, D, 'Fabrikam closes the books in three days #CustomerStory'),
		post('p-plus2', ERP, D + 2, 'Release notes'),
		post('p-minus1', ERP, D - 1, 'Tip of the week'),
		post('p-plus1', ERP, D + 1, 'Webinar next week'),
		post('p-other-account', CRM, D, 'Fabrikam closes the books in three days'),
		post('p-too-late', ERP, D + 5, 'Fabrikam closes the books'),
		post('1465712230054432768', CRM, D + 10, 'Linked by id'),
		post('p-linked-by-url', CRM, D + 12, 'Linked by address', { link: 'https://example.com/stories/fabrikam' }),
		post('p-undated', ERP, null, 'No date')
	];
	const index = buildPostIndex(posts);

	it('ranks posts on the target accounts by distance from the planned day, later before earlier at a tie', () => {
		const found = suggestPosts(plan, index);
		expect(found.map((one) => one.post.postId)).toEqual(['p-same-day', 'p-plus1', 'p-minus1', 'p-plus2']);
		expect(found.map((one) => one.dayOffset)).toEqual([0, 1, -1, 2]);
		expect(found.every((one) => one.reason === 'account-date')).toBe(true);
		expect(found[0].sharedWords).toBe(5);
	});

	it('prefers the post that shares words with the title among posts equally far', () => {
		const sameDay = buildPostIndex([post('a', ERP, D, 'Tip of the week'), post('b', ERP, D, 'Fabrikam story')]);
		expect(suggestPosts(plan, sameDay).map((one) => one.post.postId)).toEqual(['b', 'a']);
	});

	it('puts link matches first, by the post id in the link or by the same address', () => {
		const found = suggestPosts(
			{ ...plan, link: 'https://twitter.com/ContosoCRM/status/1465712230054432768?s=20' },
			index
		);
		expect(found[0]).toMatchObject({ reason: 'link', key: `${CRM}|1465712230054432768`, dayOffset: 10 });
		const byAddress = suggestPosts({ ...plan, link: 'https://www.example.com/stories/fabrikam/?utm_medium=social' }, index);
		expect(byAddress[0]).toMatchObject({ reason: 'link', key: `${CRM}|p-linked-by-url` });
	});

	it('leaves out posts already linked to this item or to another, and honours the window and limit', () => {
		const found = suggestPosts({ ...plan, linkedPostIds: [`${ERP}|p-same-day`] }, index, {
			taken: new Set([`${ERP}|p-plus1`]),
			windowDays: 1,
			limit: 5
		});
		expect(found.map((one) => one.post.postId)).toEqual(['p-minus1']);
		expect(suggestPosts(plan, index, { limit: 2 })).toHaveLength(2);
		expect(suggestPosts(plan, index, { windowDays: 5 }).map((one) => one.post.postId)).toContain('p-too-late');
	});

	it('suggests nothing by date for an item without target accounts or without a day', () => {
		expect(suggestPosts({ ...plan, accountIds: [] }, index)).toEqual([]);
		expect(suggestPosts({ ...plan, day: null }, index)).toEqual([]);
	});
});

describe('index and performance', () => {
	it('lists the posts of a range of days in day order, skipping undated ones', () => {
		const index = buildPostIndex([post('b', ERP, D + 1), post('a', ERP, D), post('c', CRM, D + 3), post('u', ERP, null)]);
		expect(postsInRange(index, D, D + 2).map((one) => one.postId)).toEqual(['a', 'b']);
		expect(index.byKey.get(`${ERP}|u`)?.postId).toBe('u');
	});

	it('adds up what the linked posts did, summing engagements from their parts where needed', () => {
		const index = buildPostIndex([
			post('a', ERP, D, '', { metrics: { impressions: 1000, engagements: 50 } }),
			// no engagements column: likes + comments
			post('b', CRM, D, '', { metrics: { impressions: 3000, likes: 10, comments: 2 } }),
			post('c', CRM, D, '', { metrics: { likes: 4 } })
		]);
		expect(linkedPerformance([`${ERP}|a`, `${CRM}|b`, `${CRM}|c`, `${CRM}|gone`, `${ERP}|a`], index)).toEqual({
			posts: 3,
			missing: 1,
			impressions: 4000,
			engagements: 66,
			// only posts with both count toward the rate: (50 + 12) / (1000 + 3000)
			engagementRate: 62 / 4000
		});
		expect(linkedPerformance([], index)).toEqual({ posts: 0, missing: 0, impressions: null, engagements: null, engagementRate: null });
	});

	it('maps each linked post to the item that claimed it first', () => {
		const owners = itemsByLinkedPost([
			{ id: 'one', linkedPostIds: ['x|1', 'x|2'] },
			{ id: 'two', linkedPostIds: ['x|2', 'x|3'] }
		]);
		expect([...owners]).toEqual([
			['x|1', 'one'],
			['x|2', 'one'],
			['x|3', 'two']
		]);
		expect(linkedPostKey({ accountId: 'x:a', postId: '12' })).toBe('x:a|12');
	});
});
