import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import {
	linkedinContentMetrics,
	linkedinContentPosts,
	linkedinDemographics,
	linkedinFileNameOf,
	linkedinNewFollowers,
	linkedinVisitors
} from './linkedin';
import type { Importer } from './types';

const NOW = new Date('2026-08-01T12:00:00Z');
const CONTENT = 'linkedin/chorus-demo_content_1767700800000.xls';
const FOLLOWERS = 'linkedin/chorus-demo_followers_1767700800000.xls';
const VISITORS = 'linkedin/chorus-demo_visitors_1767700800000.xls';
const parse = (importer: Importer, fixture: string, inner?: string) => importer.parse(contextOf(loadTable(fixture, inner), NOW));
const ACCOUNT = { platform: 'linkedin', handle: 'chorus-demo' };

describe('LinkedIn file names', () => {
	it.each([
		['chorus-demo_content_1767700800000.xls', { vanity: 'chorus-demo', kind: 'content', exportedDay: dayFromYMD(2026, 1, 6) }],
		['shorthills-ai_followers_1766385928211.csv', { vanity: 'shorthills-ai', kind: 'followers', exportedDay: dayFromYMD(2025, 12, 22) }],
		['tecnoprism_content_30D.xls', { vanity: 'tecnoprism', kind: 'content', exportedDay: null }],
		['New followers-Table 1.csv', null]
	])('%s', (name, expected) => {
		expect(linkedinFileNameOf(name)).toEqual(expected);
	});
});

describe('LinkedIn content export — Metrics sheet', () => {
	it('finds the header under the one-cell description row', () => {
		const result = parse(linkedinContentMetrics, CONTENT, 'Metrics');
		expect(result.account).toEqual(ACCOUNT);
		expect(valueOn(result, 'impressions', '2025-12-30')).toBe(1500);
		expect(valueOn(result, 'reach', '2025-12-30')).toBe(800);
		expect(valueOn(result, 'clicks', '2025-12-30')).toBe(50);
		expect(valueOn(result, 'likes', '2025-12-30')).toBe(35);
		expect(valueOn(result, 'comments', '2025-12-30')).toBe(5);
		expect(valueOn(result, 'shares', '2025-12-30')).toBe(2);
		expect(valueOn(result, 'engagement_rate', '2025-12-30')).toBe(0.06);
		expect(valueOn(result, 'engagement_rate', '2026-01-02')).toBe(0.032);
		expect(valueOn(result, 'shares', '2026-01-02')).toBeUndefined();
	});

	it('survives being handed the description row as the header', () => {
		const table = loadTable(CONTENT, 'Metrics');
		const result = linkedinContentMetrics.parse(contextOf(table, NOW, 0));
		expect(valueOn(result, 'impressions', '2025-12-31')).toBe(900);
	});

	it('reports the impossible date on its sheet row', () => {
		const result = parse(linkedinContentMetrics, CONTENT, 'Metrics');
		expect(result.rowCount).toBe(4);
		expect(result.issues).toMatchObject([{ line: 5, severity: 'error', message: 'Row skipped: “02/30/2026” in column “Date” is not a date.' }]);
	});

	it('reads an Apple Numbers CSV with older `Shares` names and mixed rate formats', () => {
		expect(linkedinContentMetrics.detect(sampleOf(loadTable('linkedin/Metrics-Table 1.csv')))).toBeGreaterThan(0.9);
		const result = parse(linkedinContentMetrics, 'linkedin/Metrics-Table 1.csv');
		expect(result.account).toBeNull();
		expect(valueOn(result, 'shares', '2026-08-21')).toBe(2);
		expect(valueOn(result, 'engagement_rate', '2026-08-21')).toBe(0.039);
		expect(valueOn(result, 'impressions', '2026-08-21')).toBe(1800);
	});

	it('reads Portuguese headers, day-first dates and `1.250` thousands in a `;` re-save', () => {
		const result = parse(linkedinContentMetrics, 'linkedin/metricas-pt.csv');
		expect(valueOn(result, 'impressions', '2025-08-13')).toBe(1250);
		expect(valueOn(result, 'reach', '2025-08-14')).toBe(610);
		expect(valueOn(result, 'clicks', '2025-08-13')).toBe(12);
		expect(valueOn(result, 'likes', '2025-08-13')).toBe(30);
		expect(valueOn(result, 'comments', '2025-08-14')).toBe(1);
	});
});

