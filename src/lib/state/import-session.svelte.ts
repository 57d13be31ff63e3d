/**
 * One import, from drop to commit: read the files in a worker, plan against what is stored, let the
 * person choose accounts for files that carry none (or map unknown layouts), then commit the whole
 * confirmed batch in one transaction. Nothing is written before `confirm()`.
 */
import { db } from '$lib/db/database';
import { commitImport, type CommitResult } from '$lib/db/commit';
import { planImport, type ImportPlan } from '$lib/db/import-plan';
import type { ImportItem } from '$lib/db/prepare';
import { listMappingPresets } from '$lib/db/queries';
import type { AccountRef } from '$lib/domain/model';
import type { FileOutcome, ReadProgress } from '$lib/importers/pipeline';
import { mappingPresetSchema, type MappingPreset } from '$lib/schemas/mapping-preset';
import { parseInWorker } from '$lib/workers/parse-client';
import { issueText } from '$lib/i18n/issues';
import { t } from '$lib/i18n/i18n.svelte';
import { activity } from './activity.svelte';

export type ImportPhase = 'idle' | 'reading' | 'preview' | 'committing' | 'done';

export interface ImportProgress extends ReadProgress {
	fileIndex: number;
	fileCount: number;
}

async function loadPresets(): Promise<MappingPreset[]> {
	const stored = await listMappingPresets(db());
	// presets come back from storage: keep only the valid ones
	return stored.flatMap((record) => {
		const parsed = mappingPresetSchema.safeParse(record);
		return parsed.success ? [parsed.data] : [];
	});
}

/**
 * Which logical file of the drop a choice is for. Not the name alone: Facebook and Instagram both
 * write `Follows.csv`, and a drop of both must let each have its own account.
 */
export function choiceKey(outcomeIndex: number, fileName: string): string {
	return `${outcomeIndex}/${fileName}`;
}

/** Content hash for one logical file: the pipeline's per-entry hash, else the input file's. */
function itemsOf(outcome: FileOutcome, outcomeIndex: number, overrides: Record<string, AccountRef>): ImportItem[] {
	if (outcome.outcome !== 'parsed') return [];
	return outcome.parsed.map((parsed) => {
		const chosen = overrides[choiceKey(outcomeIndex, parsed.fileName)];
		return {
			parsed,
			fileName: parsed.fileName,
			size: parsed.size ?? outcome.size,
			sha256: parsed.sha256 ?? outcome.sha256,
			// a plain copy: the choice lives in $state (a proxy), and IndexedDB cannot clone proxies
			...(chosen ? { accountOverride: { ...chosen } } : {})
		};
	});
}

export class ImportSession {
	phase = $state<ImportPhase>('idle');
	progress = $state<ImportProgress | null>(null);
	outcomes = $state.raw<FileOutcome[]>([]);
	plan = $state.raw<ImportPlan | null>(null);
	accountChoices = $state<Record<string, AccountRef>>({});
	result = $state.raw<CommitResult | null>(null);
	/** Worded when read, so a message on screen follows a language switch. */
	#error = $state.raw<(() => string) | null>(null);
	#files: File[] = [];
	#abort: AbortController | null = null;

	items = $derived(this.outcomes.flatMap((outcome, index) => itemsOf(outcome, index, this.accountChoices)));
	/** The plan of each logical file by its choiceKey: the plan lists the items in their order. */
	#plannedByKey = $derived.by(() => {
		const planned = this.plan?.items ?? [];
		const keys = this.outcomes.flatMap((outcome, index) => (outcome.outcome === 'parsed' ? outcome.parsed.map((parsed) => choiceKey(index, parsed.fileName)) : []));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole on each change, never mutated
		return new Map(planned.length === keys.length ? keys.map((key, position) => [key, planned[position]]) : []);
	});

	plannedFor(key: string) {
		return this.#plannedByKey.get(key);
	}

	get error(): string | null {
		return this.#error?.() ?? null;
	}

	async read(files: File[]) {
		this.reset();
		this.#files = files;
		this.phase = 'reading';
		performance.mark('chorus:import:read');
		this.#abort = new AbortController();
		activity.start('import', 'common:activity.import');
		try {
			const outcomes = await parseInWorker(files, {
				presets: await loadPresets(),
				signal: this.#abort.signal,
				onProgress: (progress) => (this.progress = progress)
			});
			performance.mark('chorus:import:parsed');
			this.outcomes = outcomes;
			await this.replan();
			this.phase = 'preview';
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') this.reset();
			else {
				const reason = error instanceof Error ? error.message : String(error);
				this.#error = () => t('import:error.read', { reason });
				this.phase = 'idle';
			}
		} finally {
			this.#abort = null;
			activity.end('import');
		}
	}

	/** Re-reads one file after a mapping was saved, so it is recognised with the new preset. */
	async rereadWithPresets() {
		if (this.#files.length > 0) await this.read(this.#files);
	}

	async replan() {
		const items = this.items;
		this.plan = items.length > 0 ? await planImport(db(), items) : null;
		performance.mark('chorus:import:planned');
	}

	async chooseAccount(key: string, account: AccountRef | null) {
		if (account) this.accountChoices[key] = account;
		else delete this.accountChoices[key];
		await this.replan();
	}

	cancelReading() {
		this.#abort?.abort();
	}

	async confirm(): Promise<boolean> {
		if (!this.plan?.canCommit) return false;
		this.phase = 'committing';
		activity.start('import', 'common:activity.import');
		try {
			// boundaries for the benchmark (bench/run.mjs) and for anyone profiling an import
			performance.mark('chorus:import:commit');
			const result = await commitImport(db(), this.items);
			performance.mark('chorus:import:committed');
			this.result = result;
			if (!result.ok) {
				const failure = result.error;
				this.#error = () => issueText(failure);
				this.phase = 'preview';
				return false;
			}
			this.phase = 'done';
			return true;
		} finally {
			activity.end('import');
		}
	}

	reset() {
		this.phase = 'idle';
		this.progress = null;
		this.outcomes = [];
		this.plan = null;
		this.accountChoices = {};
		this.result = null;
		this.#error = null;
	}
}
