/**
 * Gzip in and out for snapshot files, in slices so a large workspace can report progress chunk by
 * chunk and a hostile file is stopped as soon as it inflates past a bound (a one-shot inflate
 * would allocate the whole output first).
 *
 * The browser's own zlib (CompressionStream / DecompressionStream, native code) does the work
 * where it exists: for the 95 MB of JSON of a large workspace it deflates about three times and
 * inflates several times faster than fflate's JavaScript, at the same level (zlib's default, 6)
 * and size. fflate remains the fallback for engines without those streams.
 */
import { Gunzip, Gzip } from 'fflate';
import { crc32, crc32Combine } from '../domain/crc32';

/** Input slice fed to the compressor at a time: small enough for a smooth progress bar. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Deflate expands at most ~1032×, and fflate inflates a whole pushed slice before it hands anything
 * back. So each slice fed to the decompressor is sized to what may still come out under the bound
 * (÷ 1032): large slices while far from it (fast), small ones near it, and the output can never
 * overshoot the bound by more than one small slice's worth.
 */
const MAX_DEFLATE_RATIO = 1032;
const MIN_INFLATE_CHUNK = 16 * 1024;
const MAX_INFLATE_CHUNK = 1024 * 1024;

function inflateChunkSize(remainingOutput: number): number {
	return Math.min(MAX_INFLATE_CHUNK, Math.max(MIN_INFLATE_CHUNK, Math.floor(remainingOutput / MAX_DEFLATE_RATIO)));
}

export type ByteProgress = (doneBytes: number, totalBytes: number) => void;

/** `1f 8b`: every gzip member starts with these two bytes. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}

export type InflateResult =
	| { ok: true; bytes: Uint8Array }
	| { ok: false; reason: 'too-large'; limit: number }
	| { ok: false; reason: 'corrupt'; detail: string };

class InflateLimitReached extends Error {}

/** ISIZE, the gzip trailer's last field: the inflated size modulo 2³². */
function trailerSize(data: Uint8Array): number {
	const n = data.length;
	return (data[n - 4] | (data[n - 3] << 8) | (data[n - 2] << 16) | (data[n - 1] << 24)) >>> 0;
}

/**
 * Collects an inflater's output into one buffer. The gzip trailer states the inflated size (mod
 * 2³², and the bound is far below 2³²), so when it is within the bound the buffer is allocated at
 * that size once and every chunk is copied in as it comes and dropped: no list of chunks holding
 * the whole output and no second buffer to join them (for a large workspace that was 95 MB of
 * fresh memory more, and fresh memory is what costs on a busy machine). The trailer is only a hint:
 * a damaged or lying one that says less than what comes out makes the collector go on with a list
 * of chunks, and the bound and the final size check still decide, exactly as without the hint.
 */
class OutputCollector {
	length = 0;
	private buffer: Uint8Array | null;
	private chunks: Uint8Array[] = [];

	constructor(expected: number | null) {
		this.buffer = null;
		if (expected === null || expected === 0) return;
		try {
			// untouched pages cost nothing, so a trailer that overstates the size costs nothing either
			this.buffer = new Uint8Array(expected);
		} catch {
			// no room for it at once: collect chunk by chunk, and let the bound decide
		}
	}

	add(chunk: Uint8Array): void {
		if (this.buffer && this.length + chunk.length <= this.buffer.length) {
			this.buffer.set(chunk, this.length);
		} else {
			if (this.buffer) {
				this.chunks.push(this.buffer.subarray(0, this.length));
				this.buffer = null;
			}
			this.chunks.push(chunk);
		}
		this.length += chunk.length;
	}

	/** Drops everything collected (past the bound: nothing of it will be used). */
	clear(): void {
		this.buffer = null;
		this.chunks = [];
	}

	bytes(): Uint8Array {
		return this.buffer ? this.buffer.subarray(0, this.length) : concat(this.chunks, this.length);
	}
}

