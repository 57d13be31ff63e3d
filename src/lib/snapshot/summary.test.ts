import { describe, expect, it } from 'vitest';
import type { PostLayerRecord, SeriesLayerRecord, WorkspaceTables } from '../schemas/db-records';
import { rebuildMergedTables } from './rebuild';
import { summarize, summarizeFromLayers } from './summary';
import { emptyTables, importRecord, largeWorkspace, smallWorkspace } from './test-workspaces';

/** What a reader of the file computes: the merged tables rebuilt from the layers, then summarized. */
const afterRebuild = (tables: WorkspaceTables) => summarize({ ...tables, ...rebuildMergedTables(tables) });
/** The layers alone, as saving a snapshot reads them. */
const layersOnly = (tables: WorkspaceTables): WorkspaceTables => ({ ...tables, series: [], posts: [] });

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

describe('summarizeFromLayers', () => {
	it('gives the summary of the rebuilt merged tables without reading them (small and generated workspaces)', () => {
		for (const tables of [smallWorkspace(), emptyTables(), largeWorkspace({ accounts: 3, years: 2, posts: 400, seed: 7 })]) {
			expect(summarizeFromLayers(layersOnly(tables))).toEqual(afterRebuild(tables));
		}
	});

	it('follows the rebuild where layers disagree: overlapping days, a newer version of a post on another day, a layer whose import is missing', () => {
		const tables = smallWorkspace();
		const [series] = tables.seriesLayers;
		// an orphan layer (import 999 is not in the workspace) reaching days before and after every other
		const orphan: SeriesLayerRecord = { ...series, id: 'orphan-series', importId: 999, startDay: series.startDay - 40, values: new Float64Array(100).fill(5) };
		// a layer of a known import with gaps (NaN) overlapping the existing values
		const gappy: SeriesLayerRecord = {
			...series,
			id: 'gappy',
			startDay: series.startDay + 2,
			values: Float64Array.from([1, Number.NaN, 3, Number.NaN, Number.NaN, 7])
		};
		const [postLayer] = tables.postLayers;
		const newest = importRecord(50, { coversUntil: 40000, lastDay: 40000 });
		// a newer export of the first post, dated much later: the merged post takes its day
		const moved: PostLayerRecord = {
			...postLayer,
			id: 'moved',
			importId: newest.id,
			posts: [{ ...postLayer.posts[0], sourceImportId: newest.id, day: 21000 }]
		};
		// posts of an orphan layer still count, as the rebuild keeps them (lowest rank)
		const orphanPosts: PostLayerRecord = {
			...postLayer,
			id: 'orphan-posts',
			importId: 998,
			posts: [{ ...postLayer.posts[0], postId: 'only-in-orphan', sourceImportId: 998, day: 18000 }]
		};
		const changed: WorkspaceTables = {
			...tables,
			imports: [...tables.imports, newest],
			seriesLayers: [...tables.seriesLayers, orphan, gappy],
			postLayers: [...tables.postLayers, moved, orphanPosts]
		};
		const expected = afterRebuild(changed);
		expect(summarizeFromLayers(layersOnly(changed))).toEqual(expected);
		expect(expected.lastDay).toBe('2027-07-01'); // day 21000, the newer version's
		expect(expected.firstDay).toBe('2019-04-14'); // day 18000, the orphan layer's post
	});
});
