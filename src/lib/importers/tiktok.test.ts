import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import { metaTopTerritories, metaViewers } from './facebook';
import {
	tiktokContent,
	tiktokFollowerActivity,
	tiktokFollowerGender,
	tiktokFollowerHistory,
	tiktokFollowerTerritories,
	tiktokOverview,
	tiktokViewers,
	tiktokYearAnchor,
	tiktokZipOf
} from './tiktok';
import type { Importer } from './types';

const NOW = new Date('2026-08-01T12:00:00Z');
const OVERVIEW_ZIP = 'tiktok/Overview_2025-12-30_1767700800_chorus.studio.zip';
const FOLLOWERS_ZIP = 'tiktok/Followers_chorus.studio.zip';
const parse = (importer: Importer, fixture: string, inner?: string) => importer.parse(contextOf(loadTable(fixture, inner), NOW));
const ACCOUNT = { platform: 'tiktok', handle: 'chorus.studio' };

describe('TikTok zip names', () => {
	it('reads handle, window date and export stamp', () => {
		expect(tiktokZipOf('Overview_2025-12-30_1767700800_chorus.studio.zip')).toEqual({
			section: 'Overview',
			windowDate: dayFromYMD(2025, 12, 30),
			exportedDay: dayFromYMD(2026, 1, 6),
			handle: 'chorus.studio'
		});
		expect(tiktokZipOf('Followers_my_handle.zip')).toMatchObject({ section: 'Followers', handle: 'my_handle', exportedDay: null });
		expect(tiktokZipOf('Content 2024-01-01_2025-06-30 Chorus Demo.zip')).toBeNull();
		// a zip inside a zip, and entries inside a folder of the zip
		expect(tiktokZipOf('all-exports.zip/Overview_2026-07-01_1751371200_handle.zip')?.handle).toBe('handle');
		expect(tiktokZipOf('Viewers_my.handle.zip/Viewers')?.section).toBe('Viewers');
	});

	it('anchors years on the export stamp, else the window date, else now', () => {
		expect(tiktokYearAnchor(tiktokZipOf('Overview_2025-12-30_1767700800_x.zip'), NOW)).toEqual({ day: dayFromYMD(2026, 1, 6), edge: 'end' });
		expect(tiktokYearAnchor(null, NOW)).toEqual({ day: dayFromYMD(2026, 8, 1), edge: 'end' });
	});
});

describe('TikTok Overview', () => {
	it('walks the year-less dates across New Year using the zip’s export stamp', () => {
		const result = parse(tiktokOverview, OVERVIEW_ZIP);
		expect(result.account).toEqual(ACCOUNT);
		expect(result.series.find((points) => points.metric === 'views')?.days).toEqual([dayFromYMD(2025, 12, 30), dayFromYMD(2025, 12, 31), dayFromYMD(2026, 1, 1)]);
		expect(valueOn(result, 'views', '2026-01-01')).toBe(310);
		expect(valueOn(result, 'profile_visits', '2025-12-31')).toBe(3);
		expect(valueOn(result, 'likes', '2025-12-31')).toBe(12);
		expect(valueOn(result, 'shares', '2025-12-31')).toBe(1);
	});

	it('keeps negative daily deltas and treats `undefined` as missing', () => {
		const result = parse(tiktokOverview, OVERVIEW_ZIP);
		expect(valueOn(result, 'comments', '2025-12-31')).toBe(-1);
		expect(valueOn(result, 'followers_net', '2025-12-31')).toBe(-4);
		expect(valueOn(result, 'views', '2026-01-02')).toBeUndefined();
		expect(result.rowCount).toBe(4);
		expect(result.coversUntil).toBe(dayFromYMD(2026, 1, 1));
		expect(result.issues).toEqual([]);
	});

	it('dates a loose file from the import day and reports the impossible date on line 4', () => {
		const result = parse(tiktokOverview, 'tiktok/Overview.csv');
		expect(result.account).toBeNull();
		expect(valueOn(result, 'views', '2025-09-25')).toBe(118);
		expect(valueOn(result, 'views', '2025-09-27')).toBe(75);
		expect(result.issues).toMatchObject([{ line: 4, severity: 'error', message: 'Row skipped: “September 31” in column “Date” is not a date.' }]);
	});

	it('reads Swedish headers and dates', () => {
		const result = parse(tiktokOverview, 'tiktok/overview-swedish.csv');
		expect(valueOn(result, 'views', '2026-01-03')).toBe(55);
		expect(valueOn(result, 'likes', '2026-01-04')).toBe(6);
		expect(valueOn(result, 'profile_visits', '2026-01-03')).toBe(2);
	});
});

