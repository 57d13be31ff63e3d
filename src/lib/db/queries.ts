/**
 * Plain async reads and writes over the Chorus database. Reads are what the UI wraps in `Live` (a
 * Dexie liveQuery), so they only call Dexie. Each write that changes the workspace runs in its own
 * transaction together with the change counter, so "changes since your last snapshot" is always
 * exact.
 *
 * What is validated where: every record is checked against its schema on the way in (imports and
 * edits here and in commit.ts, snapshots in full before they are written), so reads trust what
 * storage holds. Parsing every record with Zod on every read was most of a cold open of a large
 * workspace (docs/performance.md); the large tables are read back with a shape check of what would
 * crash a view if it were wrong (ids, typed-array lengths, lists being lists), and a record that
 * fails it still raises a StoredDataError naming its table and key. The small tables people edit
 * by hand (decisions, notes, goals, presets) keep the full schema check: it costs nothing there.
 */
import type { z } from 'zod';
import type { DayNumber } from '../domain/days';
import { METRIC_KEYS, isMetricKey, type MetricKey } from '../domain/metrics';
import { PLATFORMS, accountIdOf, type AccountRef } from '../domain/model';
import { ACCOUNT_LIST_FIELDS, YEAR_SLOTS } from '../schemas/record-constants';
import type {
	AccountListField,
	AccountRecord,
	AnnotationRecord,
	BreakdownRecord,
	DecisionHistoryRecord,
	DecisionRecord,
	ImportRecord,
	MappingPresetRecord,
	NorthStarRecord,
	SeriesRecord,
	StoredPost
} from '../schemas/db-records';
import { Dexie } from 'dexie';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { postCountOf } from './post-reads';
import { readAllMergedPosts, readMergedPosts } from './merged-posts';
import { newId } from './ids';
import { decisionAfterMove, type BoardMove } from '../domain/board/move';
import { outranks, parseSeriesRecordId, rankOfImport, yearStartDay } from './merge';
import { countWorkspaceChange, getMeta } from './meta';

export { getMeta, setMeta, markSnapshotExported } from './meta';

type RecordSchemas = typeof import('../schemas/db-records');
let recordSchemas: Promise<RecordSchemas> | undefined;
let loadedSchemas: RecordSchemas | undefined;

/**
 * The Zod record schemas, loaded when first needed: importing them with this module would build
 * every schema (and bring Zod) before a page could read anything.
 */
export function loadRecordSchemas(): Promise<RecordSchemas> {
	return (recordSchemas ??= import('../schemas/db-records').then((module) => (loadedSchemas = module)));
}

/**
 * The schemas, at once when loaded (no await: a caller may hold a transaction, and awaiting anything
 * but IndexedDB inside one lets it commit early); else loaded under Dexie.waitFor, which keeps such
 * a transaction alive meanwhile (the sample loader edits accounts inside its own transaction).
 */
function schemasNow(): RecordSchemas | Promise<RecordSchemas> {
	return loadedSchemas ?? Dexie.waitFor(loadRecordSchemas());
}

type SchemaName = { [K in keyof RecordSchemas]: RecordSchemas[K] extends z.ZodType ? K : never }[keyof RecordSchemas];

function checked<N extends SchemaName>(name: N, table: string, keyOf: (record: unknown) => unknown) {
	return async (records: readonly unknown[]): Promise<z.infer<RecordSchemas[N]>[]> => {
		if (records.length === 0) return [];
		const schema = (loadedSchemas ?? (await schemasNow()))[name] as unknown as z.ZodType<z.infer<RecordSchemas[N]>>;
		return records.map((record) => {
			const result = schema.safeParse(record);
			if (result.success) return result.data;
			const issue = result.error.issues[0];
			throw new StoredDataError(table, keyOf(record), `${issue.path.join('.') || 'record'}: ${issue.message}`);
		});
	};
}

const keyField = (field: string) => (record: unknown) =>
	record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined;

/**
 * A shape check: returns what is wrong with a record (`field: problem`, as the schemas word it), or
 * null when a view can use it. Cheap by design: no copy, no per-value work on typed arrays.
 */
