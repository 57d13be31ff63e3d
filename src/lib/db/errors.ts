/**
 * Storage failures as data: a kind the UI can branch on and a message a person can act on. Commit,
 * undo and restore run in one transaction each, so every message can promise that nothing changed.
 */

export type StorageErrorKind = 'quota' | 'closed' | 'read-only' | 'account-missing' | 'not-found' | 'invalid-data' | 'failed';

export interface StorageError {
	kind: StorageErrorKind;
	message: string;
	/** The underlying error's own text, for a "details" disclosure and bug reports. */
	detail?: string;
}

export type StorageAction = 'import' | 'undo' | 'restore' | 'save';

const NOTHING_CHANGED: Record<StorageAction, string> = {
	import: 'nothing from this import was saved',
	undo: 'the import was not undone and nothing changed',
	restore: 'the snapshot was not loaded and your data is unchanged',
	save: 'the change was not saved'
};

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
	const nothingChanged = NOTHING_CHANGED[action];
	if (isQuotaError(error)) {
		return {
			kind: 'quota',
			message: `Your browser's storage is full: ${nothingChanged}. Free space or export a snapshot and clear old data.`,
			detail
		};
	}
	if (hasName(error, ['ReadOnlyViewError'])) {
		return {
			kind: 'read-only',
			message: `You are viewing a snapshot read-only: ${nothingChanged}. Leave the snapshot view to work on your own data.`,
			detail
		};
	}
	if (hasName(error, ['DatabaseClosedError', 'VersionChangeError', 'VersionError'])) {
		return {
			kind: 'closed',
			message: `Chorus was updated or closed in another tab: ${nothingChanged}. Reload this page to continue.`,
			detail
		};
	}
	return {
		kind: 'failed',
		message: `The browser's storage refused the change: ${nothingChanged}. Try again; if it keeps failing, export a snapshot and reload.`,
		detail
	};
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
