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
import type { AccountRecord, ImportRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { addTally, emptyTally, type SlotTally } from './merge';
import { getMeta } from './meta';
import { isEmptyItem, needsAccount, prepareItem, type ImportItem, type PreparedItem } from './prepare';
import { MergeSession } from './session';
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

export async function planImport(database: ChorusDatabase, items: readonly ImportItem[]): Promise<ImportPlan> {
	const prepared = items.map(prepareItem);
	return database.transaction('r', [database.imports, database.series, database.posts, database.accounts, database.meta], async () => {
		const stored = await database.imports.where('sha256').anyOf(lookupKeys(prepared)).toArray();
		const duplicates = new DuplicateFinder(stored);

		const toSimulate: PreparedItem[] = [];
		const verdicts: ('duplicate' | 'empty' | 'data')[] = [];
		const copies: DuplicateVerdict[] = [];
		for (const item of prepared) {
			const verdict = duplicates.next(item);
			copies.push(verdict);
			if (verdict.storedCopy || verdict.batchCopy) verdicts.push('duplicate');
			else if (isEmptyItem(item)) verdicts.push('empty');
			else {
				verdicts.push('data');
				toSimulate.push(item);
			}
		}

		const accountIds = [...new Set(toSimulate.flatMap((item) => [...item.accounts.keys()]))];
		const [accountRecords, session, lastId, resolutions] = await Promise.all([
			database.accounts.bulkGet(accountIds),
			MergeSession.load(database, toSimulate),
			database.imports.toCollection().lastKey(),
			getMeta(database, 'accountResolutions')
		]);
		const storedAccounts = new Map<string, AccountRecord>();
		for (const record of accountRecords) if (record) storedAccounts.set(record.id, record);

		const newAccounts = new Map<string, PlannedAccount>();
		let pendingId = (typeof lastId === 'number' ? lastId : 0) + 1;
		const plans: PlannedItem[] = [];
		const totals: ImportPlan['totals'] = {
			files: items.length,
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

		const sumTally: SlotTally = emptyTally();
		prepared.forEach((item, index) => {
			const { fileName, parsed } = item.item;
			const sha256 = item.contentKey;
			if (verdicts[index] === 'duplicate') {
				totals.duplicates++;
				const { storedCopy, batchCopy } = copies[index];
				plans.push({
					status: 'duplicate',
					fileName,
					sha256,
					existingImportId: storedCopy?.id ?? null,
					importedAt: storedCopy?.importedAt ?? null,
					...(storedCopy ? duplicateMessage(storedCopy) : batchDuplicateMessage(batchCopy!))
				});
				return;
			}
			const issues = [...parsed.issues, ...item.issues];
			if (verdicts[index] === 'empty') {
				totals.empty++;
				plans.push({ status: 'empty', fileName, sha256, issues, ...EMPTY_FILE_MESSAGE });
				return;
			}

			const rank = session.addImport({ id: pendingId++, coversUntil: parsed.coversUntil, lastDay: item.lastDay });
			const metrics: MetricPlan[] = item.layers.map((layer) => {
				const tally = session.applyLayer(layer, rank);
				addTally(sumTally, tally);
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
			});
			const posts: PostPlan = { total: item.postCount, new: 0, updated: 0, kept: 0 };
			for (const [accountId, accountPosts] of item.posts) {
				const tally = session.applyPosts(
					accountId,
					accountPosts.map((post) => ({ ...post, sourceImportId: rank.importId })),
					rank
				);
				posts.new += tally.added;
				posts.updated += tally.replaced;
				posts.kept += tally.kept;
			}

			const accounts: PlannedAccount[] = [...item.accounts].map(([id, ref]) => {
				const existing = storedAccounts.get(id);
				const planned: PlannedAccount = {
					id,
					ref,
					status: existing ? 'existing' : 'new',
					name: accountName(ref, existing)
				};
				if (!existing && !newAccounts.has(id)) newAccounts.set(id, planned);
				return planned;
			});
			const missing = needsAccount(item);
			if (missing) totals.needsAccount++;
			else totals.toImport++;
			totals.seriesPoints += item.seriesPoints;
			totals.postsNew += posts.new;
			totals.postsUpdated += posts.updated;
			totals.breakdowns += item.breakdowns.length;

			plans.push({
				status: missing ? 'needs-account' : 'ready',
				fileName,
				sha256,
				...(missing ? planMessage('plan.needsAccount') : planMessage('plan.ready')),
				format: parsed.format,
				formatLabel: parsed.formatLabel,
				platform: parsed.platform,
				accounts,
				unresolved: { ...item.unresolved },
				rememberedAccount: missing ? (resolutions[item.signature] ?? null) : null,
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
			});
		});
		totals.newDays = sumTally.filled;
		totals.overlapDays = sumTally.overlapped;
		totals.changedDays = sumTally.changed;

		return {
			items: plans,
			newAccounts: [...newAccounts.values()],
			canCommit: totals.needsAccount === 0 && totals.toImport > 0,
			totals
		};
	});
}
