/**
 * Replace and Merge against changes made elsewhere (another tab) while the snapshot dialog is
 * open: such a change must never be silently overwritten by the older state the preview saw.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ChorusDatabase } from '../db/database';
import { addAnnotation } from '../db/queries';
import { day, dispose, freshDatabase } from '../db/test-support';
import { exportAllTables, replaceAllTables } from '../db/wipe';
import type { SnapshotRequest, SnapshotResponse } from './snapshot-protocol';
import { createSnapshotHandler, workspaceRevision } from './snapshot.worker';
import { accountRecord, emptyTables, smallWorkspace } from './test-workspaces';

let source: ChorusDatabase;
let target: ChorusDatabase;

beforeEach(async () => {
	source = freshDatabase();
	target = freshDatabase();
	expect((await replaceAllTables(source, smallWorkspace())).ok).toBe(true);
	const other = emptyTables();
	other.accounts.push(accountRecord('x:acme', 'x', { owner: 'Kim', displayName: 'ACME' }));
	other.meta.push({ key: 'changesSinceSnapshot', value: 2 });
	expect((await replaceAllTables(target, other)).ok).toBe(true);
});

afterEach(async () => {
	await dispose(source);
	await dispose(target);
});

async function run(
	handle: ReturnType<typeof createSnapshotHandler>,
	request: SnapshotRequest,
	onPost: (message: SnapshotResponse) => void = () => {}
): Promise<SnapshotResponse> {
	const posted: SnapshotResponse[] = [];
	await handle(request, (message) => {
		posted.push(message);
		onPost(message);
	});
	return posted.at(-1)!;
}

/** A handler on `target` with the source workspace's snapshot opened. */
async function openedOnTarget() {
	const exporter = createSnapshotHandler({ database: () => source });
	const exported = await run(exporter, { type: 'export', requestId: 1, appVersion: 't', exportedAt: 0 });
	if (exported.type !== 'exported') throw new Error(JSON.stringify(exported));
	const handle = createSnapshotHandler({ database: () => target });
	const file = new Blob([exported.result.bytes as Uint8Array<ArrayBuffer>]);
	expect((await run(handle, { type: 'open', requestId: 2, file, fileName: 's.chorus.json.gz', includeTables: false })).type).toBe('opened');
	return handle;
}

const annotationLabels = async () => (await exportAllTables(target)).annotations.map((annotation) => annotation.label);

