import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, seriesMetrics, valueOn } from '../../../tests/fixtures/load';
import { handleFromLegacyFileName, handleFromStatusLink, xAccountContent, xAccountOverview, xDailyTweetActivity, xTweetActivity } from './x';

const parse = (importer: { parse: typeof xTweetActivity.parse }, fixture: string) => importer.parse(contextOf(loadTable(fixture)));

describe('X file names and links', () => {
	it.each([
		['tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv', 'rOpenSci'],
		['daily_tweet_activity_metrics_Lisa_De_Bruine_20210801_20210901_en.csv', 'Lisa_De_Bruine'],
		['tweet_activity_metrics_Arknanana_20200107_20200204_ja (1).csv', 'Arknanana'],
		['account_overview_analytics.csv', null]
	])('%s → %s', (name, handle) => {
		expect(handleFromLegacyFileName(name)).toBe(handle);
	});
	it('reads the handle from a status link', () => {
		expect(handleFromStatusLink('https://x.com/KaiaDevIntern/status/1902622306553184746')).toBe('KaiaDevIntern');
		expect(handleFromStatusLink('https://example.com/a')).toBeNull();
	});
});

describe('X legacy per-tweet export', () => {
	const fixture = 'x/tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv';

	it('detects its own files, English, 2015 and Japanese', () => {
		for (const file of [fixture, 'x/tweet_activity_metrics_USCTrials_20150501_20150601_en.csv', 'x/tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv']) {
			expect(xTweetActivity.detect(sampleOf(loadTable(file)))).toBeGreaterThan(0.9);
		}
		expect(xDailyTweetActivity.detect(sampleOf(loadTable(fixture)))).toBe(0);
	});

	it('reads posts with 19-digit ids as strings and lifetime metrics', () => {
		const result = parse(xTweetActivity, fixture);
		expect(result.account).toEqual({ platform: 'x', handle: 'rOpenSci' });
		expect(result.posts.map((post) => post.postId)).toEqual([
			'1465712230054432768',
			'1463534116817846278',
			'1462000000000000001',
			'1459000000000000004'
		]);
		const first = result.posts[0];
		expect(first.publishedAt).toBe('2021-11-30T16:00');
		expect(first.day).toBe(dayFromYMD(2021, 11, 30));
		expect(first.link).toBe('https://twitter.com/rOpenSci/status/1465712230054432768');
		expect(first.metrics).toEqual({
			impressions: 1777,
			engagements: 5,
			engagement_rate: 0.0028137310073157004,
			shares: 0,
			comments: 0,
			likes: 2,
			profile_visits: 0,
			link_clicks: 0,
			followers_gained: 0
		});
		expect(result.posts[1].metrics).toMatchObject({ impressions: 9535, likes: 10, link_clicks: 26, profile_visits: 9 });
		expect(result.posts[2].text).toBe('Two lines, one "quoted" word\nand a second line');
		expect(result.posts[2].metrics.followers_gained).toBe(1);
		expect(result.series).toEqual([]);
		expect(result.coversUntil).toBe(dayFromYMD(2021, 11, 30));
	});

	it('keeps `-` cells missing instead of zero', () => {
		const last = parse(xTweetActivity, fixture).posts[3];
		expect(last.metrics.impressions).toBe(75);
		expect('engagements' in last.metrics).toBe(false);
		expect('engagement_rate' in last.metrics).toBe(false);
	});

	it('skips an impossible date and a damaged id, reporting their lines', () => {
		const result = parse(xTweetActivity, fixture);
		expect(result.rowCount).toBe(6);
		expect(result.issues).toEqual([
			expect.objectContaining({ line: 6, severity: 'error', message: expect.stringContaining('2021-11-31 10:00 +0000') }),
			expect.objectContaining({ line: 7, severity: 'error', message: expect.stringContaining('scientific notation') })
		]);
	});

	it('reads 2015 `favorites` as likes', () => {
		const result = parse(xTweetActivity, 'x/tweet_activity_metrics_USCTrials_20150501_20150601_en.csv');
		expect(result.posts[0].postId).toBe('601234567890123456');
		expect(result.posts[0].metrics.likes).toBe(9);
		expect(result.account?.handle).toBe('USCTrials');
	});

	it('reads Japanese headers', () => {
		const result = parse(xTweetActivity, 'x/tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv');
		expect(result.posts[0]).toMatchObject({
			postId: '1214420000000000000',
			text: '新年のごあいさつ',
			publishedAt: '2020-01-07T03:00',
			metrics: { impressions: 5120, engagements: 256, shares: 12, comments: 8, likes: 64, followers_gained: 3 }
		});
	});
});

