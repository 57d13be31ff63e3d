/**
 * The snapshot worker: saves the workspace to a snapshot file and opens one, off the main thread,
 * posting progress as it goes. It reads and writes IndexedDB itself, so a workspace of hundreds of
 * thousands of posts is never copied to the page. The last opened snapshot stays here until the
 * next one is opened, for the merge preview and for Replace / Merge. See snapshot-client.ts.
 */
import { db, type ChorusDatabase } from '../db/database';
import { exportAllTables, replaceAllTables } from '../db/wipe';
import type { MetaRecord, WorkspaceTables } from '../schemas/db-records';
import { SNAPSHOT_FILE_EXTENSION } from '../schemas/snapshot';
import { SnapshotEncodeError } from './codec';
import { applyMerge, diffForMerge, replacementTables } from './merge';
import { snapshotMessage, snapshotMessages } from './messages';
import { MAX_SNAPSHOT_BYTES, parseSnapshot, type OpenedSnapshot } from './parse';
import { serializeSnapshot } from './serialize';
import type { SnapshotPhase, SnapshotRequest, SnapshotResponse } from './snapshot-protocol';
import { summarize } from './summary';

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

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function createSnapshotHandler(deps: SnapshotWorkerDeps) {
	let opened: OpenedSnapshot | null = null;

	return async function handle(request: SnapshotRequest, post: Post): Promise<void> {
		const { requestId } = request;
		const progress = (phase: SnapshotPhase, fraction: number) => post({ type: 'progress', requestId, phase, fraction });
		try {
			switch (request.type) {
				case 'export': {
					progress('collecting', 0);
					const tables = await exportAllTables(deps.database());
					const bytes = await serializeSnapshot(
						tables,
						{ appVersion: request.appVersion, exportedAt: new Date(request.exportedAt), title: request.title, author: request.author },
						progress
					);
					post(
						{
							type: 'exported',
							requestId,
							result: { bytes, fileName: snapshotFileName(request.exportedAt, request.title), summary: summarize(tables) }
						},
						[bytes.buffer as ArrayBuffer]
					);
					return;
				}
				case 'open': {
					opened = null;
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
					const current = await exportAllTables(deps.database());
					progress('comparing', 0);
					post({ type: 'merge-preview', requestId, result: diffForMerge(current, opened.tables) });
					return;
				}
				case 'apply': {
					if (!opened) {
						post({ type: 'failed', requestId, kind: 'no-snapshot', ...snapshotMessage('snapshot.noSnapshotOpen') });
						return;
					}
					progress('collecting', 0);
					const database = deps.database();
					const current = await exportAllTables(database);
					progress('comparing', 0);
					const next =
						request.mode === 'replace'
							? withChangeCount(replacementTables(current, opened.tables), () => 0)
							: withChangeCount(applyMerge(current, opened.tables, request.resolutions), (previous) => previous + 1);
					progress('writing', 0);
					const written = await replaceAllTables(database, next);
					if (!written.ok) {
						post({ type: 'failed', requestId, kind: 'storage', message: written.error.message, code: written.error.code, params: written.error.params });
						return;
					}
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
