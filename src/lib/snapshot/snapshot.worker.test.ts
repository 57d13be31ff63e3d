import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChorusDatabase } from '../db/database';
import { dispose, freshDatabase } from '../db/test-support';
import { exportAllTables, exportTables, replaceAllTables } from '../db/wipe';
import { TABLE_NAMES } from '../schemas/db-records';
import type { MergePreview } from './merge';
import { MAX_SNAPSHOT_BYTES } from './parse';
import { PostLayerWriter, serializeSnapshot } from './serialize';
import type { ExportedSnapshot, OpenedSnapshotInfo, SnapshotRequest, SnapshotResponse } from './snapshot-protocol';
import { createSnapshotHandler, snapshotFileName, startSnapshotWorker } from './snapshot.worker';
import { accountRecord, emptyTables, inStorageOrder, largeWorkspace, smallWorkspace } from './test-workspaces';

let source: ChorusDatabase;
let target: ChorusDatabase;

beforeEach(async () => {
	source = freshDatabase();
	target = freshDatabase();
	const seeded = await replaceAllTables(source, { ...smallWorkspace(), meta: [...smallWorkspace().meta, { key: 'changesSinceSnapshot', value: 3 }] });
	expect(seeded.ok).toBe(true);
	const other = emptyTables();
	other.accounts.push(accountRecord('x:acme', 'x', { owner: 'Kim', displayName: 'ACME' }), accountRecord('tiktok:clips', 'tiktok'));
	other.meta.push({ key: 'changesSinceSnapshot', value: 5 }, { key: 'lastSnapshotExportAt', value: '2024-01-01T00:00:00.000Z' });
	expect((await replaceAllTables(target, other)).ok).toBe(true);
});

afterEach(async () => {
	await dispose(source);
	await dispose(target);
});

/** Runs one request through a handler and returns everything it posted. */
async function run(handle: ReturnType<typeof createSnapshotHandler>, request: SnapshotRequest): Promise<SnapshotResponse[]> {
	const posted: SnapshotResponse[] = [];
	await handle(request, (message) => posted.push(message));
	return posted;
}

function last<T extends SnapshotResponse['type']>(messages: SnapshotResponse[], type: T): Extract<SnapshotResponse, { type: T }> {
	const message = messages.at(-1)!;
	expect(message.type, JSON.stringify(message)).toBe(type);
	return message as Extract<SnapshotResponse, { type: T }>;
}

async function exportFrom(database: ChorusDatabase): Promise<ExportedSnapshot> {
	const handle = createSnapshotHandler({ database: () => database });
	const messages = await run(handle, { type: 'export', requestId: 1, appVersion: '0.1.0', exportedAt: new Date(2024, 2, 9, 12).getTime(), title: 'Q1 Review!' });
	expect([...new Set(messages.filter((message) => message.type === 'progress').map((message) => message.type === 'progress' && message.phase))]).toEqual([
		'collecting',
		'encoding',
		'hashing',
		'compressing'
	]);
	return last(messages, 'exported').result;
}

