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
import { issueText, type CodedMessage } from '$lib/i18n/issues';
import { t } from '$lib/i18n/i18n.svelte';
import { activity } from './activity.svelte';

export type OpenMode = 'choose' | 'view' | 'replace' | 'merge';

type SnapshotPhase = SnapshotProgress['phase'];

/** Every phase the worker reports: a Record, so a new phase fails the type check until it is listed (and worded). */
const PHASES: Record<SnapshotPhase, true> = {
	collecting: true,
	encoding: true,
	hashing: true,
	compressing: true,
	reading: true,
	inflating: true,
	validating: true,
	decoding: true,
	comparing: true,
	writing: true
};
export const SNAPSHOT_PHASES = Object.keys(PHASES) as SnapshotPhase[];

/** What the snapshot worker is doing, in the active language (snapshot:phase.<phase>). */
export function phaseLabel(phase: SnapshotPhase): string {
	return t(`snapshot:phase.${phase}`);
}

/**
 * The phases each operation goes through, in order, so that the bar can show how far the whole
 * operation is: a phase's share is equal (their real costs vary with the workspace), and within a
 * phase the worker reports its own fraction (bytes compressed, inflated, records written).
 */
const OPERATION_PHASES: Record<string, readonly SnapshotPhase[]> = {
	'snapshot-save': ['collecting', 'encoding', 'hashing', 'compressing'],
	'snapshot-open': ['reading', 'inflating', 'validating', 'decoding'],
	'snapshot-view': ['reading', 'inflating', 'validating', 'decoding'],
	'snapshot-merge': ['collecting', 'comparing'],
	'snapshot-apply': ['collecting', 'comparing', 'writing'],
	// Replace reads nothing but this browser's bookkeeping, inside its write
	'snapshot-replace': ['writing']
};

/** 0..1 through the whole operation, or null when the phase is not one the operation lists. */
export function operationFraction(operation: string, progress: SnapshotProgress): number | null {
	const phases = OPERATION_PHASES[operation];
	const index = phases?.indexOf(progress.phase) ?? -1;
	if (index < 0) return null;
	return (index + Math.min(1, Math.max(0, progress.fraction))) / phases.length;
}

/** Words made when read, so a notice or an error on screen follows a language switch. */
type Text = () => string;
const coded = (failure: CodedMessage): Text => () => issueText(failure);

export function isSnapshotFile(file: File): boolean {
	return /\.chorus(\.json)?(\.gz)?$/i.test(file.name) || /\.chorus\.json\.gz$/i.test(file.name);
}

class SnapshotUi {
	#client: SnapshotClient | null = null;
	busy = $state(false);
	progress = $state<SnapshotProgress | null>(null);
	#operation = $state<string | null>(null);
	#error = $state.raw<Text | null>(null);
	#notice = $state.raw<Text | null>(null);
	/** The file being opened, once read and checked. */
	opened = $state.raw<OpenedSnapshotInfo | null>(null);
	#openedFile: File | null = null;
	mode = $state<OpenMode>('choose');
	mergePreview = $state.raw<MergePreview | null>(null);
	resolutions = $state<Record<string, Side>>({});
	readonly viewing = viewingSnapshot();

	/** How far the running operation is, 0..1 (null: nothing running, or no measure of it). */
	get progressFraction(): number | null {
		return this.progress && this.#operation ? operationFraction(this.#operation, this.progress) : null;
	}

	get progressLabel(): string {
		return this.progress ? t('snapshot:progress', { phase: phaseLabel(this.progress.phase) }) : '';
	}

	get error(): string | null {
		return this.#error?.() ?? null;
	}

	get notice(): string | null {
		return this.#notice?.() ?? null;
	}

	#clientOrNew(): SnapshotClient {
		this.#client ??= new SnapshotClient();
		return this.#client;
	}

	async #run<T>(key: string, reason: string, work: () => Promise<T>): Promise<T> {
		this.busy = true;
		this.#operation = key;
		this.#error = null;
		activity.start(key, reason);
		try {
			return await work();
		} finally {
			this.busy = false;
			this.progress = null;
			this.#operation = null;
			activity.end(key);
		}
	}

	async save(title?: string): Promise<boolean> {
		return this.#run('snapshot-save', 'common:activity.snapshotSave', async () => {
			const exported = await this.#clientOrNew().exportSnapshot({ title: title || undefined }, (progress) => (this.progress = progress));
			if (!exported.ok) {
				this.#error = coded(exported);
				return false;
			}
			await saveSnapshotFile(exported.result);
			const fileName = exported.result.fileName;
			this.#notice = () => t('snapshot:notice.saved', { file: fileName });
			return true;
		});
	}

	/**
	 * Where keyboard focus goes when the dialog closes. The control that opened the file is
	 * disabled while it is read, which drops its focus, so the dialog cannot take it from
	 * document.activeElement.
	 */
	returnFocus: HTMLElement | null = null;

	async open(file: File, returnFocus: HTMLElement | null = null): Promise<boolean> {
		this.close();
		this.returnFocus = returnFocus;
		return this.#run('snapshot-open', 'common:activity.snapshotOpen', async () => {
			const opened = await this.#clientOrNew().openSnapshot(file, { onProgress: (progress) => (this.progress = progress) });
			if (!opened.ok) {
				this.#error = coded(opened);
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
				this.#error = reread.ok ? () => t('snapshot:error.unpack') : coded(reread);
				return;
			}
			const viewDatabase = openDatabase(VIEW_DATABASE_NAME);
			try {
				const written = await replaceAllTables(viewDatabase, reread.result.tables);
				if (!written.ok) {
					this.#error = coded(written.error);
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
				this.#error = coded(preview);
				return;
			}
			this.mergePreview = preview.result;
			this.resolutions = Object.fromEntries(preview.result.conflicts.map((conflict) => [conflict.id, conflict.suggested]));
		});
	}

	async apply(mode: 'replace' | 'merge'): Promise<boolean> {
		const key = mode === 'replace' ? 'snapshot-replace' : 'snapshot-apply';
		return this.#run(key, mode === 'replace' ? 'common:activity.snapshotReplace' : 'common:activity.snapshotMerge', async () => {
			const resolutions: MergeResolutions = { ...this.resolutions };
			const applied = await this.#clientOrNew().apply(mode, resolutions, (progress) => (this.progress = progress));
			if (!applied.ok) {
				this.#error = coded(applied);
				if (applied.kind === 'changed') {
					// the preview no longer describes the workspace: back to the choice, to compare again
					this.mergePreview = null;
					this.resolutions = {};
					this.mode = 'choose';
				}
				return false;
			}
			const name = this.opened?.head.title ?? this.opened?.fileName ?? '';
			this.#notice = mode === 'replace' ? () => t('snapshot:notice.replaced', { name }) : () => t('snapshot:notice.merged', { name });
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
