import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import { postLayerId, seriesLayerId, yearStartDay } from '../db/merge';
import {
	TABLE_NAMES,
	recordSchemas,
	type DecisionRecord,
	type StoredPost,
	type WorkspaceTables
} from '../schemas/db-records';
import { applyMerge, diffForMerge, replacementTables, type MergeResolutions } from './merge';
import { parseSnapshot } from './parse';
import { rebuildMergedTables } from './rebuild';
import { serializeSnapshot } from './serialize';
import { accountRecord, emptyTables, importRecord } from './test-workspaces';

const D = dayFromYMD(2024, 5, 1)!;

interface ImportSpec {
	id: number;
	sha: string;
	accountId: string;
	startDay: number;
	/** Per metric, one value per day from startDay (null = no value). */
	values: Partial<Record<MetricKey, (number | null)[]>>;
	posts?: { postId: string; day: number; likes: number; text?: string }[];
	importedAt?: string;
}

function addImport(tables: WorkspaceTables, spec: ImportSpec): void {
	const lengths = Object.values(spec.values).map((values) => values!.length);
	const lastDay = spec.startDay + Math.max(0, ...lengths) - 1;
	tables.imports.push(
		importRecord(spec.id, {
			sha256: spec.sha.padEnd(64, '0'),
			fileName: `${spec.sha}.csv`,
			accountIds: [spec.accountId],
			firstDay: spec.startDay,
			lastDay,
			coversUntil: lastDay,
			importedAt: spec.importedAt ?? '2024-06-01T00:00:00.000Z'
		})
	);
	for (const [metric, values] of Object.entries(spec.values) as [MetricKey, (number | null)[]][]) {
		tables.seriesLayers.push({
			id: seriesLayerId(spec.id, spec.accountId, metric),
			importId: spec.id,
			accountId: spec.accountId,
			metric,
			startDay: spec.startDay,
			values: Float64Array.from(values, (value) => value ?? Number.NaN)
		});
	}
	if (spec.posts?.length) {
		const platform = spec.accountId.slice(0, spec.accountId.indexOf(':')) as StoredPost['platform'];
		tables.postLayers.push({
			id: postLayerId(spec.id, spec.accountId),
			importId: spec.id,
			accountId: spec.accountId,
			posts: spec.posts.map((post) => ({
				platform,
				postId: post.postId,
				accountId: spec.accountId,
				sourceImportId: spec.id,
				publishedAt: null,
				day: post.day,
				text: post.text ?? `post ${post.postId}`,
				metrics: { likes: post.likes }
			}))
		});
	}
}

function workspace(fill: (tables: WorkspaceTables) => void): WorkspaceTables {
	const tables = emptyTables();
	fill(tables);
	Object.assign(tables, rebuildMergedTables(tables));
	return tables;
}

function decision(accountId: string, column: DecisionRecord['column'], decidedAt: string, rationale = ''): DecisionRecord {
	return { accountId, column, order: 1, mergeTargetId: column === 'merge' ? 'x:main' : null, rationale, decidedAt };
}

/** The stored value for an account, metric and day, or null. */
function valueOn(tables: WorkspaceTables, accountId: string, metric: MetricKey, day: number): number | null {
	for (const record of tables.series) {
		if (record.accountId !== accountId || record.metric !== metric) continue;
		const slot = day - yearStartDay(record.year);
		if (slot < 0 || slot >= 366) continue;
		return record.sources[slot] === 0 ? null : record.values[slot];
	}
	return null;
}

/** Every record passes its storage schema and no primary key repeats: replaceAllTables would take it. */
function expectStorable(tables: WorkspaceTables): void {
	for (const name of TABLE_NAMES) {
		for (const record of tables[name]) expect(recordSchemas[name].safeParse(record).success, `${name} record`).toBe(true);
	}
	const keys = (values: (string | number)[]) => expect(new Set(values).size).toBe(values.length);
	keys(tables.imports.map((record) => record.id));
	keys(tables.imports.map((record) => record.sha256));
	keys(tables.seriesLayers.map((record) => record.id));
	keys(tables.postLayers.map((record) => record.id));
	keys(tables.breakdowns.map((record) => record.id));
	keys(tables.decisionHistory.map((record) => record.id));
	keys(tables.accounts.map((record) => record.id));
}

