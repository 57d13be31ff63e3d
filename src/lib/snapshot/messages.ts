/**
 * What a person reads when a snapshot cannot be opened: which file, what is wrong, what to do,
 * and that nothing changed. One function per failure so tests and UI share the exact words.
 */
import type { z } from 'zod';
import { messageMaker, type MessageParam, type TemplateTable } from '../domain/coded-message';

export type SnapshotFailureKind =
	| 'too-large'
	| 'not-snapshot'
	| 'damaged'
	| 'unsafe'
	| 'newer-version'
	| 'unsupported-version'
	| 'checksum'
	| 'invalid';

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

const NOTHING_CHANGED = '$t(issues:snapshot.nothingChanged)';
const USE_SAVED = 'Open a .chorus.json.gz file saved with "Save snapshot".';
const ASK_SENDER = 'Do not use this file; ask the sender for the snapshot as Chorus saved it.';

/**
 * The English catalogue's `snapshot.*` messages (importers/messages.ts explains how the tables
 * and the catalogue are kept equal). `{{detail}}` is the reader's own technical words.
 */
export const SNAPSHOT_MESSAGES = {
	'snapshot.nothingChanged': 'Nothing was loaded and your workspace is unchanged.',
	'snapshot.tooLarge': `"{{name}}" is {{size}}, more than the {{limit}} a Chorus snapshot can be. Check that it is the snapshot you meant to open. ${NOTHING_CHANGED}`,
	'snapshot.inflatesTooLarge': `"{{name}}" unpacks to more than {{limit}}, more than any Chorus workspace holds; it is not a snapshot Chorus saved. ${NOTHING_CHANGED}`,
	'snapshot.notSnapshot': `"{{name}}" is not a Chorus snapshot: it is neither gzip-compressed nor JSON. ${USE_SAVED.slice(0, -1)}; to import platform exports, use Import instead. ${NOTHING_CHANGED}`,
	'snapshot.truncated': `"{{name}}" is damaged: its compressed data is cut off or corrupt ({{detail}}). The download or copy was probably interrupted; get the file again from where it was shared. ${NOTHING_CHANGED}`,
	'snapshot.notUtf8': `"{{name}}" is damaged: its text is not valid UTF-8. Get the file again from where it was shared. ${NOTHING_CHANGED}`,
	'snapshot.notJson': `"{{name}}" is not readable JSON ({{detail}}). If it was edited by hand or cut off, get an untouched copy. ${NOTHING_CHANGED}`,
	'snapshot.notAnObject': `"{{name}}" is JSON but not a Chorus snapshot (it is not an object with a "format" field). ${USE_SAVED} ${NOTHING_CHANGED}`,
	'snapshot.unknownFormat': `"{{name}}" is not a Chorus snapshot (its format is {{format}}, not "chorus-snapshot"). ${USE_SAVED} ${NOTHING_CHANGED}`,
	'snapshot.formatNotStated': `"{{name}}" is not a Chorus snapshot (its format is not stated, not "chorus-snapshot"). ${USE_SAVED} ${NOTHING_CHANGED}`,
	'snapshot.unsafeKey': `"{{name}}" contains the key "{{key}}" (at {{path}}), which Chorus never writes and refuses because it can be used to tamper with the app. ${ASK_SENDER} ${NOTHING_CHANGED}`,
	'snapshot.tooDeep': `"{{name}}" is nested far deeper than any Chorus snapshot (at {{path}}); it was not saved by Chorus. ${ASK_SENDER} ${NOTHING_CHANGED}`,
	'snapshot.badVersion': `"{{name}}" has no valid format version (found {{version}}). It was not saved by Chorus or was edited; get an untouched copy. ${NOTHING_CHANGED}`,
	'snapshot.noVersion': `"{{name}}" has no valid format version (found nothing). It was not saved by Chorus or was edited; get an untouched copy. ${NOTHING_CHANGED}`,
	'snapshot.newerVersion': `"{{name}}" was made by a newer Chorus (version {{app}}, snapshot format {{version}}); this Chorus reads snapshot formats up to {{supported}}. Update Chorus to open it. ${NOTHING_CHANGED}`,
	'snapshot.newerVersionUnknownApp': `"{{name}}" was made by a newer Chorus (version unknown, snapshot format {{version}}); this Chorus reads snapshot formats up to {{supported}}. Update Chorus to open it. ${NOTHING_CHANGED}`,
	'snapshot.noMigration': `"{{name}}" uses snapshot format {{version}}, which this Chorus cannot upgrade. Open it with the Chorus version that saved it and save it again, or report this. ${NOTHING_CHANGED}`,
	'snapshot.checksum': `"{{name}}" was changed or damaged after it was saved: its content does not match the checksum Chorus stored in it. Use an untouched copy, for example the one originally shared or downloaded. ${NOTHING_CHANGED}`,
	'snapshot.summaryMismatch':
		'The summary stored in "{{name}}" does not describe its content; the summary was edited after the file was saved. The content itself is intact (its checksum matches), and the numbers Chorus shows come from it.',
	'snapshot.headNotFound':
		'The summary of "{{name}}" cannot be read on its own (an older format, or the file was re-saved by another program). Open the file to see what it holds.',
	'snapshot.invalid': `"{{name}}" does not have the shape of a Chorus snapshot ({{detail}}). It was edited or written by another program; use a copy Chorus saved. ${NOTHING_CHANGED}`,
	'snapshot.noChecksum': `"{{name}}" does not have the shape of a Chorus snapshot (it has no "content" object or no "contentSha256" checksum). It was edited or written by another program; use a copy Chorus saved. ${NOTHING_CHANGED}`,
	'snapshot.unreadable': `"{{name}}" does not have the shape of a Chorus snapshot (it could not be read: {{detail}}). It was edited or written by another program; use a copy Chorus saved. ${NOTHING_CHANGED}`,
	'snapshot.noSnapshotOpen': 'Open a snapshot file first.',
	'snapshot.cannotSave': 'Part of this workspace cannot be saved in a snapshot ({{detail}}). Nothing was saved; please report this.',
	'snapshot.processingFailed': 'The snapshot could not be processed ({{detail}}). Nothing was changed; try again, and report this if it keeps happening.',
	'snapshot.workerStopped':
		'The snapshot worker stopped unexpectedly ({{detail}}). Nothing was changed. This usually means the browser ran out of memory; close other tabs and try again.',
	'snapshot.workerNoDetails': 'no details given',
	'snapshot.workerUnreadableMessage': 'a message from it could not be read',
	'snapshot.wrongAnswer': 'The snapshot worker answered "{{answer}}" to a request for "{{expected}}".',
	'snapshot.cancelled': 'The snapshot work was cancelled. Nothing was changed.',
	'snapshot.infiniteValue':
		'The stored series "{{series}}" holds an infinite value, which no export can contain. Undo that import and import the file again, then save the snapshot.',
	'snapshot.foreignPost':
		'The stored posts "{{posts}}" include post {{post}} of another account or import. Undo import #{{importId}} and import its file again, then save the snapshot.',
	'snapshot.workerNotStarted': 'The snapshot worker could not be started ({{detail}}). Nothing was changed; reload the page and try again.',
	'snapshot.changedSincePreview':
		'The workspace was changed (in another tab or window) after the merge preview was made, so nothing was merged and your workspace is unchanged. Choose “Merge into my workspace…” again to compare with its current state, then merge.'
} as const satisfies TemplateTable;