/** The size the trailer states, when the data is long enough to have one and it is within `maxBytes`. */
function statedSize(data: Uint8Array, maxBytes: number): number | null {
	if (data.length < 18) return null;
	const size = trailerSize(data);
	return size <= maxBytes ? size : null;
}

/**
 * Inflates gzip data, giving up as soon as the output passes `maxBytes`. Truncated or damaged data
 * is reported, not thrown. The CRC-32 in the trailer is not checked (fflate does not): the
 * snapshot's own SHA-256 over the content catches any damage the inflater lets through.
 */
export function gunzipBounded(data: Uint8Array, maxBytes: number, onProgress?: ByteProgress): InflateResult {
	if (data.length === 0) return { ok: false, reason: 'corrupt', detail: 'no data' };
	const output = new OutputCollector(statedSize(data, maxBytes));
	const stream = new Gunzip((chunk) => {
		if (output.length + chunk.length > maxBytes) throw new InflateLimitReached();
		output.add(chunk);
	});
	try {
		for (let offset = 0; offset < data.length; ) {
			const end = Math.min(offset + inflateChunkSize(maxBytes - output.length), data.length);
			stream.push(data.subarray(offset, end), end === data.length);
			onProgress?.(end, data.length);
			offset = end;
		}
	} catch (error) {
		if (error instanceof InflateLimitReached) return { ok: false, reason: 'too-large', limit: maxBytes };
		return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
	}
	// fflate's stream does not notice data cut off exactly where a push ended. The trailer's last
	// four bytes hold the inflated size (mod 2³²); in a cut-off file they are deflate data instead.
	if (data.length < 18 || trailerSize(data) !== output.length % 2 ** 32) {
		return { ok: false, reason: 'corrupt', detail: 'the data ends before the end of the compressed stream' };
	}
	return { ok: true, bytes: output.bytes() };
}

/**
 * Inflates only until `maxBytes` are out, for reading the head of a file (its summary) without
 * inflating the rest. Returns what came out, possibly less when the data is short or damaged.
 */
export function gunzipPrefix(data: Uint8Array, maxBytes: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let length = 0;
	const stream = new Gunzip((chunk) => {
		chunks.push(chunk);
		length += chunk.length;
		if (length >= maxBytes) throw new InflateLimitReached();
	});
	try {
		for (let offset = 0; offset < data.length; ) {
			const end = Math.min(offset + inflateChunkSize(maxBytes - length), data.length);
			stream.push(data.subarray(offset, end), end === data.length);
			offset = end;
		}
	} catch {
		// a prefix is all that was asked for: a stop at the bound or damaged data both end here
	}
	return concat(chunks, length).subarray(0, maxBytes);
}

/** The browser's native gzip streams, when it has them (every current browser and Node ≥ 18 do). */
function nativeStreams(): boolean {
	return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

/** Everything a stream gives, as one array. */
export async function readAll(readable: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let length = 0;
	const reader = readable.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return concat(chunks, length);
		chunks.push(value);
		length += value.length;
	}
}

/** What fflate writes there ("Unix"): the same bytes whichever system compressed the file. */
const OS_UNIX = 3;

/**
 * `gunzipBounded` with the native decompressor where there is one: the same bound, fed in the same
 * shrinking slices, stopped (the stream cancelled) as soon as the output passes the bound.
 */