describe('LinkedIn content export — All posts sheet', () => {
	it('uses the activity URN as id and Content Type (not Post type) as type', () => {
		const result = parse(linkedinContentPosts, CONTENT, 'All posts');
		expect(result.posts).toHaveLength(2);
		expect(result.posts[0]).toEqual({
			platform: 'linkedin',
			postId: 'urn:li:activity:7387527938654691329',
			account: ACCOUNT,
			publishedAt: null,
			day: dayFromYMD(2025, 12, 30),
			text: 'Enterprise AI Announcement',
			link: 'https://www.linkedin.com/feed/update/urn:li:activity:7387527938654691329',
			type: 'Article',
			metrics: { impressions: 716, clicks: 13, click_through_rate: 0.0182, likes: 28, comments: 4, shares: 2, followers_gained: 1, engagement_rate: 0.0614 }
		});
		expect(result.posts[1].type).toBeUndefined();
		expect(result.posts[1].metrics).toMatchObject({ views: 1200, engagement_rate: 0.066, click_through_rate: 0.0389 });
	});
});

describe('LinkedIn followers export', () => {
	it('reads `Total followers` in New followers as the day’s new followers (dates stored as date cells)', () => {
		const result = parse(linkedinNewFollowers, FOLLOWERS, 'New followers');
		expect(result.account).toEqual(ACCOUNT);
		expect(result.series).toEqual([{ account: ACCOUNT, metric: 'followers_gained', days: [dayFromYMD(2025, 12, 30), dayFromYMD(2025, 12, 31)], values: [8, 5] }]);
	});

	it('detects a converted CSV from its headers alone', () => {
		const table = loadTable('linkedin/New followers-Table 1.csv');
		expect(table.sheetName).toBeUndefined();
		expect(linkedinNewFollowers.detect(sampleOf(table))).toBeGreaterThan(0.9);
		const result = linkedinNewFollowers.parse(contextOf(table, NOW));
		expect(valueOn(result, 'followers_gained', '2026-08-21')).toBe(8);
		expect(valueOn(result, 'followers_gained', '2026-08-22')).toBe(0);
	});

	it.each([
		['Location', 'region', 'Greater Stockholm Metropolitan Area', 1250],
		['Job function', 'job_function', 'Engineering', 820],
		['Seniority', 'seniority', 'Senior', 700],
		['Industry', 'industry', 'Software Development', 900],
		['Company size', 'company_size', '10,001+', 150]
	])('turns the %s sheet into a breakdown dated by the export', (sheet, dimension, key, value) => {
		const result = parse(linkedinDemographics, FOLLOWERS, sheet);
		expect(result.breakdowns).toHaveLength(1);
		expect(result.breakdowns[0]).toMatchObject({ account: ACCOUNT, dimension, asOf: dayFromYMD(2026, 1, 6), unit: 'count', measure: 'followers' });
		expect(result.breakdowns[0].entries).toContainEqual({ key, value });
	});

	it('dates a loose demographics CSV by the import day and reads `1,250`', () => {
		const result = parse(linkedinDemographics, 'linkedin/Location-Table 1.csv');
		expect(result.breakdowns[0]).toMatchObject({ asOf: dayFromYMD(2026, 8, 1), entries: [{ key: 'Greater Stockholm Metropolitan Area', value: 1250 }, { key: 'São Paulo, Brazil', value: 98 }] });
	});
});

describe('LinkedIn visitors export', () => {
	it('reads page views and unique visitors (totals over desktop + mobile)', () => {
		const result = parse(linkedinVisitors, VISITORS, 'Visitor metrics');
		expect(valueOn(result, 'page_views', '2025-12-30')).toBe(50);
		expect(valueOn(result, 'unique_visitors', '2025-12-30')).toBe(27);
		expect(valueOn(result, 'page_views', '2025-12-31')).toBe(15);
	});

	it('reads visitor demographics as page-view breakdowns', () => {
		const result = parse(linkedinDemographics, VISITORS, 'Location');
		expect(result.breakdowns[0]).toMatchObject({ dimension: 'region', measure: 'page_views', entries: [{ key: 'Greater Stockholm Metropolitan Area', value: 40 }] });
	});
});
