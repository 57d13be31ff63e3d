/**
 * What a batch of parsed files would do to the workspace, computed without writing: the preview the
 * person confirms before anything is saved. Overlaps are counted against the merged year records
 * (one bulk read), and files later in the batch are counted as if the earlier ones were already in,
 * exactly as commit will apply them.
 */
import { DuplicateFinder, lookupKeys, type DuplicateVerdict } from './dedupe';
import type { DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, Platform, RowIssue } from '../domain/model';
import type { IndexableType } from 'dexie';
import type { AccountRecord, ImportRecord, MetaValue } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import type { PostTally, SlotTally } from './merge';
import { getMeta } from './meta';
import { isEmptyItem, needsAccount, prepareItem, type ImportItem, type PreparedItem, type PreparedLayer } from './prepare';
import { MergeSession, type KnownMissing } from './session';
import { TimeSlicer } from './slices';
import { messageMaker, type MessageParam, type TemplateTable } from '../domain/coded-message';

export interface PlannedAccount {
	id: string;
	ref: AccountRef;
	/** `new`: this batch creates it; `existing`: already in the inventory. */
	status: 'new' | 'existing';
	name: string;
}

export interface MetricPlan {
	accountId: string;
	metric: MetricKey;
	firstDay: DayNumber;
	lastDay: DayNumber;
	/** Days this file has a value for. */
	days: number;
	/** Days nothing is stored for yet. */
	newDays: number;
	/** Days already stored (from an earlier import or an earlier file of this batch). */
	overlapDays: number;
	/** Overlapping days where this file is the newer export and its value differs: the stored value changes. */
	changedDays: number;
	/** Overlapping days where the stored value comes from a newer export and stays, though this file differs. */
	keptDays: number;
}

export interface PostPlan {
	total: number;
	new: number;
	/** Stored posts this file's newer version would replace (lifetime metrics updated). */
	updated: number;
	/** Posts stored from a newer export, which stay as they are. */
	kept: number;
}

interface PlannedItemBase {
	fileName: string;
	sha256: string;
	/** English; `code` and `params` word it in the active language (issueText). */
	message: string;
	code?: string;
	params?: Record<string, MessageParam>;
}

export interface DuplicatePlan extends PlannedItemBase {
	status: 'duplicate';
	/** The stored import with the same content, or null when the duplicate is earlier in this batch. */
	existingImportId: number | null;
	importedAt: string | null;
}

export interface EmptyPlan extends PlannedItemBase {
	status: 'empty';
	issues: RowIssue[];
}

export interface DataPlan extends PlannedItemBase {
	/** `needs-account`: some data names no account; choose one (accountOverride) before saving. */
	status: 'ready' | 'needs-account';
	format: string;
	formatLabel: string;
	platform: Platform;
	accounts: PlannedAccount[];
	unresolved: { series: number; posts: number; breakdowns: number };
	/** The account chosen last time for a file of this kind, to pre-select. */
	rememberedAccount: AccountRef | null;
	signature: string;
	firstDay: DayNumber | null;
	lastDay: DayNumber | null;
	coversUntil: DayNumber | null;
	rowCount: number;
	seriesPoints: number;
	metrics: MetricPlan[];
	posts: PostPlan;
	breakdowns: number;
	issues: RowIssue[];
	errorCount: number;
	warningCount: number;
}

export type PlannedItem = DuplicatePlan | EmptyPlan | DataPlan;

export interface ImportPlan {
	items: PlannedItem[];
	/** Accounts the batch would create, once each. */
	newAccounts: PlannedAccount[];
	/** True when there is something to save and no file still needs an account chosen (commit would refuse). */
	canCommit: boolean;
	totals: {
		files: number;
		toImport: number;
		duplicates: number;
		empty: number;
		needsAccount: number;
		seriesPoints: number;
		newDays: number;
		overlapDays: number;
		changedDays: number;
		postsNew: number;
		postsUpdated: number;
		breakdowns: number;
	};
}

