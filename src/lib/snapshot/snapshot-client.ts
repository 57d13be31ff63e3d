/**
 * Page side of the snapshot worker: save the workspace to a file, open a file, preview a merge,
 * then Replace or Merge, each with progress and never on the main thread. Results are data:
 * `{ ok: true, result }` or `{ ok: false, kind, message }` with a message to show as it is.
 *
 * ## Usage
 * ```ts
 * const snapshots = new SnapshotClient();
 * const saved = await snapshots.exportSnapshot({ title: 'Q3 review' }, (p) => (progress = p));
 * if (saved.ok) await saveSnapshotFile(saved.result);
 *
 * const opened = await snapshots.openSnapshot(file, { onProgress: (p) => (progress = p) });
 * if (opened.ok) {
 *   const preview = await snapshots.previewMerge();          // conflicts for a person to resolve
 *   await snapshots.apply('merge', { 'decision:x:acme': 'snapshot' });
 * }
 * ```
 */
import { db } from '../db/database';
import { markSnapshotExported } from '../db/meta';
import { downloadFile } from '../state/download';
import type { SnapshotFailureKind } from './messages';
import type { MergePreview, MergeResolutions } from './merge';
import type {
	ApplyOutcome,
	ExportedSnapshot,
	OpenedSnapshotInfo,
	SnapshotPhase,
	SnapshotRequest,
	SnapshotResponse
} from './snapshot-protocol';
import type { CodedMessage } from '../domain/coded-message';
import { snapshotMessage } from './messages';

export interface SnapshotProgress {
	phase: SnapshotPhase;
	/** 0..1 within the phase. */
	fraction: number;
}

/** `message` is English; `code` and `params` word it in the active language (issueText). */
export type SnapshotFailure = {
	ok: false;
	kind: SnapshotFailureKind | 'storage' | 'no-snapshot' | 'changed' | 'crashed';
} & CodedMessage;
export type SnapshotResult<T> = { ok: true; result: T } | SnapshotFailure;

/** The part of `Worker` the client uses (tests pass a fake). */
export interface SnapshotWorker {
	postMessage(message: SnapshotRequest): void;
	terminate(): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<SnapshotResponse>) => void): void;
	addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
	addEventListener(type: 'messageerror', listener: (event: MessageEvent) => void): void;
}

export function createSnapshotWorker(): SnapshotWorker {
	return new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module' }) as SnapshotWorker;
}

interface Pending {
	settle: (response: SnapshotResponse | SnapshotFailure) => void;
	onProgress?: (progress: SnapshotProgress) => void;
}

type Distribute<T> = T extends { type: infer K } ? (K extends string ? Omit<T, 'requestId'> : never) : never;
type RequestBody = Distribute<SnapshotRequest>;

export class SnapshotClient {
	readonly #createWorker: () => SnapshotWorker;
	#worker: SnapshotWorker | null = null;
	#nextId = 1;
	readonly #pending = new Map<number, Pending>();

	constructor(createWorker: () => SnapshotWorker = createSnapshotWorker) {
		this.#createWorker = createWorker;
	}

	#stop(message: CodedMessage): void {
		this.#worker?.terminate();
		this.#worker = null;
		const failure: SnapshotFailure = { ok: false, kind: 'crashed', ...message };
		for (const pending of this.#pending.values()) pending.settle(failure);
		this.#pending.clear();
	}

