import { describe, expect, it } from 'vitest';
import { accountFacts, calendarMonthsBetween, portfolioShare, type AccountFacts } from './facts';
import { constantSeries, day, makeBreakdown, makePost, makeSeries } from './test-fixtures';
import type { BoardSeries } from './types';

const account = { id: 'linkedin:contoso' };
const d0 = day('2026-01-01');

function series(metric: BoardSeries['metric'], values: (number | null)[], startDay = d0): BoardSeries {
	return makeSeries(metric, startDay, values);
}

describe('latest audience', () => {
	it('reads the last follower count on or before today', () => {
		const facts = accountFacts(account, [series('followers', [100, 110, null, 120, null])], [], d0 + 10);
		expect(facts.audience).toMatchObject({ value: 120, day: d0 + 3, derived: false, source: 'followers' });
	});
	it('ignores follower counts after today', () => {
		const facts = accountFacts(account, [series('followers', [100, 110, 130])], [], d0 + 1);
		expect(facts.audience?.value).toBe(110);
	});
	it('adds the daily net changes recorded after the last count, and says it is derived', () => {
		const facts = accountFacts(
			account,
			[series('followers', [100, 105]), series('followers_net', [null, 5, 3, 2, null])],
			[],
			d0 + 10
		);
		expect(facts.audience).toMatchObject({ value: 110, day: d0 + 3, derived: true, source: 'followers+changes' });
	});
	it('uses gains minus losses when there is no net series', () => {
		const facts = accountFacts(
			account,
			[series('followers', [100]), series('followers_gained', [9, 4, 6]), series('followers_lost', [9, 1, 2])],
			[],
			d0 + 10
		);
		expect(facts.audience?.value).toBe(100 + 3 + 4);
	});
	it('falls back to the sum of a follower-count breakdown', () => {
		const breakdowns = [makeBreakdown('country', { DE: 300, US: 200 }, { unit: 'count', asOf: d0 + 2 })];
		const facts = accountFacts(account, [], [], d0 + 10, { breakdowns });
		expect(facts.audience).toMatchObject({ value: 500, day: d0 + 2, derived: true, source: 'breakdown' });
	});
	it('does not treat a view breakdown as an audience size', () => {
		const breakdowns = [makeBreakdown('country', { DE: 300 }, { unit: 'count', measure: 'views' })];
		expect(accountFacts(account, [], [], d0 + 400, { breakdowns }).audience).toBeNull();
	});
});

describe('90-day engagement rate', () => {
	// 180 days: 20 engagements per 1000 impressions in the first 90, 30 in the last 90
	const engagementValues = [...new Array(90).fill(20), ...new Array(90).fill(30)];
	const daily = [constantSeries('impressions', d0, 180, 1000), series('engagements', engagementValues)];

	it('divides engagements by impressions over the last 90 days and compares with the 90 before', () => {
		const facts = accountFacts(account, daily, [], d0 + 179);
		expect(facts.engagement).toMatchObject({
			method: 'daily-impressions',
			window: { from: d0 + 90, to: d0 + 179 },
			basisCount: 90,
			trend: 'up'
		});
		expect(facts.engagement?.rate).toBeCloseTo(0.03, 10);
		expect(facts.engagement?.previous?.rate).toBeCloseTo(0.02, 10);
		expect(facts.engagement?.change).toBeCloseTo(0.01, 10);
		expect(facts.engagement?.relativeChange).toBeCloseTo(0.5, 10);
	});
	it('ends the window on the last day with data, not on today', () => {
		const facts = accountFacts(account, daily, [], d0 + 500);
		expect(facts.engagement?.window).toEqual({ from: d0 + 90, to: d0 + 179 });
	});
	it('counts only days that have both figures', () => {
		const facts = accountFacts(
			account,
			[series('impressions', [1000, null, 1000]), series('engagements', [10, 500, 30])],
			[],
			d0 + 2
		);
		expect(facts.engagement?.rate).toBeCloseTo(40 / 2000, 10);
		expect(facts.engagement?.basisCount).toBe(2);
		expect(facts.engagement?.trend).toBe('unknown');
	});
	it('builds engagements from likes, comments and shares when the export has no engagements', () => {
		const facts = accountFacts(
			account,
			[series('impressions', [1000, 1000]), series('likes', [5, 5]), series('comments', [1, null]), series('shares', [null, 2])],
			[],
			d0 + 1
		);
		expect(facts.engagement?.rate).toBeCloseTo((6 + 7) / 2000, 10);
	});
	it.each([
		{ previous: 20, current: 21, trend: 'flat' },
		{ previous: 20, current: 17, trend: 'down' },
		{ previous: 20, current: 25, trend: 'up' }
	])('calls $previous → $current per 1000 "$trend"', ({ previous, current, trend }) => {
		const values = [...new Array(90).fill(previous), ...new Array(90).fill(current)];
		const facts = accountFacts(account, [constantSeries('impressions', d0, 180, 1000), series('engagements', values)], [], d0 + 179);
		expect(facts.engagement?.trend).toBe(trend);
	});
	it('falls back to post impressions when there are no daily impressions', () => {
		const posts = [
			makePost(d0 + 10, { engagements: 10, impressions: 500 }),
			makePost(d0 + 20, { likes: 20, comments: 10, impressions: 1500 }),
			makePost(d0 + 25, { engagements: 99 })
		];
		const facts = accountFacts(account, [], posts, d0 + 30);
		expect(facts.engagement?.method).toBe('post-impressions');
		expect(facts.engagement?.rate).toBeCloseTo(40 / 2000, 10);
		expect(facts.engagement?.formula).toMatch(/impressions of the posts/);
	});
	it('falls back to engagements per post ÷ audience, stating the formula', () => {
		const posts = [makePost(d0 + 100, { engagements: 10 }), makePost(d0 + 110, { engagements: 20 }), makePost(d0 + 120, { engagements: 30 })];
		const facts = accountFacts(account, [series('followers', [1000])], posts, d0 + 130);
		expect(facts.engagement?.method).toBe('per-post-audience');
		expect(facts.engagement?.rate).toBeCloseTo(20 / 1000, 10);
		expect(facts.engagement?.formula).toBe(
			'Engagement rate = average engagements per post in the 90 days up to the last post ÷ audience size (the export has no impressions).'
		);
	});
	it('has no rate without engagement data', () => {
		expect(accountFacts(account, [series('followers', [1000])], [makePost(d0)], d0 + 5).engagement).toBeNull();
	});
});

