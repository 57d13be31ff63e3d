/**
 * A workspace → the bytes of a `.chorus.json.gz` file. The head (format, versions, summary,
 * checksum) is written before `content`, so a reader can show what a file holds from its first
 * kilobytes; `content` is written in canonical form, so the checksum is over exactly the text a
 * canonical reader recomputes.
 */
import { TABLE_NAMES, type PostLayerRecord, type TableName, type WorkspaceTables } from '../schemas/db-records';
import {
	SNAPSHOT_FORMAT,
	SNAPSHOT_FORMAT_VERSION,
	type SnapshotHead
} from '../schemas/snapshot';
import { canonicalItemText, canonicalUtf8 } from './canonical-json';
import { compareKeys, encodeContent, encodePostLayer, SnapshotEncodeError } from './codec';
import { Utf8GzipStream } from './content-stream';
import { gzipWithStoredHead, type GzipEngine } from './gzip';
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
	/** null once the text is in the stream's bytes */
	text: string | null;
	light: unknown;
}

/** The content's members in the order the file writes them (canonical JSON: sorted keys). */
let contentKeys: string[] | null = null;
function contentMembers(): { before: string[]; after: string[] } {
	contentKeys ??= Object.keys(encodeContent(Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as WorkspaceTables)).sort();
	const at = contentKeys.indexOf('postLayers');
	return { before: contentKeys.slice(0, at), after: contentKeys.slice(at + 1) };
}

