/**
 * What a person reads when a snapshot cannot be opened: which file, what is wrong, what to do,
 * and that nothing changed. One function per failure so tests and UI share the exact words.
 */
import type { z } from 'zod';

export type SnapshotFailureKind =
	| 'too-large'
	| 'not-snapshot'
	| 'damaged'
	| 'unsafe'
	| 'newer-version'
	| 'unsupported-version'
	| 'checksum'
	| 'invalid';

const NOTHING_CHANGED = 'Nothing was loaded and your workspace is unchanged.';

export function fileSize(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	const mb = bytes / (1024 * 1024);
	return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Where a Zod issue is, as `content.accounts[3].owner`. */
export function issuePath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}

/** The first few problems Zod found, in one line. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 3): string {
	const shown = issues.slice(0, limit).map((issue) => `${issuePath(issue.path) || 'the file'}: ${issue.message}`);
	const more = issues.length > limit ? ` and ${issues.length - limit} more problem${issues.length - limit === 1 ? '' : 's'}` : '';
	return `${shown.join('; ')}${more}`;
}

export const snapshotMessages = {
	tooLarge: (fileName: string, size: number, limit: number) =>
		`"${fileName}" is ${fileSize(size)}, more than the ${fileSize(limit)} a Chorus snapshot can be. Check that it is the snapshot you meant to open. ${NOTHING_CHANGED}`,
	inflatesTooLarge: (fileName: string, limit: number) =>
		`"${fileName}" unpacks to more than ${fileSize(limit)}, more than any Chorus workspace holds; it is not a snapshot Chorus saved. ${NOTHING_CHANGED}`,
	notSnapshot: (fileName: string) =>
		`"${fileName}" is not a Chorus snapshot: it is neither gzip-compressed nor JSON. Open a .chorus.json.gz file saved with "Save snapshot"; to import platform exports, use Import instead. ${NOTHING_CHANGED}`,
	truncated: (fileName: string, detail: string) =>
		`"${fileName}" is damaged: its compressed data is cut off or corrupt (${detail}). The download or copy was probably interrupted; get the file again from where it was shared. ${NOTHING_CHANGED}`,
	notUtf8: (fileName: string) =>
		`"${fileName}" is damaged: its text is not valid UTF-8. Get the file again from where it was shared. ${NOTHING_CHANGED}`,
	notJson: (fileName: string, detail: string) =>
		`"${fileName}" is not readable JSON (${detail}). If it was edited by hand or cut off, get an untouched copy. ${NOTHING_CHANGED}`,
	notAnObject: (fileName: string) =>
		`"${fileName}" is JSON but not a Chorus snapshot (it is not an object with a "format" field). Open a .chorus.json.gz file saved with "Save snapshot". ${NOTHING_CHANGED}`,
	unknownFormat: (fileName: string, format: unknown) =>
		`"${fileName}" is not a Chorus snapshot (its format is ${format === undefined ? 'not stated' : JSON.stringify(format)}, not "chorus-snapshot"). Open a .chorus.json.gz file saved with "Save snapshot". ${NOTHING_CHANGED}`,
	unsafeKey: (fileName: string, key: string, path: string) =>
		`"${fileName}" contains the key "${key}" (at ${path}), which Chorus never writes and refuses because it can be used to tamper with the app. Do not use this file; ask the sender for the snapshot as Chorus saved it. ${NOTHING_CHANGED}`,
	tooDeep: (fileName: string, path: string) =>
		`"${fileName}" is nested far deeper than any Chorus snapshot (at ${path}); it was not saved by Chorus. Do not use this file; ask the sender for the snapshot as Chorus saved it. ${NOTHING_CHANGED}`,
	badVersion: (fileName: string, version: unknown) =>
		`"${fileName}" has no valid format version (found ${JSON.stringify(version) ?? 'nothing'}). It was not saved by Chorus or was edited; get an untouched copy. ${NOTHING_CHANGED}`,
	newerVersion: (fileName: string, fileVersion: number, appVersion: string | null, supported: number) =>
		`"${fileName}" was made by a newer Chorus (version ${appVersion ?? 'unknown'}, snapshot format ${fileVersion}); this Chorus reads snapshot formats up to ${supported}. Update Chorus to open it. ${NOTHING_CHANGED}`,
	noMigration: (fileName: string, fileVersion: number) =>
		`"${fileName}" uses snapshot format ${fileVersion}, which this Chorus cannot upgrade. Open it with the Chorus version that saved it and save it again, or report this. ${NOTHING_CHANGED}`,
	checksum: (fileName: string) =>
		`"${fileName}" was changed or damaged after it was saved: its content does not match the checksum Chorus stored in it. Use an untouched copy, for example the one originally shared or downloaded. ${NOTHING_CHANGED}`,
	summaryMismatch: (fileName: string) =>
		`The summary stored in "${fileName}" does not describe its content; the summary was edited after the file was saved. The content itself is intact (its checksum matches), and the numbers Chorus shows come from it.`,
	headNotFound: (fileName: string) =>
		`The summary of "${fileName}" cannot be read on its own (an older format, or the file was re-saved by another program). Open the file to see what it holds.`,
	invalid: (fileName: string, details: string) =>
		`"${fileName}" does not have the shape of a Chorus snapshot (${details}). It was edited or written by another program; use a copy Chorus saved. ${NOTHING_CHANGED}`
};
