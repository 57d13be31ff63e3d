/**
 * Which files of a batch are already stored. A file's identity is its content (SHA-256) together
 * with the accounts its data goes to: for X, LinkedIn and TikTok exports the account comes from the
 * file or zip name, so two accounts with a quiet period export byte-identical files (all zeros for
 * the same days), and each must still be stored for its own account. A file whose account is not
 * yet chosen is a repeat of any stored file with the same content.
 *
 * Imports stay unique on `sha256` (schema v1): the first import of some bytes is stored under the
 * plain hash, a later one of the same bytes for other accounts under `<hash>#<account ids>`.
 */
import type { ImportRecord } from '../schemas/db-records';
import type { PreparedItem } from './prepare';

export interface DuplicateVerdict {
	/** The stored import this file repeats. */
	storedCopy: ImportRecord | null;
	/** The earlier file of this batch it repeats. */
	batchCopy: string | null;
	/** The key to store it under when it is not a repeat. */
	storageKey: string;
}

function accountsOf(item: PreparedItem): string[] {
	return [...item.accounts.keys()].sort();
}

function accountKey(contentKey: string, accounts: readonly string[]): string {
	return `${contentKey}#${accounts.join(',')}`;
}

function sameAccounts(stored: readonly string[], accounts: readonly string[]): boolean {
	const sorted = [...stored].sort();
	return sorted.length === accounts.length && sorted.every((id, index) => id === accounts[index]);
}

/** Every key under which a stored copy of these items could be. */
export function lookupKeys(items: readonly PreparedItem[]): string[] {
	return [...new Set(items.flatMap((item) => [item.contentKey, accountKey(item.contentKey, accountsOf(item))]))];
}

/** Decides, file by file in batch order, whether each repeats something stored or earlier in the batch. */
export class DuplicateFinder {
	readonly #stored: Map<string, ImportRecord>;
	readonly #firstByIdentity = new Map<string, string>();
	readonly #firstByContent = new Map<string, string>();
	readonly #takenKeys = new Set<string>();

	constructor(stored: readonly ImportRecord[]) {
		this.#stored = new Map(stored.map((record) => [record.sha256, record]));
	}

	next(item: PreparedItem): DuplicateVerdict {
		const content = item.contentKey;
		const accounts = accountsOf(item);
		const plain = this.#stored.get(content);
		let storedCopy: ImportRecord | null;
		let batchCopy: string | null;
		if (accounts.length === 0) {
			storedCopy = plain ?? null;
			batchCopy = this.#firstByContent.get(content) ?? null;
		} else {
			storedCopy = (plain && sameAccounts(plain.accountIds, accounts) ? plain : this.#stored.get(accountKey(content, accounts))) ?? null;
			batchCopy = this.#firstByIdentity.get(accountKey(content, accounts)) ?? null;
		}
		const storageKey = plain || this.#takenKeys.has(content) ? accountKey(content, accounts) : content;
		if (!storedCopy && !batchCopy) this.#takenKeys.add(storageKey);
		if (!this.#firstByContent.has(content)) this.#firstByContent.set(content, item.item.fileName);
		const identity = accountKey(content, accounts);
		if (accounts.length > 0 && !this.#firstByIdentity.has(identity)) this.#firstByIdentity.set(identity, item.item.fileName);
		return { storedCopy, batchCopy, storageKey };
	}
}
