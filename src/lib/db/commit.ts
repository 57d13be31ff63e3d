/**
 * Saves a confirmed batch of parsed files: import records, accounts, one columnar layer per
 * (import, account, metric), post layers, breakdowns, and the merged records for exactly the
 * (account, metric, year) keys and accounts the batch touches. All of it in one read-write
 * transaction: either the whole batch is stored or nothing is.
 *
 * The transaction holds only Dexie calls. Everything else (parsing, hashing, building typed arrays)
 * happens before it opens, because awaiting anything else inside would let IndexedDB auto-commit
 * halfway.
 */
import type { AccountRef } from '../domain/model';
import type {
	AccountRecord,
	BreakdownRecord,
	ImportCounts,
	ImportRecord,
	PostLayerRecord,
	SeriesLayerRecord
} from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { storageMessage, toStorageError, type StorageError } from './errors';
import { duplicateMessage, batchDuplicateMessage, EMPTY_FILE_MESSAGE } from './import-plan';
import { DuplicateFinder, lookupKeys } from './dedupe';
import { newId } from './ids';
import { postLayerId, seriesLayerId } from './merge';
import { countWorkspaceChange, getMeta } from './meta';
import { isEmptyItem, needsAccount, prepareItem, type ImportItem, type PreparedItem } from './prepare';
import { MergeSession } from './session';
import { TimeSlicer } from './slices';
import type { MessageParam } from '../domain/coded-message';

/** Main-thread time to aim at for one chunk of writes, and for one slice of merging inside the transaction. */
const WRITE_SLICE_MS = 40;

/** The most a chunk of writeInSlices weighs (records, or what weightOf counts: the posts of post layers). */
const MAX_CHUNK_WEIGHT = 1 << 16;

/** Row issues kept per import record; a broken file can have one per row, which nobody reads past this. */
export const MAX_STORED_ISSUES = 500;

export interface CommitOptions {
	/** Groups the imports of one drop; generated when not given. */
	batchId?: string;
	now?: Date;
	/**
	 * Test seam: runs inside the transaction after the layers are written and before the merged
	 * records are. Throwing here aborts the whole batch, as any failure at that point would.
	 */
	afterLayersWritten?: () => void;
}

export interface CommittedImport {
	importId: number;
	fileName: string;
	accountIds: string[];
	counts: ImportCounts;
}

export interface SkippedItem {
	fileName: string;
	sha256: string;
	reason: 'duplicate' | 'empty';
	/** English; `code` and `params` word it in the active language (issueText). */
	message: string;
	code?: string;
	params?: Record<string, MessageParam>;
	/** For a duplicate of something stored: the import that already holds this content. */
	existingImportId: number | null;
}

export type CommitResult =
	| { ok: true; batchId: string; imported: CommittedImport[]; skipped: SkippedItem[]; createdAccountIds: string[] }
	| { ok: false; error: StorageError };

function clean(text: string | undefined): string | null {
	const trimmed = text?.trim();
	return trimmed ? trimmed : null;
}

export function newImportedAccount(id: string, ref: AccountRef, at: string): AccountRecord {
	const handle = clean(ref.handle)?.replace(/^@/, '') ?? null;
	const externalId = clean(ref.externalId);
	return {
		id,
		platform: ref.platform,
		handle,
		displayName: clean(ref.displayName) ?? handle ?? externalId ?? id,
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
		origin: 'import',
		createdAt: at,
		updatedAt: at,
		editedAt: null
	};
}

/**
 * Identity details a later file adds to an existing account: only fields that are still empty, and
 * the display name only while it is the stand-in taken from the handle and nobody has edited the account.
 */
export function fillAccountIdentity(account: AccountRecord, ref: AccountRef, at: string): AccountRecord | null {
	const next = { ...account };
	const handle = clean(ref.handle)?.replace(/^@/, '') ?? null;
	const externalId = clean(ref.externalId);
	const displayName = clean(ref.displayName);
	if (next.handle === null && handle) next.handle = handle;
	if (next.externalId === null && externalId) next.externalId = externalId;
	const nameIsStandIn = [account.handle, account.externalId, account.id].includes(account.displayName);
	if (displayName && account.editedAt === null && nameIsStandIn && displayName !== account.displayName) {
		next.displayName = displayName;
	}
	const changed = next.handle !== account.handle || next.externalId !== account.externalId || next.displayName !== account.displayName;
	if (!changed) return null;
	next.updatedAt = at;
	return next;
}

