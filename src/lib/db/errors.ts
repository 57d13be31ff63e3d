/**
 * Storage failures as data: a kind the UI can branch on and a message a person can act on. Commit,
 * undo and restore run in one transaction each, so every message can promise that nothing changed.
 */
import { messageMaker, type MessageParam, type TemplateTable } from '../domain/coded-message';

export type StorageErrorKind = 'quota' | 'closed' | 'read-only' | 'account-missing' | 'not-found' | 'invalid-data' | 'failed';

export interface StorageError {
	kind: StorageErrorKind;
	/** The English text; `code` and `params` word it in the active language (issueText). */
	message: string;
	code?: string;
	params?: Record<string, MessageParam>;
	/** The underlying error's own text, for a "details" disclosure and bug reports. */
	detail?: string;
}

export type StorageAction = 'import' | 'undo' | 'restore' | 'save';

/**
 * The English catalogue's `storage.*` messages (see importers/messages.ts for how the tables and
 * the catalogue are kept equal). `{{action}}` picks what the failure left unchanged.
 */
export const STORAGE_MESSAGES = {
	'storage.nothingChanged.import': 'nothing from this import was saved',
	'storage.nothingChanged.undo': 'the import was not undone and nothing changed',
	'storage.nothingChanged.restore': 'the snapshot was not loaded and your data is unchanged',
	'storage.nothingChanged.save': 'the change was not saved',
	'storage.quota': "Your browser's storage is full: $t(issues:storage.nothingChanged.{{action}}). Free space or export a snapshot and clear old data.",
	'storage.readOnly': 'You are viewing a snapshot read-only: $t(issues:storage.nothingChanged.{{action}}). Leave the snapshot view to work on your own data.',
	'storage.closed': 'Chorus was updated or closed in another tab: $t(issues:storage.nothingChanged.{{action}}). Reload this page to continue.',
	'storage.failed':
		"The browser's storage refused the change: $t(issues:storage.nothingChanged.{{action}}). Try again; if it keeps failing, export a snapshot and reload.",
	'storage.importGone': 'That import is no longer stored (it may have been undone in another tab): nothing to undo.',
	'storage.accountMissing': {
		one: 'Choose the account for {{files}} first: it does not say whose data it is. Nothing was saved.',
		other: 'Choose the account for {{files}} first: they do not say whose data they are. Nothing was saved.'
	}
} as const satisfies TemplateTable;

export const storageMessage = messageMaker(STORAGE_MESSAGES);

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	inner?: unknown;
	cause?: unknown;
	failures?: unknown;
}

/**
 * Dexie wraps IndexedDB's errors (AbortError with `inner`, BulkError with `failures`), and a full disk
 * surfaces as a QuotaExceededError at any depth of that chain, so look at all of it.
 */
function errorChain(error: unknown, seen = new Set<unknown>()): ErrorLike[] {
	if (error === null || typeof error !== 'object' || seen.has(error)) return [];
	seen.add(error);
	const like = error as ErrorLike;
	const chain: ErrorLike[] = [like];
	chain.push(...errorChain(like.inner, seen), ...errorChain(like.cause, seen));
	if (Array.isArray(like.failures)) for (const failure of like.failures) chain.push(...errorChain(failure, seen));
	return chain;
}

function hasName(error: unknown, names: string[]): boolean {
	return errorChain(error).some((link) => typeof link.name === 'string' && names.includes(link.name));
}

export function isQuotaError(error: unknown): boolean {
	return hasName(error, ['QuotaExceededError']);
}

export function toStorageError(error: unknown, action: StorageAction): StorageError {
	const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	if (isQuotaError(error)) return { kind: 'quota', ...storageMessage('storage.quota', { action }), detail };
	if (hasName(error, ['ReadOnlyViewError'])) return { kind: 'read-only', ...storageMessage('storage.readOnly', { action }), detail };
	if (hasName(error, ['DatabaseClosedError', 'VersionChangeError', 'VersionError']))
		return { kind: 'closed', ...storageMessage('storage.closed', { action }), detail };
	return { kind: 'failed', ...storageMessage('storage.failed', { action }), detail };
}

/** A stored record that does not have the shape this version of Chorus expects. */
export class StoredDataError extends Error {
	constructor(
		readonly table: string,
		readonly recordKey: unknown,
		problem: string
	) {
		super(
			`Stored data in "${table}" (${String(recordKey)}) is not in the shape this version of Chorus expects: ${problem}. Export a snapshot to keep a copy, then report this.`
		);
		this.name = 'StoredDataError';
	}
}
