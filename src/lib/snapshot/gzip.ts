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

/**
 * Gzip with a fixed header: modification time 0 and no file name, so the same text always gives
 * the same bytes (fflate otherwise stamps the current time into the header). The input may come in
 * parts (a head and a large body) so they need not be copied into one buffer first. Deflate's
 * output depends on where pushes end, so the parts are fed in fixed slices of their concatenation:
 * the bytes are those of the joined text, however it was split.
 */
export function gzipDeterministic(parts: Uint8Array | readonly Uint8Array[], onProgress?: ByteProgress): Uint8Array {
	const inputs = parts instanceof Uint8Array ? [parts] : parts;
	const total = inputs.reduce((sum, part) => sum + part.length, 0);
	const chunks: Uint8Array[] = [];
	let length = 0;
	const stream = new Gzip({ level: 6, mtime: 0 }, (chunk) => {
		chunks.push(chunk);
		length += chunk.length;
	});
	if (total === 0) {
		stream.push(new Uint8Array(0), true);
		return concat(chunks, length);
	}
	let partIndex = 0;
	let partOffset = 0;
	for (let done = 0; done < total; ) {
		const size = Math.min(CHUNK_BYTES, total - done);
		let slice: Uint8Array;
		const part = inputs[partIndex];
		if (part.length - partOffset >= size) {
			slice = part.subarray(partOffset, partOffset + size);
			partOffset += size;
		} else {
			slice = new Uint8Array(size);
			let filled = 0;
			while (filled < size) {
				const current = inputs[partIndex];
				const take = Math.min(size - filled, current.length - partOffset);
				slice.set(current.subarray(partOffset, partOffset + take), filled);
				filled += take;
				partOffset += take;
				if (partOffset === current.length && filled < size) {
					partIndex++;
					partOffset = 0;
				}
			}
		}
		while (partIndex < inputs.length - 1 && partOffset === inputs[partIndex].length) {
			partIndex++;
			partOffset = 0;
		}
		done += size;
		stream.push(slice, done === total);
		onProgress?.(done, total);
	}
	return concat(chunks, length);
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

/** Cuts the concatenation of `parts` into fixed slices of `size` bytes (the last one shorter). */
function* slicesOf(parts: readonly Uint8Array[], size: number): Generator<Uint8Array> {
	let pending: Uint8Array[] = [];
	let pendingLength = 0;
	for (const part of parts) {
		let offset = 0;
		while (offset < part.length) {
			const take = Math.min(size - pendingLength, part.length - offset);
			if (pendingLength === 0 && take === size) {
				yield part.subarray(offset, offset + take);
			} else {
				pending.push(part.subarray(offset, offset + take));
				pendingLength += take;
				if (pendingLength === size) {
					yield concat(pending, pendingLength);
					pending = [];
					pendingLength = 0;
				}
			}
			offset += take;
		}
	}
	if (pendingLength > 0) yield concat(pending, pendingLength);
}

/** Everything a stream gives, as one array. */
async function readAll(readable: ReadableStream<Uint8Array>): Promise<Uint8Array> {
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

/** Gzip header byte 9: the operating system; zlib writes the one it was built for. */
const HEADER_OS = 9;
/** What fflate writes there ("Unix"): the same bytes whichever system compressed the file. */
const OS_UNIX = 3;

/**
 * Gzip of the concatenated parts, like `gzipDeterministic`, with the native compressor where there
 * is one. Its header has no time and no name either (zlib's default header), and its OS byte is
 * set to a fixed value, so the same text gives the same bytes on every system with the same zlib;
 * a different browser engine's zlib may choose other (equally valid) deflate blocks, which is why
 * the checksum covers the content, not the compressed bytes.
 */
export async function gzipAsync(parts: Uint8Array | readonly Uint8Array[], onProgress?: ByteProgress): Promise<Uint8Array> {
	const inputs = parts instanceof Uint8Array ? [parts] : parts;
	if (!nativeStreams()) return gzipDeterministic(inputs, onProgress);
	const total = inputs.reduce((sum, part) => sum + part.length, 0);
	const stream = new CompressionStream('gzip');
	const output = readAll(stream.readable);
	output.catch(() => {});
	const writer = stream.writable.getWriter();
	let done = 0;
	for (const slice of slicesOf(inputs, CHUNK_BYTES * 4)) {
		await writer.write(slice as Uint8Array<ArrayBuffer>);
		done += slice.length;
		onProgress?.(done, total);
	}
	await writer.close();
	const bytes = await output;
	bytes[HEADER_OS] = OS_UNIX;
	return bytes;
}

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
