import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix, coverageStatus } from './coverage';
import { buildAudienceProfile, prepareReach } from './reach';
import { day, makeAccount, makeBreakdown } from './test-fixtures';

const today = day('2026-11-26');

/*
 * a: declares SMB and DE; measured countries DE .7, JP .3
 * b: declares SMB, Enterprise; measured countries DE .97, JP .03 (below the 5% threshold)
 * c: declares SMB and the German language
 * d: declares the region JP
 */
const profiles = [
	buildAudienceProfile(makeAccount({ id: 'a', segments: ['SMB'], regions: ['DE'] }), [makeBreakdown('country', { DE: 0.7, JP: 0.3 })]),
	buildAudienceProfile(makeAccount({ id: 'b', segments: ['SMB', 'Enterprise'] }), [makeBreakdown('country', { DE: 0.97, JP: 0.03 })]),
	buildAudienceProfile(makeAccount({ id: 'c', segments: ['SMB'], languages: ['de'] }), []),
	buildAudienceProfile(makeAccount({ id: 'd', regions: ['Japan'] }), [])
];
const matrix = buildCoverageMatrix(prepareReach(profiles, {}, today));

describe('coverage matrix', () => {
	it('has a row per declared value and per measured category at or above 5%', () => {
		expect(matrix.rows.map((row) => [row.id, row.label, row.kind, row.servedBy])).toEqual([
			['segment:smb', 'SMB', 'segment', [0, 1, 2]],
			['segment:enterprise', 'Enterprise', 'segment', [1]],
			['geography:DE', 'Germany', 'region', [0, 1]],
			['geography:JP', 'Japan', 'region', [0, 3]],
			['language:de', 'German', 'language', [2]]
		]);
	});
	it('shows declared and measured strength in each cell', () => {
		const japan = matrix.rows.find((row) => row.id === 'geography:JP')!;
		expect(japan.cells).toEqual([
			{ declared: false, measuredShare: 0.3, serves: true, strength: 0.3 },
			{ declared: false, measuredShare: 0.03, serves: false, strength: 0.03 },
			{ declared: false, measuredShare: null, serves: false, strength: 0 },
			{ declared: true, measuredShare: null, serves: true, strength: 1 }
		]);
		const germany = matrix.rows.find((row) => row.id === 'geography:DE')!;
		expect(germany.cells[0]).toEqual({ declared: true, measuredShare: 0.7, serves: true, strength: 0.7 });
	});
	it('follows a configured threshold', () => {
		const strict = buildCoverageMatrix(prepareReach(profiles, {}, today), { measuredThreshold: 0.5 });
		expect(strict.rows.find((row) => row.id === 'geography:JP')!.servedBy).toEqual([3]);
	});
});

describe('coverage under the current decisions', () => {
	it('finds last channels and rows served three times', () => {
		const status = coverageStatus(matrix, {});
		expect(status.servedThreeTimes).toEqual(['segment:smb']);
		expect(status.uncovered).toEqual([]);
		expect(status.lastChannel).toEqual({ a: [], b: ['segment:enterprise'], c: ['language:de'], d: [] });
	});
	it('makes the remaining account the last channel once another is retired', () => {
		const status = coverageStatus(matrix, { d: { column: 'retire' } });
		expect(status.lastChannel.a).toEqual(['geography:JP']);
		expect(status.lastChannel.d).toEqual([]);
		expect(status.rows.find((row) => row.rowId === 'geography:JP')).toEqual({
			rowId: 'geography:JP',
			channels: ['a'],
			allChannels: ['a', 'd']
		});
	});
	it('lists rows that lost every channel; merged accounts do not count as channels', () => {
		const status = coverageStatus(matrix, { a: { column: 'retire' }, d: { column: 'merge', mergeTargetId: 'b' }, c: { column: 'keep' } });
		expect(status.uncovered).toEqual(['geography:JP']);
		expect(status.servedThreeTimes).toEqual([]);
		expect(status.lastChannel.b).toEqual(['segment:enterprise', 'geography:DE']);
	});
});
