/**
 * The snapshot worker: saves the workspace to a snapshot file and opens one, off the main thread,
 * posting progress as it goes. It reads and writes IndexedDB itself, so a workspace of hundreds of
 * thousands of posts is never copied to the page. The last opened snapshot stays here until the
 * next one is opened, for the merge preview and for Replace / Merge. See snapshot-client.ts.
 */
import { db, type ChorusDatabase } from '../db/database';
import { exportTables, rewriteWorkspace } from '../db/wipe';
import type { StorageError } from '../db/errors';
import { TABLE_NAMES, type MetaRecord, type WorkspaceTables } from '../schemas/db-records';
import { DERIVED_TABLES, SNAPSHOT_FILE_EXTENSION } from '../schemas/snapshot';
import { rebuildMergedTables } from './rebuild';
import { SnapshotEncodeError } from './codec';
import { applyMerge, diffForMerge, replacementTables } from './merge';
import { snapshotMessage, snapshotMessages } from './messages';
import { MAX_SNAPSHOT_BYTES, parseSnapshot, type OpenedSnapshot } from './parse';
import { PostLayerWriter, serializeSnapshot } from './serialize';
import type { SnapshotPhase, SnapshotRequest, SnapshotResponse } from './snapshot-protocol';
import { summarizeFromLayers } from './summary';

export interface SnapshotWorkerDeps {
	database: () => ChorusDatabase;
}

type Post = (message: SnapshotResponse, transfer?: Transferable[]) => void;

