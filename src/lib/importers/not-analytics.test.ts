import { describe, expect, it } from 'vitest';
import { contextOf, loadTable, sampleOf } from '../../../tests/fixtures/load';
import { googleTakeoutYouTube, mastodonFollowing } from './not-analytics';

describe('files that are not analytics exports', () => {
	it.each([
		['other/videos.csv', googleTakeoutYouTube, 'YouTube Studio'],
		['other/channel.csv', googleTakeoutYouTube, 'Export current view'],
		['other/following_accounts.csv', mastodonFollowing, 'no analytics export']
	] as const)('%s: recognised, no data, an error that says what to do', (fixture, importer, advice) => {
		const table = loadTable(fixture);
		expect(importer.detect(sampleOf(table))).toBeGreaterThan(0.8);
		const result = importer.parse(contextOf(table));
		expect(result.series).toEqual([]);
		expect(result.posts).toEqual([]);
		expect(result.breakdowns).toEqual([]);
		expect(result.issues).toHaveLength(1);
		expect(result.issues[0].severity).toBe('error');
		expect(result.issues[0].message).toContain('not');
		expect(result.issues[0].message).toContain(advice);
	});

	it('leaves real exports alone', () => {
		const sample = sampleOf(loadTable('youtube/table-data-content.csv'));
		expect(googleTakeoutYouTube.detect(sample)).toBe(0);
		expect(mastodonFollowing.detect(sample)).toBe(0);
	});
});