export async function gunzipBoundedAsync(data: Uint8Array, maxBytes: number, onProgress?: ByteProgress): Promise<InflateResult> {
	if (!nativeStreams()) return gunzipBounded(data, maxBytes, onProgress);
	if (data.length === 0) return { ok: false, reason: 'corrupt', detail: 'no data' };
	const stream = new DecompressionStream('gzip');
	const writer = stream.writable.getWriter();
	const reader = stream.readable.getReader();
	const output = new OutputCollector(statedSize(data, maxBytes));
	let overLimit = false;
	const reading = (async () => {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			if (output.length + value.length > maxBytes) {
				overLimit = true;
				output.clear();
				await reader.cancel();
				throw new InflateLimitReached();
			}
			output.add(value);
		}
	})();
	const writing = (async () => {
		for (let offset = 0; offset < data.length; ) {
			const end = Math.min(offset + inflateChunkSize(maxBytes - output.length), data.length);
			await writer.write(data.subarray(offset, end) as Uint8Array<ArrayBuffer>);
			onProgress?.(end, data.length);
			offset = end;
		}
		await writer.close();
	})();
	try {
		await Promise.all([writing, reading]);
	} catch (error) {
		if (overLimit) return { ok: false, reason: 'too-large', limit: maxBytes };
		return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
	}
	if (data.length < 18 || trailerSize(data) !== output.length % 2 ** 32) {
		return { ok: false, reason: 'corrupt', detail: 'the data ends before the end of the compressed stream' };
	}
	return { ok: true, bytes: output.bytes() };
}

/*
 * A snapshot file is one gzip member laid out as: a fixed header; the head of the JSON (format,
 * summary, checksum: a few kilobytes) in *stored* deflate blocks, uncompressed; then the content
 * (and the closing brace) compressed by zlib; then the trailer, CRC-32 and size of the whole text.
 * The head holds the content's SHA-256, so it can only be written after the whole content; stored
 * in front of a compressed body it can be, and the body can be compressed while the content is
 * still being produced (saving compresses each post layer as storage hands it over). One member,
 * not two (a head member and a body member): Chromium's DecompressionStream refuses a second
 * member, though `gunzip` reads it. A stored block costs 5 bytes per 65,535 and the head then goes
 * uncompressed (about 3 KB more for a large workspace), and a reader can take the head from the
 * file's first bytes without inflating anything.
 */

/** The largest stored deflate block: its length field has 16 bits. */
const STORED_BLOCK_MAX = 65_535;
/** Header (1f 8b, deflate, no flags, no time, no extra flags, Unix): what every snapshot file begins with. */
const SNAPSHOT_GZIP_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, OS_UNIX];
const GZIP_HEADER_BYTES = 10;
const GZIP_TRAILER_BYTES = 8;

/** The bytes `head` takes as stored blocks (5 bytes of block header per 65,535 bytes of text). */
function storedLength(head: Uint8Array): number {
	return head.length + 5 * Math.ceil(head.length / STORED_BLOCK_MAX);
}

/**
 * `head` as stored (uncompressed) deflate blocks, none of them final, written at `at`. Each block
 * starts on a byte boundary: its first byte holds BFINAL = 0 and BTYPE = 00 and the padding, then
 * LEN and its one's complement NLEN, little-endian, then the bytes as they are. It ends on a byte
 * boundary too, so the compressed body's own deflate stream follows it as it is.
 */
function writeStored(head: Uint8Array, out: Uint8Array, at: number): number {
	for (let offset = 0; offset < head.length; offset += STORED_BLOCK_MAX) {
		const length = Math.min(STORED_BLOCK_MAX, head.length - offset);
		out[at] = 0;
		out[at + 1] = length & 0xff;
		out[at + 2] = length >>> 8;
		out[at + 3] = ~length & 0xff;
		out[at + 4] = (~length >>> 8) & 0xff;
		out.set(head.subarray(offset, offset + length), at + 5);
		at += 5 + length;
	}
	return at;
}

/** Copies bytes `from`…`to` of the concatenation of `chunks` into `out` at `at`. */
function copyRange(chunks: readonly Uint8Array[], from: number, to: number, out: Uint8Array, at: number): void {
	let start = 0;
	for (const chunk of chunks) {
		const end = start + chunk.length;
		if (end > from && start < to) {
			const first = Math.max(from, start) - start;
			const last = Math.min(to, end) - start;
			out.set(chunk.subarray(first, last), at);
			at += last - first;
		}
		start = end;
		if (start >= to) return;
	}
}

/**
 * The file: the head stored, then the deflate stream of a gzip member of the body (zlib's or
 * fflate's, whose own 10-byte header and 8-byte trailer are dropped), then a trailer for the whole
 * text, its CRC-32 combined from the head's and the body's.
 */
