import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, contextOf, loadTables, sampleOf } from '../../../tests/fixtures/load';
import { importerById, importers } from './index';

/**
 * Every table of every platform fixture, with the importer that must claim it. A fixture added
 * without an entry here fails the completeness test below.
 */
const EXPECTED: Record<string, string | null> = {
	'x/tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv': 'x-tweet-activity',
	'x/tweet_activity_metrics_USCTrials_20150501_20150601_en.csv': 'x-tweet-activity',
	'x/tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv': 'x-tweet-activity',
	'x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv': 'x-daily-tweet-activity',
	'x/daily_tweet_activity_metrics_Arknanana_20200107_20200204_ja.csv': 'x-daily-tweet-activity',
	'x/account_overview_analytics.csv': 'x-account-overview',
	'x/account_overview_analytics (1).csv': 'x-account-overview',
	'x/account_analytics_content_2024-12-22_2025-03-22.csv': 'x-account-content',
	'x/account_analytics_content_2026-04-27_2026-07-25.csv': 'x-account-content',

	'youtube/table-data-content.csv': 'youtube-table-data',
	'youtube/table-data-thumbnail.csv': 'youtube-table-data',
	'youtube/table-data-french.csv': 'youtube-table-data',
	'youtube/table-data-traffic-source.csv': 'youtube-table-data',
	'youtube/table-data-subscription-status.csv': 'youtube-table-data',
	'youtube/table-data-viewer-age.csv': 'youtube-table-data',
	'youtube/table-data-viewer-gender.csv': 'youtube-table-data',
	'youtube/table-data-cities.csv': 'youtube-table-data',
	'youtube/table-data-date.csv': 'youtube-table-data',
	'youtube/chart-data-content.csv': 'youtube-chart-data',
	'youtube/chart-data-traffic-source-resaved.csv': 'youtube-chart-data',
	'youtube/Totals.csv': 'youtube-totals',
	'youtube/totals-views-resaved-dmy.csv': 'youtube-totals',
	'youtube/totals-resaved-mdy.csv': 'youtube-totals',
	'youtube/totals-stayed-to-watch.csv': 'youtube-totals',
	'youtube/Content 2024-01-01_2025-06-30 Chorus Demo.zip › Table data.csv': 'youtube-table-data',
	'youtube/Content 2024-01-01_2025-06-30 Chorus Demo.zip › Chart data.csv': 'youtube-chart-data',
	'youtube/Content 2024-01-01_2025-06-30 Chorus Demo.zip › Totals.csv': 'youtube-totals',
	'youtube/Geography 2021-08-22_2025-10-17 Polylog.zip › Table data.csv': 'youtube-table-data',
	'youtube/Geography 2021-08-22_2025-10-17 Polylog.zip › Totals.csv': 'youtube-totals',

	'facebook/Facebook Insights Data Export - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv': 'facebook-page-insights',
	'facebook/Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv': 'facebook-post-insights',
	'facebook/Facebook Insights Data Export (Post Level) - The GRAMMYs - 2014-02-03.xlsx › Key metrics': 'facebook-post-insights',
	// per-breakdown sheets of the legacy workbook carry nothing Chorus reads
	'facebook/Facebook Insights Data Export (Post Level) - The GRAMMYs - 2014-02-03.xlsx › Lifetime Post Stories by act...': null,
	'facebook/Sep-01-2026_Sep-30-2026_1039829308656930.csv': 'meta-facebook-posts',
	'facebook/Jan-27-2025_Feb-23-2025_541651602373282.csv': 'meta-facebook-posts',
	'facebook/Follows.csv': 'meta-facebook-daily',
	'facebook/Interactions.csv': 'meta-facebook-daily',
	'facebook/Views.csv': 'meta-facebook-daily',
	'facebook/Viewers.csv': 'meta-viewers',
	'facebook/Gender.csv': 'meta-gender',
	'facebook/Insights-export_Aug-01-2025_Aug-31-2025.zip › FollowerTopTerritories.csv': 'meta-top-territories',
	'instagram/2025-03_CMA_IG-Insights.csv': 'meta-instagram-posts',
	'instagram/Follows.csv': 'meta-instagram-daily',

	'linkedin/chorus-demo_content_1767700800000.xls › Metrics': 'linkedin-content-metrics',
	'linkedin/chorus-demo_content_1767700800000.xls › All posts': 'linkedin-content-posts',
	'linkedin/chorus-demo_followers_1767700800000.xls › New followers': 'linkedin-new-followers',
	'linkedin/chorus-demo_followers_1767700800000.xls › Location': 'linkedin-demographics',
	'linkedin/chorus-demo_followers_1767700800000.xls › Job function': 'linkedin-demographics',
	'linkedin/chorus-demo_followers_1767700800000.xls › Seniority': 'linkedin-demographics',
	'linkedin/chorus-demo_followers_1767700800000.xls › Industry': 'linkedin-demographics',
	'linkedin/chorus-demo_followers_1767700800000.xls › Company size': 'linkedin-demographics',
	'linkedin/chorus-demo_visitors_1767700800000.xls › Visitor metrics': 'linkedin-visitors',
	'linkedin/chorus-demo_visitors_1767700800000.xls › Location': 'linkedin-demographics',
	'linkedin/New followers-Table 1.csv': 'linkedin-new-followers',
	'linkedin/Metrics-Table 1.csv': 'linkedin-content-metrics',
	'linkedin/Location-Table 1.csv': 'linkedin-demographics',
	'linkedin/shorthills-ai_followers_1766385928211.csv': 'linkedin-new-followers',
	'linkedin/metricas-pt.csv': 'linkedin-content-metrics',

	'tiktok/Overview_2025-12-30_1767700800_chorus.studio.zip › Overview.csv': 'tiktok-overview',
	'tiktok/Overview.csv': 'tiktok-overview',
	'tiktok/overview-swedish.csv': 'tiktok-overview',
	'tiktok/Followers_chorus.studio.zip › FollowerHistory.csv': 'tiktok-follower-history',
	'tiktok/Followers_chorus.studio.zip › FollowerActivity.csv': 'tiktok-follower-activity',
	'tiktok/Followers_chorus.studio.zip › FollowerGender.csv': 'tiktok-follower-gender',
	'tiktok/Followers_chorus.studio.zip › FollowerTopTerritories.csv': 'tiktok-follower-territories',
	'tiktok/Viewers_chorus.studio.zip › Viewers.csv': 'tiktok-viewers',
	'tiktok/Content_chorus.studio.zip › Content.csv': 'tiktok-content',
	'tiktok/Content.csv': 'tiktok-content',
	'tiktok/FollowerTopTerritories.csv': 'tiktok-follower-territories',

	'wechat/用户分析.csv': 'wechat-user-analysis',
	'wechat/user-analysis-gb18030.csv': 'wechat-user-analysis',

	'other/videos.csv': 'google-takeout-youtube',
	'other/channel.csv': 'google-takeout-youtube',
	'other/following_accounts.csv': 'mastodon-following',
	'other/bank-statement.csv': null
};