describe('posting', () => {
	const today = day('2026-11-26');
	it('counts posts in the last 90 days per week', () => {
		const posts = Array.from({ length: 13 }, (_, index) => makePost(today - index * 6));
		posts.push(makePost(today - 200));
		const facts = accountFacts(account, [], posts, today);
		expect(facts.postsPerWeek).toBeCloseTo(13 / (90 / 7), 10);
		expect(facts.postsPerWeekSource).toBe('posts');
		expect(facts.lastPostDay).toBe(today);
	});
	it('counts a post id once', () => {
		const post = makePost(today - 1);
		expect(accountFacts(account, [], [post, { ...post }], today).postsPerWeek).toBeCloseTo(1 / (90 / 7), 10);
	});
	it('prefers the posts-published series when it shows more posts', () => {
		const published = constantSeries('posts_published', today - 89, 90, 0);
		published.values[0] = 20;
		published.values[50] = 6;
		const facts = accountFacts(account, [published], [makePost(today - 3)], today);
		expect(facts.postsPerWeek).toBeCloseTo(26 / (90 / 7), 10);
		expect(facts.postsPerWeekSource).toBe('posts_published');
		expect(facts.lastPostDay).toBe(today - 3);
	});
	it('gives months and days since the last post', () => {
		const facts = accountFacts(account, [], [makePost(day('2025-09-03'))], today);
		expect(facts.monthsSinceLastPost).toBe(14);
		expect(facts.daysSinceLastPost).toBe(today - day('2025-09-03'));
		expect(facts.postsPerWeek).toBe(0);
		expect(facts.hasPostData).toBe(true);
	});
	it('tells "no post data" apart from "no posts"', () => {
		const none = accountFacts(account, [series('followers', [10])], [], today);
		expect(none).toMatchObject({ hasPostData: false, postsPerWeek: null, lastPostDay: null, monthsSinceLastPost: null });
		const silent = accountFacts(account, [constantSeries('posts_published', today - 30, 31, 0)], [], today);
		expect(silent).toMatchObject({ hasPostData: true, postsPerWeek: 0, lastPostDay: null, postDataUntil: today });
	});
});

describe('weekly engagement sparkline', () => {
	it('sums each 7-day week ending today and leaves weeks without data as NaN', () => {
		const today = d0 + 20;
		// weeks: d0..d0+6, d0+7..d0+13 (no data), d0+14..d0+20
		const engagements = series('engagements', [...new Array(7).fill(1), ...new Array(7).fill(null), ...new Array(7).fill(3)]);
		const facts = accountFacts(account, [engagements], [], today, { sparklineWeeks: 3 });
		expect(facts.weeklyEngagementSource).toBe('daily');
		expect(facts.weeklyEngagement[0]).toBe(7);
		expect(facts.weeklyEngagement[1]).toBeNaN();
		expect(facts.weeklyEngagement[2]).toBe(21);
	});
	it('falls back to post engagements, with zero only between known posts', () => {
		const today = d0 + 27;
		const posts = [makePost(d0 + 8, { engagements: 5 }), makePost(d0 + 22, { engagements: 7 })];
		const facts = accountFacts(account, [], posts, today, { sparklineWeeks: 4 });
		expect(facts.weeklyEngagementSource).toBe('posts');
		expect(facts.weeklyEngagement[0]).toBeNaN();
		expect(facts.weeklyEngagement.slice(1)).toEqual([5, 0, 7]);
	});
});

describe('portfolio share', () => {
	it('divides by the summed audience of accounts whose audience is known', () => {
		const make = (accountId: string, value: number | null) =>
			({ accountId, audience: value === null ? null : { value } }) as unknown as AccountFacts;
		expect(portfolioShare([make('a', 300), make('b', 100), make('c', null)])).toEqual({ a: 0.75, b: 0.25, c: null });
	});
});

describe('calendar months', () => {
	it.each([
		['2026-01-31', '2026-02-28', 0],
		['2026-01-31', '2026-03-01', 1],
		['2025-09-03', '2026-11-26', 14],
		['2025-09-27', '2026-11-26', 13],
		['2026-05-01', '2026-04-01', 0]
	])('%s → %s is %i months', (from, to, months) => {
		expect(calendarMonthsBetween(day(from), day(to))).toBe(months);
	});
});