/** Ours: one account with two exports; a decision; an annotation. */
function ours(): WorkspaceTables {
	return workspace((tables) => {
		tables.accounts.push(
			accountRecord('x:main', 'x', { owner: 'Dana', segments: ['SMB'], updatedAt: '2024-06-02T00:00:00.000Z' }),
			accountRecord('x:side', 'x')
		);
		addImport(tables, {
			id: 1,
			sha: 'aa',
			accountId: 'x:main',
			startDay: D,
			values: { followers: [100, 101, 102] },
			posts: [{ postId: '11', day: D, likes: 5 }]
		});
		addImport(tables, { id: 2, sha: 'bb', accountId: 'x:side', startDay: D, values: { impressions: [7, 8] } });
		tables.decisions.push(decision('x:side', 'retire', '2024-06-03T00:00:00.000Z', 'quiet'));
		tables.decisionHistory.push({
			id: 1,
			accountId: 'x:side',
			from: null,
			to: 'retire',
			mergeTargetId: null,
			rationale: 'quiet',
			at: '2024-06-03T00:00:00.000Z',
			previous: null
		});
		tables.annotations.push({
			id: 'note-1',
			startDay: D,
			endDay: null,
			label: 'Launch',
			note: '',
			accountId: null,
			createdAt: '2024-06-01T00:00:00.000Z',
			updatedAt: '2024-06-01T00:00:00.000Z'
		});
		tables.meta.push(
			{ key: 'accountResolutions', value: { 'kind-a': { platform: 'x', handle: 'main' } } },
			{ key: 'changesSinceSnapshot', value: 4 }
		);
	});
}

/** Theirs: the shared export (same file, own numbering), a newer export, a new account, edits. */
function theirs(): WorkspaceTables {
	return workspace((tables) => {
		tables.accounts.push(
			accountRecord('x:main', 'x', {
				owner: 'Lee',
				url: 'https://x.com/main',
				segments: ['SMB'],
				editedAt: '2024-06-05T00:00:00.000Z',
				updatedAt: '2024-06-05T00:00:00.000Z'
			}),
			accountRecord('x:side', 'x'),
			accountRecord('linkedin:new', 'linkedin', { displayName: 'New Page' })
		);
		// the same file as ours #1, imported here as #5
		addImport(tables, {
			id: 5,
			sha: 'aa',
			accountId: 'x:main',
			startDay: D,
			values: { followers: [100, 101, 102] },
			posts: [{ postId: '11', day: D, likes: 5 }]
		});
		// a newer export: revises D+2, adds D+3, updates post 11, adds post 12
		addImport(tables, {
			id: 6,
			sha: 'cc',
			accountId: 'x:main',
			startDay: D + 1,
			values: { followers: [101, 110, 111] },
			posts: [
				{ postId: '11', day: D, likes: 9 },
				{ postId: '12', day: D + 3, likes: 1 }
			]
		});
		addImport(tables, { id: 7, sha: 'dd', accountId: 'linkedin:new', startDay: D, values: { followers: [50] } });
		tables.breakdowns.push({
			id: 3,
			importId: 7,
			accountId: 'linkedin:new',
			dimension: 'country',
			asOf: D,
			unit: 'share',
			measure: 'followers',
			entries: [{ key: 'DE', value: 1 }]
		});
		tables.decisions.push(decision('x:side', 'merge', '2024-06-04T00:00:00.000Z', 'same audience'), decision('linkedin:new', 'keep', '2024-06-04T00:00:00.000Z'));
		tables.decisionHistory.push(
			{
				id: 4,
				accountId: 'x:side',
				from: null,
				to: 'merge',
				mergeTargetId: 'x:main',
				rationale: 'same audience',
				at: '2024-06-04T00:00:00.000Z',
				previous: null
			},
			{ id: 5, accountId: 'linkedin:new', from: null, to: 'keep', mergeTargetId: null, rationale: '', at: '2024-06-04T00:00:00.000Z', previous: null }
		);
		tables.annotations.push({
			id: 'note-1',
			startDay: D,
			endDay: D + 2,
			label: 'Launch week',
			note: '',
			accountId: null,
			createdAt: '2024-06-01T00:00:00.000Z',
			updatedAt: '2024-06-06T00:00:00.000Z'
		});
		tables.postTags.push({ key: 'x:main|11', tags: ['launch'] });
		tables.meta.push(
			{ key: 'accountResolutions', value: { 'kind-a': { platform: 'x', handle: 'other' }, 'kind-b': { platform: 'linkedin', displayName: 'New Page' } } },
			{ key: 'changesSinceSnapshot', value: 99 }
		);
	});
}