describe('X legacy by-day export', () => {
	const fixture = 'x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv';

	it('detects English and Japanese by-day files and not the per-tweet one', () => {
		expect(xDailyTweetActivity.detect(sampleOf(loadTable(fixture)))).toBeGreaterThan(0.9);
		expect(xDailyTweetActivity.detect(sampleOf(loadTable('x/daily_tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv')))).toBeGreaterThan(0.6);
		expect(xTweetActivity.detect(sampleOf(loadTable(fixture)))).toBe(0);
	});

	it('reads daily series', () => {
		const result = parse(xDailyTweetActivity, fixture);
		expect(result.account).toEqual({ platform: 'x', handle: 'LisaDeBruine' });
		expect(valueOn(result, 'impressions', '2021-08-01')).toBe(1088);
		expect(valueOn(result, 'impressions', '2021-08-06')).toBe(316989);
		expect(valueOn(result, 'engagements', '2021-08-06')).toBe(26249);
		expect(valueOn(result, 'engagement_rate', '2021-08-06')).toBe(0.08280728984286521);
		expect(valueOn(result, 'posts_published', '2021-08-06')).toBe(11);
		expect(valueOn(result, 'shares', '2021-08-06')).toBe(124);
		expect(valueOn(result, 'comments', '2021-08-06')).toBe(122);
		expect(valueOn(result, 'likes', '2021-08-06')).toBe(628);
		expect(valueOn(result, 'link_clicks', '2021-08-06')).toBe(10136);
		expect(valueOn(result, 'profile_visits', '2021-08-06')).toBe(379);
		expect(result.coversUntil).toBe(dayFromYMD(2021, 8, 6));
		expect(result.issues).toEqual([]);
	});

	it('leaves `-` days absent', () => {
		const result = parse(xDailyTweetActivity, fixture);
		expect(valueOn(result, 'impressions', '2021-08-02')).toBeUndefined();
		expect(valueOn(result, 'posts_published', '2021-08-02')).toBe(1);
	});

	it('reads the Japanese by-day header', () => {
		const result = parse(xDailyTweetActivity, 'x/daily_tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv');
		expect(valueOn(result, 'impressions', '2020-01-08')).toBe(812);
		expect(valueOn(result, 'likes', '2020-01-07')).toBe(64);
	});
});

describe('X Premium account overview', () => {
	it('detects both column orders', () => {
		expect(xAccountOverview.detect(sampleOf(loadTable('x/account_overview_analytics.csv')))).toBeGreaterThan(0.9);
		expect(xAccountOverview.detect(sampleOf(loadTable('x/account_overview_analytics (1).csv')))).toBeGreaterThan(0.9);
		expect(xAccountContent.detect(sampleOf(loadTable('x/account_overview_analytics.csv')))).toBe(0);
	});

	it('reads series by name; the file has no handle', () => {
		const result = parse(xAccountOverview, 'x/account_overview_analytics.csv');
		expect(result.account).toBeNull();
		expect(result.series.every((points) => points.account === null)).toBe(true);
		expect(valueOn(result, 'impressions', '2025-09-11')).toBe(6878);
		expect(valueOn(result, 'likes', '2025-09-10')).toBe(120);
		expect(valueOn(result, 'saves', '2025-09-10')).toBe(2);
		expect(valueOn(result, 'followers_gained', '2025-09-10')).toBe(11);
		expect(valueOn(result, 'followers_lost', '2025-09-09')).toBe(3);
		expect(valueOn(result, 'comments', '2025-09-09')).toBe(15);
		expect(valueOn(result, 'shares', '2025-09-09')).toBe(50);
		expect(valueOn(result, 'profile_visits', '2025-09-09')).toBe(26);
		expect(valueOn(result, 'posts_published', '2025-09-10')).toBe(4);
		expect(valueOn(result, 'views', '2025-06-02')).toBe(12);
		expect(valueOn(result, 'engagements', '2025-06-02')).toBeUndefined();
		expect(result.coversUntil).toBe(dayFromYMD(2025, 9, 11));
		expect(seriesMetrics(result)).not.toContain('engagement_rate');
	});

	it('maps the other column order to the same metrics', () => {
		const result = parse(xAccountOverview, 'x/account_overview_analytics (1).csv');
		expect(valueOn(result, 'engagements', '2025-03-02')).toBe(75);
		expect(valueOn(result, 'likes', '2025-03-02')).toBe(30);
		expect(valueOn(result, 'shares', '2025-03-01')).toBe(4);
		expect(valueOn(result, 'followers_lost', '2025-03-01')).toBe(2);
	});
});

describe('X Premium content export', () => {
	it('detects both header generations', () => {
		for (const file of ['x/account_analytics_content_2024-12-22_2025-03-22.csv', 'x/account_analytics_content_2026-04-27_2026-07-25.csv']) {
			expect(xAccountContent.detect(sampleOf(loadTable(file)))).toBeGreaterThan(0.9);
			expect(xAccountOverview.detect(sampleOf(loadTable(file)))).toBe(0);
		}
	});

	it('reads the early-2025 generation (CRLF, `Thu Mar 20 2025`, `Link`)', () => {
		const result = parse(xAccountContent, 'x/account_analytics_content_2024-12-22_2025-03-22.csv');
		expect(result.account).toEqual({ platform: 'x', handle: 'KaiaDevIntern' });
		expect(result.posts).toHaveLength(3);
		expect(result.posts[1]).toMatchObject({
			postId: '1902620165822672967',
			day: dayFromYMD(2025, 3, 20),
			publishedAt: null,
			link: 'https://x.com/KaiaDevIntern/status/1902620165822672967',
			metrics: { impressions: 1295, likes: 12, engagements: 49, comments: 3, profile_visits: 12, link_clicks: 0, saves: 0, shares: 0 }
		});
		expect(result.coversUntil).toBe(dayFromYMD(2025, 3, 20));
	});

	it('reads the 2026 generation with quoted dates and `1,234`, and flags text in a number column', () => {
		const result = parse(xAccountContent, 'x/account_analytics_content_2026-04-27_2026-07-25.csv');
		expect(result.posts.map((post) => post.postId)).toEqual(['2074000000000000001', '2073000000000000002', '2072000000000000003']);
		expect(result.posts[0]).toMatchObject({ day: dayFromYMD(2026, 7, 14), metrics: { impressions: 122978, link_clicks: 66 } });
		expect(result.posts[1].metrics).toMatchObject({ impressions: 1234, saves: 2, followers_gained: 1, shares: 4 });
		expect(result.posts[1].text).toBe('A post, with a comma');
		expect(result.posts[2].metrics.impressions).toBeUndefined();
		expect(result.posts[2].metrics.likes).toBe(1);
		expect(result.issues).toEqual([expect.objectContaining({ line: 4, severity: 'warning', message: expect.stringContaining('“abc”') })]);
	});
});
