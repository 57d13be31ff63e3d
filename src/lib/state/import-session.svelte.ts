/**
 * One import, from drop to commit: read the files in a worker, plan against what is stored, let the
 * person choose accounts for files that carry none (or map unknown layouts), then commit the whole
 * confirmed batch in one transaction. Nothing is written before `confirm()`.
 */
import { db } from '$lib/db/database';
import { commitImport, type CommitResult } from '$lib/db/commit';
import { SvelteMap } from 'svelte/reactivity';
import { ImportPlanner, type ImportPlan, type PlannedItem } from '$lib/db/import-plan';
import { exportFamilySignature, type ImportItem } from '$lib/db/prepare';
import { listMappingPresets } from '$lib/db/queries';
import type { AccountRef, ParsedFile } from '$lib/domain/model';
import type { FileOutcome, ReadProgress } from '$lib/importers/pipeline';
import { mappingPresetSchema, type MappingPreset } from '$lib/schemas/mapping-preset';
import { parseInWorker } from '$lib/workers/parse-client';
import { latestEvery } from '$lib/workers/latest';
import { issueText } from '$lib/i18n/issues';
import { t } from '$lib/i18n/i18n.svelte';
import { activity } from './activity.svelte';

export type ImportPhase = 'idle' | 'reading' | 'preview' | 'committing' | 'done';

/**
 * How often the reading progress on screen is updated. The workers report several times per file
 * (over 2,000 reports for 500 files), and each report drawn at once was a Svelte update, a
 * translation and a layout on the main thread, competing with the workers for the cores
 * (docs/performance.md, "Import"). Four updates a second read as smooth progress.
 */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * What the person has typed or ticked in a file's account chooser and not yet answered with. Kept
 * in the session rather than in the chooser: the windowed preview takes a card down when it leaves
 * the screen (unless it holds the focus), and its chooser with it.
 */
export interface AccountDraft {
	handle: string;
	alsoForOthers: boolean;
}

const EMPTY_DRAFT: AccountDraft = Object.freeze({ handle: '', alsoForOthers: false });

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

/**
 * The import items of a drop, made again after every account choice but reusing each file's item
 * while its parsed file and chosen account are the same objects: the planner then finds the same
 * prepared item in its cache (prepare.ts), and only the file whose choice changed is new.
 */
class ItemsOfDrop {
	#previous = new Map<string, { parsed: ParsedFile; chosen: AccountRef | undefined; item: ImportItem }>();

	items(outcomes: readonly FileOutcome[], choices: Record<string, AccountRef>): ImportItem[] {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a memo of plain objects, never read by the UI
		const next = new Map<string, { parsed: ParsedFile; chosen: AccountRef | undefined; item: ImportItem }>();
		const items: ImportItem[] = [];
		outcomes.forEach((outcome, outcomeIndex) => {
			if (outcome.outcome !== 'parsed') return;
			for (const parsed of outcome.parsed) {
				const key = choiceKey(outcomeIndex, parsed.fileName);
				const chosen = choices[key];
				const before = this.#previous.get(key);
				const item =
					before && before.parsed === parsed && before.chosen === chosen
						? before.item
						: {
								parsed,
								fileName: parsed.fileName,
								size: parsed.size ?? outcome.size,
								// content hash for one logical file: the pipeline's per-entry hash, else the input file's
								sha256: parsed.sha256 ?? outcome.sha256,
								// a plain copy: the choice lives in $state (a proxy), and IndexedDB cannot clone proxies
								...(chosen ? { accountOverride: { ...chosen } } : {})
							};
				next.set(key, { parsed, chosen, item });
				items.push(item);
			}
		});
		this.#previous = next;
		return items;
	}
}

export class ImportSession {
	phase = $state<ImportPhase>('idle');
	progress = $state<ImportProgress | null>(null);
	outcomes = $state.raw<FileOutcome[]>([]);
	plan = $state.raw<ImportPlan | null>(null);
	accountChoices = $state<Record<string, AccountRef>>({});
	/** Drafts of the account choosers by choiceKey (AccountDraft); a file with none has an empty one. */
	#accountDrafts = new SvelteMap<string, AccountDraft>();
	result = $state.raw<CommitResult | null>(null);
	/** Worded when read, so a message on screen follows a language switch. */
	#error = $state.raw<(() => string) | null>(null);
	#files: File[] = [];
	#abort: AbortController | null = null;
	/** Plans this batch, and after each choice only what the choice changes (import-plan.ts). */
	#planner: ImportPlanner | null = null;
	/** Counts plan requests: a plan that finishes after a newer one was asked for is not shown. */
	#planRequests = 0;