describe('diffForMerge', () => {
	it('previews what the snapshot adds and changes, by the import rules', () => {
		const preview = diffForMerge(ours(), theirs());
		expect(preview.newAccounts).toEqual([{ id: 'linkedin:new', platform: 'linkedin', displayName: 'New Page' }]);
		expect(preview.filledFields).toEqual([{ accountId: 'x:main', field: 'url' }]);
		expect(preview.newImports.map((item) => item.fileName)).toEqual(['cc.csv', 'dd.csv']);
		expect(preview.sharedImports).toBe(1);
		// followers of x:main: D+2 changes (102 → 110, newer export), D+3 is new; linkedin gets one day
		expect(preview.series).toEqual([
			{ accountId: 'linkedin:new', metric: 'followers', newDays: 1, changedDays: 0, removedDays: 0 },
			{ accountId: 'x:main', metric: 'followers', newDays: 1, changedDays: 1, removedDays: 0 }
		]);
		expect(preview.posts).toEqual([{ accountId: 'x:main', added: 1, updated: 1 }]);
		expect(preview.added).toEqual({
			breakdowns: 1,
			decisions: 1,
			decisionHistory: 1,
			annotations: 0,
			northStars: 0,
			calendarItems: 0,
			mappingPresets: 0,
			tagRules: 0,
			postTags: 1
		});
	});

	it('lists the conflicts imports never have, both sides shown, the later edit suggested', () => {
		const conflicts = diffForMerge(ours(), theirs()).conflicts;
		expect(conflicts.map((conflict) => [conflict.id, conflict.kind, conflict.suggested])).toEqual([
			['account:x:main:owner', 'account-field', 'snapshot'],
			['decision:x:side', 'decision', 'snapshot'],
			['annotations:note-1', 'record', 'snapshot']
		]);
		expect(conflicts[0]).toMatchObject({ accountId: 'x:main', field: 'owner', current: 'Dana', snapshot: 'Lee' });
		expect(conflicts[1]).toMatchObject({ current: { column: 'retire' }, snapshot: { column: 'merge', mergeTargetId: 'x:main' } });
		expect(conflicts[2]).toMatchObject({ table: 'annotations', key: 'note-1', current: { label: 'Launch' }, snapshot: { label: 'Launch week' } });
	});

	it('finds no conflicts when a decision differs only in its position or time', () => {
		const current = ours();
		const snapshot = ours();
		snapshot.decisions[0] = { ...snapshot.decisions[0], order: 7, decidedAt: '2025-01-01T00:00:00.000Z' };
		expect(diffForMerge(current, snapshot).conflicts).toEqual([]);
	});
});