function assemble(member: readonly Uint8Array[], head: Uint8Array, bodyLength: number): Uint8Array {
	const memberLength = member.reduce((sum, chunk) => sum + chunk.length, 0);
	const header = new Uint8Array(GZIP_HEADER_BYTES);
	const trailer = new Uint8Array(GZIP_TRAILER_BYTES);
	copyRange(member, 0, GZIP_HEADER_BYTES, header, 0);
	copyRange(member, memberLength - GZIP_TRAILER_BYTES, memberLength, trailer, 0);
	const view = new DataView(trailer.buffer);
	// both compressors write the plain 10-byte header (no name, no extra field); anything else would
	// mean a longer header whose bytes would land in the middle of the deflate stream
	if (memberLength < GZIP_HEADER_BYTES + GZIP_TRAILER_BYTES || header[0] !== 0x1f || header[1] !== 0x8b || header[2] !== 8 || header[3] !== 0) {
		throw new Error('the compressor wrote an unexpected gzip header');
	}
	if (view.getUint32(4, true) !== bodyLength % 2 ** 32) throw new Error('the compressor lost part of the data');
	const deflateLength = memberLength - GZIP_HEADER_BYTES - GZIP_TRAILER_BYTES;
	const out = new Uint8Array(GZIP_HEADER_BYTES + storedLength(head) + deflateLength + GZIP_TRAILER_BYTES);
	out.set(SNAPSHOT_GZIP_HEADER);
	let at = writeStored(head, out, GZIP_HEADER_BYTES);
	copyRange(member, GZIP_HEADER_BYTES, memberLength - GZIP_TRAILER_BYTES, out, at);
	at += deflateLength;
	const outView = new DataView(out.buffer, out.byteOffset, out.byteLength);
	outView.setUint32(at, crc32Combine(crc32(head), view.getUint32(0, true), bodyLength), true);
	outView.setUint32(at + 4, (head.length + bodyLength) % 2 ** 32, true);
	return out;
}

/** Appends `bytes` to `views`, joined with the last one when it follows it in the same buffer. */
function appendView(views: Uint8Array[], bytes: Uint8Array): void {
	const last = views.at(-1);
	if (last && last.buffer === bytes.buffer && last.byteOffset + last.length === bytes.byteOffset) {
		views[views.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + bytes.length);
	} else {
		views.push(bytes);
	}
}

/** The body goes to the compressor in slices of this size, cut from its start whatever the pushes were. */
const BODY_SLICE = CHUNK_BYTES * 4;

/**
 * Who compresses a snapshot's body: zlib on a thread of its own (a worker holding a
 * CompressionStream, fed copies of the slices), zlib on the calling thread, or fflate where the
 * engine has no CompressionStream. They give the same file for the same text when the zlib is the
 * same (the worker and the calling thread use the same one).
 */
export type GzipEngine = 'worker' | 'native' | 'fflate';

export function defaultGzipEngine(): GzipEngine {
	if (!nativeStreams()) return 'fflate';
	return typeof Worker === 'function' ? 'worker' : 'native';
}

/** The compression worker (gzip.worker.ts); tests give another to see a failing one replaced. */
export type GzipWorkerFactory = () => Worker;

const defaultGzipWorker: GzipWorkerFactory = () => new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' });

/** What gzip.worker.ts sends back. */
export type GzipWorkerReply = { type: 'free'; buffer: ArrayBuffer } | { type: 'member'; member: Uint8Array } | { type: 'failed'; message: string };

interface ZlibThread {
	worker: Worker;
	/** Slice buffers back from the worker, to be filled again (no fresh memory per slice). */
	pool: ArrayBuffer[];
	/** Where each slice sent ends in the body, for progress as the worker takes them. */
	ends: number[];
	progress: ((end: number) => void) | null;
	/** The gzip member of the body, once the worker has it all; rejected when the worker fails. */
	member: Promise<Uint8Array>;
}