/** Local calendar date of an ISO timestamp, as the person saw the day they imported. */
export function localDateOf(iso: string): string {
	const date = new Date(iso);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The English catalogue's `plan.*` messages: what the preview says about each file before saving. */
export const PLAN_MESSAGES = {
	'plan.duplicate': 'Already imported on {{day}} (as “{{name}}”): nothing to do.',
	'plan.batchDuplicate': 'The same file is already in this batch (“{{name}}”): it is saved once.',
	'plan.empty': 'This file holds no data Chorus can store: nothing to import.',
	'plan.needsAccount': 'This file does not say which account it belongs to: choose the account before importing.',
	'plan.ready': 'Ready to import.'
} as const satisfies TemplateTable;

export const planMessage = messageMaker(PLAN_MESSAGES);

export function duplicateMessage(existing: Pick<ImportRecord, 'importedAt' | 'fileName'>) {
	return planMessage('plan.duplicate', { day: localDateOf(existing.importedAt), name: existing.fileName });
}

export function batchDuplicateMessage(firstFileName: string) {
	return planMessage('plan.batchDuplicate', { name: firstFileName });
}

export const EMPTY_FILE_MESSAGE = planMessage('plan.empty');

function accountName(ref: AccountRef, stored: AccountRecord | undefined): string {
	return stored?.displayName || ref.displayName || ref.handle || ref.externalId || '';
}

/** A full plan of the batch: what the preview shows the first time. */
export async function planImport(database: ChorusDatabase, items: readonly ImportItem[]): Promise<ImportPlan> {
	return new ImportPlanner(database).plan(items);
}

type Verdict = 'duplicate' | 'empty' | 'data';

/** What the planner keeps of one file between two plans of the same batch. */
interface FileState {
	prepared: PreparedItem;
	verdict: Verdict;
	copy: DuplicateVerdict;
	/** Data files: one entry per prepared layer, in the layers' order. */
	metrics: MetricPlan[];
	/** Data files: what the file's posts do, per account. */
	posts: Map<string, PostTally>;
	plan: PlannedItem;
}

interface PlannerMemory {
	files: FileState[];
	/** Stored imports by every key looked up so far (null: nothing stored under it). */
	storedImports: Map<string, ImportRecord | null>;
	storedAccounts: Map<string, AccountRecord | null>;
	known: PlannerKnowledge;
}

/**
 * What the planner read once and does not read again for the same drop: merged records found
 * empty, the stored imports' content keys, the last stored import's id, the remembered account
 * choices. A plan is a preview: were another tab to store something meanwhile, commit reads and
 * checks everything again.
 */
interface PlannerKnowledge extends KnownMissing {
	/** undefined: not read yet; null: no import stored. */
	lastId: IndexableType | null | undefined;
	resolutions: MetaValue<'accountResolutions'> | undefined;
	/** Every stored import's content key (`sha256`), to know a key is absent without reading it. */
	importKeys: Set<string> | undefined;
}

/** Same content and same accounts: prepareItem hands back the same parts for the same file and choice. */
function samePrepared(a: PreparedItem, b: PreparedItem): boolean {
	return (
		a === b ||
		(a.item.parsed === b.item.parsed &&
			a.item.fileName === b.item.fileName &&
			a.contentKey === b.contentKey &&
			a.accounts === b.accounts &&
			a.layers === b.layers &&
			a.posts === b.posts &&
			a.breakdowns === b.breakdowns &&
			a.unresolved === b.unresolved &&
			a.issues === b.issues &&
			a.lastDay === b.lastDay)
	);
}

function sameRef(a: AccountRef | null, b: AccountRef | null): boolean {
	if (a === null || b === null) return a === b;
	return a.platform === b.platform && a.handle === b.handle && a.displayName === b.displayName && a.externalId === b.externalId;
}

/**
 * Plans a batch, and plans it again after each account choice without redoing what the choice
 * cannot change.
 *
 * What one file's figures depend on: the stored records of its accounts, and the files before it in
 * the batch that bring data for the same accounts (merging is per account × metric × day, and per
 * account for posts; the ranks that decide a contested slot are those of the imports that wrote
 * it). Whether it is a duplicate depends on the files with the same content. So after a choice the
 * planner finds the files whose preparation or duplicate verdict changed, marks every account they
 * had or now have as dirty, and simulates again only the layers and posts of dirty accounts, for
 * every file; the figures of clean accounts are kept. A file none of whose accounts is dirty keeps
 * its planned item as it was (the same object, so the preview does not redraw its card). The result
 * equals a full plan (import-plan.test.ts checks this).
 *
 * Stored data is read once per key: imports by content key, accounts by id. A plan is a preview;
 * commit reads and checks everything again in its own transaction.
 *
 * The work is cut into slices (slices.ts), so a plan of a thousand files never holds the main
 * thread for long. Plans run one after the other; the memory always describes the last one.
 */
export class ImportPlanner {
	readonly #database: ChorusDatabase;
	#memory: PlannerMemory | null = null;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(database: ChorusDatabase) {
		this.#database = database;
	}

	plan(items: readonly ImportItem[]): Promise<ImportPlan> {
		const run = this.#queue.then(() => this.#plan(items));
		this.#queue = run.catch(() => {
			// a failed plan leaves no memory: the next one starts from scratch
			this.#memory = null;
		});
		return run;
	}

	async #plan(items: readonly ImportItem[]): Promise<ImportPlan> {
		const database = this.#database;
		const slicer = new TimeSlicer();
		const prepared: PreparedItem[] = [];
		for (const item of items) {
			prepared.push(prepareItem(item));
			await slicer.maybeYield();
		}
		const memory = this.#memory;
		const previous = memory && memory.files.length === prepared.length ? memory.files : null;
		const storedImports = memory?.storedImports ?? new Map<string, ImportRecord | null>();
		const storedAccounts = memory?.storedAccounts ?? new Map<string, AccountRecord | null>();
		// forget it while this plan runs: if it fails half way, the next plan starts from scratch
		this.#memory = null;

		const known: PlannerKnowledge = memory?.known ?? { series: new Set(), postAccounts: new Set(), seriesKeysOf: new Map(), lastId: undefined, resolutions: undefined, importKeys: undefined };

		/** Each file's verdict, and what must be simulated again: needs the stored imports of every key. */
		const decide = () => {
			const duplicates = new DuplicateFinder([...storedImports.values()].filter((record) => record !== null));
			const verdicts: Verdict[] = [];
			const copies: DuplicateVerdict[] = [];
			for (const item of prepared) {
				const copy = duplicates.next(item);
				copies.push(copy);
				verdicts.push(copy.storedCopy || copy.batchCopy ? 'duplicate' : isEmptyItem(item) ? 'empty' : 'data');
			}

			// the accounts whose figures must be simulated again
			const dirty = new Set<string>();
			const changed = prepared.map((item, index) => {
				const before = previous?.[index];
				const same =
					before !== undefined &&
					samePrepared(before.prepared, item) &&
					before.verdict === verdicts[index] &&
					before.copy.storedCopy === copies[index].storedCopy &&
					before.copy.batchCopy === copies[index].batchCopy;
				if (!same) {
					for (const id of item.accounts.keys()) dirty.add(id);
					if (before) for (const id of before.prepared.accounts.keys()) dirty.add(id);
				}
				return !same;
			});

			const toSimulate: PreparedItem[] = [];
			const unknownAccounts = new Set<string>();
			prepared.forEach((item, index) => {
				if (verdicts[index] !== 'data') return;
				for (const id of item.accounts.keys()) if (!storedAccounts.has(id)) unknownAccounts.add(id);
				const restricted = onlyAccounts(item, dirty);
				if (restricted) toSimulate.push(restricted);
			});
			return { verdicts, copies, dirty, changed, toSimulate, accountIds: [...unknownAccounts] };
		};

		// After an account choice, often nothing needs reading: the planner has every stored import
		// and account it asked for, and the records the chosen account's files touch were found
		// empty before (a first import). Then no transaction is opened: its round trips were 10-27 ms
		// of each choice (docs/performance.md, "Import").
		// a choice gives a file that names no account a new content key (dedupe.ts): known absent
		// when it is not among the stored keys, read once per drop
		const { importKeys } = known;
		const missing = lookupKeys(prepared).filter((key) => {
			if (storedImports.has(key)) return false;
			if (importKeys && !importKeys.has(key)) {
				storedImports.set(key, null);
				return false;
			}
			return true;
		});
		const decidedAtOnce = missing.length === 0 && known.lastId !== undefined ? decide() : null;
		const nothingToRead =
			decidedAtOnce !== null &&
			decidedAtOnce.accountIds.length === 0 &&
			Object.values(MergeSession.keysToRead(decidedAtOnce.toSimulate, known)).every((keys) => keys.length === 0);

		// postLayers: a stored posts row may name the layers its posts are (merged-posts.ts)
		const tables = [database.imports, database.series, database.posts, database.postLayers, database.accounts, database.meta];
		const read = nothingToRead
			? { ...decidedAtOnce!, session: MergeSession.nothingStored(), lastId: known.lastId, resolutions: known.resolutions! }
			: await database.transaction('r', tables, async () => {
					known.importKeys ??= new Set((await database.imports.orderBy('sha256').keys()).map(String));
					if (missing.length > 0) {
						for (const key of missing) storedImports.set(key, null);
						for (const record of await database.imports.where('sha256').anyOf(missing).toArray()) storedImports.set(record.sha256, record);
					}
					const decided = decidedAtOnce ?? decide();
					const { accountIds } = decided;
					const [accountRecords, session, lastId, resolutions] = await Promise.all([
						database.accounts.bulkGet(accountIds),
						MergeSession.load(database, decided.toSimulate, known),
						database.imports.toCollection().lastKey(),
						getMeta(database, 'accountResolutions')
					]);
					accountIds.forEach((id, index) => storedAccounts.set(id, accountRecords[index] ?? null));
					known.lastId = lastId ?? null;
					known.resolutions = resolutions;
					return { ...decided, session, lastId, resolutions };
				});
		const { verdicts, copies, dirty, changed, session, lastId, resolutions } = read;

		// Pending imports rank after every stored one and among themselves in batch order: only that
		// order matters to the merge, so a file's pending id is its position, whatever the others are.
		const firstPendingId = (typeof lastId === 'number' ? lastId : 0) + 1;
		const ranks = prepared.map((item, index) =>
			verdicts[index] === 'data' ? session.addImport({ id: firstPendingId + index, coversUntil: item.item.parsed.coversUntil, lastDay: item.lastDay }) : null
		);

		const files: FileState[] = [];
		for (let index = 0; index < prepared.length; index++) {
			const item = prepared[index];
			const before = previous?.[index];
			const verdict = verdicts[index];
			const copy = copies[index];
			const rank = ranks[index];
			let metrics: MetricPlan[] = [];
			const posts = new Map<string, PostTally>();
			let touched = changed[index];
			if (rank) {
				metrics = item.layers.map((layer, position) => {
					if (!dirty.has(layer.accountId)) return before!.metrics[position];
					touched = true;
					return metricPlan(layer, session.applyLayer(layer, rank));
				});
				for (const [accountId, accountPosts] of item.posts) {
					if (!dirty.has(accountId)) {
						posts.set(accountId, before!.posts.get(accountId)!);
						continue;
					}
					touched = true;
					const incoming = accountPosts.map((post) => ({ ...post, sourceImportId: rank.importId }));
					posts.set(accountId, session.applyPosts(accountId, incoming, rank));
				}
			}
			const remembered = verdict === 'data' && needsAccount(item) ? (resolutions[item.signature] ?? null) : null;
			const keep = !touched && before !== undefined && (before.plan.status !== 'needs-account' || sameRef(before.plan.rememberedAccount, remembered));
			const plan = keep ? before.plan : plannedItem(item, verdict, copy, metrics, posts, remembered, storedAccounts);
			files.push({ prepared: item, verdict, copy, metrics, posts, plan });
			await slicer.maybeYield();
		}

		this.#memory = { files, storedImports, storedAccounts, known };
		return summarise(files, items.length);
	}
}