	/** `detail`: the browser's own words, or a `snapshot.worker*` message when it gave none. */
	#crash(detail: CodedMessage): void {
		this.#stop(snapshotMessage('snapshot.workerStopped', { detail }));
	}

	#ensureWorker(): SnapshotWorker {
		if (this.#worker) return this.#worker;
		const worker = this.#createWorker();
		worker.addEventListener('message', (event) => {
			const message = event.data;
			const pending = this.#pending.get(message.requestId);
			if (!pending) return;
			if (message.type === 'progress') {
				pending.onProgress?.({ phase: message.phase, fraction: message.fraction });
				return;
			}
			this.#pending.delete(message.requestId);
			pending.settle(message);
		});
		worker.addEventListener('error', (event) => {
			event.preventDefault?.();
			this.#crash(event.message ? { message: event.message } : snapshotMessage('snapshot.workerNoDetails'));
		});
		worker.addEventListener('messageerror', () => this.#crash(snapshotMessage('snapshot.workerUnreadableMessage')));
		this.#worker = worker;
		return worker;
	}

	#send(body: RequestBody, onProgress?: (progress: SnapshotProgress) => void): Promise<SnapshotResponse | SnapshotFailure> {
		return new Promise((resolve) => {
			let worker: SnapshotWorker;
			try {
				worker = this.#ensureWorker();
			} catch (error) {
				const detail = error instanceof Error ? error.message : String(error);
				resolve({ ok: false, kind: 'crashed', ...snapshotMessage('snapshot.workerNotStarted', { detail }) });
				return;
			}
			const requestId = this.#nextId++;
			this.#pending.set(requestId, { settle: resolve, onProgress });
			worker.postMessage({ ...body, requestId } as SnapshotRequest);
		});
	}

	async #request<T>(
		body: RequestBody,
		expected: SnapshotResponse['type'],
		onProgress?: (progress: SnapshotProgress) => void
	): Promise<SnapshotResult<T>> {
		const response = await this.#send(body, onProgress);
		if ('ok' in response) return response;
		if (response.type === 'failed') return { ok: false, kind: response.kind, message: response.message, code: response.code, params: response.params };
		if (response.type !== expected) {
			return { ok: false, kind: 'crashed', ...snapshotMessage('snapshot.wrongAnswer', { answer: response.type, expected }) };
		}
		return { ok: true, result: (response as unknown as { result: T }).result };
	}

	/** Serialises the stored workspace into snapshot bytes (in the worker, which reads storage itself). */
	exportSnapshot(
		options: { title?: string; author?: string; appVersion?: string; now?: Date } = {},
		onProgress?: (progress: SnapshotProgress) => void
	): Promise<SnapshotResult<ExportedSnapshot>> {
		return this.#request(
			{
				type: 'export',
				appVersion: options.appVersion ?? __APP_VERSION__,
				exportedAt: (options.now ?? new Date()).getTime(),
				title: options.title,
				author: options.author
			},
			'exported',
			onProgress
		);
	}

	/** Reads and checks a snapshot file; nothing is stored yet. `includeTables` for a read-only view. */
	openSnapshot(
		file: File,
		options: { includeTables?: boolean; onProgress?: (progress: SnapshotProgress) => void } = {}
	): Promise<SnapshotResult<OpenedSnapshotInfo>> {
		return this.#request(
			{ type: 'open', file, fileName: file.name, includeTables: options.includeTables ?? false },
			'opened',
			options.onProgress
		);
	}

	/** What merging the opened snapshot into the stored workspace would do, conflicts included. */
	previewMerge(onProgress?: (progress: SnapshotProgress) => void): Promise<SnapshotResult<MergePreview>> {
		return this.#request({ type: 'preview-merge' }, 'merge-preview', onProgress);
	}

	/** Replaces the workspace with the opened snapshot, or merges it in with the given resolutions. */
	apply(
		mode: 'replace' | 'merge',
		resolutions: MergeResolutions = {},
		onProgress?: (progress: SnapshotProgress) => void
	): Promise<SnapshotResult<ApplyOutcome>> {
		return this.#request({ type: 'apply', mode, resolutions }, 'applied', onProgress);
	}

	/** Stops the worker; the next request starts a fresh one (without the opened snapshot). */
	dispose(): void {
		this.#stop(snapshotMessage('snapshot.cancelled'));
	}
}

export const SNAPSHOT_MIME_TYPE = 'application/gzip';

/** Offers the exported bytes as a download and records that the workspace was saved. */
export async function saveSnapshotFile(exported: ExportedSnapshot, now: Date = new Date()): Promise<void> {
	downloadFile(exported.fileName, exported.bytes as Uint8Array<ArrayBuffer>, SNAPSHOT_MIME_TYPE);
	await markSnapshotExported(db(), now);
}