describe('snapshot worker', () => {
	it('saves the stored workspace: bytes, a file name, and its summary', async () => {
		const exported = await exportFrom(source);
		expect(exported.fileName).toBe('chorus-2024-03-09-q1-review.chorus.json.gz');
		expect(exported.summary.counts).toMatchObject({ accounts: 2, imports: 3, posts: 3 });
		expect([exported.bytes[0], exported.bytes[1]]).toEqual([0x1f, 0x8b]);
	});

	it('saves a workspace of many post layers (read in several batches) to the bytes serializeSnapshot writes', async () => {
		const large = largeWorkspace({ accounts: 5, years: 2, posts: 1200, seed: 4 });
		expect(large.postLayers.length).toBeGreaterThan(24);
		expect((await replaceAllTables(target, large)).ok).toBe(true);
		const batches: number[] = [];
		const events: string[] = [];
		const given = new Map<string, unknown[]>();
		const read = await exportTables(
			target,
			TABLE_NAMES.filter((name) => name !== 'series' && name !== 'posts'),
			(layers) => {
				batches.push(layers.length);
				events.push('batch');
			},
			(name, records) => {
				events.push(name);
				given.set(name, records);
			}
		);
		for (const [name, records] of given) expect(records).toBe(read[name as keyof typeof read]);
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.reduce((sum, count) => sum + count, 0)).toBe(large.postLayers.length);
		expect(read.postLayers).toEqual(inStorageOrder(large).postLayers);
		// every other table is read before the post layers' first batch arrives (requests run in
		// order in a transaction), so saving can write the content's start and go on with the layers
		expect(events.indexOf('batch')).toBe(TABLE_NAMES.length - 3);
		expect(events.at(-1)).toBe('postLayers');
		const streamed = vi.spyOn(PostLayerWriter.prototype, 'streamedContent');
		const exported = await exportFrom(target);
		expect(streamed.mock.results.map((result) => result.value === null)).toEqual([false]);
		streamed.mockRestore();
		const plain = await serializeSnapshot(await exportAllTables(target), {
			appVersion: '0.1.0',
			exportedAt: new Date(new Date(2024, 2, 9, 12).getTime()),
			title: 'Q1 Review!'
		});
		expect(Buffer.compare(exported.bytes, plain)).toBe(0);
	});

	it('opens a file, previews the merge with its conflicts, and merges with the chosen side', async () => {
		const { bytes } = await exportFrom(source);
		const handle = createSnapshotHandler({ database: () => target });
		const opened = last(await run(handle, { type: 'open', requestId: 2, file: new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName: 'q1.chorus.json.gz', includeTables: false }), 'opened');
		const info: OpenedSnapshotInfo = opened.result;
		expect(info).toMatchObject({ fileName: 'q1.chorus.json.gz', sourceFormatVersion: 1, head: { title: 'Q1 Review!' }, warnings: [] });
		expect(info.tables).toBeUndefined();

		const preview: MergePreview = last(await run(handle, { type: 'preview-merge', requestId: 3 }), 'merge-preview').result;
		expect(preview.newAccounts.map((account) => account.id)).toEqual(['linkedin:acme gmbh']);
		expect(preview.conflicts.map((conflict) => conflict.id)).toEqual(['account:x:acme:owner']);

		const applied = last(await run(handle, { type: 'apply', requestId: 4, mode: 'merge', resolutions: { 'account:x:acme:owner': 'snapshot' } }), 'applied');
		expect(applied.result.counts).toMatchObject({ accounts: 3, imports: 3, decisions: 1 });
		const stored = await exportAllTables(target);
		expect(stored.accounts.find((account) => account.id === 'x:acme')?.owner).toBe('Dana');
		expect(stored.meta).toEqual([
			{ key: 'accountResolutions', value: smallWorkspace().meta[0].value },
			{ key: 'changesSinceSnapshot', value: 6 },
			{ key: 'lastSnapshotExportAt', value: '2024-01-01T00:00:00.000Z' }
		]);
	});

	it('replaces the workspace with the file, keeping this browser’s bookkeeping, with nothing unsaved', async () => {
		const { bytes } = await exportFrom(source);
		const handle = createSnapshotHandler({ database: () => target });
		const opened = last(await run(handle, { type: 'open', requestId: 1, file: new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName: 'q1.chorus.json.gz', includeTables: true }), 'opened');
		expect(opened.result.tables?.accounts).toHaveLength(2);
		last(await run(handle, { type: 'apply', requestId: 2, mode: 'replace', resolutions: {} }), 'applied');
		const stored = await exportAllTables(target);
		const original = await exportAllTables(source);
		expect({ ...stored, meta: [] }).toEqual({ ...original, meta: [] });
		expect(stored.meta.filter((record) => record.key !== 'accountResolutions')).toEqual([
			{ key: 'changesSinceSnapshot', value: 0 },
			{ key: 'lastSnapshotExportAt', value: '2024-01-01T00:00:00.000Z' }
		]);
	});

	it('reports a bad file and forgets the previously opened one; Replace then has nothing to apply', async () => {
		const { bytes } = await exportFrom(source);
		const handle = createSnapshotHandler({ database: () => target });
		last(await run(handle, { type: 'open', requestId: 1, file: new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName: 'good.chorus.json.gz', includeTables: false }), 'opened');
		const damaged = bytes.slice(0, bytes.length - 50);
		const failed = last(await run(handle, { type: 'open', requestId: 2, file: new Blob([damaged]), fileName: 'cut.chorus.json.gz', includeTables: false }), 'failed');
		expect(failed.kind).toBe('damaged');
		expect(failed.message).toContain('"cut.chorus.json.gz" is damaged');
		const nothing = last(await run(handle, { type: 'apply', requestId: 3, mode: 'replace', resolutions: {} }), 'failed');
		expect(nothing).toMatchObject({ type: 'failed', requestId: 3, kind: 'no-snapshot', message: 'Open a snapshot file first.' });
		expect((await exportAllTables(target)).accounts.map((account) => account.id)).toEqual(['tiktok:clips', 'x:acme']);
	});

	it('refuses an oversized file without reading it', async () => {
		const huge = { size: MAX_SNAPSHOT_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
		const handle = createSnapshotHandler({ database: () => target });
		const failed = last(await run(handle, { type: 'open', requestId: 1, file: huge, fileName: 'huge.chorus.json.gz', includeTables: false }), 'failed');
		expect(failed).toMatchObject({
			type: 'failed',
			requestId: 1,
			kind: 'too-large',
			message: '"huge.chorus.json.gz" is 100 MB, more than the 100 MB a Chorus snapshot can be. Check that it is the snapshot you meant to open. Nothing was loaded and your workspace is unchanged.'
		});
	});

	it('handles requests one at a time, in the order they arrive', async () => {
		const posted: SnapshotResponse[] = [];
		const scope: Parameters<typeof startSnapshotWorker>[0] = { onmessage: null, postMessage: (message) => posted.push(message) };
		startSnapshotWorker(scope, { database: () => source });
		scope.onmessage!({ data: { type: 'export', requestId: 1, appVersion: 't', exportedAt: 0 } } as MessageEvent<SnapshotRequest>);
		scope.onmessage!({ data: { type: 'preview-merge', requestId: 2 } } as MessageEvent<SnapshotRequest>);
		await expect.poll(() => posted.filter((message) => message.type !== 'progress').map((message) => [message.requestId, message.type])).toEqual([
			[1, 'exported'],
			[2, 'failed']
		]);
	});
});

describe('snapshotFileName', () => {
	it.each([
		[undefined, 'chorus-2024-03-09.chorus.json.gz'],
		['Q3 Review', 'chorus-2024-03-09-q3-review.chorus.json.gz'],
		['  Über/Plan: März ', 'chorus-2024-03-09-uber-plan-marz.chorus.json.gz'],
		['???', 'chorus-2024-03-09.chorus.json.gz']
	])('names a snapshot titled %j %s', (title, name) => {
		expect(snapshotFileName(new Date(2024, 2, 9, 23, 59).getTime(), title)).toBe(name);
	});
});