/** The text of one member of the content, `"key":[…]`, in pieces, as canonicalUtf8 writes it. */
function memberPieces(key: string, items: unknown, first: boolean, pieces: string[]): void {
	if (!Array.isArray(items)) throw new Error(`content.${key} is not an array`);
	pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:[`);
	for (let i = 0; i < items.length; i++) {
		if (i > 0) pieces.push(',');
		pieces.push(canonicalItemText(items[i]));
	}
	pieces.push(']');
}

/** The content's text up to its post layers: `{"accounts":[…],…,"postLayers":[`. */
function piecesBefore(content: Record<string, unknown>): string[] {
	const { before } = contentMembers();
	const pieces = ['{'];
	before.forEach((key, index) => memberPieces(key, content[key], index === 0, pieces));
	pieces.push(`${before.length > 0 ? ',' : ''}"postLayers":[`);
	return pieces;
}

/** The content's text after its post layers, and the file's closing brace. */
function piecesAfter(content: Record<string, unknown>): string[] {
	const pieces = [']'];
	for (const key of contentMembers().after) memberPieces(key, content[key], false, pieces);
	pieces.push('}', '}');
	return pieces;
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
 *
 * Given the tables that come before `postLayers` in the content (`table`, as storage reads them,
 * which is before the first batch of post layers), the writer also streams: it writes the content's
 * text from its start as UTF-8 and compresses it as it goes (Utf8GzipStream), each layer as it
 * arrives, so that compressing, too, runs while storage reads. The file's head, which holds the
 * content's checksum, is stored in front at the end (see gzip.ts). Layers must then arrive in key
 * order, as storage reads them; anything else, and any problem above, drops the stream, and the
 * save goes the plain way with the same bytes.
 */
export class PostLayerWriter {
	#layers: WrittenLayer[] = [];
	#failed = false;
	readonly #capacity: number | undefined;
	readonly #engine: GzipEngine | undefined;
	#early = new Map<string, readonly unknown[]>();
	#stream: Utf8GzipStream | null = null;
	/** The text streamed before the post layers, to check against the tables saved in the end. */
	#before: string[] | null = null;
	#streamed = 0;
	#streamDropped = false;

	/** `capacity`, `engine`: the stream's first buffer size and compressor (for tests). */
	constructor(options: { capacity?: number; engine?: GzipEngine } = {}) {
		this.#capacity = options.capacity;
		this.#engine = options.engine;
	}

	/** A table of the workspace as storage read it: the ones before `postLayers` start the stream. */
	table(name: TableName, records: readonly unknown[]): void {
		if (this.#stream || this.#streamDropped || this.#failed) return;
		const { before } = contentMembers();
		if (!before.includes(name)) return;
		this.#early.set(name, records);
		if (before.some((key) => !this.#early.has(key))) return;
		try {
			const tables = Object.fromEntries(TABLE_NAMES.map((key) => [key, this.#early.get(key) ?? []])) as unknown as WorkspaceTables;
			const pieces = piecesBefore(encodeContent(tables) as unknown as Record<string, unknown>);
			this.#stream = new Utf8GzipStream(this.#capacity, this.#engine);
			this.#before = pieces;
			for (const piece of pieces) this.#stream.write(piece);
			this.#flush();
		} catch {
			this.#dropStream();
		}
	}

	add(layers: readonly PostLayerRecord[]): void {
		if (this.#failed) return;
		try {
			for (const layer of layers) {
				const encoded = encodePostLayer(layer);
				const light = lightPostLayer(encoded);
				if (!light) {
					this.#failed = true;
					this.#dropStream();
					return;
				}
				this.#layers.push({ id: layer.id, text: canonicalItemText(encoded), light });
			}
			if (this.#stream) this.#flush();
		} catch {
			this.#failed = true;
			this.#dropStream();
		}
	}

	/** Writes the layers not yet in the stream, in the order they came, which must be key order. */
	#flush(): void {
		const stream = this.#stream!;
		try {
			for (; this.#streamed < this.#layers.length; this.#streamed++) {
				const layer = this.#layers[this.#streamed];
				if (this.#streamed > 0) {
					if (compareKeys(this.#layers[this.#streamed - 1].id, layer.id) >= 0) {
						this.#dropStream();
						return;
					}
					stream.write(',');
				}
				stream.write(layer.text!);
				// the bytes hold it now; should the stream be dropped later, the save goes the plain way
				layer.text = null;
			}
		} catch {
			this.#dropStream();
		}
	}

	#dropStream(): void {
		this.#streamDropped = true;
		this.#stream?.abort();
		this.#stream = null;
		this.#before = null;
	}

	/** Drops the stream, if any (the save failed or went the plain way). */
	abort(): void {
		this.#dropStream();
	}

	/**
	 * Each layer's text and stand-in in key order, or null when a layer could not be written or
	 * when the layers written are not exactly `postLayers` (the table as read).
	 */
	texts(postLayers: readonly PostLayerRecord[]): { texts: string[]; light: unknown[] } | null {
		if (this.#failed || this.#layers.length !== postLayers.length || this.#layers.some((layer) => layer.text === null)) return null;
		const layers = [...this.#layers].sort((a, b) => compareKeys(a.id, b.id));
		const ids = new Set(postLayers.map((layer) => layer.id));
		for (let i = 0; i < layers.length; i++) {
			if (!ids.has(layers[i].id) || (i > 0 && layers[i - 1].id === layers[i].id)) return null;
		}
		return { texts: layers.map((layer) => layer.text!), light: layers.map((layer) => layer.light) };
	}

	/**
	 * The stream with the whole content written (and the file's closing brace), when it holds exactly
	 * the content of `tables` and that content is valid; else null, and the stream is dropped. The
	 * tables before the post layers are encoded again and compared with what was streamed (they are
	 * small next to the post layers), so the file can only hold the tables that were checked.
	 */
	streamedContent(tables: WorkspaceTables): Utf8GzipStream | null {
		const stream = this.#stream;
		if (!stream || this.#failed) return null;
		try {
			const layers = this.#layers;
			const ids = new Set(tables.postLayers.map((layer) => layer.id));
			// in strict key order (checked as they were streamed), so no id twice
			if (this.#streamed !== layers.length || layers.length !== tables.postLayers.length || layers.some((layer) => !ids.has(layer.id))) {
				this.#dropStream();
				return null;
			}
			const content = encodeContent({ ...tables, postLayers: [] });
			const before = piecesBefore(content as unknown as Record<string, unknown>);
			const streamed = this.#before!;
			if (before.length !== streamed.length || before.some((piece, index) => piece !== streamed[index])) {
				this.#dropStream();
				return null;
			}
			if (!validateContent({ ...content, postLayers: layers.map((layer) => layer.light) }).success) {
				this.#dropStream();
				return null;
			}
			for (const piece of piecesAfter(content as unknown as Record<string, unknown>)) stream.write(piece);
			this.#stream = null;
			return stream;
		} catch {
			this.#dropStream();
			return null;
		}
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

const encoder = new TextEncoder();

/**
 * The snapshot file for a workspace. The content is checked against the very schema a reader
 * uses before anything is written, so Chorus never hands out a file it would refuse to open.
 * Throws SnapshotEncodeError (with a message for the person) when the workspace cannot be written.
 * The merged tables are not read (the file leaves them out): the head's summary is the one a
 * reader computes after rebuilding them from the layers. A caller that has it already passes it.
 * `postLayers`: the post layers' texts, written as storage read them, and maybe the content
 * already compressed (see PostLayerWriter); the bytes are the same either way.
 */
export async function serializeSnapshot(
	tables: WorkspaceTables,
	meta: SnapshotMeta,
	onProgress?: SerializeProgress,
	summary: SnapshotHead['summary'] = summarizeFromLayers(tables),
	postLayers?: PostLayerWriter
): Promise<Uint8Array> {
	onProgress?.('encoding', 0);
	const stream = postLayers?.streamedContent(tables);
	if (stream) {
		onProgress?.('encoding', 0.5);
		const text = stream.bytes;
		// the stream ends with the file's closing brace, after the content
		const head = await headBytes(text.subarray(0, text.length - 1), meta, summary, onProgress);
		onProgress?.('compressing', 0);
		stream.gzip.onProgress = (done, total) => onProgress?.('compressing', done / total);
		return stream.finish(head);
	}
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
	const contentBytes = canonicalUtf8(content, written ? { postLayers: written.texts } : {});
	const head = await headBytes(contentBytes, meta, summary, onProgress);
	onProgress?.('compressing', 0);
	return gzipWithStoredHead(head, [contentBytes, encoder.encode('}')], (done, total) => onProgress?.('compressing', done / total));
}

/** The file's text before the content, with the content's checksum. */
async function headBytes(
	contentBytes: Uint8Array,
	meta: SnapshotMeta,
	summary: SnapshotHead['summary'],
	onProgress?: SerializeProgress
): Promise<Uint8Array> {
	onProgress?.('hashing', 0);
	const contentSha256 = await sha256Hex(contentBytes);
	return encoder.encode(headPrefix(buildHead(meta, summary, contentSha256)));
}