	#itemsOfDrop = new ItemsOfDrop();
	items = $derived(this.#itemsOfDrop.items(this.outcomes, this.accountChoices));
	/** The choiceKey of each logical file, in the order the plan lists the items. */
	#keys = $derived(
		this.outcomes.flatMap((outcome, index) => (outcome.outcome === 'parsed' ? outcome.parsed.map((parsed) => choiceKey(index, parsed.fileName)) : []))
	);
	/**
	 * The plan of each logical file by its choiceKey, kept per key: after an account choice the planner
	 * keeps every other file's planned item (the same object), so only the cards whose plan changed are
	 * told. A plain map rebuilt per plan made every card of a thousand check itself after each choice
	 * (docs/performance.md, "Import").
	 */
	#plannedByKey = new SvelteMap<string, PlannedItem>();

	plannedFor(key: string) {
		return this.#plannedByKey.get(key);
	}

	#showPlan(plan: ImportPlan | null) {
		this.plan = plan;
		const keys = this.#keys;
		const planned = plan?.items ?? [];
		if (planned.length !== keys.length) {
			this.#plannedByKey.clear();
			return;
		}
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup made and dropped here
		const current = new Set(keys);
		for (const key of [...this.#plannedByKey.keys()]) if (!current.has(key)) this.#plannedByKey.delete(key);
		keys.forEach((key, position) => {
			if (this.#plannedByKey.get(key) !== planned[position]) this.#plannedByKey.set(key, planned[position]);
		});
	}

	/** Files still waiting for an account, by export family (exportFamilySignature), in batch order. */
	#waitingByFamily = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole on each change, never mutated
		const waiting = new Map<string, string[]>();
		this.outcomes.forEach((outcome, index) => {
			if (outcome.outcome !== 'parsed') return;
			for (const parsed of outcome.parsed) {
				const key = choiceKey(index, parsed.fileName);
				if (this.accountChoices[key] || this.#plannedByKey.get(key)?.status !== 'needs-account') continue;
				const family = `${parsed.platform}|${exportFamilySignature(parsed.fileName, parsed.platform)}`;
				const keys = waiting.get(family) ?? [];
				keys.push(key);
				waiting.set(family, keys);
			}
		});
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole on each change, never mutated
		const byKey = new Map<string, string[]>();
		for (const keys of waiting.values()) for (const key of keys) byKey.set(key, keys);
		return byKey;
	});

	/**
	 * The other files of the same export family (the same page's or account's downloads) that still
	 * wait for an account: one answer can go to all of them when the person says so.
	 */
	othersWaitingLike(key: string): string[] {
		return (this.#waitingByFamily.get(key) ?? []).filter((other) => other !== key);
	}

	/** How many `othersWaitingLike(key)` there are, without listing them: every card asks after each choice. */
	othersWaitingCount(key: string): number {
		const family = this.#waitingByFamily.get(key);
		return family ? family.length - 1 : 0;
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
		const progress = latestEvery<ImportProgress>(PROGRESS_INTERVAL_MS, (latest) => (this.progress = latest));
		try {
			const outcomes = await parseInWorker(files, {
				presets: await loadPresets(),
				signal: this.#abort.signal,
				onProgress: (latest) => progress.push(latest)
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
			progress.cancel();
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
		const request = ++this.#planRequests;
		this.#planner ??= new ImportPlanner(db());
		const plan = items.length > 0 ? await this.#planner.plan(items) : null;
		if (request !== this.#planRequests) return;
		this.#showPlan(plan);
		performance.mark('chorus:import:planned');
	}

	accountDraft(key: string): AccountDraft {
		return this.#accountDrafts.get(key) ?? EMPTY_DRAFT;
	}

	setAccountDraft(key: string, draft: AccountDraft) {
		this.#accountDrafts.set(key, { handle: draft.handle, alsoForOthers: draft.alsoForOthers });
	}

	/** `alsoForFamily`: the same account for the other files of this export family still waiting for one. */
	async chooseAccount(key: string, account: AccountRef | null, alsoForFamily = false) {
		if (account) {
			const keys = alsoForFamily ? [key, ...this.othersWaitingLike(key)] : [key];
			for (const chosen of keys) this.accountChoices[chosen] = { ...account };
		} else delete this.accountChoices[key];
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
		this.#planner = null;
		this.#planRequests++;
		this.phase = 'idle';
		this.progress = null;
		this.outcomes = [];
		this.#showPlan(null);
		this.accountChoices = {};
		this.#accountDrafts.clear();
		this.result = null;
		this.#error = null;
	}
}