const PLATFORM_DIRS = ['x', 'youtube', 'facebook', 'instagram', 'linkedin', 'tiktok', 'wechat', 'other'];
const FIXTURE_FILES = PLATFORM_DIRS.flatMap((dir) =>
	readdirSync(join(FIXTURES_DIR, dir))
		.filter((name) => /\.(csv|zip|xlsx?)$/i.test(name))
		.map((name) => `${dir}/${name}`)
);

/** `dir/file` for a loose file, `dir/archive › inner` for a zip entry or workbook sheet. */
function tablesOf(fixture: string) {
	return loadTables(fixture).map((table) => {
		const inner = table.sheetName ?? (fixture.endsWith('.zip') ? table.fileName.split('/').pop() : undefined);
		return { key: inner ? `${fixture} › ${inner}` : fixture, table };
	});
}

const ALL_TABLES = FIXTURE_FILES.flatMap(tablesOf);

describe('importer registry', () => {
	it('has unique ids and finds each by id', () => {
		const ids = importers.map((importer) => importer.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const importer of importers) expect(importerById(importer.id)).toBe(importer);
		expect(importerById('no-such-importer')).toBeUndefined();
	});

	it('has an expectation for every fixture table, and a fixture for every expectation', () => {
		expect(ALL_TABLES.map(({ key }) => key).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it('covers every importer with at least one fixture', () => {
		const claimed = new Set(Object.values(EXPECTED));
		expect(importers.filter((importer) => !claimed.has(importer.id)).map((importer) => importer.id)).toEqual([]);
	});
});

describe('cross-detection matrix', () => {
	it.each(ALL_TABLES.map(({ key, table }) => [key, table] as const))('%s', (key, table) => {
		const sample = sampleOf(table);
		const scores = importers.map((importer) => ({ id: importer.id, score: importer.detect(sample) })).sort((a, b) => b.score - a.score);
		const expected = EXPECTED[key];
		if (expected === null) {
			// nobody may claim a file that is not an export
			expect(scores[0].score).toBeLessThan(0.5);
			return;
		}
		const [best, runnerUp] = scores;
		expect(best.id).toBe(expected);
		expect(best.score).toBeGreaterThanOrEqual(0.5);
		// a clear margin: the right importer is not winning by a rounding error
		expect(best.score - runnerUp.score).toBeGreaterThanOrEqual(0.1);
	});

	it('scores other platforms’ headers near zero', () => {
		const META = ['facebook', 'instagram'];
		// documented overlaps: Meta files that do not say Facebook or Instagram, and Meta/TikTok files
		// sharing a name and header. Everything else must stay at zero.
		const limitFor = (own: string, other: string) =>
			META.includes(own) && META.includes(other) ? 0.75 : [own, other].includes('tiktok') && [own, other].some((p) => META.includes(p)) ? 0.5 : 0;
		const violations: string[] = [];
		for (const { key, table } of ALL_TABLES) {
			const own = importerById(EXPECTED[key] ?? '');
			const sample = sampleOf(table);
			for (const importer of importers) {
				if (own && importer.platform === own.platform) continue;
				const score = importer.detect(sample);
				if (score > limitFor(own?.platform ?? 'none', importer.platform)) violations.push(`${importer.id} scores ${score} on ${key}`);
			}
		}
		expect(violations).toEqual([]);
	});

	it('parses every fixture table without throwing, each with data or an explanation', () => {
		for (const { key, table } of ALL_TABLES) {
			const expected = EXPECTED[key];
			if (!expected) continue;
			const result = importerById(expected)!.parse(contextOf(table));
			const data = result.series.length + result.posts.length + result.breakdowns.length;
			expect(data > 0 || result.issues.length > 0, key).toBe(true);
		}
	});
});
