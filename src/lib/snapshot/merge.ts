/**
 * Opening a snapshot into a workspace that already has data: Replace, or Merge with a preview.
 *
 * Merge follows the import rules where the data came from imports: an import is the same import
 * when its file's SHA-256 is the same (so merging twice changes nothing), per account, metric and
 * day the value from the newest export wins, posts meet by platform and id. Those rules need no
 * person to decide. What imports never meet is people's own edits made in two places: a different
 * board decision for the same account, different inventory fields, an annotation or a goal edited
 * on both sides. Those are conflicts, shown side by side, and each is resolved by a person.
 *
 * Everything here is pure: tables in, tables out. Storage writes the result in one transaction.
 */
import type { MetricKey } from '../domain/metrics';
import { postKey, postLayerId, seriesLayerId } from '../db/merge';
import type {
	AccountRecord,
	AnnotationRecord,
	BreakdownRecord,
	CalendarItemRecord,
	DecisionHistoryRecord,
	DecisionRecord,
	ImportRecord,
	MappingPresetRecord,
	MetaRecord,
	NorthStarRecord,
	PostLayerRecord,
	PostTagRecord,
	SeriesLayerRecord,
	SeriesRecord,
	StoredPost,
	TagRuleRecord,
	WorkspaceTables
} from '../schemas/db-records';
import { canonicalStringify } from './canonical-json';
import { isLocalMeta, tablesInKeyOrder } from './codec';
import { rebuildMergedTables } from './rebuild';

export type Side = 'current' | 'snapshot';

/** Inventory fields people edit; a difference in any of them between both sides may be a conflict. */
export const INVENTORY_FIELDS = [
	'displayName',
	'handle',
	'externalId',
	'url',
	'owner',
	'admins',
	'segments',
	'productLines',
	'regions',
	'languages',
	'purpose',
	'notes'
] as const satisfies readonly (keyof AccountRecord)[];
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

/** Tables of records people create and edit, compared whole by their key. */
export const EDITED_TABLES = ['annotations', 'northStars', 'calendarItems', 'mappingPresets', 'tagRules', 'postTags'] as const;
export type EditedTable = (typeof EDITED_TABLES)[number];
type EditedRecord = AnnotationRecord | NorthStarRecord | CalendarItemRecord | MappingPresetRecord | TagRuleRecord | PostTagRecord;

function keyOf(table: EditedTable, record: EditedRecord): string {
	return table === 'postTags' ? (record as PostTagRecord).key : (record as Exclude<EditedRecord, PostTagRecord>).id;
}

/**
 * A post's manual tags are a set: the same tags in another order are no difference. (An empty
 * list is a decision too: "no tags for this post", so it can conflict with a list of tags.)
 */
function sameEdit(table: EditedTable, a: EditedRecord, b: EditedRecord): boolean {
	if (table === 'postTags') return sameJson([...(a as PostTagRecord).tags].sort(), [...(b as PostTagRecord).tags].sort());
	return sameJson(a, b);
}

interface ConflictBase {
	/** Stable within one preview; the key of the resolution. */
	id: string;
	/** The side a person would most likely keep (the later edit); the UI's default choice. */
	suggested: Side;
}

export type MergeConflict =
	| (ConflictBase & { kind: 'decision'; accountId: string; current: DecisionRecord; snapshot: DecisionRecord })
	| (ConflictBase & {
			kind: 'account-field';
			accountId: string;
			field: InventoryField;
			current: AccountRecord[InventoryField];
			snapshot: AccountRecord[InventoryField];
	  })
	| (ConflictBase & { kind: 'record'; table: EditedTable; key: string; current: EditedRecord; snapshot: EditedRecord })
	| (ConflictBase & {
			/** The same file was imported on both sides but assigned to different accounts. */
			kind: 'import-accounts';
			sha256: string;
			fileName: string;
			current: string[];
			snapshot: string[];
	  });

/** A person's choice per conflict id. A conflict without one keeps the current side. */
export type MergeResolutions = Readonly<Record<string, Side>>;

