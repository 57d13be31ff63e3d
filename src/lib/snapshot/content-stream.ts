/**
 * The UTF-8 of a snapshot's text written piece by piece into one buffer, each piece handed to the
 * compressor as soon as it is written (GzipStreamWithHead), so that saving compresses the content
 * while storage is still being read instead of after the checksum.
 */
import { writeUtf8 } from './canonical-json';
import { GzipStreamWithHead, type GzipEngine } from './gzip';

/**
 * What the buffer starts at. The content's size is not known until the last post layer is read, and
 * the whole content must end up in one buffer (Web Crypto hashes one buffer), so the buffer is
 * reserved large: pages never written are never touched, so they cost nothing (95 MB of JSON for
 * the benchmark's large workspace), while a buffer that doubles as it fills touches and copies its
 * earlier sizes too, and fresh memory is what costs on a busy machine (see canonicalUtf8).
 */
const RESERVED_BYTES = 256 * 1024 * 1024;
/** Where the engine will not reserve that much at once. */
const SMALL_START_BYTES = 16 * 1024 * 1024;

/** A buffer of `capacity` bytes, else of `minimum` (which may throw: the caller then saves the plain way). */
function reserve(capacity: number, minimum: number): Uint8Array {
	try {
		return new Uint8Array(capacity);
	} catch {
		return new Uint8Array(minimum);
	}
}

export class Utf8GzipStream {
	readonly gzip: GzipStreamWithHead;
	#bytes: Uint8Array;
	#length = 0;

	constructor(capacity = RESERVED_BYTES, engine?: GzipEngine) {
		this.#bytes = reserve(capacity, Math.min(capacity, SMALL_START_BYTES));
		this.gzip = new GzipStreamWithHead(engine);
	}

	/** Appends `text` (its UTF-8, as canonicalUtf8 writes it) and hands its bytes to the compressor. */
	write(text: string): void {
		// 3 bytes per UTF-16 code unit at most
		if (this.#bytes.length - this.#length < text.length * 3) {
			const needed = this.#length + text.length * 3;
			const grown = reserve(Math.max(needed, this.#bytes.length * 2), needed);
			grown.set(this.#bytes.subarray(0, this.#length));
			// the compressor may still hold views of the old buffer: they stay valid, nothing writes there again
			this.#bytes = grown;
		}
		const start = this.#length;
		this.#length = writeUtf8(text, this.#bytes, start);
		this.gzip.push(this.#bytes.subarray(start, this.#length));
	}

	/** Everything written so far. */
	get bytes(): Uint8Array {
		return this.#bytes.subarray(0, this.#length);
	}

	/** The file, `head` stored in front of the text written (see GzipStreamWithHead). */
	finish(head: Uint8Array): Promise<Uint8Array> {
		return this.gzip.finish(head);
	}

	abort(): void {
		this.gzip.abort();
	}
}
