import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import { metaFacebookDaily, metaFacebookPosts } from './facebook';
import { metaInstagramDaily, metaInstagramPosts } from './instagram';

const NOW = new Date('2026-08-01T12:00:00Z');
const POSTS = 'instagram/2025-03_CMA_IG-Insights.csv';

describe('Meta Business Suite Instagram posts', () => {
	it('is detected from the Account columns, not as Facebook posts', () => {
		const sample = sampleOf(loadTable(POSTS));
		expect(metaInstagramPosts.detect(sample)).toBeGreaterThan(0.9);
		expect(metaFacebookPosts.detect(sample)).toBe(0);
	});

	it('reads the real row: 17-digit ids, username as handle, carousel type', () => {
		const result = metaInstagramPosts.parse(contextOf(loadTable(POSTS), NOW));
		const account = { platform: 'instagram', handle: 'cincinnatimusicacademy', displayName: 'Cincinnati Music Academy | Music Lessons', externalId: '17841461342735919' };
		expect(result.account).toEqual(account);
		expect(result.posts[0]).toEqual({
			platform: 'instagram',
			postId: '17960320052859139',
			account,
			publishedAt: '2025-03-25T22:00',
			day: dayFromYMD(2025, 3, 25),
			text: 'Charli and Andi Cantor recently performed...',
			link: 'https://www.instagram.com/p/DHpmj9euOPy/',
			type: 'IG carousel',
			metrics: { views: 145, reach: 75, likes: 10, shares: 1, followers_gained: 0, comments: 0, saves: 0 }
		});
		expect(result.posts[1]).toMatchObject({ postId: '17960000000000000002', type: 'IG reel', metrics: { saves: 22, followers_gained: 3 } });
		expect(result.issues).toEqual([]);
	});
});

describe('Meta Business Suite Instagram daily files', () => {
	it('claims a file titled "Instagram follows" over the Facebook importer', () => {
		const sample = sampleOf(loadTable('instagram/Follows.csv'));
		expect(metaInstagramDaily.detect(sample)).toBe(0.95);
		expect(metaFacebookDaily.detect(sample)).toBeLessThan(0.5);
	});

	it('keeps the sparse days sparse', () => {
		const result = metaInstagramDaily.parse(contextOf(loadTable('instagram/Follows.csv'), NOW));
		expect(valueOn(result, 'followers_gained', '2025-08-01')).toBe(3);
		expect(valueOn(result, 'followers_gained', '2025-08-02')).toBeUndefined();
		expect(valueOn(result, 'followers_gained', '2025-08-05')).toBe(1);
		expect(result.coversUntil).toBe(dayFromYMD(2025, 8, 5));
		expect(result.issues).toEqual([]);
	});
});