function zlibThread(worker: Worker): ZlibThread {
	const thread: ZlibThread = { worker, pool: [], ends: [], progress: null, member: Promise.resolve(new Uint8Array(0)) };
	thread.member = new Promise<Uint8Array>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<GzipWorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'free') {
				thread.pool.push(reply.buffer);
				const end = thread.ends.shift();
				if (end !== undefined) thread.progress?.(end);
			} else if (reply.type === 'member') {
				resolve(reply.member);
			} else {
				reject(new Error(reply.message));
			}
		};
		worker.onerror = (event) => {
			event.preventDefault();
			reject(new Error(event.message || 'the compression worker did not start'));
		};
		worker.onmessageerror = () => reject(new Error('the compression worker sent an unreadable message'));
	});
	thread.member.catch(() => {});
	return thread;
}

/**
 * A snapshot file whose body is compressed as it is pushed, and whose head, known only at the end,
 * is put in front of it uncompressed (see the layout above). The body goes to the compressor in
 * fixed slices of its concatenation, never in the pieces it was pushed in, because where a
 * compressor's input chunks end may change its output (fflate's does): the bytes depend only on the
 * text, whether the body came in 30 batches while storage was read or in one piece.
 *
 * Chromium's CompressionStream deflates inside write(), on the calling thread, and a save's worker
 * is busy for most of the time storage is read (the objects IndexedDB hands over, the posts'
 * canonical text): zlib there lengthened the read by about as much as it saved afterwards. So by
 * default zlib gets a thread of its own, a worker fed a copy of each slice in one of a few reused
 * buffers (a copy of a megabyte costs far less than deflating it). Should that worker fail (not
 * allowed, not loadable), the body is compressed here at the end, to the same bytes: every pushed
 * view is kept for that (views only, joined where they follow each other).
 *
 * Pushed bytes must not change until `finish` is done: they are held as views. Views that follow
 * each other in one buffer are joined without a copy, so a body written into one growing buffer
 * reaches the compressor as views of it.
 */
export class GzipStreamWithHead {
	/** Called as the compressor takes the body: bytes compressed, bytes pushed so far. */
	onProgress: ByteProgress | undefined;
	#pending: Uint8Array[] = [];
	#pendingLength = 0;
	#length = 0;
	#thread: ZlibThread | null = null;
	/** Everything pushed, while a worker compresses (see the class comment). */
	#kept: Uint8Array[] = [];
	#native: { writer: WritableStreamDefaultWriter<BufferSource>; output: Promise<Uint8Array> } | null = null;
	#fflate: { stream: Gzip; chunks: Uint8Array[] } | null = null;
	#error: unknown = null;
	#closed = false;

	constructor(engine: GzipEngine = defaultGzipEngine(), makeWorker: GzipWorkerFactory = defaultGzipWorker) {
		if (engine === 'worker') {
			try {
				this.#thread = zlibThread(makeWorker());
				this.#thread.progress = (end) => this.onProgress?.(end, this.#length);
				return;
			} catch {
				// no worker here: zlib on this thread
				engine = 'native';
			}
		}
		if (engine === 'native') {
			const stream = new CompressionStream('gzip');
			const output = readAll(stream.readable);
			output.catch(() => {});
			this.#native = { writer: stream.writable.getWriter(), output };
		} else {
			const chunks: Uint8Array[] = [];
			this.#fflate = { stream: new Gzip({ level: 6, mtime: 0 }, (chunk) => chunks.push(chunk)), chunks };
		}
	}

	/** Bytes of the body pushed so far. */
	get length(): number {
		return this.#length;
	}