type ShapeProblem = (record: Record<string, unknown>) => string | null;

function shaped<T>(table: string, keyOf: (record: unknown) => unknown, problemOf: ShapeProblem) {
	return (records: readonly unknown[]): T[] => {
		for (const record of records) {
			const problem =
				record !== null && typeof record === 'object' ? problemOf(record as Record<string, unknown>) : 'record: not an object';
			if (problem !== null) throw new StoredDataError(table, keyOf(record), problem);
		}
		return records as T[];
	};
}

const isText = (value: unknown) => typeof value === 'string' && value !== '';
const isDayOrNull = (value: unknown) => value === null || Number.isInteger(value);
const PLATFORM_SET: ReadonlySet<unknown> = new Set(PLATFORMS);

/** The first of `checks` that fails, as `field: problem`; null when all hold. */
function firstProblem(checks: readonly (readonly [boolean, string])[]): string | null {
	for (const [ok, problem] of checks) if (!ok) return problem;
	return null;
}

const checkAccounts = shaped<AccountRecord>('accounts', keyField('id'), (record) =>
	firstProblem([
		[isText(record.id), 'id: expected a non-empty string'],
		[PLATFORM_SET.has(record.platform), 'platform: not a known platform'],
		[typeof record.displayName === 'string', 'displayName: expected a string'],
		...ACCOUNT_LIST_FIELDS.map((field) => [Array.isArray(record[field]), `${field}: expected an array`] as const)
	])
);
const checkImports = shaped<ImportRecord>('imports', keyField('id'), (record) =>
	firstProblem([
		[Number.isInteger(record.id), 'id: expected an integer'],
		[typeof record.fileName === 'string', 'fileName: expected a string'],
		[Array.isArray(record.accountIds), 'accountIds: expected an array'],
		[Array.isArray(record.issues), 'issues: expected an array'],
		[record.counts !== null && typeof record.counts === 'object', 'counts: expected an object'],
		[isDayOrNull(record.firstDay) && isDayOrNull(record.lastDay), 'firstDay: expected a day or null'],
		[typeof record.importedAt === 'string', 'importedAt: expected a string']
	])
);
const checkSeries = shaped<SeriesRecord>('series', keyField('id'), (record) =>
	firstProblem([
		[isText(record.id) && isText(record.accountId), 'id: expected a non-empty string'],
		[typeof record.metric === 'string' && isMetricKey(record.metric), 'metric: not a known metric'],
		[Number.isInteger(record.year), 'year: expected an integer'],
		[record.values instanceof Float64Array && record.values.length === YEAR_SLOTS, 'values: A year holds 366 slots.'],
		[record.sources instanceof Uint32Array && record.sources.length === YEAR_SLOTS, 'sources: A year holds 366 slots.']
	])
);
const checkPosts = shaped<{ accountId: string; posts: StoredPost[] }>('posts', keyField('accountId'), (record) => {
	if (!isText(record.accountId)) return 'accountId: expected a non-empty string';
	if (!Array.isArray(record.posts)) return 'posts: expected an array';
	// what views index and count by: one pass of typeof checks over (at most) a few hundred thousand posts
	for (let i = 0; i < record.posts.length; i++) {
		const post = record.posts[i] as Partial<StoredPost> | null;
		if (post === null || typeof post !== 'object') return `posts.${i}: expected an object`;
		if (!isText(post.postId)) return `posts.${i}.postId: expected a non-empty string`;
		if (!isDayOrNull(post.day)) return `posts.${i}.day: expected a day or null`;
		if (post.metrics === null || typeof post.metrics !== 'object') return `posts.${i}.metrics: expected an object`;
	}
	return null;
});
const checkBreakdowns = shaped<BreakdownRecord>('breakdowns', keyField('id'), (record) =>
	firstProblem([
		[Number.isInteger(record.id) && Number.isInteger(record.importId), 'id: expected an integer'],
		[isText(record.accountId), 'accountId: expected a non-empty string'],
		[typeof record.dimension === 'string' && typeof record.measure === 'string', 'dimension: expected a string'],
		[Number.isInteger(record.asOf), 'asOf: expected a day'],
		[Array.isArray(record.entries), 'entries: expected an array']
	])
);
const checkDecisions = checked('decisionRecordSchema', 'decisions', keyField('accountId'));
const checkHistory = checked('decisionHistoryRecordSchema', 'decisionHistory', keyField('id'));
const checkAnnotations = checked('annotationRecordSchema', 'annotations', keyField('id'));
const checkNorthStars = checked('northStarRecordSchema', 'northStars', keyField('id'));
const checkPresets = checked('mappingPresetRecordSchema', 'mappingPresets', keyField('id'));

