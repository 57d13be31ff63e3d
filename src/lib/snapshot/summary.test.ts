import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { emptyTables, smallWorkspace } from './test-workspaces';

describe('summarize', () => {
	it('counts what the small workspace holds', () => {
		expect(summarize(smallWorkspace())).toEqual({
			accounts: [
				{ id: 'linkedin:acme gmbh', platform: 'linkedin', displayName: 'ACME GmbH' },
				{ id: 'x:acme', platform: 'x', displayName: 'ACME' }
			],
			platforms: ['linkedin', 'x'],
			// values run 03-01..03-05; posts 03-01..03-03
			firstDay: '2024-03-01',
			lastDay: '2024-03-05',
			counts: {
				accounts: 2,
				imports: 3,
				// x:acme followers and impressions, linkedin followers
				series: 3,
				// followers 5 days + impressions 4 days (03-05 has none) + linkedin 3 days
				seriesValues: 12,
				seriesLayers: 5,
				posts: 3,
				// post 1764… is in both x exports
				postVersions: 4,
				breakdowns: 1,
				decisions: 1,
				decisionHistory: 1,
				annotations: 1,
				northStars: 0,
				mappingPresets: 0,
				calendarItems: 0,
				tagRules: 0,
				postTags: 0
			}
		});
	});

	it('widens the date range to posts outside the series, and has none for an empty workspace', () => {
		const tables = smallWorkspace();
		tables.posts[0].posts[0] = { ...tables.posts[0].posts[0], day: 19000 };
		expect(summarize(tables).firstDay).toBe('2022-01-08');
		const empty = summarize(emptyTables());
		expect([empty.firstDay, empty.lastDay, empty.platforms, empty.counts.seriesValues]).toEqual([null, null, [], 0]);
	});
});