/** The item with only the layers and posts of these accounts; null when it has none of them. */
function onlyAccounts(item: PreparedItem, accounts: ReadonlySet<string>): PreparedItem | null {
	const ids = [...item.accounts.keys()];
	if (ids.every((id) => accounts.has(id))) return item;
	if (!ids.some((id) => accounts.has(id))) return null;
	return {
		...item,
		layers: item.layers.filter((layer) => accounts.has(layer.accountId)),
		posts: new Map([...item.posts].filter(([accountId]) => accounts.has(accountId)))
	};
}

function metricPlan(layer: PreparedLayer, tally: SlotTally): MetricPlan {
	return {
		accountId: layer.accountId,
		metric: layer.metric,
		firstDay: layer.startDay,
		lastDay: layer.startDay + layer.values.length - 1,
		days: layer.count,
		newDays: tally.filled,
		overlapDays: tally.overlapped,
		changedDays: tally.changed,
		keptDays: tally.keptDifferent
	};
}

function plannedItem(
	item: PreparedItem,
	verdict: Verdict,
	copy: DuplicateVerdict,
	metrics: MetricPlan[],
	postTallies: ReadonlyMap<string, PostTally>,
	rememberedAccount: AccountRef | null,
	storedAccounts: ReadonlyMap<string, AccountRecord | null>
): PlannedItem {
	const { fileName, parsed } = item.item;
	const sha256 = item.contentKey;
	if (verdict === 'duplicate') {
		const { storedCopy, batchCopy } = copy;
		return {
			status: 'duplicate',
			fileName,
			sha256,
			existingImportId: storedCopy?.id ?? null,
			importedAt: storedCopy?.importedAt ?? null,
			...(storedCopy ? duplicateMessage(storedCopy) : batchDuplicateMessage(batchCopy!))
		};
	}
	const issues = [...parsed.issues, ...item.issues];
	if (verdict === 'empty') return { status: 'empty', fileName, sha256, issues, ...EMPTY_FILE_MESSAGE };

	const posts: PostPlan = { total: item.postCount, new: 0, updated: 0, kept: 0 };
	for (const tally of postTallies.values()) {
		posts.new += tally.added;
		posts.updated += tally.replaced;
		posts.kept += tally.kept;
	}
	const accounts: PlannedAccount[] = [...item.accounts].map(([id, ref]) => {
		const existing = storedAccounts.get(id) ?? undefined;
		return { id, ref, status: existing ? 'existing' : 'new', name: accountName(ref, existing) };
	});
	const missing = needsAccount(item);
	return {
		status: missing ? 'needs-account' : 'ready',
		fileName,
		sha256,
		...(missing ? planMessage('plan.needsAccount') : planMessage('plan.ready')),
		format: parsed.format,
		formatLabel: parsed.formatLabel,
		platform: parsed.platform,
		accounts,
		unresolved: { ...item.unresolved },
		rememberedAccount,
		signature: item.signature,
		firstDay: item.firstDay,
		lastDay: item.lastDay,
		coversUntil: parsed.coversUntil,
		rowCount: parsed.rowCount,
		seriesPoints: item.seriesPoints,
		metrics,
		posts,
		breakdowns: item.breakdowns.length,
		issues,
		errorCount: issues.filter((issue) => issue.severity === 'error').length,
		warningCount: issues.filter((issue) => issue.severity === 'warning').length
	};
}