	push(bytes: Uint8Array): void {
		if (this.#closed) throw new Error('the snapshot stream is finished');
		if (bytes.length === 0) return;
		appendView(this.#pending, bytes);
		if (this.#thread) appendView(this.#kept, bytes);
		this.#pendingLength += bytes.length;
		this.#length += bytes.length;
		while (this.#pendingLength >= BODY_SLICE) this.#compress(this.#take(BODY_SLICE), false);
	}

	/** The first `size` pending bytes, as a view when they lie in one buffer. */
	#take(size: number): Uint8Array {
		const first = this.#pending[0];
		let slice: Uint8Array;
		if (first.length >= size) {
			slice = first.subarray(0, size);
			if (first.length === size) this.#pending.shift();
			else this.#pending[0] = first.subarray(size);
		} else {
			slice = new Uint8Array(size);
			let filled = 0;
			while (filled < size) {
				const part = this.#pending[0];
				const take = Math.min(size - filled, part.length);
				slice.set(part.subarray(0, take), filled);
				filled += take;
				if (take === part.length) this.#pending.shift();
				else this.#pending[0] = part.subarray(take);
			}
		}
		this.#pendingLength -= size;
		return slice;
	}

	#compress(slice: Uint8Array, final: boolean): void {
		const end = this.#length - this.#pendingLength;
		if (this.#thread) {
			const { worker, pool, ends } = this.#thread;
			// a copy, in a buffer the worker has given back when there is one: transferring a view
			// would hand over (and take away) the whole buffer it lies in
			const buffer = pool.pop() ?? new ArrayBuffer(BODY_SLICE);
			const bytes = new Uint8Array(buffer, 0, slice.length);
			bytes.set(slice);
			ends.push(end);
			worker.postMessage({ type: 'slice', bytes }, [buffer]);
			return;
		}
		if (this.#fflate) {
			this.#fflate.stream.push(slice, final);
			this.onProgress?.(end, this.#length);
			return;
		}
		// not awaited: Chromium deflates the slice inside write() itself, and a save goes on with the
		// next batch of posts meanwhile
		this.#native!.writer.write(slice as Uint8Array<ArrayBuffer>).then(
			() => this.onProgress?.(end, this.#length),
			(error: unknown) => {
				this.#error ??= error;
			}
		);
	}

	/** The file: `head` stored in front of the compressed body. */
	async finish(head: Uint8Array): Promise<Uint8Array> {
		if (this.#closed) throw new Error('the snapshot stream is finished');
		this.#closed = true;
		const rest = this.#pendingLength > 0 ? this.#take(this.#pendingLength) : new Uint8Array(0);
		let member: Uint8Array[];
		if (this.#thread) {
			const { worker } = this.#thread;
			if (rest.length > 0) this.#compress(rest, true);
			worker.postMessage({ type: 'end' });
			try {
				member = [await this.#thread.member];
			} catch {
				// the worker failed: compress it all here, to the same bytes
				const here = new GzipStreamWithHead('native');
				here.onProgress = this.onProgress;
				for (const part of this.#kept) here.push(part);
				return here.finish(head);
			} finally {
				worker.terminate();
			}
		} else if (this.#fflate) {
			this.#fflate.stream.push(rest, true);
			member = this.#fflate.chunks;
		} else {
			const { writer, output } = this.#native!;
			if (rest.length > 0) this.#compress(rest, true);
			await writer.close();
			member = [await output];
			if (this.#error) throw this.#error;
		}
		this.onProgress?.(this.#length, this.#length);
		return assemble(member, head, this.#length);
	}

	/** Drops the stream (the caller saves another way, or not at all). */
	abort(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#pending = [];
		this.#kept = [];
		this.#native?.writer.abort().catch(() => {});
		this.#thread?.worker.terminate();
		this.#fflate = null;
	}
}

/** A snapshot file for a head and a body given whole (see GzipStreamWithHead). */
export async function gzipWithStoredHead(
	head: Uint8Array,
	body: readonly Uint8Array[],
	onProgress?: ByteProgress,
	engine: GzipEngine = defaultGzipEngine()
): Promise<Uint8Array> {
	const stream = new GzipStreamWithHead(engine);
	stream.onProgress = onProgress;
	for (const part of body) stream.push(part);
	return stream.finish(head);
}
