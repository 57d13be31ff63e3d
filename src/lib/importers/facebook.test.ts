import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import {
	facebookPageInsights,
	facebookPostInsights,
	isDescriptionRow,
	metaFacebookDaily,
	metaFacebookPosts,
	metaGender,
	metaTopTerritories,
	metaViewers,
	pageNameFromLegacyFileName
} from './facebook';
import { tabulateText } from './tabulate';
import type { Importer } from './types';

const NOW = new Date('2026-08-01T12:00:00Z');
const PAGE_FILE = 'facebook/Facebook Insights Data Export - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv';
const POST_FILE = 'facebook/Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv';
const META_FILE = 'facebook/Sep-01-2026_Sep-30-2026_1039829308656930.csv';
const parse = (importer: Importer, fixture: string, inner?: string) => importer.parse(contextOf(loadTable(fixture, inner), NOW));
const score = (importer: Importer, fixture: string, inner?: string) => importer.detect(sampleOf(loadTable(fixture, inner)));

describe('legacy file names and description rows', () => {
	it.each([
		['Facebook Insights Data Export - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv', 'Visualization Studio VIC'],
		['Facebook Insights Data Export (Post Level) - The GRAMMYs - 2014-02-03.xlsx', 'The GRAMMYs'],
		['Facebook Insights Data Export (Video Posts) - A - B Page - 2016-01-01 - 2016-02-01.csv', 'A - B Page'],
		['Sep-01-2026_Sep-30-2026_1039829308656930.csv', null]
	])('%s → %s', (name, page) => {
		expect(pageNameFromLegacyFileName(name)).toBe(page);
	});

	it('recognises the description row by its empty first cell and period sentences', () => {
		expect(isDescriptionRow(['', 'Lifetime: The total number of people who have liked your Page. (Unique Users)'])).toBe(true);
		expect(isDescriptionRow(['8/24/2014', '176'])).toBe(false);
		expect(isDescriptionRow(['', '', ''])).toBe(false);
	});
});

describe('Facebook legacy Page-level export', () => {
	it('is detected, and not as a post export', () => {
		expect(score(facebookPageInsights, PAGE_FILE)).toBeGreaterThan(0.95);
		expect(score(facebookPostInsights, PAGE_FILE)).toBe(0);
	});

	it('maps the known columns, skips the description row and ignores the rest of the wide file', () => {
		const result = parse(facebookPageInsights, PAGE_FILE);
		expect(result.account).toEqual({ platform: 'facebook', displayName: 'Visualization Studio VIC' });
		expect(result.series.map((points) => points.metric).sort()).toEqual(
			['engagements', 'followers', 'followers_gained', 'followers_lost', 'impressions', 'page_views', 'reach'].sort()
		);
		expect(valueOn(result, 'followers', '2014-08-24')).toBe(176);
		expect(valueOn(result, 'followers_gained', '2014-08-25')).toBe(3);
		expect(valueOn(result, 'followers_lost', '2014-08-25')).toBe(1);
		expect(valueOn(result, 'engagements', '2014-08-25')).toBe(4);
		expect(valueOn(result, 'reach', '2014-08-25')).toBe(30);
		expect(valueOn(result, 'impressions', '2014-08-25')).toBe(45);
		expect(result.coversUntil).toBe(dayFromYMD(2014, 8, 27));
	});

	it('tells repeated column names apart by the description row', () => {
		// `Daily Logged-in Page Views` appears twice; the (Total Count) one is page views
		const result = parse(facebookPageInsights, PAGE_FILE);
		expect(valueOn(result, 'page_views', '2014-08-24')).toBe(5);
		expect(valueOn(result, 'page_views', '2014-08-27')).toBe(9);
	});

	it('keeps an empty level missing and reports the impossible date on its line', () => {
		const result = parse(facebookPageInsights, PAGE_FILE);
		expect(valueOn(result, 'followers', '2014-08-26')).toBeUndefined();
		expect(valueOn(result, 'followers_gained', '2014-08-26')).toBe(1);
		expect(result.rowCount).toBe(5);
		expect(result.issues).toMatchObject([{ line: 6, severity: 'error', message: 'Row skipped: “8/32/2014” in column “Date” is not a date.' }]);
	});
});