export type SnapshotMessageCode = keyof typeof SNAPSHOT_MESSAGES;

export const snapshotMessage = messageMaker(SNAPSHOT_MESSAGES);

/** A message about a snapshot: the English text and its code and values. */
export interface SnapshotText {
	message: string;
	code: string;
	params: Record<string, MessageParam>;
}

export const snapshotMessages = {
	tooLarge: (fileName: string, size: number, limit: number): SnapshotText =>
		snapshotMessage('snapshot.tooLarge', { name: fileName, size: fileSize(size), limit: fileSize(limit) }),
	inflatesTooLarge: (fileName: string, limit: number): SnapshotText => snapshotMessage('snapshot.inflatesTooLarge', { name: fileName, limit: fileSize(limit) }),
	notSnapshot: (fileName: string): SnapshotText => snapshotMessage('snapshot.notSnapshot', { name: fileName }),
	truncated: (fileName: string, detail: string): SnapshotText => snapshotMessage('snapshot.truncated', { name: fileName, detail }),
	notUtf8: (fileName: string): SnapshotText => snapshotMessage('snapshot.notUtf8', { name: fileName }),
	notJson: (fileName: string, detail: string): SnapshotText => snapshotMessage('snapshot.notJson', { name: fileName, detail }),
	notAnObject: (fileName: string): SnapshotText => snapshotMessage('snapshot.notAnObject', { name: fileName }),
	unknownFormat: (fileName: string, format: unknown): SnapshotText =>
		format === undefined
			? snapshotMessage('snapshot.formatNotStated', { name: fileName })
			: snapshotMessage('snapshot.unknownFormat', { name: fileName, format: JSON.stringify(format) }),
	unsafeKey: (fileName: string, key: string, path: string): SnapshotText => snapshotMessage('snapshot.unsafeKey', { name: fileName, key, path }),
	tooDeep: (fileName: string, path: string): SnapshotText => snapshotMessage('snapshot.tooDeep', { name: fileName, path }),
	badVersion: (fileName: string, version: unknown): SnapshotText => {
		const shown = JSON.stringify(version) as string | undefined;
		return shown === undefined ? snapshotMessage('snapshot.noVersion', { name: fileName }) : snapshotMessage('snapshot.badVersion', { name: fileName, version: shown });
	},
	newerVersion: (fileName: string, fileVersion: number, appVersion: string | null, supported: number): SnapshotText =>
		appVersion === null
			? snapshotMessage('snapshot.newerVersionUnknownApp', { name: fileName, version: fileVersion, supported })
			: snapshotMessage('snapshot.newerVersion', { name: fileName, app: appVersion, version: fileVersion, supported }),
	noMigration: (fileName: string, fileVersion: number): SnapshotText => snapshotMessage('snapshot.noMigration', { name: fileName, version: fileVersion }),
	checksum: (fileName: string): SnapshotText => snapshotMessage('snapshot.checksum', { name: fileName }),
	summaryMismatch: (fileName: string): SnapshotText => snapshotMessage('snapshot.summaryMismatch', { name: fileName }),
	headNotFound: (fileName: string): SnapshotText => snapshotMessage('snapshot.headNotFound', { name: fileName }),
	invalid: (fileName: string, details: string): SnapshotText => snapshotMessage('snapshot.invalid', { name: fileName, detail: details }),
	noChecksum: (fileName: string): SnapshotText => snapshotMessage('snapshot.noChecksum', { name: fileName }),
	unreadable: (fileName: string, detail: string): SnapshotText => snapshotMessage('snapshot.unreadable', { name: fileName, detail })
};