describe('TikTok follower history', () => {
	it('computes the daily change from the levels, not the shifted Difference column', () => {
		const result = parse(tiktokFollowerHistory, FOLLOWERS_ZIP, 'FollowerHistory.csv');
		expect(valueOn(result, 'followers', '2025-12-30')).toBe(1000);
		expect(valueOn(result, 'followers', '2026-01-03')).toBe(1020);
		expect(valueOn(result, 'followers_net', '2025-12-31')).toBe(5);
		expect(valueOn(result, 'followers_net', '2026-01-01')).toBe(-2);
		// January 2 is missing, so January 3 has no previous day to compare with
		expect(valueOn(result, 'followers_net', '2026-01-03')).toBeUndefined();
		expect(valueOn(result, 'followers_net', '2025-12-30')).toBeUndefined();
	});
});

describe('TikTok Viewers', () => {
	it('is TikTok’s inside its zip, and leaves `undefined` days empty', () => {
		const sample = sampleOf(loadTable('tiktok/Viewers_chorus.studio.zip'));
		expect(tiktokViewers.detect(sample)).toBe(0.95);
		expect(metaViewers.detect(sample)).toBeLessThan(0.1);
		const result = parse(tiktokViewers, 'tiktok/Viewers_chorus.studio.zip');
		expect(result.series).toEqual([{ account: ACCOUNT, metric: 'reach', days: [dayFromYMD(2025, 12, 30)], values: [100] }]);
		expect(result.rowCount).toBe(2);
	});

	it('reads the header spaced as in the write-up (`Date, "Total Viewers"`)', () => {
		const table = loadTable('tiktok/Viewers_chorus.studio.zip');
		table.rows[0] = ['Date', ' "Total Viewers"', ' "New Viewers"', ' "Returning Viewers"'];
		expect(tiktokViewers.detect(sampleOf(table))).toBe(0.95);
		expect(valueOn(tiktokViewers.parse(contextOf(table, NOW)), 'reach', '2025-12-30')).toBe(100);
	});
});

describe('TikTok Content', () => {
	it('takes each video’s id from its link (the file has no id column)', () => {
		const result = parse(tiktokContent, 'tiktok/Content_chorus.studio.zip');
		expect(result.account).toEqual(ACCOUNT);
		expect(result.posts[0]).toEqual({
			platform: 'tiktok',
			postId: '7451234567890123456',
			account: ACCOUNT,
			publishedAt: '2025-12-12T09:00',
			day: dayFromYMD(2025, 12, 12),
			text: 'Winter sale',
			link: 'https://www.tiktok.com/@chorus.studio/video/7451234567890123456',
			metrics: { views: 5400, likes: 120, comments: 4, shares: 3 }
		});
		expect(result.posts[1].metrics).toEqual({ views: 1200, likes: 45, comments: 0 });
	});

	it('reads the variant with `Views in the last 7 days`, the handle from the link, and skips a link without a video id', () => {
		const result = parse(tiktokContent, 'tiktok/Content.csv');
		expect(result.account).toEqual(ACCOUNT);
		expect(result.posts).toHaveLength(1);
		expect(result.posts[0].metrics).toEqual({ views: 950, likes: 70, comments: 5, shares: 2 });
		expect(result.issues).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
	});
});

describe('TikTok follower breakdowns', () => {
	it('reads gender and territory fractions', () => {
		const gender = parse(tiktokFollowerGender, FOLLOWERS_ZIP, 'FollowerGender.csv');
		expect(gender.breakdowns[0]).toEqual({
			account: ACCOUNT,
			dimension: 'gender',
			asOf: dayFromYMD(2026, 8, 1),
			unit: 'share',
			measure: 'followers',
			entries: [{ key: 'Female', value: 0.55 }, { key: 'Male', value: 0.43 }, { key: 'Other', value: 0.02 }]
		});
		const territories = parse(tiktokFollowerTerritories, FOLLOWERS_ZIP, 'FollowerTopTerritories.csv');
		expect(territories.breakdowns[0].entries).toEqual([{ key: 'SE', value: 0.6 }, { key: 'US', value: 0.25 }, { key: 'Others', value: 0.15 }]);
		expect(territories.issues).toEqual([]);
	});

	it('claims a loose FollowerTopTerritories.csv over Meta, with a warning about the shared name', () => {
		const sample = sampleOf(loadTable('tiktok/FollowerTopTerritories.csv'));
		expect(tiktokFollowerTerritories.detect(sample)).toBeGreaterThan(metaTopTerritories.detect(sample));
		const result = parse(tiktokFollowerTerritories, 'tiktok/FollowerTopTerritories.csv');
		expect(result.account).toBeNull();
		expect(result.issues[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('both TikTok and Meta') });
	});

	it('explains FollowerActivity.csv instead of importing hourly data', () => {
		const result = parse(tiktokFollowerActivity, FOLLOWERS_ZIP, 'FollowerActivity.csv');
		expect(result.series).toEqual([]);
		expect(result.issues[0].message).toContain('FollowerHistory.csv');
	});
});
