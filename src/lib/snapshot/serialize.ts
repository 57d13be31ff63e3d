/**
 * A workspace → the bytes of a `.chorus.json.gz` file. The head (format, versions, summary,
 * checksum) is written before `content`, so a reader can show what a file holds from its first
 * kilobytes; `content` is written in canonical form, so the checksum is over exactly the text a
 * canonical reader recomputes.
 */
import type { WorkspaceTables } from '../schemas/db-records';
import {
	SNAPSHOT_FORMAT,
	SNAPSHOT_FORMAT_VERSION,
	type SnapshotHead
} from '../schemas/snapshot';
import { canonicalUtf8 } from './canonical-json';
import { encodeContent, SnapshotEncodeError } from './codec';
import { gzipAsync } from './gzip';
import { describeIssues, snapshotMessage } from './messages';
import { sha256Hex } from './sha256';
import { summarizeFromLayers } from './summary';
import { validateContent } from './validate';

export interface SnapshotMeta {
	/** The Chorus version writing the file. */
	appVersion: string;
	exportedAt: Date;
	/** A name for the file's contents, e.g. "Q3 review". */
	title?: string;
	/** Who saved it, as they want to be named. */
	author?: string;
}

export type SerializePhase = 'encoding' | 'hashing' | 'compressing';
export type SerializeProgress = (phase: SerializePhase, fraction: number) => void;

/** The head as written: a fixed key order, `summary` before the checksum (and the content after it). */
export function buildHead(meta: SnapshotMeta, summary: SnapshotHead['summary'], contentSha256: string): SnapshotHead {
	const title = meta.title?.trim();
	const author = meta.author?.trim();
	return {
		format: SNAPSHOT_FORMAT,
		formatVersion: SNAPSHOT_FORMAT_VERSION,
		app: { name: 'Chorus', version: meta.appVersion },
		exportedAt: meta.exportedAt.toISOString(),
		...(title ? { title } : {}),
		...(author ? { author } : {}),
		summary,
		contentSha256
	};
}

/** The text before the content: the head object, left open for the `content` member. */
export function headPrefix(head: SnapshotHead): string {
	return `${JSON.stringify(head).slice(0, -1)},"content":`;
}

/**
 * The snapshot file for a workspace. The content is checked against the very schema a reader
 * uses before anything is written, so Chorus never hands out a file it would refuse to open.
 * Throws SnapshotEncodeError (with a message for the person) when the workspace cannot be written.
 * The merged tables are not read (the file leaves them out): the head's summary is the one a
 * reader computes after rebuilding them from the layers. A caller that has it already passes it.
 */
export async function serializeSnapshot(
	tables: WorkspaceTables,
	meta: SnapshotMeta,
	onProgress?: SerializeProgress,
	summary: SnapshotHead['summary'] = summarizeFromLayers(tables)
): Promise<Uint8Array> {
	onProgress?.('encoding', 0);
	const content = encodeContent(tables);
	const checked = validateContent(content);
	if (!checked.success) {
		throw new SnapshotEncodeError(snapshotMessage('snapshot.cannotSave', { detail: describeIssues(checked.issues) }));
	}
	onProgress?.('encoding', 0.5);
	const encoder = new TextEncoder();
	const contentBytes = canonicalUtf8(content);
	onProgress?.('hashing', 0);
	const contentSha256 = await sha256Hex(contentBytes);
	const head = buildHead(meta, summary, contentSha256);
	onProgress?.('compressing', 0);
	return gzipAsync([encoder.encode(headPrefix(head)), contentBytes, encoder.encode('}')], (done, total) =>
		onProgress?.('compressing', done / total)
	);
}
