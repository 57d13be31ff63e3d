/**
 * Snapshots against the real storage layer (fake-indexeddb): a workspace built by real imports,
 * undo and edits is saved, opened into an empty database, and saved again.
 */
import { gunzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../db/commit';
import type { ChorusDatabase } from '../db/database';
import { addAnnotation, addNorthStar, moveDecision, saveMappingPreset, updateAccount } from '../db/queries';
import {
	ACME_IG,
	ACME_IG_ID,
	ACME_X,
	ACME_X_ID,
	breakdown,
	daily,
	day,
	dispose,
	freshDatabase,
	importItem,
	parsedFile,
	post
} from '../db/test-support';
import { undoImport } from '../db/undo';
import { exportAllTables, replaceAllTables } from '../db/wipe';
import type { WorkspaceTables } from '../schemas/db-records';
import { applyMerge, replacementTables } from './merge';
import { parseSnapshot } from './parse';
import { serializeSnapshot } from './serialize';

let source: ChorusDatabase;
let target: ChorusDatabase;

beforeEach(async () => {
	source = freshDatabase();
	target = freshDatabase();
	const now = new Date('2024-04-01T10:00:00.000Z');
	await commitImport(
		source,
		[
			importItem(
				parsedFile({
					fileName: 'x-march.csv',
					series: [daily(ACME_X, 'impressions', '2024-03-01', [10, 20, null, 40]), daily(ACME_X, 'followers', '2024-03-01', [500, 501, 503, 506])],
					posts: [post(ACME_X, '1764758305112345678', '2024-03-01', { impressions: 100, likes: 3 }, 'Launch day')],
					coversUntil: day('2024-03-04')
				})
			),
			importItem(
				parsedFile({
					fileName: 'ig.csv',
					platform: 'instagram',
					account: ACME_IG,
					series: [daily(ACME_IG, 'reach', '2023-12-30', [7, 8, 9, 10])],
					breakdowns: [breakdown(ACME_IG, '2024-01-02', [['DE', 0.5], ['FR', 0.5]])],
					coversUntil: day('2024-01-02')
				})
			)
		],
		{ now }
	);
	// a newer export overlapping the first: revises 03-04, adds 03-05, updates the post's numbers
	await commitImport(
		source,
		[
			importItem(
				parsedFile({
					fileName: 'x-march-later.csv',
					series: [daily(ACME_X, 'impressions', '2024-03-03', [30, 44, 50])],
					posts: [
						post(ACME_X, '1764758305112345678', '2024-03-01', { impressions: 180, likes: 9 }, 'Launch day'),
						post(ACME_X, '1765120693998765432', '2024-03-05', { impressions: 12 }, 'Meetup')
					],
					coversUntil: day('2024-03-05')
				})
			),
			importItem(parsedFile({ fileName: 'mistake.csv', series: [daily(ACME_X, 'views', '2024-02-01', [1, 2])] }))
		],
		{ now: new Date('2024-04-02T10:00:00.000Z') }
	);
	const imports = await source.imports.toArray();
	const mistake = imports.find((record) => record.fileName === 'mistake.csv')!;
	const undone = await undoImport(source, mistake.id);
	expect(undone.ok).toBe(true);
	await updateAccount(source, ACME_X_ID, { owner: 'Dana', segments: ['SMB'] }, now);
	await moveDecision(source, ACME_IG_ID, { column: 'merge', order: 1, mergeTargetId: ACME_X_ID, rationale: 'same people' }, now);
	await addAnnotation(source, { startDay: day('2024-03-01'), label: 'Launch', accountId: ACME_X_ID }, now);
	await addNorthStar(
		source,
		{ metric: 'followers', accountId: ACME_X_ID, baselineDay: day('2024-03-01'), baselineValue: 500, target: 1000, targetDay: day('2024-12-31') },
		now
	);
	await saveMappingPreset(source, { signature: 'day|sessions', name: 'Blog', columns: [{ header: 'Sessions', metric: 'page_views' }] });
});

afterEach(async () => {
	await dispose(source);
	await dispose(target);
});

const META = { appVersion: 'test', exportedAt: new Date('2024-04-03T00:00:00.000Z') };

function contentText(bytes: Uint8Array): string {
	const text = new TextDecoder().decode(gunzipSync(bytes));
	return text.slice(text.indexOf(',"content":'));
}

function withoutDeviceMeta(tables: WorkspaceTables): WorkspaceTables {
	return { ...tables, meta: tables.meta.filter((record) => record.key !== 'changesSinceSnapshot' && record.key !== 'lastSnapshotExportAt') };
}

async function open(bytes: Uint8Array): Promise<WorkspaceTables> {
	const result = await parseSnapshot(bytes, { fileName: 'workspace.chorus.json.gz' });
	if (!result.ok) throw new Error(result.message);
	return result.snapshot.tables;
}

describe('snapshots of a real stored workspace', () => {
	it('open as exactly the stored tables: merged series and posts rebuilt equal to what storage built', async () => {
		const stored = await exportAllTables(source);
		expect(stored.series.length).toBeGreaterThan(0);
		const opened = await open(await serializeSnapshot(stored, META));
		expect(opened.series).toEqual(stored.series);
		expect(opened.posts).toEqual(stored.posts);
		expect(opened).toEqual(withoutDeviceMeta(stored));
	});

	it('are deterministic: export, import into an empty workspace, export again gives the same content', async () => {
		const first = await serializeSnapshot(await exportAllTables(source), META);
		const replaced = await replaceAllTables(target, replacementTables(await exportAllTables(target), await open(first)));
		expect(replaced.ok).toBe(true);
		const second = await serializeSnapshot(await exportAllTables(target), { ...META, exportedAt: new Date('2030-01-01T00:00:00.000Z') });
		expect(contentText(second)).toBe(contentText(first));
	});

	it('merge into a workspace with other data gives tables storage accepts', async () => {
		await commitImport(target, [importItem(parsedFile({ fileName: 'other.csv', series: [daily(ACME_X, 'views', '2020-01-01', [9, 8])] }))]);
		const snapshot = await open(await serializeSnapshot(await exportAllTables(source), META));
		const merged = applyMerge(await exportAllTables(target), snapshot);
		const written = await replaceAllTables(target, merged);
		expect(written.ok && written.counts).toMatchObject({ accounts: 2, imports: 4, decisions: 1, annotations: 1, northStars: 1, mappingPresets: 1 });
		expect(await exportAllTables(target)).toEqual(merged);
	});
});