export interface SeriesChange {
	accountId: string;
	metric: MetricKey;
	/** Days that had no value and would get one. */
	newDays: number;
	/** Days whose value would change (a newer export in the snapshot). */
	changedDays: number;
	/** Days that would lose their value (only when an import's accounts are taken from the snapshot). */
	removedDays: number;
}

export interface PostChange {
	accountId: string;
	added: number;
	/** Posts the snapshot has from a newer export, with different text or numbers. */
	updated: number;
}

export interface MergePreview {
	newAccounts: Pick<AccountRecord, 'id' | 'platform' | 'displayName'>[];
	/** Empty inventory fields the snapshot fills (never a conflict: a value beats no value). */
	filledFields: { accountId: string; field: InventoryField }[];
	newImports: Pick<ImportRecord, 'fileName' | 'sha256' | 'importedAt'>[];
	/** Imports both sides have (same file content): nothing to do for them. */
	sharedImports: number;
	series: SeriesChange[];
	posts: PostChange[];
	/** Records the snapshot adds, per table. */
	added: {
		breakdowns: number;
		decisions: number;
		decisionHistory: number;
		annotations: number;
		northStars: number;
		calendarItems: number;
		mappingPresets: number;
		tagRules: number;
		postTags: number;
	};
	conflicts: MergeConflict[];
}