describe('applyMerge', () => {
	it('unions imports by content, renumbers the new ones after ours, and rebuilds series newest-export-wins', () => {
		const merged = applyMerge(ours(), theirs());
		expect(merged.imports.map((record) => [record.id, record.sha256.slice(0, 2)])).toEqual([
			[1, 'aa'],
			[2, 'bb'],
			[3, 'cc'],
			[4, 'dd']
		]);
		expect(merged.seriesLayers.map((layer) => layer.id)).toEqual([
			'1|x:main|followers',
			'2|x:side|impressions',
			'3|x:main|followers',
			'4|linkedin:new|followers'
		]);
		expect([0, 1, 2, 3].map((offset) => valueOn(merged, 'x:main', 'followers', D + offset))).toEqual([100, 101, 110, 111]);
		const post11 = merged.posts.find((record) => record.accountId === 'x:main')!.posts.find((post) => post.postId === '11')!;
		expect(post11).toMatchObject({ sourceImportId: 3, metrics: { likes: 9 } });
		expect(merged.breakdowns).toEqual([expect.objectContaining({ id: 1, importId: 4 })]);
		expectStorable(merged);
	});

	it('keeps the current side of every conflict unless a person chose the snapshot', () => {
		const merged = applyMerge(ours(), theirs());
		expect(merged.accounts.find((account) => account.id === 'x:main')).toMatchObject({ owner: 'Dana', url: 'https://x.com/main' });
		expect(merged.decisions.find((record) => record.accountId === 'x:side')).toMatchObject({ column: 'retire' });
		// the snapshot's moves for x:side stay out: undo must lead back through the decision kept
		expect(merged.decisionHistory.map((entry) => [entry.id, entry.accountId, entry.to])).toEqual([
			[1, 'x:side', 'retire'],
			[2, 'linkedin:new', 'keep']
		]);
		expect(merged.annotations[0].label).toBe('Launch');
	});

	it('applies the snapshot side where chosen, with its history', () => {
		const resolutions: MergeResolutions = {
			'account:x:main:owner': 'snapshot',
			'decision:x:side': 'snapshot',
			'annotations:note-1': 'snapshot'
		};
		const merged = applyMerge(ours(), theirs(), resolutions);
		expect(merged.accounts.find((account) => account.id === 'x:main')).toMatchObject({
			owner: 'Lee',
			editedAt: '2024-06-05T00:00:00.000Z',
			updatedAt: '2024-06-05T00:00:00.000Z'
		});
		expect(merged.decisions.find((record) => record.accountId === 'x:side')).toMatchObject({ column: 'merge', rationale: 'same audience' });
		expect(merged.decisionHistory.map((entry) => [entry.id, entry.accountId, entry.to])).toEqual([
			[1, 'x:side', 'retire'],
			[2, 'x:side', 'merge'],
			[3, 'linkedin:new', 'keep']
		]);
		expect(merged.annotations[0]).toMatchObject({ label: 'Launch week', endDay: D + 2 });
		expectStorable(merged);
	});

	it('treats a post’s manual tags as a person’s edit: a different set is a conflict, another order is not', () => {
		const current = ours();
		current.postTags.push({ key: 'x:main|11', tags: ['q2'] });
		const [conflict] = diffForMerge(current, theirs()).conflicts.filter((item) => item.kind === 'record' && item.table === 'postTags');
		expect(conflict).toMatchObject({ id: 'postTags:x:main|11', current: { tags: ['q2'] }, snapshot: { tags: ['launch'] }, suggested: 'current' });
		expect(applyMerge(current, theirs()).postTags).toEqual([{ key: 'x:main|11', tags: ['q2'] }]);
		expect(applyMerge(current, theirs(), { [conflict.id]: 'snapshot' }).postTags).toEqual([{ key: 'x:main|11', tags: ['launch'] }]);

		const reordered = ours();
		reordered.postTags.push({ key: 'x:main|11', tags: ['b', 'a'] });
		const snapshot = ours();
		snapshot.postTags.push({ key: 'x:main|11', tags: ['a', 'b'] });
		expect(diffForMerge(reordered, snapshot).conflicts).toEqual([]);
	});

	it('adds remembered account choices the snapshot has (ours win) and ignores device bookkeeping', () => {
		expect(applyMerge(ours(), theirs()).meta).toEqual([
			{
				key: 'accountResolutions',
				value: { 'kind-a': { platform: 'x', handle: 'main' }, 'kind-b': { platform: 'linkedin', displayName: 'New Page' } }
			},
			{ key: 'changesSinceSnapshot', value: 4 }
		]);
	});

	it('resolves a file assigned to different accounts on each side by the side chosen', () => {
		const current = ours();
		const snapshot = workspace((tables) => {
			tables.accounts.push(accountRecord('x:other', 'x'));
			addImport(tables, { id: 9, sha: 'bb', accountId: 'x:other', startDay: D, values: { impressions: [70, 80] } });
		});
		const [conflict] = diffForMerge(current, snapshot).conflicts;
		expect(conflict).toMatchObject({ id: `import:${'bb'.padEnd(64, '0')}`, kind: 'import-accounts', current: ['x:side'], snapshot: ['x:other'] });

		const kept = applyMerge(current, snapshot);
		expect(valueOn(kept, 'x:side', 'impressions', D)).toBe(7);
		expect(valueOn(kept, 'x:other', 'impressions', D)).toBeNull();

		const taken = applyMerge(current, snapshot, { [conflict.id]: 'snapshot' });
		expect(taken.imports.find((record) => record.id === 2)?.accountIds).toEqual(['x:other']);
		expect(valueOn(taken, 'x:side', 'impressions', D)).toBeNull();
		expect(valueOn(taken, 'x:other', 'impressions', D + 1)).toBe(80);
		expect(taken.seriesLayers.map((layer) => layer.id)).toContain('2|x:other|impressions');
		expect(diffForMerge(current, snapshot).series).toEqual([]);
		expectStorable(taken);
	});

	it.each([
		['every conflict kept', {}],
		['every conflict taken from the snapshot', { 'account:x:main:owner': 'snapshot', 'decision:x:side': 'snapshot', 'annotations:note-1': 'snapshot' }]
	] as [string, MergeResolutions][])('is idempotent (%s): merging the same snapshot twice equals merging it once', (_name, resolutions) => {
		const once = applyMerge(ours(), theirs(), resolutions);
		const twice = applyMerge(once, theirs(), resolutions);
		expect(twice).toEqual(once);
		const again = diffForMerge(once, theirs());
		expect(again.newImports).toEqual([]);
		expect(again.series).toEqual([]);
		expect(again.posts).toEqual([]);
		expect(Object.values(again.added).every((count) => count === 0)).toBe(true);
	});

	it('converges: A merged into B, then B’s snapshot merged into A, hold the same data', async () => {
		const a = workspace((tables) => {
			tables.accounts.push(accountRecord('x:main', 'x', { owner: 'Dana' }));
			addImport(tables, { id: 1, sha: 'a1', accountId: 'x:main', startDay: D, values: { followers: [1, 2, 3] }, posts: [{ postId: '1', day: D, likes: 1 }] });
			addImport(tables, { id: 2, sha: 'a2', accountId: 'x:main', startDay: D + 10, values: { impressions: [5, null, 6] } });
			tables.decisions.push(decision('x:main', 'keep', '2024-06-01T00:00:00.000Z'));
			tables.postTags.push({ key: 'x:main|1', tags: ['a'] });
		});
		const b = workspace((tables) => {
			tables.accounts.push(accountRecord('x:main', 'x', { purpose: 'News' }), accountRecord('youtube:chan', 'youtube'));
			addImport(tables, { id: 1, sha: 'b1', accountId: 'x:main', startDay: D + 2, values: { followers: [3, 4, 5] }, posts: [{ postId: '1', day: D, likes: 4 }] });
			addImport(tables, { id: 2, sha: 'a2', accountId: 'x:main', startDay: D + 10, values: { impressions: [5, null, 6] } });
			addImport(tables, { id: 3, sha: 'b3', accountId: 'youtube:chan', startDay: D, values: { views: [9] } });
			tables.postTags.push({ key: 'youtube:chan|v1', tags: ['b'] });
		});
		const bMerged = applyMerge(b, a);
		const bytes = await serializeSnapshot(bMerged, { appVersion: 'test', exportedAt: new Date(0) });
		const opened = await parseSnapshot(bytes, { fileName: 'b.chorus.json.gz' });
		if (!opened.ok) throw new Error(opened.message);
		const aMerged = applyMerge(a, opened.snapshot.tables);
		expect(diffForMerge(a, opened.snapshot.tables).conflicts).toEqual([]);
		expect(normalized(aMerged)).toEqual(normalized(bMerged));
		expectStorable(aMerged);
	});
});