export async function commitImport(
	database: ChorusDatabase,
	items: readonly ImportItem[],
	options: CommitOptions = {}
): Promise<CommitResult> {
	const at = (options.now ?? new Date()).toISOString();
	const batchId = options.batchId ?? newId();
	// outside the transaction: a timer may give the thread back here
	const preparing = new TimeSlicer();
	const prepared: PreparedItem[] = [];
	for (const item of items) {
		prepared.push(prepareItem(item));
		await preparing.maybeYield();
	}

	const tables = [
		database.accounts,
		database.imports,
		database.seriesLayers,
		database.series,
		database.postLayers,
		database.posts,
		database.breakdowns,
		database.meta
	];
	try {
		return await database.transaction('rw', tables, async (): Promise<CommitResult> => {
			// Inside the transaction the thread is given back with a small IndexedDB read: the
			// transaction stays open while a request of it is pending (a timer would let it commit half
			// way), and the request's answer comes in a new task, so the browser can paint in between.
			const slicer = new TimeSlicer(() => database.meta.get('changesSinceSnapshot'), WRITE_SLICE_MS);
			const stored = await database.imports.where('sha256').anyOf(lookupKeys(prepared)).toArray();
			const duplicates = new DuplicateFinder(stored);
			const skipped: SkippedItem[] = [];
			const toCommit: PreparedItem[] = [];
			const storageKeys = new Map<PreparedItem, string>();
			for (const item of prepared) {
				const { contentKey: sha256 } = item;
				const { fileName } = item.item;
				const { storedCopy, batchCopy, storageKey } = duplicates.next(item);
				if (storedCopy || batchCopy) {
					skipped.push({
						fileName,
						sha256,
						reason: 'duplicate',
						...(storedCopy ? duplicateMessage(storedCopy) : batchDuplicateMessage(batchCopy!)),
						existingImportId: storedCopy?.id ?? null
					});
				} else if (isEmptyItem(item)) {
					skipped.push({ fileName, sha256, reason: 'empty', ...EMPTY_FILE_MESSAGE, existingImportId: null });
				} else {
					toCommit.push(item);
					storageKeys.set(item, storageKey);
				}
			}
			// checked after de-duplication: a stored file needs no account chosen again
			const unresolved = toCommit.filter(needsAccount);
			if (unresolved.length > 0) return accountMissing(unresolved);
			if (toCommit.length === 0) return { ok: true, batchId, imported: [], skipped, createdAccountIds: [] };

			const createdAccountIds = await upsertAccounts(database, toCommit, at);

			const drafts: Omit<ImportRecord, 'id'>[] = toCommit.map((item) => {
				const { parsed } = item.item;
				const issues = [...parsed.issues, ...item.issues];
				return {
					fileName: item.item.fileName,
					size: item.item.size,
					sha256: storageKeys.get(item)!,
					format: parsed.format,
					formatLabel: parsed.formatLabel,
					platform: parsed.platform,
					encoding: parsed.encoding,
					accountIds: [...item.accounts.keys()],
					accountOverride: item.item.accountOverride ?? null,
					rowCount: parsed.rowCount,
					firstDay: item.firstDay,
					lastDay: item.lastDay,
					coversUntil: parsed.coversUntil,
					counts: { seriesPoints: 0, posts: 0, breakdowns: 0, newDays: 0, overlapDays: 0, updatedPosts: 0 },
					// stored as the schema (and the snapshot format, which refuses unknown keys) has them:
					// line, severity and the English text; the code and values are not stored yet
					issues: issues.slice(0, MAX_STORED_ISSUES).map(({ line, severity, message }) => (line === undefined ? { severity, message } : { line, severity, message })),
					issueCount: issues.length,
					importedAt: at,
					batchId
				};
			});
			// Each import record is written once, with its counts. The merge needs the ids first, so only
			// the first record is added ahead (its id is the key generator's next one) and the others are
			// added at the end with the ids auto-increment would have given them, one after the other:
			// what is stored is the same as adding every draft and writing it again with its counts
			// (which was 2,179 more requests for the large drop: docs/performance.md).
			const firstId = await database.imports.add(drafts[0]);
			const importIds = drafts.map((_, index) => firstId + index);

			const session = await MergeSession.load(database, toCommit);
			const finals: ImportRecord[] = [];
			const layerRecords: SeriesLayerRecord[] = [];
			const postLayerRecords: PostLayerRecord[] = [];
			const breakdownDrafts: Omit<BreakdownRecord, 'id'>[] = [];
			for (let index = 0; index < toCommit.length; index++) {
				// only ever await IndexedDB here: awaiting a promise that is not Dexie's (an async function
				// that returns at once) loses Dexie's transaction zone, and IndexedDB commits early
				if (slicer.due) await slicer.yield();
				const item = toCommit[index];
				const importId = importIds[index];
				const record: ImportRecord = { ...drafts[index], id: importId };
				const rank = session.addImport(record);
				const counts: ImportCounts = {
					seriesPoints: item.seriesPoints,
					posts: item.postCount,
					breakdowns: item.breakdowns.length,
					newDays: 0,
					overlapDays: 0,
					updatedPosts: 0
				};
				for (const layer of item.layers) {
					const tally = session.applyLayer(layer, rank);
					counts.newDays += tally.filled;
					counts.overlapDays += tally.overlapped;
					layerRecords.push({
						id: seriesLayerId(importId, layer.accountId, layer.metric),
						importId,
						accountId: layer.accountId,
						metric: layer.metric,
						startDay: layer.startDay,
						values: layer.values
					});
				}
				for (const [accountId, preparedPosts] of item.posts) {
					const posts = preparedPosts.map((post) => ({ ...post, sourceImportId: importId }));
					counts.updatedPosts += session.applyPosts(accountId, posts, rank).replaced;
					postLayerRecords.push({ id: postLayerId(importId, accountId), importId, accountId, posts });
				}
				for (const breakdown of item.breakdowns) breakdownDrafts.push({ ...breakdown, importId });
				finals.push({ ...record, counts });
			}

			// Writing copies every record on the main thread (structured clone): in slices too.
			await writeInSlices(layerRecords, (chunk) => database.seriesLayers.bulkAdd(chunk));
			// Post layers one chunk at a time: Chromium hands a value over 64 KB to the browser as a blob,
			// and with the browser busy storing the chunk before, handing over the next took up to 0.55 s
			// in one task (measured with two in flight; docs/performance.md).
			await writeInSlices(postLayerRecords, (chunk) => database.postLayers.bulkAdd(chunk), { weightOf: postLayerWeight, overlap: false });
			await writeInSlices(breakdownDrafts, (chunk) => database.breakdowns.bulkAdd(chunk));
			options.afterLayersWritten?.();
			await writeInSlices(session.changedSeries(), (chunk) => database.series.bulkPut(chunk.map(session.storable)));
			// one account's merged posts at a time: sorting and copying them all at once was one long task.
			// Posts that are the posts of layers are stored as a reference to them (merged-posts.ts): the
			// layers written above already hold their bytes.
			for (const accountId of session.changedPostAccounts()) {
				if (slicer.due) await slicer.yield();
				await database.posts.put(session.storedPosts(accountId));
			}
			await database.imports.put(finals[0]);
			await writeInSlices(finals.slice(1), (chunk) => database.imports.bulkAdd(chunk));
			await rememberAccountChoices(database, toCommit);
			await countWorkspaceChange(database);

			return {
				ok: true,
				batchId,
				imported: finals.map((record) => ({
					importId: record.id,
					fileName: record.fileName,
					accountIds: record.accountIds,
					counts: record.counts
				})),
				skipped,
				createdAccountIds
			};
		});
	} catch (error) {
		return { ok: false, error: toStorageError(error, 'import') };
	}
}