describe('Facebook legacy Post-level export', () => {
	it('is detected despite the BOM', () => {
		expect(score(facebookPostInsights, POST_FILE)).toBeGreaterThan(0.95);
		expect(score(metaFacebookPosts, POST_FILE)).toBe(0);
	});

	it('reads `<pageId>_<postId>` ids as strings, 12-hour times and lifetime metrics', () => {
		const result = parse(facebookPostInsights, POST_FILE);
		expect(result.account).toEqual({ platform: 'facebook', displayName: 'Visualization Studio VIC', externalId: '518995791497187' });
		expect(result.posts.map((post) => post.postId)).toEqual([
			'518995791497187_10152225918189138',
			'518995791497187_1107861962610564',
			'518995791497187_10152000000000002'
		]);
		expect(result.posts[0]).toMatchObject({
			publishedAt: '2014-02-19T04:29:18',
			day: dayFromYMD(2014, 2, 19),
			type: 'Status',
			text: 'Project opportunity.',
			metrics: { reach: 76, impressions: 139, engagements: 4, clicks: 8, likes: 2 }
		});
		expect(result.posts[0].metrics.comments).toBeUndefined();
		expect(result.posts[1]).toMatchObject({ publishedAt: '2014-02-10T00:56:03', type: 'Video', metrics: { reach: 1115, impressions: 4882, likes: 35, comments: 3 } });
		expect(result.posts[1].text).toContain('\nFor more information');
		expect(result.posts[2].publishedAt).toBe('2014-01-05T21:15:00');
	});

	it('leaves out mention rows and reports an impossible date on line 7', () => {
		const result = parse(facebookPostInsights, POST_FILE);
		expect(result.rowCount).toBe(5);
		expect(result.issues).toMatchObject([
			{ line: 7, severity: 'error', message: 'Row skipped: “02/30/2014 10:00:00 AM” in “Posted” is not a date.' },
			expect.objectContaining({ severity: 'warning', message: expect.stringContaining('mention') })
		]);
	});
});

describe('Facebook legacy Post-level workbook (.xlsx)', () => {
	const BOOK = 'facebook/Facebook Insights Data Export (Post Level) - The GRAMMYs - 2014-02-03.xlsx';

	it('reads the Key metrics sheet, naming the Page from the workbook', () => {
		expect(score(facebookPostInsights, BOOK, 'Key metrics')).toBeGreaterThan(0.95);
		const result = parse(facebookPostInsights, BOOK, 'Key metrics');
		expect(result.account).toEqual({ platform: 'facebook', displayName: 'The GRAMMYs', externalId: '10906016802' });
		expect(result.posts).toHaveLength(1);
		expect(result.posts[0]).toMatchObject({
			postId: '10906016802_10152181386026803',
			publishedAt: '2014-02-03T03:15:00',
			type: 'Photo',
			metrics: { reach: 412000, impressions: 980000, engagements: 51000, likes: 43000, shares: 2100 }
		});
		expect(result.issues).toEqual([]);
	});
});

describe('Meta Business Suite Facebook posts', () => {
	it('is detected, and not as Instagram or legacy', () => {
		expect(score(metaFacebookPosts, META_FILE)).toBeGreaterThan(0.9);
		expect(score(facebookPostInsights, META_FILE)).toBe(0);
	});

	it('dates posts by Publish time, not by the `Lifetime` Date column', () => {
		const result = parse(metaFacebookPosts, META_FILE);
		expect(result.account).toEqual({ platform: 'facebook', displayName: 'Studiostone Creative', externalId: '100045700821521' });
		expect(result.posts[0]).toMatchObject({
			postId: '1827720132094663',
			publishedAt: '2026-09-28T18:12',
			day: dayFromYMD(2026, 9, 28),
			type: 'Photos',
			link: 'https://www.facebook.com/studiostonecreative/posts/pfbidNEW1',
			metrics: { views: 27, reach: 20, engagements: 4, likes: 4, comments: 0, shares: 0, clicks: 2 }
		});
		expect(result.posts[0].text).toBe('An autumn favourite is back! 🍁 \nCooler days are a good excuse to slow down, "really".\n\n#StoneCarving #MapleLeaf');
	});

	it('takes the caption from Description when Title is empty', () => {
		const [, reel] = parse(metaFacebookPosts, META_FILE).posts;
		expect(reel).toMatchObject({ postId: '1827000000000000001', text: 'Workshop reel: carving a maple leaf', type: 'Reels' });
		expect(reel.metrics.clicks).toBeUndefined();
	});

	it('rejects an id Excel turned into 1.22158E+17, on its line', () => {
		const result = parse(metaFacebookPosts, META_FILE);
		expect(result.posts).toHaveLength(2);
		expect(result.issues).toEqual([expect.objectContaining({ line: 7, severity: 'error', message: expect.stringContaining('1.22158E+17') })]);
	});

	it('reads the pre-2025 `Impressions` naming and link clicks', () => {
		const [post] = parse(metaFacebookPosts, 'facebook/Jan-27-2025_Feb-23-2025_541651602373282.csv').posts;
		expect(post.metrics).toEqual({ impressions: 812, reach: 640, engagements: 35, likes: 30, comments: 3, shares: 2, clicks: 44, link_clicks: 20 });
	});

	it('accepts the Swedish id and Page columns', () => {
		const text = '"Inläggs-ID","Sidans ID","Sidans namn","Publish time",Reach\n1827720132094663,100045700821521,Stenhuggeriet,"09/28/2026 18:12",20\n';
		const { table } = tabulateText(text, 'sv.csv', 'utf-8');
		expect(metaFacebookPosts.detect(sampleOf(table))).toBeGreaterThan(0.6);
		const result = metaFacebookPosts.parse(contextOf(table, NOW));
		expect(result.posts[0]).toMatchObject({ postId: '1827720132094663', account: { displayName: 'Stenhuggeriet' }, metrics: { reach: 20 } });
	});
});