function localDate(epochMs: number): string {
	const date = new Date(epochMs);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `chorus-2024-03-09-q3-review.chorus.json.gz`: sortable, and safe on every file system. */
export function snapshotFileName(exportedAt: number, title?: string): string {
	const slug = (title ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `chorus-${localDate(exportedAt)}${slug ? `-${slug}` : ''}${SNAPSHOT_FILE_EXTENSION}`;
}

/**
 * After Replace the workspace is exactly a saved file, so nothing is unsaved; after Merge it is a
 * new state that no file holds yet, so it counts as one more change.
 */
function withChangeCount(tables: WorkspaceTables, count: (previous: number) => number): WorkspaceTables {
	const previous = tables.meta.find((record) => record.key === 'changesSinceSnapshot');
	const value = typeof previous?.value === 'number' ? previous.value : 0;
	const meta: MetaRecord[] = tables.meta.filter((record) => record.key !== 'changesSinceSnapshot');
	meta.push({ key: 'changesSinceSnapshot', value: count(value) });
	return { ...tables, meta };
}

/**
 * Where the workspace's history stands: its count of changes since the last snapshot and when that
 * snapshot was saved. Every change to the workspace's data counts one more (countWorkspaceChange,
 * in the change's own transaction) and saving a snapshot resets the count with a new time, so any
 * change or save between two readings gives a different revision.
 */
export function workspaceRevision(meta: readonly MetaRecord[]): string {
	const value = (key: string) => JSON.stringify(meta.find((record) => record.key === key)?.value ?? null);
	return `${value('changesSinceSnapshot')}|${value('lastSnapshotExportAt')}`;
}

const CHANGED_SINCE_PREVIEW = 'snapshot.changedSincePreview';

function changedSincePreview(): StorageError {
	return { kind: 'failed', ...snapshotMessage(CHANGED_SINCE_PREVIEW) };
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

const FILE_TABLES = TABLE_NAMES.filter((name) => !(DERIVED_TABLES as readonly string[]).includes(name));

/**
 * The workspace as a snapshot file holds it, read from storage, with the merged tables rebuilt
 * from their layers: the very tables a reader of the file rebuilds (so a merge compares like with
 * like), and cheaper than reading the stored merged tables, a third of the workspace's bytes in
 * IndexedDB. Saving needs no merged tables at all (see the export case).
 */
async function snapshotTables(database: ChorusDatabase): Promise<WorkspaceTables> {
	const tables = await exportTables(database, FILE_TABLES);
	return { ...tables, ...rebuildMergedTables(tables) };
}

export function createSnapshotHandler(deps: SnapshotWorkerDeps) {
	let opened: OpenedSnapshot | null = null;
	/** The workspace's revision when the merge preview the person is looking at was computed. */
	let previewRevision: string | null = null;

	return async function handle(request: SnapshotRequest, post: Post): Promise<void> {
		const { requestId } = request;
		const progress = (phase: SnapshotPhase, fraction: number) => post({ type: 'progress', requestId, phase, fraction });
		try {
			switch (request.type) {
				case 'export': {
					progress('collecting', 0);
					// the layers only: the file leaves the merged tables out, and the summary is read
					// from the layers without rebuilding them (summarizeFromLayers); the post layers
					// are written to text and compressed as they arrive, while storage reads the next
					// ones (the tables before them in the file arrive first)
					const postLayers = new PostLayerWriter();
					let bytes: Uint8Array;
					let summary: ReturnType<typeof summarizeFromLayers>;
					try {
						const tables = await exportTables(
							deps.database(),
							FILE_TABLES,
							(layers) => postLayers.add(layers),
							(name, records) => postLayers.table(name, records)
						);
						summary = summarizeFromLayers(tables);
						bytes = await serializeSnapshot(
							tables,
							{ appVersion: request.appVersion, exportedAt: new Date(request.exportedAt), title: request.title, author: request.author },
							progress,
							summary,
							postLayers
						);
					} finally {
						postLayers.abort();
					}
					post(
						{
							type: 'exported',
							requestId,
							result: { bytes, fileName: snapshotFileName(request.exportedAt, request.title), summary }
						},
						[bytes.buffer as ArrayBuffer]
					);
					return;
				}
				case 'open': {
					opened = null;
					previewRevision = null;
					// refuse before reading: arrayBuffer() of a huge file alone could exhaust the worker's memory
					if (request.file.size > MAX_SNAPSHOT_BYTES) {
						post({
							type: 'failed',
							requestId,
							kind: 'too-large',
							...snapshotMessages.tooLarge(request.fileName, request.file.size, MAX_SNAPSHOT_BYTES)
						});
						return;
					}
					progress('reading', 0);
					const bytes = new Uint8Array(await request.file.arrayBuffer());
					const result = await parseSnapshot(bytes, { fileName: request.fileName, onProgress: progress });
					if (!result.ok) {
						post({ type: 'failed', requestId, kind: result.kind, message: result.message, code: result.code, params: result.params });
						return;
					}
					opened = result.snapshot;
					const { fileName, head, sourceFormatVersion, summary, warnings, codedWarnings, tables } = opened;
					post({
						type: 'opened',
						requestId,
						result: { fileName, head, sourceFormatVersion, summary, warnings, codedWarnings, ...(request.includeTables ? { tables } : {}) }
					});
					return;
				}
				case 'preview-merge': {
					if (!opened) {
						post({ type: 'failed', requestId, kind: 'no-snapshot', ...snapshotMessage('snapshot.noSnapshotOpen') });
						return;
					}
					progress('collecting', 0);
					const current = await snapshotTables(deps.database());
					progress('comparing', 0);
					const preview = diffForMerge(current, opened.tables);
					previewRevision = workspaceRevision(current.meta);
					post({ type: 'merge-preview', requestId, result: preview });
					return;
				}
				case 'apply': {
					if (!opened) {
						post({ type: 'failed', requestId, kind: 'no-snapshot', ...snapshotMessage('snapshot.noSnapshotOpen') });
						return;
					}
					const database = deps.database();
					const snapshot = opened.tables;
					let written;
					if (request.mode === 'replace') {
						// Replace needs only this browser's bookkeeping from the current workspace, read in
						// the write's own transaction
						progress('writing', 0);
						written = await rewriteWorkspace(database, (meta) => withChangeCount(replacementTables({ meta }, snapshot), () => 0), (fraction) =>
							progress('writing', fraction)
						);
					} else {
						progress('collecting', 0);
						const current = await snapshotTables(database);
						const revision = workspaceRevision(current.meta);
						// the person resolved the conflicts of the preview: if the workspace has changed
						// since (another tab), they must see the new differences before anything is merged
						if (previewRevision !== null && revision !== previewRevision) {
							post({ type: 'failed', requestId, kind: 'changed', ...snapshotMessage(CHANGED_SINCE_PREVIEW) });
							return;
						}
						progress('comparing', 0);
						const merged = withChangeCount(applyMerge(current, snapshot, request.resolutions), (previous) => previous + 1);
						progress('writing', 0);
						// and if it changes while the merge is computed, the write refuses rather than
						// overwrite that change with a merge of the older state
						written = await rewriteWorkspace(
							database,
							(meta) => (workspaceRevision(meta) === revision ? merged : changedSincePreview()),
							(fraction) => progress('writing', fraction)
						);
					}
					if (!written.ok) {
						const kind = written.error.code === CHANGED_SINCE_PREVIEW ? 'changed' : 'storage';
						post({ type: 'failed', requestId, kind, message: written.error.message, code: written.error.code, params: written.error.params });
						return;
					}
					previewRevision = null;
					post({ type: 'applied', requestId, result: { counts: written.counts } });
					return;
				}
			}
		} catch (error) {
			const text =
				error instanceof SnapshotEncodeError
					? { message: error.message, code: error.code, params: error.params }
					: snapshotMessage('snapshot.processingFailed', { detail: messageOf(error) });
			post({ type: 'failed', requestId, kind: 'crashed', ...text });
		}
	};
}

interface WorkerScope {
	onmessage: ((event: MessageEvent<SnapshotRequest>) => void) | null;
	postMessage(message: SnapshotResponse, transfer?: Transferable[]): void;
}

/** Wires the handler to a worker's global scope; the app's database opens on first use. */
export function startSnapshotWorker(scope: WorkerScope, deps: SnapshotWorkerDeps = { database: db }): void {
	const handle = createSnapshotHandler(deps);
	// one request at a time, in order: an apply must see the snapshot its open produced
	let queue = Promise.resolve();
	scope.onmessage = (event) => {
		const request = event.data;
		queue = queue.then(() => handle(request, (message, transfer) => scope.postMessage(message, transfer ?? [])));
	};
}

const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (workerScope && globalThis instanceof workerScope) startSnapshotWorker(globalThis as unknown as WorkerScope);