/**
 * Writes records in chunks. IndexedDB copies each record on the main thread when it is handed over
 * (structured clone), so no single task may hand them all over: the next chunk is handed over from
 * the answer to an earlier one, a new task. The chunk size follows how long handing over the last
 * chunk took, aiming at about WRITE_SLICE_MS whatever the records weigh (a year record, or a layer of
 * thousands of posts). Only the handing over is timed, not the wait for the answer, which on a busy
 * machine says nothing about the main thread.
 *
 * `weightOf`: what a record weighs when its size varies, as post layers' do (a few posts to thousands):
 * counting records, a chunk of heavy ones after a chunk of light ones was a task of 200-300 ms.
 *
 * `overlap`: two chunks in flight, the next handed over before the answer to the last one is
 * awaited, so the browser's IndexedDB threads store one while the page copies the next. Awaiting
 * each answer first left one side idle while the other worked (docs/performance.md).
 */
export async function writeInSlices<T>(
	records: readonly T[],
	write: (chunk: T[]) => Promise<unknown>,
	{ weightOf = () => 1, overlap = true }: { weightOf?: (record: T) => number; overlap?: boolean } = {}
): Promise<void> {
	let budget = 16;
	let inFlight: Promise<unknown> | null = null;
	for (let from = 0; from < records.length; ) {
		let to = from + 1;
		let weight = weightOf(records[from]);
		while (to < records.length && weight + weightOf(records[to]) <= budget) weight += weightOf(records[to++]);
		const chunk = records.slice(from, to);
		from = to;
		const started = performance.now();
		const written = write(chunk);
		const took = performance.now() - started;
		// a chunk that fails while an earlier one is awaited fails the transaction: awaited or not,
		// its error must not also surface as an unhandled rejection
		written.catch(ignore);
		if (inFlight) await inFlight;
		inFlight = written;
		if (!overlap) await written;
		// grow at most twofold, and no further than this chunk's pace says fits in WRITE_SLICE_MS
		if (took < WRITE_SLICE_MS / 2) budget = Math.min(Math.max(budget, weight) * 2, MAX_CHUNK_WEIGHT, Math.max(budget, (weight * WRITE_SLICE_MS) / Math.max(took, 0.1)));
		else if (took > WRITE_SLICE_MS * 1.5) budget = Math.max(Math.floor(Math.min(budget, weight) / 2), 1);
	}
	if (inFlight) await inFlight;
}

