/**
 * Snapshot files in the UI: save the workspace to a file, and open a file in one of three ways —
 * view it read-only (unpacked into a separate database; the person's own data is not touched),
 * replace the workspace with it, or merge it in with conflicts resolved by the person.
 * The heavy work (reading, checking, compressing) happens in the snapshot worker.
 */
import { db, openDatabase, setViewingSnapshot, viewingSnapshot, VIEW_DATABASE_NAME } from '$lib/db/database';
import { replaceAllTables } from '$lib/db/wipe';
import type { MergePreview, MergeResolutions, Side } from '$lib/snapshot/merge';
import { SnapshotClient, saveSnapshotFile, type SnapshotProgress } from '$lib/snapshot/snapshot-client';
import type { OpenedSnapshotInfo } from '$lib/snapshot/snapshot-protocol';
import { activity } from './activity.svelte';

export type OpenMode = 'choose' | 'view' | 'replace' | 'merge';

const PHASE_LABELS: Record<SnapshotProgress['phase'], string> = {
	collecting: 'Collecting the workspace',
	encoding: 'Encoding',
	hashing: 'Computing the checksum',
	compressing: 'Compressing',
	reading: 'Reading the file',
	inflating: 'Unpacking',
	validating: 'Checking the file',
	decoding: 'Decoding',
	comparing: 'Comparing with your data',
	writing: 'Saving'
};

export function isSnapshotFile(file: File): boolean {
	return /\.chorus(\.json)?(\.gz)?$/i.test(file.name) || /\.chorus\.json\.gz$/i.test(file.name);
}

class SnapshotUi {
	#client: SnapshotClient | null = null;
	busy = $state(false);
	progress = $state<SnapshotProgress | null>(null);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	/** The file being opened, once read and checked. */
	opened = $state.raw<OpenedSnapshotInfo | null>(null);
	#openedFile: File | null = null;
	mode = $state<OpenMode>('choose');
	mergePreview = $state.raw<MergePreview | null>(null);
	resolutions = $state<Record<string, Side>>({});
	readonly viewing = viewingSnapshot();

	get progressLabel(): string {
		return this.progress ? `${PHASE_LABELS[this.progress.phase]}…` : '';
	}

	#clientOrNew(): SnapshotClient {
		this.#client ??= new SnapshotClient();
		return this.#client;
	}

	async #run<T>(key: string, reason: string, work: () => Promise<T>): Promise<T> {
		this.busy = true;
		this.error = null;
		activity.start(key, reason);
		try {
			return await work();
		} finally {
			this.busy = false;
			this.progress = null;
			activity.end(key);
		}
	}

	async save(title?: string): Promise<boolean> {
		return this.#run('snapshot-save', 'common:activity.snapshotSave', async () => {
			const exported = await this.#clientOrNew().exportSnapshot({ title: title || undefined }, (progress) => (this.progress = progress));
			if (!exported.ok) {
				this.error = exported.message;
				return false;
			}
			await saveSnapshotFile(exported.result);
			this.notice = `Saved ${exported.result.fileName}.`;
			return true;
		});
	}

	async open(file: File): Promise<boolean> {
		this.close();
		return this.#run('snapshot-open', 'common:activity.snapshotOpen', async () => {
			const opened = await this.#clientOrNew().openSnapshot(file, { onProgress: (progress) => (this.progress = progress) });
			if (!opened.ok) {
				this.error = opened.message;
				return false;
			}
			this.opened = opened.result;
			this.#openedFile = file;
			this.mode = 'choose';
			return true;
		});
	}

	/** Unpacks the snapshot into its own database and reloads this tab to show it read-only. */
	async view(): Promise<void> {
		const file = this.#openedFile;
		const opened = this.opened;
		if (!file || !opened) return;
		await this.#run('snapshot-view', 'common:activity.snapshotView', async () => {
			// a fresh worker: the tables come back with the reply
			const reread = await this.#clientOrNew().openSnapshot(file, {
				includeTables: true,
				onProgress: (progress) => (this.progress = progress)
			});
			if (!reread.ok || !reread.result.tables) {
				this.error = reread.ok ? 'The snapshot could not be unpacked for viewing.' : reread.message;
				return;
			}
			const viewDatabase = openDatabase(VIEW_DATABASE_NAME);
			try {
				const written = await replaceAllTables(viewDatabase, reread.result.tables);
				if (!written.ok) {
					this.error = written.error.message;
					return;
				}
			} finally {
				viewDatabase.close();
			}
			setViewingSnapshot({
				fileName: opened.fileName,
				title: opened.head.title,
				author: opened.head.author,
				exportedAt: opened.head.exportedAt
			});
			location.reload();
		});
	}

	async leaveView(): Promise<void> {
		setViewingSnapshot(null);
		db().close();
		await new Promise<void>((resolve) => {
			const request = indexedDB.deleteDatabase(VIEW_DATABASE_NAME);
			request.onsuccess = request.onerror = request.onblocked = () => resolve();
		});
		location.reload();
	}

	async previewMerge(): Promise<void> {
		this.mode = 'merge';
		await this.#run('snapshot-merge', 'common:activity.snapshotCompare', async () => {
			const preview = await this.#clientOrNew().previewMerge((progress) => (this.progress = progress));
			if (!preview.ok) {
				this.error = preview.message;
				return;
			}
			this.mergePreview = preview.result;
			this.resolutions = Object.fromEntries(preview.result.conflicts.map((conflict) => [conflict.id, conflict.suggested]));
		});
	}

	async apply(mode: 'replace' | 'merge'): Promise<boolean> {
		return this.#run('snapshot-apply', mode === 'replace' ? 'common:activity.snapshotReplace' : 'common:activity.snapshotMerge', async () => {
			const resolutions: MergeResolutions = { ...this.resolutions };
			const applied = await this.#clientOrNew().apply(mode, resolutions, (progress) => (this.progress = progress));
			if (!applied.ok) {
				this.error = applied.message;
				return false;
			}
			this.notice =
				mode === 'replace'
					? `Your workspace is now the snapshot “${this.opened?.head.title ?? this.opened?.fileName}”.`
					: `Merged “${this.opened?.head.title ?? this.opened?.fileName}” into your workspace.`;
			this.close();
			return true;
		});
	}

	close() {
		this.opened = null;
		this.#openedFile = null;
		this.mergePreview = null;
		this.resolutions = {};
		this.mode = 'choose';
		this.#client?.dispose();
		this.#client = null;
	}
}

export const snapshots = new SnapshotUi();