/** The batch's figures from its files' plans. */
function summarise(files: readonly FileState[], fileCount: number): ImportPlan {
	const newAccounts = new Map<string, PlannedAccount>();
	const totals: ImportPlan['totals'] = {
		files: fileCount,
		toImport: 0,
		duplicates: 0,
		empty: 0,
		needsAccount: 0,
		seriesPoints: 0,
		newDays: 0,
		overlapDays: 0,
		changedDays: 0,
		postsNew: 0,
		postsUpdated: 0,
		breakdowns: 0
	};
	for (const { plan, prepared } of files) {
		if (plan.status === 'duplicate') totals.duplicates++;
		else if (plan.status === 'empty') totals.empty++;
		else {
			if (plan.status === 'needs-account') totals.needsAccount++;
			else totals.toImport++;
			for (const account of plan.accounts) if (account.status === 'new' && !newAccounts.has(account.id)) newAccounts.set(account.id, account);
			totals.seriesPoints += prepared.seriesPoints;
			totals.postsNew += plan.posts.new;
			totals.postsUpdated += plan.posts.updated;
			totals.breakdowns += prepared.breakdowns.length;
			for (const metric of plan.metrics) {
				totals.newDays += metric.newDays;
				totals.overlapDays += metric.overlapDays;
				totals.changedDays += metric.changedDays;
			}
		}
	}
	return {
		items: files.map((file) => file.plan),
		newAccounts: [...newAccounts.values()],
		canCommit: totals.needsAccount === 0 && totals.toImport > 0,
		totals
	};
}