describe('Meta Business Suite per-metric daily files (UTF-16LE, sep=, title line)', () => {
	it('reads metric and platform from the title line', () => {
		expect(score(metaFacebookDaily, 'facebook/Follows.csv')).toBe(0.95);
		const result = parse(metaFacebookDaily, 'facebook/Follows.csv');
		expect(result.account).toBeNull();
		expect(result.series).toEqual([
			{ account: null, metric: 'followers_gained', days: [dayFromYMD(2025, 8, 1), dayFromYMD(2025, 8, 2), dayFromYMD(2025, 8, 3)], values: [20, 0, 7] }
		]);
		expect(result.issues).toEqual([]);
	});

	it('reads Content interactions with a thousands separator, noting the unnamed platform', () => {
		const result = parse(metaFacebookDaily, 'facebook/Interactions.csv');
		expect(valueOn(result, 'engagements', '2025-08-02')).toBe(1204);
		expect(result.issues[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('Facebook or an Instagram') });
	});

	it('explains a metric it does not chart', () => {
		const { table } = tabulateText('sep=,\n"Approximate content monetization earnings"\n"Date","Primary","content_monetization","stars","subscriptions"\n"2026-08-06T00:00:00","23.936","0.566","0","23.37"\n', 'Earnings.csv', 'utf-16le');
		expect(metaFacebookDaily.detect(sampleOf(table))).toBeGreaterThan(0.5);
		const result = metaFacebookDaily.parse(contextOf(table, NOW));
		expect(result.series).toEqual([]);
		expect(result.issues[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('Approximate content monetization earnings') });
	});
});

describe('Meta bundle files', () => {
	it('reads Viewers.csv (full dates) as daily reach', () => {
		const result = parse(metaViewers, 'facebook/Viewers.csv');
		expect(valueOn(result, 'reach', '2025-08-01')).toBe(1520);
		expect(valueOn(result, 'reach', '2025-08-02')).toBe(1310);
	});

	it('reads Gender.csv percentages as shares', () => {
		const result = parse(metaGender, 'facebook/Gender.csv');
		expect(result.breakdowns).toEqual([
			{ account: null, dimension: 'gender', asOf: dayFromYMD(2026, 8, 1), unit: 'share', measure: 'followers', entries: [{ key: 'Women', value: 0.553 }, { key: 'Men', value: 0.447 }] }
		]);
	});

	it('claims FollowerTopTerritories.csv inside a Meta container', () => {
		const zip = 'facebook/Insights-export_Aug-01-2025_Aug-31-2025.zip';
		expect(score(metaTopTerritories, zip)).toBeGreaterThan(0.75);
		const result = parse(metaTopTerritories, zip);
		expect(result.breakdowns[0]).toMatchObject({ dimension: 'territory', unit: 'share', entries: [{ key: 'SE', value: 0.52 }, { key: 'NO', value: 0.21 }, { key: 'FI', value: 0.12 }] });
		expect(result.issues).toEqual([]);
	});
});