const metricOrder = new Map(METRIC_KEYS.map((metric, index) => [metric, index]));
const byName = (a: AccountRecord, b: AccountRecord) =>
	a.platform.localeCompare(b.platform) || a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);

// ───────────────────────────── accounts ─────────────────────────────

export async function listAccounts(database: ChorusDatabase): Promise<AccountRecord[]> {
	return checkAccounts(await database.accounts.toArray()).sort(byName);
}

export async function getAccount(database: ChorusDatabase, accountId: string): Promise<AccountRecord | undefined> {
	const record = await database.accounts.get(accountId);
	return record ? checkAccounts([record])[0] : undefined;
}

/** Inventory fields a person may edit. The id and platform stay: stored data points at the id. */
export type AccountEdit = Partial<
	Pick<
		AccountRecord,
		| 'handle'
		| 'displayName'
		| 'externalId'
		| 'url'
		| 'owner'
		| 'admins'
		| 'segments'
		| 'productLines'
		| 'regions'
		| 'languages'
		| 'purpose'
		| 'notes'
	>
>;

export interface AccountBulkEdit {
	/** Fields set to the same value on every account. */
	set?: AccountEdit;
	/** Entries added to a list field, keeping what each account already has. */
	add?: Partial<Record<AccountListField, string[]>>;
	/** Entries taken out of a list field. */
	remove?: Partial<Record<AccountListField, string[]>>;
}