/** The data of a workspace independent of how each side numbered its imports and ordered its records. */
function normalized(tables: WorkspaceTables) {
	const sha = new Map(tables.imports.map((record) => [record.id, record.sha256]));
	const byKey = <T>(items: T[], key: (item: T) => string) => [...items].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
	return {
		accounts: byKey(tables.accounts, (account) => account.id),
		imports: byKey(
			tables.imports.map(({ id: _id, ...rest }) => rest),
			(record) => record.sha256
		),
		series: byKey(
			tables.series.map((record) => ({ ...record, values: [...record.values], sources: [...record.sources].map((source) => sha.get(source) ?? null) })),
			(record) => record.id
		),
		layers: byKey(
			tables.seriesLayers.map(({ id: _id, importId, ...rest }) => ({ ...rest, values: [...rest.values], import: sha.get(importId) })),
			(layer) => `${layer.import}|${layer.accountId}|${layer.metric}`
		),
		posts: byKey(
			tables.posts.map((record) => ({ ...record, posts: record.posts.map(({ sourceImportId, ...post }) => ({ ...post, source: sha.get(sourceImportId) })) })),
			(record) => record.accountId
		),
		decisions: byKey(tables.decisions, (record) => record.accountId),
		history: byKey(
			tables.decisionHistory.map(({ id: _id, ...rest }) => rest),
			(entry) => `${entry.accountId}|${entry.at}`
		),
		postTags: byKey(
			tables.postTags.map((record) => ({ ...record, tags: [...record.tags].sort() })),
			(record) => record.key
		)
	};
}

describe('replacementTables', () => {
	it('takes the snapshot’s tables and keeps this browser’s bookkeeping', () => {
		const current = ours();
		current.meta.push({ key: 'lastSnapshotExportAt', value: '2024-06-01T00:00:00.000Z' });
		const snapshot = theirs();
		const replaced = replacementTables(current, snapshot);
		expect(replaced.accounts).toBe(snapshot.accounts);
		expect(replaced.series).toBe(snapshot.series);
		expect(replaced.meta).toEqual([
			snapshot.meta[0],
			{ key: 'changesSinceSnapshot', value: 4 },
			{ key: 'lastSnapshotExportAt', value: '2024-06-01T00:00:00.000Z' }
		]);
	});
});
