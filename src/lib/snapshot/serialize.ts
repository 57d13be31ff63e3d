/**
 * A workspace → the bytes of a `.chorus.json.gz` file. The head (format, versions, summary,
 * checksum) is written before `content`, so a reader can show what a file holds from its first
 * kilobytes; `content` is written in canonical form, so the checksum is over exactly the text a
 * canonical reader recomputes.
 */
import type { PostLayerRecord, WorkspaceTables } from '../schemas/db-records';
import {
	SNAPSHOT_FORMAT,
	SNAPSHOT_FORMAT_VERSION,
	type SnapshotHead
} from '../schemas/snapshot';
import { canonicalItemText, canonicalUtf8 } from './canonical-json';
import { compareKeys, encodeContent, encodePostLayer, SnapshotEncodeError } from './codec';
import { gzipAsync } from './gzip';
import { describeIssues, snapshotMessage } from './messages';
import { sha256Hex } from '../domain/sha256';
import { summarizeFromLayers } from './summary';
import { lightPostLayer, validateContent } from './validate';

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

interface WrittenLayer {
	id: string;
	text: string;
	light: unknown;
}

/**
 * The post layers of a workspace, written to their canonical text one batch at a time as storage
 * hands them over (db/wipe.ts, `exportTables`' `onPostLayers`), so the script's share of saving
 * (encoding to columns, checking the columns, writing the text) runs while IndexedDB reads the
 * next batch instead of after the last one. The text is exactly what `encodeContent` and
 * `canonicalUtf8` write for those layers, and each layer's columns get the loops of
 * `validateContent` as they are made; Zod then checks the layers' other fields with the rest of
 * the content (serializeSnapshot). Any problem (a broken invariant, a value that cannot be written)
 * makes `texts` give up: the caller then saves the plain way, which words the problem as always.
 */
export class PostLayerWriter {
	#layers: WrittenLayer[] = [];
	#failed = false;

	add(layers: readonly PostLayerRecord[]): void {
		if (this.#failed) return;
		try {
			for (const layer of layers) {
				const encoded = encodePostLayer(layer);
				const light = lightPostLayer(encoded);
				if (!light) {
					this.#failed = true;
					return;
				}
				this.#layers.push({ id: layer.id, text: canonicalItemText(encoded), light });
			}
		} catch {
			this.#failed = true;
		}
	}

	/**
	 * Each layer's text and stand-in in key order, or null when a layer could not be written or
	 * when the layers written are not exactly `postLayers` (the table as read).
	 */
	texts(postLayers: readonly PostLayerRecord[]): { texts: string[]; light: unknown[] } | null {
		if (this.#failed || this.#layers.length !== postLayers.length) return null;
		const layers = [...this.#layers].sort((a, b) => compareKeys(a.id, b.id));
		const ids = new Set(postLayers.map((layer) => layer.id));
		for (let i = 0; i < layers.length; i++) {
			if (!ids.has(layers[i].id) || (i > 0 && layers[i - 1].id === layers[i].id)) return null;
		}
		return { texts: layers.map((layer) => layer.text), light: layers.map((layer) => layer.light) };
	}
}

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
 * `postLayers`: the post layers' texts, written as storage read them (see PostLayerWriter); the
 * bytes are the same either way.
 */
export async function serializeSnapshot(
	tables: WorkspaceTables,
	meta: SnapshotMeta,
	onProgress?: SerializeProgress,
	summary: SnapshotHead['summary'] = summarizeFromLayers(tables),
	postLayers?: PostLayerWriter
): Promise<Uint8Array> {
	onProgress?.('encoding', 0);
	const written = postLayers?.texts(tables.postLayers);
	// the post layers' texts were written as they arrived (PostLayerWriter): the rest is encoded here
	const content = encodeContent(written ? { ...tables, postLayers: [] } : tables);
	const checked = validateContent(written ? { ...content, postLayers: written.light } : content);
	if (!checked.success) {
		// refused: the plain way, so the person gets exactly the message it gives
		if (written) return serializeSnapshot(tables, meta, onProgress, summary);
		throw new SnapshotEncodeError(snapshotMessage('snapshot.cannotSave', { detail: describeIssues(checked.issues) }));
	}
	onProgress?.('encoding', 0.5);
	const encoder = new TextEncoder();
	const contentBytes = canonicalUtf8(content, written ? { postLayers: written.texts } : {});
	onProgress?.('hashing', 0);
	const contentSha256 = await sha256Hex(contentBytes);
	const head = buildHead(meta, summary, contentSha256);
	onProgress?.('compressing', 0);
	return gzipAsync([encoder.encode(headPrefix(head)), contentBytes, encoder.encode('}')], (done, total) =>
		onProgress?.('compressing', done / total)
	);
}