describe('Merge after a change made elsewhere', () => {
	it('refuses when the workspace changed between the preview and Merge, then merges with the change kept', async () => {
		const handle = await openedOnTarget();
		expect((await run(handle, { type: 'preview-merge', requestId: 3 })).type).toBe('merge-preview');

		// another tab adds an annotation while the person reads the preview
		await addAnnotation(target, { startDay: day('2024-02-01'), label: 'Made elsewhere' });
		const before = await exportAllTables(target);

		const refused = await run(handle, { type: 'apply', requestId: 4, mode: 'merge', resolutions: { 'account:x:acme:owner': 'snapshot' } });
		expect(refused).toMatchObject({ type: 'failed', kind: 'changed', code: 'snapshot.changedSincePreview' });
		expect(refused.type === 'failed' && refused.message).toContain('nothing was merged and your workspace is unchanged');
		expect(await exportAllTables(target)).toEqual(before);

		// a new preview sees the current workspace; merging it keeps the change
		expect((await run(handle, { type: 'preview-merge', requestId: 5 })).type).toBe('merge-preview');
		expect((await run(handle, { type: 'apply', requestId: 6, mode: 'merge', resolutions: {} })).type).toBe('applied');
		const merged = await exportAllTables(target);
		expect(merged.annotations.map((annotation) => annotation.label)).toContain('Made elsewhere');
		expect(merged.accounts.map((account) => account.id)).toEqual(expect.arrayContaining(['x:acme', 'linkedin:acme gmbh']));
	});

	it('never loses a change that races the merge’s own write', async () => {
		const handle = await openedOnTarget();
		expect((await run(handle, { type: 'preview-merge', requestId: 3 })).type).toBe('merge-preview');
		const otherTab = openDatabase(target.name);
		let racing: Promise<unknown> | null = null;
		const outcome = await run(handle, { type: 'apply', requestId: 4, mode: 'merge', resolutions: {} }, (message) => {
			// after the merge read the workspace and computed the result, just before it writes
			if (message.type === 'progress' && message.phase === 'writing' && !racing) {
				racing = Dexie.ignoreTransaction(() => addAnnotation(otherTab, { startDay: day('2024-02-02'), label: 'Racing' }));
			}
		});
		await racing;
		otherTab.close();
		expect(racing).not.toBeNull();
		// whichever committed first, the annotation is there: either the merge refused (and can be
		// previewed again) or it ran first and the annotation was added on top of it
		expect(await annotationLabels()).toContain('Racing');
		if (outcome.type === 'failed') expect(outcome.kind).toBe('changed');
		else expect(outcome.type).toBe('applied');
	});

	it('refuses inside its write transaction when a change commits after the merge read the workspace', async () => {
		const handle = await openedOnTarget();
		await run(handle, { type: 'preview-merge', requestId: 3 });
		// another tab's change lands just before the merge's write transaction starts
		const otherTab = openDatabase(target.name);
		const transaction = target.transaction.bind(target) as (...args: unknown[]) => Promise<unknown>;
		let raced = false;
		Object.assign(target, {
			transaction: async (...args: unknown[]) => {
				if (args[0] === 'rw' && !raced) {
					raced = true;
					await Dexie.ignoreTransaction(() => addAnnotation(otherTab, { startDay: day('2024-02-03'), label: 'Just before' }));
				}
				return transaction(...args);
			}
		});
		const outcome = await run(handle, { type: 'apply', requestId: 4, mode: 'merge', resolutions: {} });
		otherTab.close();
		expect(raced).toBe(true);
		expect(outcome).toMatchObject({ type: 'failed', kind: 'changed', code: 'snapshot.changedSincePreview' });
		const stored = await exportAllTables(target);
		expect(stored.annotations.map((annotation) => annotation.label)).toEqual(['Just before']);
		expect(stored.accounts.map((account) => account.id)).toEqual(['x:acme']);
	});

	it('merges without a refusal when nothing changed since the preview', async () => {
		const handle = await openedOnTarget();
		await run(handle, { type: 'preview-merge', requestId: 3 });
		expect((await run(handle, { type: 'apply', requestId: 4, mode: 'merge', resolutions: {} })).type).toBe('applied');
		expect((await exportAllTables(target)).meta.find((record) => record.key === 'changesSinceSnapshot')?.value).toBe(3);
	});
});

describe('Replace', () => {
	it('keeps the bookkeeping as it is when the write happens, not as it was when the file was opened', async () => {
		const handle = await openedOnTarget();
		await addAnnotation(target, { startDay: day('2024-02-01'), label: 'Made elsewhere' });
		const exportedAt = '2024-05-01T00:00:00.000Z';
		await target.meta.put({ key: 'lastSnapshotExportAt', value: exportedAt });
		expect((await run(handle, { type: 'apply', requestId: 3, mode: 'replace', resolutions: {} })).type).toBe('applied');
		const stored = await exportAllTables(target);
		expect(stored.meta.find((record) => record.key === 'lastSnapshotExportAt')?.value).toBe(exportedAt);
		expect(stored.meta.find((record) => record.key === 'changesSinceSnapshot')?.value).toBe(0);
		expect(stored.annotations).toEqual((await exportAllTables(source)).annotations);
	});
});

describe('workspaceRevision', () => {
	it('changes with every counted change and every snapshot save', () => {
		const at = (changes: number | undefined, savedAt?: string) => [
			...(changes === undefined ? [] : [{ key: 'changesSinceSnapshot', value: changes }]),
			...(savedAt ? [{ key: 'lastSnapshotExportAt', value: savedAt }] : [])
		];
		const revisions = [at(undefined), at(1), at(2), at(0, '2024-01-01T00:00:00.000Z'), at(0, '2024-01-02T00:00:00.000Z'), at(1, '2024-01-02T00:00:00.000Z')].map(
			workspaceRevision
		);
		expect(new Set(revisions).size).toBe(revisions.length);
		expect(workspaceRevision([{ key: 'accountResolutions', value: {} }, ...at(1)])).toBe(workspaceRevision(at(1)));
	});
});