function cleanList(values: readonly string[]): string[] {
	return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

function applyEdit(account: AccountRecord, edit: AccountBulkEdit, at: string, schemas: RecordSchemas): AccountRecord {
	const next: AccountRecord = { ...account, ...edit.set, updatedAt: at, editedAt: at };
	for (const field of ACCOUNT_LIST_FIELDS) {
		let list = next[field];
		const added = edit.add?.[field];
		const removed = edit.remove?.[field];
		if (added) list = [...list, ...added];
		if (removed) {
			const drop = new Set(cleanList(removed));
			list = list.filter((entry) => !drop.has(entry.trim()));
		}
		next[field] = cleanList(list);
	}
	return schemas.accountRecordSchema.parse(next);
}

/** Applies one edit to several accounts at once; returns how many were found and updated. */
export async function bulkUpdateAccounts(
	database: ChorusDatabase,
	accountIds: readonly string[],
	edit: AccountBulkEdit,
	now: Date = new Date()
): Promise<number> {
	const at = now.toISOString();
	const schemas = loadedSchemas ?? (await schemasNow());
	return database.transaction('rw', database.accounts, database.meta, async () => {
		const found = (await database.accounts.bulkGet([...accountIds])).filter((account) => account !== undefined);
		if (found.length === 0) return 0;
		await database.accounts.bulkPut(found.map((account) => applyEdit(account, edit, at, schemas)));
		await countWorkspaceChange(database);
		return found.length;
	});
}

/** Edits one account's inventory fields; false when there is no such account. */
export async function updateAccount(
	database: ChorusDatabase,
	accountId: string,
	changes: AccountEdit,
	now: Date = new Date()
): Promise<boolean> {
	return (await bulkUpdateAccounts(database, [accountId], { set: changes }, now)) === 1;
}

export type ManualAccountInput = AccountRef & AccountEdit;

export type AddAccountResult = { ok: true; accountId: string } | { ok: false; message: string; existingId?: string };

/** Adds an account that has no export yet (a channel known only from the inventory spreadsheet). */
export async function addManualAccount(
	database: ChorusDatabase,
	input: ManualAccountInput,
	now: Date = new Date()
): Promise<AddAccountResult> {
	// a blank form field means "not given", or it would shadow the next field in accountIdOf
	const ref: AccountRef = {
		platform: input.platform,
		handle: input.handle?.trim() || undefined,
		displayName: input.displayName?.trim() || undefined,
		externalId: input.externalId?.trim() || undefined
	};
	const accountId = accountIdOf(ref);
	if (!accountId) return { ok: false, message: 'Give the account a handle, a name or an ID so Chorus can tell it apart.' };
	const at = now.toISOString();
	const schemas = loadedSchemas ?? (await schemasNow());
	return database.transaction('rw', database.accounts, database.meta, async (): Promise<AddAccountResult> => {
		const existing = await database.accounts.get(accountId);
		if (existing) {
			return { ok: false, message: `“${existing.displayName}” is already in the inventory.`, existingId: accountId };
		}
		const handle = input.handle?.trim().replace(/^@/, '') || null;
		const externalId = input.externalId?.trim() || null;
		const base: AccountRecord = {
			id: accountId,
			platform: input.platform,
			handle,
			displayName: input.displayName?.trim() || handle || externalId || accountId,
			externalId,
			url: '',
			owner: '',
			admins: [],
			segments: [],
			productLines: [],
			regions: [],
			languages: [],
			purpose: '',
			notes: '',
			origin: 'manual',
			createdAt: at,
			updatedAt: at,
			editedAt: at
		};
		const { platform: _platform, ...edits } = input;
		const record = applyEdit(base, { set: { ...edits, handle, externalId, displayName: base.displayName } }, at, schemas);
		await database.accounts.add(record);
		await countWorkspaceChange(database);
		return { ok: true, accountId };
	});
}

// ───────────────────────────── imports ─────────────────────────────

/** Newest first. */
export async function listImports(database: ChorusDatabase): Promise<ImportRecord[]> {
	return checkImports(await database.imports.reverse().toArray());
}

export async function getImport(database: ChorusDatabase, importId: number): Promise<ImportRecord | undefined> {
	const record = await database.imports.get(importId);
	return record ? checkImports([record])[0] : undefined;
}

// ───────────────────────────── series ─────────────────────────────

/** One metric of one account over every stored year, as contiguous columns. */
export interface MergedSeries {
	accountId: string;
	metric: MetricKey;
	/** values[i] and sources[i] are day startDay + i: the first day with a value. */
	startDay: DayNumber;
	/** NaN = no value that day (a gap, never a zero). */
	values: Float64Array;
	/** The import each value came from (0 = none): the provenance of every number shown. */
	sources: Uint32Array;
}

export interface SeriesFilter {
	accountIds?: readonly string[];
	metric?: MetricKey;
}

async function readSeriesRecords(database: ChorusDatabase, filter: SeriesFilter): Promise<SeriesRecord[]> {
	const { accountIds, metric } = filter;
	if (accountIds && accountIds.length === 0) return [];
	if (accountIds && metric) {
		return database.series
			.where('[accountId+metric]')
			.anyOf(accountIds.map((accountId) => [accountId, metric]))
			.toArray();
	}
	if (accountIds) return database.series.where('accountId').anyOf([...accountIds]).toArray();
	if (metric) return database.series.where('metric').equals(metric).toArray();
	return database.series.toArray();
}

/** Joins an (account, metric)'s year records into one span from its first to its last value. */
function joinYears(records: SeriesRecord[]): MergedSeries | null {
	records.sort((a, b) => a.year - b.year);
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;
	for (const record of records) {
		const start = yearStartDay(record.year);
		const first = record.sources.findIndex((source) => source !== 0);
		if (first === -1) continue;
		firstDay = Math.min(firstDay, start + first);
		lastDay = Math.max(lastDay, start + record.sources.findLastIndex((source) => source !== 0));
	}
	if (firstDay > lastDay) return null;
	const length = lastDay - firstDay + 1;
	const values = new Float64Array(length).fill(Number.NaN);
	const sources = new Uint32Array(length);
	for (const record of records) {
		const start = yearStartDay(record.year);
		// slot 365 exists in every record but is a real day only in leap years
		const yearLength = yearStartDay(record.year + 1) - start;
		const from = Math.max(firstDay, start) - start;
		const to = Math.min(lastDay, start + yearLength - 1) - start;
		if (from > to) continue;
		values.set(record.values.subarray(from, to + 1), start + from - firstDay);
		sources.set(record.sources.subarray(from, to + 1), start + from - firstDay);
	}
	return { accountId: records[0].accountId, metric: records[0].metric, startDay: firstDay, values, sources };
}

/** The merged series, per (account, metric), optionally only some accounts and/or one metric. */
export async function getMergedSeries(database: ChorusDatabase, filter: SeriesFilter = {}): Promise<MergedSeries[]> {
	const records = checkSeries(await readSeriesRecords(database, filter));
	const groups = new Map<string, SeriesRecord[]>();
	for (const record of records) {
		const key = `${record.accountId}|${record.metric}`;
		const group = groups.get(key);
		if (group) group.push(record);
		else groups.set(key, [record]);
	}
	const joined = [...groups.values()].map(joinYears).filter((series) => series !== null);
	return joined.sort(
		(a, b) => a.accountId.localeCompare(b.accountId) || metricOrder.get(a.metric)! - metricOrder.get(b.metric)!
	);
}

/** Metrics that have stored values (for one account, or any), in catalogue order. */
export async function listMetricsAvailable(database: ChorusDatabase, accountId?: string): Promise<MetricKey[]> {
	const metrics =
		accountId === undefined
			? ((await database.series.orderBy('metric').uniqueKeys()) as string[])
			: (await database.series.where('accountId').equals(accountId).primaryKeys()).map(
					(id) => parseSeriesRecordId(id).metric
				);
	return [...new Set(metrics)].filter(isMetricKey).sort((a, b) => metricOrder.get(a)! - metricOrder.get(b)!);
}

// ───────────────────────────── posts and breakdowns ─────────────────────────────

// A posts row may name the post layers its posts are instead of holding them: readMergedPosts
// resolves it (merged-posts.ts), and the shape check runs on the posts as they come back.

export async function getPosts(database: ChorusDatabase, accountId: string): Promise<StoredPost[]> {
	const [record] = await readMergedPosts(database, [accountId]);
	return record ? checkPosts([record])[0].posts : [];
}

export async function getAllPosts(database: ChorusDatabase): Promise<StoredPost[]> {
	return checkPosts(await readAllMergedPosts(database)).flatMap((record) => record.posts);
}

export interface PostCount {
	accountId: string;
	posts: number;
	firstDay: DayNumber | null;
	lastDay: DayNumber | null;
}

export async function getPostCounts(database: ChorusDatabase): Promise<PostCount[]> {
	return checkPosts(await readAllMergedPosts(database)).map(({ accountId, posts }) => {
		let firstDay: DayNumber | null = null;
		let lastDay: DayNumber | null = null;
		for (const { day } of posts) {
			if (day === null) continue;
			if (firstDay === null || day < firstDay) firstDay = day;
			if (lastDay === null || day > lastDay) lastDay = day;
		}
		return { accountId, posts: posts.length, firstDay, lastDay };
	});
}

/**
 * An account's audience breakdowns by dimension and date. When two exports give the same snapshot
 * (dimension, measure, unit and day), the newer export's is kept, as for series.
 */
export async function getBreakdowns(database: ChorusDatabase, accountId: string): Promise<BreakdownRecord[]> {
	const records = checkBreakdowns(await database.breakdowns.where('accountId').equals(accountId).toArray());
	const imports = await database.imports.bulkGet([...new Set(records.map((record) => record.importId))]);
	const ranks = new Map(imports.filter((record) => record !== undefined).map((record) => [record.id, rankOfImport(record)]));
	const lowest = { coversUntil: Number.NEGATIVE_INFINITY, importId: 0 };
	const kept = new Map<string, BreakdownRecord>();
	for (const record of records) {
		const key = `${record.dimension}|${record.measure}|${record.unit}|${record.asOf}`;
		const held = kept.get(key);
		if (!held || outranks(ranks.get(record.importId) ?? lowest, ranks.get(held.importId) ?? lowest)) kept.set(key, record);
	}
	return [...kept.values()].sort(
		(a, b) => a.dimension.localeCompare(b.dimension) || a.measure.localeCompare(b.measure) || a.asOf - b.asOf
	);
}

// ───────────────────────────── workspace ─────────────────────────────

export interface WorkspaceSummary {
	accounts: number;
	imports: number;
	/** First and last day any stored import has data for. */
	firstDay: DayNumber | null;
	lastDay: DayNumber | null;
	lastImportedAt: string | null;
	posts: number;
	breakdowns: number;
	metrics: number;
	changesSinceSnapshot: number;
	lastSnapshotExportAt: string | null;
	isEmpty: boolean;
}

/** The data-table part of the summary: no posts, no meta (see workspaceSummary). */
export type WorkspaceOverview = Omit<WorkspaceSummary, 'posts' | 'changesSinceSnapshot' | 'lastSnapshotExportAt'>;
export type SnapshotBookkeeping = Pick<WorkspaceSummary, 'changesSinceSnapshot' | 'lastSnapshotExportAt'>;

/**
 * Everything in one object. Views should rather watch the three parts separately
 * (workspaceOverview, snapshotBookkeeping, countStoredPosts): counting posts reads every stored
 * post, and the bookkeeping changes with every edit, so one live query over all of it re-read
 * 300,000 posts on each card move of the board and on every page open (docs/performance.md).
 */
export async function workspaceSummary(database: ChorusDatabase): Promise<WorkspaceSummary> {
	const [overview, bookkeeping, posts] = await Promise.all([
		workspaceOverview(database),
		snapshotBookkeeping(database),
		countStoredPosts(database)
	]);
	return { ...overview, posts, ...bookkeeping };
}

export async function workspaceOverview(database: ChorusDatabase): Promise<WorkspaceOverview> {
	const [accounts, imports, breakdowns, metrics] = await Promise.all([
		database.accounts.count(),
		database.imports.toArray().then(checkImports),
		database.breakdowns.count(),
		database.series.orderBy('metric').uniqueKeys()
	]);
	let firstDay: DayNumber | null = null;
	let lastDay: DayNumber | null = null;
	let lastImportedAt: string | null = null;
	for (const record of imports) {
		if (record.firstDay !== null && (firstDay === null || record.firstDay < firstDay)) firstDay = record.firstDay;
		if (record.lastDay !== null && (lastDay === null || record.lastDay > lastDay)) lastDay = record.lastDay;
		if (lastImportedAt === null || record.importedAt > lastImportedAt) lastImportedAt = record.importedAt;
	}
	return {
		accounts,
		imports: imports.length,
		firstDay,
		lastDay,
		lastImportedAt,
		breakdowns,
		metrics: metrics.length,
		isEmpty: accounts === 0 && imports.length === 0
	};
}

export async function snapshotBookkeeping(database: ChorusDatabase): Promise<SnapshotBookkeeping> {
	const [changesSinceSnapshot, lastSnapshotExportAt] = await Promise.all([
		getMeta(database, 'changesSinceSnapshot'),
		getMeta(database, 'lastSnapshotExportAt')
	]);
	return { changesSinceSnapshot, lastSnapshotExportAt };
}

/**
 * How many posts are stored. Only the length of each account's list is read (or the `count` of a
 * row that names its layers), so the records are not schema-checked here: validating 300,000 posts
 * to count them took seconds, and no post reaches the app through this function.
 */
export async function countStoredPosts(database: ChorusDatabase): Promise<number> {
	const records: unknown[] = await database.posts.toArray();
	return records.reduce<number>((sum, record) => sum + postCountOf(record), 0);
}

// ───────────────────────────── board decisions ─────────────────────────────

export async function listDecisions(database: ChorusDatabase): Promise<DecisionRecord[]> {
	return (await checkDecisions(await database.decisions.toArray())).sort(
		(a, b) => a.column.localeCompare(b.column) || a.order - b.order
	);
}

/** Newest first; one account's moves, or every account's. */
export async function getDecisionHistory(database: ChorusDatabase, accountId?: string): Promise<DecisionHistoryRecord[]> {
	const records =
		accountId === undefined
			? await database.decisionHistory.reverse().toArray()
			: await database.decisionHistory.where('accountId').equals(accountId).reverse().toArray();
	return checkHistory(records);
}

export type DecisionMove = BoardMove;

/**
 * Moves an account's card. A change of column, merge target or rationale is a decision and is
 * recorded in the history (undoable); a reorder within the column is not.
 */
export async function moveDecision(
	database: ChorusDatabase,
	accountId: string,
	move: DecisionMove,
	now: Date = new Date()
): Promise<DecisionRecord> {
	const at = now.toISOString();
	const mergeTargetId = move.column === 'merge' ? (move.mergeTargetId ?? null) : null;
	if (mergeTargetId === accountId) throw new RangeError('An account cannot be merged into itself.');
	const { decisionRecordSchema } = loadedSchemas ?? (await schemasNow());
	return database.transaction('rw', database.decisions, database.decisionHistory, database.meta, async () => {
		const previous = (await database.decisions.get(accountId)) ?? null;
		// a reorder within a column decides nothing: it keeps its time and leaves no history entry
		const moved = decisionAfterMove(accountId, move, previous, at);
		const next = decisionRecordSchema.parse(moved.next);
		const { isDecision } = moved;
		await database.decisions.put(next);
		if (isDecision) {
			await database.decisionHistory.add({
				accountId,
				from: previous?.column ?? null,
				to: next.column,
				mergeTargetId: next.mergeTargetId,
				rationale: next.rationale,
				at,
				previous
			});
		}
		await countWorkspaceChange(database);
		return next;
	});
}

/**
 * Takes back an account's most recent decision: the card returns to where it was (or to no
 * decision), and that entry leaves the history. False when there is nothing to undo.
 */
export async function undoLastDecision(database: ChorusDatabase, accountId: string): Promise<boolean> {
	return database.transaction('rw', database.decisions, database.decisionHistory, database.meta, async () => {
		const last = await database.decisionHistory.where('accountId').equals(accountId).last();
		if (!last) return false;
		if (last.previous) await database.decisions.put(last.previous);
		else await database.decisions.delete(accountId);
		await database.decisionHistory.delete(last.id);
		await countWorkspaceChange(database);
		return true;
	});
}

// ───────────────────────────── annotations ─────────────────────────────

export interface AnnotationInput {
	startDay: DayNumber;
	endDay?: DayNumber | null;
	label: string;
	note?: string;
	/** null or absent: about the whole portfolio. */
	accountId?: string | null;
}

/** All annotations, or one account's together with the portfolio-wide ones; by start day. */
export async function listAnnotations(database: ChorusDatabase, accountId?: string): Promise<AnnotationRecord[]> {
	const records = await checkAnnotations(await database.annotations.orderBy('startDay').toArray());
	return accountId === undefined
		? records
		: records.filter((record) => record.accountId === null || record.accountId === accountId);
}

export async function addAnnotation(
	database: ChorusDatabase,
	input: AnnotationInput,
	now: Date = new Date()
): Promise<AnnotationRecord> {
	const at = now.toISOString();
	const { annotationRecordSchema } = loadedSchemas ?? (await schemasNow());
	const record = annotationRecordSchema.parse({
		id: newId(),
		startDay: input.startDay,
		endDay: input.endDay ?? null,
		label: input.label,
		note: input.note ?? '',
		accountId: input.accountId ?? null,
		createdAt: at,
		updatedAt: at
	});
	await database.transaction('rw', database.annotations, database.meta, async () => {
		await database.annotations.add(record);
		await countWorkspaceChange(database);
	});
	return record;
}

export async function updateAnnotation(
	database: ChorusDatabase,
	id: string,
	changes: Partial<AnnotationInput>,
	now: Date = new Date()
): Promise<boolean> {
	const { annotationRecordSchema } = loadedSchemas ?? (await schemasNow());
	return database.transaction('rw', database.annotations, database.meta, async () => {
		const stored = await database.annotations.get(id);
		if (!stored) return false;
		await database.annotations.put(annotationRecordSchema.parse({ ...stored, ...changes, updatedAt: now.toISOString() }));
		await countWorkspaceChange(database);
		return true;
	});
}

export async function deleteAnnotation(database: ChorusDatabase, id: string): Promise<boolean> {
	return deleteCounted(database, database.annotations, id);
}

// ───────────────────────────── north stars ─────────────────────────────

export interface NorthStarInput {
	metric: MetricKey;
	/** null or absent: the portfolio total. */
	accountId?: string | null;
	baselineDay: DayNumber;
	baselineValue: number;
	target: number;
	targetDay: DayNumber;
}

export async function listNorthStars(database: ChorusDatabase, accountId?: string | null): Promise<NorthStarRecord[]> {
	const records = await checkNorthStars(await database.northStars.toArray());
	const chosen = accountId === undefined ? records : records.filter((record) => record.accountId === accountId);
	return chosen.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function addNorthStar(
	database: ChorusDatabase,
	input: NorthStarInput,
	now: Date = new Date()
): Promise<NorthStarRecord> {
	const at = now.toISOString();
	const { northStarRecordSchema } = loadedSchemas ?? (await schemasNow());
	const record = northStarRecordSchema.parse({ ...input, id: newId(), accountId: input.accountId ?? null, createdAt: at, updatedAt: at });
	await database.transaction('rw', database.northStars, database.meta, async () => {
		await database.northStars.add(record);
		await countWorkspaceChange(database);
	});
	return record;
}

export async function updateNorthStar(
	database: ChorusDatabase,
	id: string,
	changes: Partial<NorthStarInput>,
	now: Date = new Date()
): Promise<boolean> {
	const { northStarRecordSchema } = loadedSchemas ?? (await schemasNow());
	return database.transaction('rw', database.northStars, database.meta, async () => {
		const stored = await database.northStars.get(id);
		if (!stored) return false;
		await database.northStars.put(northStarRecordSchema.parse({ ...stored, ...changes, updatedAt: now.toISOString() }));
		await countWorkspaceChange(database);
		return true;
	});
}

export async function deleteNorthStar(database: ChorusDatabase, id: string): Promise<boolean> {
	return deleteCounted(database, database.northStars, id);
}

// ───────────────────────────── mapping presets ─────────────────────────────

/** A preset as the import pipeline defines it; storage needs only the signature it is found by. */
export type MappingPresetInput = { id?: string; signature: string } & Record<string, unknown>;

/** Saves (or replaces, same id) a column-mapping preset; returns its id. */
export async function saveMappingPreset(database: ChorusDatabase, preset: MappingPresetInput): Promise<string> {
	const { mappingPresetRecordSchema } = loadedSchemas ?? (await schemasNow());
	const record = mappingPresetRecordSchema.parse({ ...preset, id: preset.id ?? newId() });
	await database.transaction('rw', database.mappingPresets, database.meta, async () => {
		await database.mappingPresets.put(record);
		await countWorkspaceChange(database);
	});
	return record.id;
}

export async function listMappingPresets(database: ChorusDatabase, signature?: string): Promise<MappingPresetRecord[]> {
	const records =
		signature === undefined
			? await database.mappingPresets.toArray()
			: await database.mappingPresets.where('signature').equals(signature).toArray();
	return checkPresets(records);
}

export async function deleteMappingPreset(database: ChorusDatabase, id: string): Promise<boolean> {
	return deleteCounted(database, database.mappingPresets, id);
}

// ───────────────────────────── account choices ─────────────────────────────

/** The account chosen last time for files of this kind (see fileKindSignature), if any. */
export async function getRememberedAccount(database: ChorusDatabase, signature: string): Promise<AccountRef | null> {
	return (await getMeta(database, 'accountResolutions'))[signature] ?? null;
}

async function deleteCounted(
	database: ChorusDatabase,
	table: ChorusDatabase['annotations'] | ChorusDatabase['northStars'] | ChorusDatabase['mappingPresets'],
	id: string
): Promise<boolean> {
	return database.transaction('rw', table, database.meta, async () => {
		const count = await table.where(':id').equals(id).count();
		if (count === 0) return false;
		await table.delete(id);
		await countWorkspaceChange(database);
		return true;
	});
}