function isEmptyValue(value: unknown): boolean {
	return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function sameJson(a: unknown, b: unknown): boolean {
	return canonicalStringify(a) === canonicalStringify(b);
}

function laterSide(current: string | null | undefined, snapshot: string | null | undefined): Side {
	return (snapshot ?? '') > (current ?? '') ? 'snapshot' : 'current';
}

function maxId(records: readonly { id: number }[]): number {
	return records.reduce((max, record) => Math.max(max, record.id), 0);
}

function sortedAccountIds(ids: readonly string[]): string[] {
	return [...ids].sort();
}

function decisionDiffers(a: DecisionRecord, b: DecisionRecord): boolean {
	// order is only a position inside a column, and decidedAt follows the move: neither is a disagreement
	return a.column !== b.column || a.mergeTargetId !== b.mergeTargetId || a.rationale !== b.rationale;
}

function historyKey(entry: DecisionHistoryRecord): string {
	return canonicalStringify([entry.accountId, entry.at, entry.from, entry.to, entry.mergeTargetId, entry.rationale]);
}

function editedKey(table: EditedTable, record: EditedRecord): string {
	return `${table}:${keyOf(table, record)}`;
}

/** Everything a merge would do, before any resolution. */
interface MergePlan {
	/** Snapshot import id → merged import id. */
	importIdMap: Map<number, number>;
	/** Snapshot imports that are new to the current workspace, with their merged ids. */
	newImports: ImportRecord[];
	/** Snapshot import ids whose file both sides have. */
	sharedSnapshotImportIds: Set<number>;
	conflicts: MergeConflict[];
}

function planMerge(current: WorkspaceTables, snapshot: WorkspaceTables): MergePlan {
	const conflicts: MergeConflict[] = [];
	const currentBySha = new Map(current.imports.map((record) => [record.sha256, record]));
	const importIdMap = new Map<number, number>();
	const newImports: ImportRecord[] = [];
	const sharedSnapshotImportIds = new Set<number>();
	let nextImportId = maxId(current.imports) + 1;
	for (const record of [...snapshot.imports].sort((a, b) => a.id - b.id)) {
		const existing = currentBySha.get(record.sha256);
		if (existing) {
			importIdMap.set(record.id, existing.id);
			sharedSnapshotImportIds.add(record.id);
			const currentAccounts = sortedAccountIds(existing.accountIds);
			const snapshotAccounts = sortedAccountIds(record.accountIds);
			if (!sameJson(currentAccounts, snapshotAccounts)) {
				conflicts.push({
					id: `import:${record.sha256}`,
					kind: 'import-accounts',
					sha256: record.sha256,
					fileName: existing.fileName,
					current: currentAccounts,
					snapshot: snapshotAccounts,
					suggested: laterSide(existing.importedAt, record.importedAt)
				});
			}
			continue;
		}
		const id = nextImportId++;
		importIdMap.set(record.id, id);
		newImports.push({ ...record, id });
	}

	const currentAccounts = new Map(current.accounts.map((account) => [account.id, account]));
	for (const theirs of snapshot.accounts) {
		const ours = currentAccounts.get(theirs.id);
		if (!ours) continue;
		for (const field of INVENTORY_FIELDS) {
			const mine = ours[field];
			const other = theirs[field];
			if (isEmptyValue(other) || isEmptyValue(mine) || sameJson(mine, other)) continue;
			conflicts.push({
				id: `account:${theirs.id}:${field}`,
				kind: 'account-field',
				accountId: theirs.id,
				field,
				current: mine,
				snapshot: other,
				suggested: laterSide(ours.editedAt ?? ours.updatedAt, theirs.editedAt ?? theirs.updatedAt)
			});
		}
	}

	const currentDecisions = new Map(current.decisions.map((decision) => [decision.accountId, decision]));
	for (const theirs of snapshot.decisions) {
		const ours = currentDecisions.get(theirs.accountId);
		if (!ours || !decisionDiffers(ours, theirs)) continue;
		conflicts.push({
			id: `decision:${theirs.accountId}`,
			kind: 'decision',
			accountId: theirs.accountId,
			current: ours,
			snapshot: theirs,
			suggested: laterSide(ours.decidedAt, theirs.decidedAt)
		});
	}

	for (const table of EDITED_TABLES) {
		const ours = new Map<string, EditedRecord>((current[table] as EditedRecord[]).map((record) => [keyOf(table, record), record]));
		for (const theirs of snapshot[table] as EditedRecord[]) {
			const mine = ours.get(keyOf(table, theirs));
			if (!mine || sameEdit(table, mine, theirs)) continue;
			const stamp = (record: EditedRecord) =>
				'updatedAt' in record && typeof record.updatedAt === 'string' ? record.updatedAt : null;
			conflicts.push({
				id: editedKey(table, theirs),
				kind: 'record',
				table,
				key: keyOf(table, theirs),
				current: mine,
				snapshot: theirs,
				suggested: laterSide(stamp(mine), stamp(theirs))
			});
		}
	}
	return { importIdMap, newImports, sharedSnapshotImportIds, conflicts };
}

function chosen(resolutions: MergeResolutions, id: string): Side {
	return resolutions[id] === 'snapshot' ? 'snapshot' : 'current';
}

function remapSeriesLayer(layer: SeriesLayerRecord, importId: number): SeriesLayerRecord {
	return { ...layer, id: seriesLayerId(importId, layer.accountId, layer.metric), importId };
}

function remapPostLayer(layer: PostLayerRecord, importId: number): PostLayerRecord {
	return {
		id: postLayerId(importId, layer.accountId),
		importId,
		accountId: layer.accountId,
		posts: layer.posts.map((post) => ({ ...post, sourceImportId: importId }))
	};
}

function mergeAccounts(current: WorkspaceTables, snapshot: WorkspaceTables, resolutions: MergeResolutions): AccountRecord[] {
	const theirsById = new Map(snapshot.accounts.map((account) => [account.id, account]));
	const merged = current.accounts.map((ours) => {
		const theirs = theirsById.get(ours.id);
		if (!theirs) return ours;
		const next: AccountRecord = { ...ours };
		let changed = false;
		for (const field of INVENTORY_FIELDS) {
			const mine = ours[field];
			const other = theirs[field];
			if (isEmptyValue(other) || sameJson(mine, other)) continue;
			if (!isEmptyValue(mine) && chosen(resolutions, `account:${ours.id}:${field}`) === 'current') continue;
			(next as Record<InventoryField, unknown>)[field] = other;
			changed = true;
		}
		if (!changed) return ours;
		next.updatedAt = theirs.updatedAt > ours.updatedAt ? theirs.updatedAt : ours.updatedAt;
		if (theirs.editedAt !== null && (ours.editedAt === null || theirs.editedAt > ours.editedAt)) {
			next.editedAt = theirs.editedAt;
		}
		return next;
	});
	const known = new Set(current.accounts.map((account) => account.id));
	for (const theirs of snapshot.accounts) if (!known.has(theirs.id)) merged.push(theirs);
	return merged;
}

function mergeEdited<T extends EditedRecord>(
	table: EditedTable,
	ours: readonly T[],
	theirs: readonly T[],
	resolutions: MergeResolutions
): T[] {
	const theirsByKey = new Map(theirs.map((record) => [keyOf(table, record), record]));
	const merged = ours.map((mine) => {
		const other = theirsByKey.get(keyOf(table, mine));
		if (!other || sameEdit(table, mine, other)) return mine;
		return chosen(resolutions, editedKey(table, other)) === 'snapshot' ? other : mine;
	});
	const known = new Set(ours.map((record) => keyOf(table, record)));
	for (const record of theirs) if (!known.has(keyOf(table, record))) merged.push(record);
	return merged;
}

function mergeDecisions(
	current: WorkspaceTables,
	snapshot: WorkspaceTables,
	resolutions: MergeResolutions
): { decisions: DecisionRecord[]; decisionHistory: DecisionHistoryRecord[] } {
	const theirsByAccount = new Map(snapshot.decisions.map((decision) => [decision.accountId, decision]));
	/** Accounts whose decision comes from the snapshot: only theirs had one, or a person chose it. */
	const takenFromSnapshot = new Set<string>();
	const decisions = current.decisions.map((ours) => {
		const theirs = theirsByAccount.get(ours.accountId);
		if (!theirs || !decisionDiffers(ours, theirs)) return ours;
		if (chosen(resolutions, `decision:${ours.accountId}`) === 'current') return ours;
		takenFromSnapshot.add(ours.accountId);
		return theirs;
	});
	const decided = new Set(current.decisions.map((decision) => decision.accountId));
	for (const theirs of snapshot.decisions) {
		if (decided.has(theirs.accountId)) continue;
		decisions.push(theirs);
		takenFromSnapshot.add(theirs.accountId);
	}

	// Undo walks back through an account's latest history entries, which must lead to the decision
	// it has. So the snapshot's moves join the history only where its decision is the one kept (or
	// where this workspace never decided on the account).
	const seen = new Set(current.decisionHistory.map(historyKey));
	const decisionHistory = [...current.decisionHistory];
	let nextId = maxId(current.decisionHistory) + 1;
	const incoming = [...snapshot.decisionHistory].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
	for (const entry of incoming) {
		if (decided.has(entry.accountId) && !takenFromSnapshot.has(entry.accountId)) continue;
		const key = historyKey(entry);
		if (seen.has(key)) continue;
		seen.add(key);
		decisionHistory.push({ ...entry, id: nextId++ });
	}
	return { decisions, decisionHistory };
}

function mergeMeta(current: WorkspaceTables, snapshot: WorkspaceTables): MetaRecord[] {
	const ours = new Map(current.meta.map((record) => [record.key, record]));
	const merged = [...current.meta];
	for (const theirs of snapshot.meta) {
		if (isLocalMeta(theirs)) continue;
		const mine = ours.get(theirs.key);
		if (!mine) {
			merged.push(theirs);
			continue;
		}
		// remembered account choices per kind of file: the current workspace's answer stays, the
		// snapshot's answers for kinds this one never asked about are added
		if (theirs.key === 'accountResolutions' && isPlainRecord(mine.value) && isPlainRecord(theirs.value)) {
			const index = merged.indexOf(mine);
			merged[index] = { key: mine.key, value: { ...theirs.value, ...mine.value } };
		}
	}
	return merged;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The merged workspace, every table in primary-key order. Current ids stay; the snapshot's new
 * imports, breakdowns and history entries are numbered after the current ones. Merged series and posts are rebuilt from the union
 * of layers with storage's rule, so the result is what importing both sides' files would give.
 */
export function applyMerge(current: WorkspaceTables, snapshot: WorkspaceTables, resolutions: MergeResolutions = {}): WorkspaceTables {
	const plan = planMerge(current, snapshot);

	// Shared files whose accounts differ and where the snapshot's assignment was chosen: its layers
	// replace the current ones for that import.
	const takeSnapshotLayers = new Set<number>();
	const importRecords = current.imports.map((record) => {
		const conflict = plan.conflicts.find((item) => item.kind === 'import-accounts' && item.sha256 === record.sha256);
		if (!conflict || chosen(resolutions, conflict.id) === 'current') return record;
		takeSnapshotLayers.add(record.id);
		const theirs = snapshot.imports.find((item) => item.sha256 === record.sha256)!;
		return { ...record, accountIds: theirs.accountIds, accountOverride: theirs.accountOverride, counts: theirs.counts };
	});
	const imports = [...importRecords, ...plan.newImports];

	const incoming = (importId: number) => {
		const merged = plan.importIdMap.get(importId)!;
		return plan.sharedSnapshotImportIds.has(importId) && !takeSnapshotLayers.has(merged) ? null : merged;
	};
	const seriesLayers = current.seriesLayers.filter((layer) => !takeSnapshotLayers.has(layer.importId));
	for (const layer of snapshot.seriesLayers) {
		const importId = incoming(layer.importId);
		if (importId !== null) seriesLayers.push(remapSeriesLayer(layer, importId));
	}
	const postLayers = current.postLayers.filter((layer) => !takeSnapshotLayers.has(layer.importId));
	for (const layer of snapshot.postLayers) {
		const importId = incoming(layer.importId);
		if (importId !== null) postLayers.push(remapPostLayer(layer, importId));
	}
	const breakdowns: BreakdownRecord[] = current.breakdowns.filter((record) => !takeSnapshotLayers.has(record.importId));
	let nextBreakdownId = maxId(current.breakdowns) + 1;
	for (const record of [...snapshot.breakdowns].sort((a, b) => a.id - b.id)) {
		const importId = incoming(record.importId);
		if (importId !== null) breakdowns.push({ ...record, id: nextBreakdownId++, importId });
	}

	const { series, posts } = rebuildMergedTables({ imports, seriesLayers, postLayers });
	const { decisions, decisionHistory } = mergeDecisions(current, snapshot, resolutions);
	return tablesInKeyOrder({
		accounts: mergeAccounts(current, snapshot, resolutions),
		imports,
		seriesLayers,
		series,
		postLayers,
		posts,
		breakdowns,
		decisions,
		decisionHistory,
		annotations: mergeEdited('annotations', current.annotations, snapshot.annotations, resolutions),
		northStars: mergeEdited('northStars', current.northStars, snapshot.northStars, resolutions),
		calendarItems: mergeEdited('calendarItems', current.calendarItems, snapshot.calendarItems, resolutions),
		mappingPresets: mergeEdited('mappingPresets', current.mappingPresets, snapshot.mappingPresets, resolutions),
		tagRules: mergeEdited('tagRules', current.tagRules, snapshot.tagRules, resolutions),
		postTags: mergeEdited('postTags', current.postTags, snapshot.postTags, resolutions),
		meta: mergeMeta(current, snapshot)
	});
}

function seriesChanges(before: readonly SeriesRecord[], after: readonly SeriesRecord[]): SeriesChange[] {
	const beforeById = new Map(before.map((record) => [record.id, record]));
	const afterIds = new Set(after.map((record) => record.id));
	const changes = new Map<string, SeriesChange>();
	const tally = (record: SeriesRecord) => {
		const key = `${record.accountId}|${record.metric}`;
		let change = changes.get(key);
		if (!change) {
			change = { accountId: record.accountId, metric: record.metric, newDays: 0, changedDays: 0, removedDays: 0 };
			changes.set(key, change);
		}
		return change;
	};
	for (const record of after) {
		const old = beforeById.get(record.id);
		let newDays = 0;
		let changedDays = 0;
		let removedDays = 0;
		for (let slot = 0; slot < record.sources.length; slot++) {
			const had = old !== undefined && old.sources[slot] !== 0;
			const has = record.sources[slot] !== 0;
			if (has && !had) newDays++;
			else if (had && !has) removedDays++;
			else if (has && had && old.values[slot] !== record.values[slot]) changedDays++;
		}
		if (newDays + changedDays + removedDays === 0) continue;
		const change = tally(record);
		change.newDays += newDays;
		change.changedDays += changedDays;
		change.removedDays += removedDays;
	}
	for (const old of before) {
		if (afterIds.has(old.id)) continue;
		const removed = old.sources.reduce((count, source) => count + (source !== 0 ? 1 : 0), 0);
		if (removed > 0) tally(old).removedDays += removed;
	}
	return [...changes.values()].sort((a, b) =>
		a.accountId !== b.accountId ? (a.accountId < b.accountId ? -1 : 1) : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0
	);
}

function samePostContent(a: StoredPost, b: StoredPost): boolean {
	if (a.text !== b.text || a.publishedAt !== b.publishedAt || a.day !== b.day || a.link !== b.link || a.type !== b.type) {
		return false;
	}
	const keysA = Object.keys(a.metrics) as MetricKey[];
	if (keysA.length !== Object.keys(b.metrics).length) return false;
	return keysA.every((key) => a.metrics[key] === b.metrics[key]);
}

function postChanges(before: WorkspaceTables['posts'], after: WorkspaceTables['posts']): PostChange[] {
	const beforeByAccount = new Map(before.map((record) => [record.accountId, record.posts]));
	const changes: PostChange[] = [];
	for (const record of after) {
		const old = new Map((beforeByAccount.get(record.accountId) ?? []).map((post) => [postKey(post), post]));
		let added = 0;
		let updated = 0;
		for (const post of record.posts) {
			const previous = old.get(postKey(post));
			if (!previous) added++;
			else if (!samePostContent(previous, post)) updated++;
		}
		if (added + updated > 0) changes.push({ accountId: record.accountId, added, updated });
	}
	return changes;
}

/**
 * What merging `snapshot` into `current` would do, and what needs a person's decision. The counts
 * are those of `applyMerge` with every conflict left at the current side.
 */
export function diffForMerge(current: WorkspaceTables, snapshot: WorkspaceTables): MergePreview {
	const plan = planMerge(current, snapshot);
	const merged = applyMerge(current, snapshot, {});
	const currentAccounts = new Map(current.accounts.map((account) => [account.id, account]));
	const filledFields: MergePreview['filledFields'] = [];
	for (const theirs of snapshot.accounts) {
		const ours = currentAccounts.get(theirs.id);
		if (!ours) continue;
		for (const field of INVENTORY_FIELDS) {
			if (isEmptyValue(ours[field]) && !isEmptyValue(theirs[field])) filledFields.push({ accountId: theirs.id, field });
		}
	}
	const addedCount = <K extends keyof WorkspaceTables>(table: K) => merged[table].length - current[table].length;
	return {
		newAccounts: snapshot.accounts
			.filter((account) => !currentAccounts.has(account.id))
			.map(({ id, platform, displayName }) => ({ id, platform, displayName })),
		filledFields,
		newImports: plan.newImports.map(({ fileName, sha256, importedAt }) => ({ fileName, sha256, importedAt })),
		sharedImports: plan.sharedSnapshotImportIds.size,
		series: seriesChanges(current.series, merged.series),
		posts: postChanges(current.posts, merged.posts),
		added: {
			breakdowns: addedCount('breakdowns'),
			decisions: addedCount('decisions'),
			decisionHistory: addedCount('decisionHistory'),
			annotations: addedCount('annotations'),
			northStars: addedCount('northStars'),
			calendarItems: addedCount('calendarItems'),
			mappingPresets: addedCount('mappingPresets'),
			tagRules: addedCount('tagRules'),
			postTags: addedCount('postTags')
		},
		conflicts: plan.conflicts
	};
}

/**
 * The workspace after Replace: the snapshot's tables, with this browser's own bookkeeping (when
 * the last snapshot was saved, changes since) kept, since that describes this device, not the data.
 */
export function replacementTables(current: Pick<WorkspaceTables, 'meta'>, snapshot: WorkspaceTables): WorkspaceTables {
	return {
		...snapshot,
		meta: [...snapshot.meta.filter((record) => !isLocalMeta(record)), ...current.meta.filter(isLocalMeta)]
	};
}