function ignore(): void {}

/**
 * What copying a post layer costs, roughly: its posts, and their text (a post's text runs from a few
 * words to a long article, and copying it is most of a long post's cost).
 */
export function postLayerWeight(layer: Pick<PostLayerRecord, 'posts'>): number {
	let weight = 1;
	for (const post of layer.posts) weight += 1 + (post.text.length + (post.link?.length ?? 0)) / 64;
	return weight;
}

function accountMissing(items: readonly PreparedItem[]): CommitResult {
	const files = items.map((item) => `“${item.item.fileName}”`).join(', ');
	return { ok: false, error: { kind: 'account-missing', ...storageMessage('storage.accountMissing', { count: items.length, files }) } };
}

/** Creates the accounts the batch introduces and fills empty identity fields of known ones. */
async function upsertAccounts(database: ChorusDatabase, items: readonly PreparedItem[], at: string): Promise<string[]> {
	const refs = new Map<string, AccountRef>();
	for (const item of items) for (const [id, ref] of item.accounts) if (!refs.has(id)) refs.set(id, ref);
	const ids = [...refs.keys()];
	const existing = await database.accounts.bulkGet(ids);
	const writes: AccountRecord[] = [];
	const created: string[] = [];
	ids.forEach((id, index) => {
		const account = existing[index];
		if (!account) {
			writes.push(newImportedAccount(id, refs.get(id)!, at));
			created.push(id);
			return;
		}
		const filled = fillAccountIdentity(account, refs.get(id)!, at);
		if (filled) writes.push(filled);
	});
	if (writes.length > 0) await database.accounts.bulkPut(writes);
	return created;
}

/** A file that named no account and got one from the person: suggest the same one for its kind next time. */
async function rememberAccountChoices(database: ChorusDatabase, items: readonly PreparedItem[]): Promise<void> {
	const choices = items.filter((item) => item.item.accountOverride && item.item.parsed.account === null);
	if (choices.length === 0) return;
	const resolutions = await getMeta(database, 'accountResolutions');
	for (const item of choices) resolutions[item.signature] = item.item.accountOverride!;
	await database.meta.put({ key: 'accountResolutions', value: resolutions });
}
