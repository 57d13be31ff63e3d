import { gunzipSync, gzipSync } from 'fflate';
import { crc32 as zlibCrc32, gunzipSync as zlibGunzipSync, gzipSync as zlibGzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Utf8GzipStream } from './content-stream';
import { crc32, crc32Combine } from '../domain/crc32';
import {
	defaultGzipEngine,
	gunzipBounded,
	gunzipBoundedAsync,
	gunzipPrefix,
	gzipWithStoredHead,
	GzipStreamWithHead,
	isGzip
} from './gzip';
import { seededRandom } from './test-workspaces';

const encoder = new TextEncoder();
/** Byte equality without a per-element deep comparison (megabytes of it are slow in expect). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const text = (length: number) => encoder.encode('chorus '.repeat(Math.ceil(length / 7)).slice(0, length));

describe('gunzipBounded', () => {
	it('inflates what fits under the bound and reports progress over the input', () => {
		const data = text(2_000_000);
		const reports: number[] = [];
		const result = gunzipBounded(gzipSync(data), 2_000_000, (done) => reports.push(done));
		expect(result.ok && sameBytes(result.bytes, data)).toBe(true);
		expect(reports.length).toBeGreaterThan(0);
	});

	it('stops a bomb at the bound instead of inflating it whole', () => {
		const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
		expect(bomb.length).toBeLessThan(200_000);
		expect(gunzipBounded(bomb, 8 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large', limit: 8 * 1024 * 1024 });
	});

	it.each([
		['cut off in the middle', (gz: Uint8Array) => gz.subarray(0, Math.floor(gz.length / 2))],
		['missing its last block', (gz: Uint8Array) => gz.subarray(0, gz.length - 20)],
		['missing only its trailer', (gz: Uint8Array) => gz.subarray(0, gz.length - 8)],
		['empty', () => new Uint8Array(0)]
	])('reports data %s as corrupt', (_name, damage) => {
		const result = gunzipBounded(damage(gzipSync(text(300_000))), 10_000_000);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toBe('corrupt');
	});
});

describe('gunzipPrefix / isGzip', () => {
	it('inflates only the start, also of a truncated stream', () => {
		const data = text(3_000_000);
		const gz = gzipSync(data);
		expect(sameBytes(gunzipPrefix(gz, 1000), data.subarray(0, 1000))).toBe(true);
		expect(sameBytes(gunzipPrefix(gz.subarray(0, gz.length >> 1), 1000), data.subarray(0, 1000))).toBe(true);
	});

	it.each([
		[[0x1f, 0x8b, 8], true],
		[[0x7b, 0x22], false],
		[[0x1f], false]
	])('isGzip(%j) is %s', (bytes, expected) => {
		expect(isGzip(Uint8Array.from(bytes))).toBe(expected);
	});
});

describe('gunzipBoundedAsync (the native inflater)', () => {
	it('inflates what fits under the bound, fflate’s output and zlib’s', async () => {
		const data = text(2_000_000);
		for (const packed of [gzipSync(data), new Uint8Array(zlibGzipSync(data))]) {
			const result = await gunzipBoundedAsync(packed, 2_000_000);
			expect(result.ok && sameBytes(result.bytes, data)).toBe(true);
		}
	});

	it('stops a bomb at the bound', async () => {
		const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
		expect(await gunzipBoundedAsync(bomb, 8 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large', limit: 8 * 1024 * 1024 });
	});

	it.each([
		['cut off in the middle', (gz: Uint8Array) => gz.subarray(0, Math.floor(gz.length / 2))],
		['missing its last block', (gz: Uint8Array) => gz.subarray(0, gz.length - 20)],
		['missing only its trailer', (gz: Uint8Array) => gz.subarray(0, gz.length - 8)],
		['with a wrong CRC', (gz: Uint8Array) => Uint8Array.from(gz, (byte, index) => (index === gz.length - 6 ? byte ^ 1 : byte))],
		['empty', () => new Uint8Array(0)]
	])('reports data %s as corrupt', async (_name, damage) => {
		const result = await gunzipBoundedAsync(damage(gzipSync(text(300_000))), 10_000_000);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toBe('corrupt');
	});
});

describe('the trailer’s stated size (a hint for the output buffer, never trusted)', () => {
	/** The data with the trailer's last field (ISIZE, the inflated size mod 2³²) set to `size`. */
	const stating = (gz: Uint8Array, size: number) => {
		const copy = gz.slice();
		new DataView(copy.buffer).setUint32(copy.length - 4, size >>> 0, true);
		return copy;
	};
	const data = text(300_000);
	const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
	const inflaters = [
		['gunzipBounded (fflate)', (gz: Uint8Array, max: number) => Promise.resolve(gunzipBounded(gz, max))],
		['gunzipBoundedAsync (native)', gunzipBoundedAsync]
	] as const;

	it.each(inflaters)('%s: the output is exactly the data when the size is true, in one buffer of that size', async (_name, inflate) => {
		const result = await inflate(gzipSync(data), 10_000_000);
		expect(result.ok && sameBytes(result.bytes, data)).toBe(true);
		expect(result.ok && result.bytes.buffer.byteLength).toBe(data.length);
	});

	it.each(inflaters)('%s: a trailer stating less or more than comes out is corrupt data', async (_name, inflate) => {
		for (const size of [0, 1, data.length - 1, data.length + 1, 9_999_999, 2 ** 32 - 1]) {
			const result = await inflate(stating(gzipSync(data), size), 10_000_000);
			expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
		}
	});

	it.each(inflaters)('%s: a bomb whose trailer states a small size is still stopped at the bound', async (_name, inflate) => {
		for (const size of [1, 1024, 8 * 1024 * 1024]) {
			expect(await inflate(stating(bomb, size), 8 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large', limit: 8 * 1024 * 1024 });
		}
	});
});

/** Bytes of JSON-like text that compress like a snapshot's (repeats with variation). */
function jsonish(length: number, seed: number): Uint8Array {
	const random = seededRandom(seed);
	const words = ['"postId":', '"text":"', 'null', ',', '[', ']', '{', '}', '12345', '"x:acme"', 'déjà vu ', '🎉', '0.25'];
	let text = '';
	while (text.length < length) text += words[Math.floor(random() * words.length)];
	return encoder.encode(text).subarray(0, length);
}

function joined(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** The stored blocks at the start of the deflate stream (after the 10-byte header), joined. */
function storedHead(file: Uint8Array): Uint8Array {
	const blocks: Uint8Array[] = [];
	let at = 10;
	// BFINAL = 0, BTYPE = 00 (stored): the whole first byte is 0
	while (file[at] === 0) {
		const length = file[at + 1] | (file[at + 2] << 8);
		expect(file[at + 3] | (file[at + 4] << 8)).toBe(~length & 0xffff);
		blocks.push(file.subarray(at + 5, at + 5 + length));
		at += 5 + length;
	}
	return joined(...blocks);
}

const trailer = (file: Uint8Array) => {
	const view = new DataView(file.buffer, file.byteOffset + file.length - 8, 8);
	return { crc: view.getUint32(0, true), size: view.getUint32(4, true) };
};

describe('crc32 and crc32Combine', () => {
	it('give zlib’s CRC-32 of the joined bytes, for any split', () => {
		const random = seededRandom(9);
		for (const length of [0, 1, 7, 1000, 100_000]) {
			const data = jsonish(length, length);
			expect(crc32(data)).toBe(zlibCrc32(data));
			for (let round = 0; round < 5; round++) {
				const cut = Math.floor(random() * (length + 1));
				const [a, b] = [data.subarray(0, cut), data.subarray(cut)];
				expect(crc32(b, crc32(a))).toBe(zlibCrc32(data));
				expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(zlibCrc32(data));
			}
		}
	});

	it('combines over lengths beyond 2³², where every bit of the length counts', () => {
		const [a, b, c] = [zlibCrc32(jsonish(100, 1)), zlibCrc32(jsonish(100, 2)), zlibCrc32(jsonish(100, 3))];
		for (const [lb, lc] of [
			[3_000_000_001, 5],
			[2 ** 32 + 17, 2 ** 31 + 3],
			[123_456_789, 987_654_321]
		]) {
			// (A·B)·C = A·(B·C), whatever lengths B and C are said to have
			expect(crc32Combine(crc32Combine(a, b, lb), c, lc)).toBe(crc32Combine(a, crc32Combine(b, c, lc), lb + lc));
		}
		expect(crc32Combine(a, 0, 0)).toBe(a);
	});
});

describe('gzipWithStoredHead: the head stored, the body compressed, one gzip member', () => {
	const random = seededRandom(21);
	const heads = [0, 1, 300, 65_535, 65_536, 200_000];
	const bodies = [0, 1, 5_000, 1_048_576, 1_048_577 + Math.floor(random() * 2_000_000)];
	// (the 'worker' engine needs a browser: gzip-layout.svelte.test.ts)
	const compressors = [
		['native zlib', 'native'],
		['fflate', 'fflate']
	] as const;

	it.each(compressors)('inflates to exactly head + body, with its CRC-32 and size (%s)', async (_name, engine) => {
		for (const headLength of heads) {
			for (const bodyLength of bodies) {
				const head = jsonish(headLength, headLength + 1);
				const body = jsonish(bodyLength, bodyLength + 2);
				const whole = joined(head, body);
				const file = await gzipWithStoredHead(head, [body], undefined, engine);
				const label = `head ${headLength}, body ${bodyLength}`;
				// every reader: Node's zlib (what gunzip is), fflate, the bounded inflaters the opener uses
				expect(sameBytes(zlibGunzipSync(file), whole), label).toBe(true);
				expect(sameBytes(gunzipSync(file), whole), label).toBe(true);
				const fflateResult = gunzipBounded(file, 10_000_000);
				expect(fflateResult.ok && sameBytes(fflateResult.bytes, whole), label).toBe(true);
				const nativeResult = await gunzipBoundedAsync(file, 10_000_000);
				expect(nativeResult.ok && sameBytes(nativeResult.bytes, whole), label).toBe(true);
				expect(trailer(file), label).toEqual({ crc: zlibCrc32(whole), size: whole.length });
				expect([...file.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
				// the head lies in the file as it is, readable without inflating anything
				expect(sameBytes(storedHead(file), head), label).toBe(true);
			}
		}
	});

	it('compresses the body (a stored head costs 5 bytes per 65,535)', async () => {
		const head = jsonish(3_000, 1);
		const body = text(2_000_000);
		const file = await gzipWithStoredHead(head, [body]);
		const plain = zlibGzipSync(Buffer.concat([head, body]));
		expect(file.length).toBeLessThan(plain.length + head.length + 10);
		expect(file.length).toBeLessThan(body.length / 20);
	});

	it.each(compressors)('gives the same bytes however the body was pushed (%s)', async (_name, engine) => {
		const head = jsonish(500, 4);
		const body = jsonish(3_500_000, 5);
		const whole = await gzipWithStoredHead(head, [body], undefined, engine);
		for (let round = 0; round < 4; round++) {
			const stream = new GzipStreamWithHead(engine);
			// pieces of the one buffer (joined without a copy) and copies in fresh buffers, mixed
			for (let at = 0; at < body.length; ) {
				const size = Math.floor(random() * (round < 2 ? 3_000 : 2_500_000));
				const piece = body.subarray(at, at + size);
				stream.push(round % 2 === 0 ? piece : piece.slice());
				at += size;
			}
			expect(stream.length).toBe(body.length);
			expect(sameBytes(await stream.finish(head), whole)).toBe(true);
		}
	});

	it('reports the body’s progress up to the whole of it', async () => {
		const body = jsonish(3_000_000, 6);
		const reports: [number, number][] = [];
		await gzipWithStoredHead(jsonish(10, 7), [body], (done, total) => reports.push([done, total]));
		expect(reports.length).toBeGreaterThan(2);
		expect(reports.at(-1)).toEqual([body.length, body.length]);
		expect(reports.every(([done], index) => index === 0 || done >= reports[index - 1][0])).toBe(true);
	});

	it('uses zlib on its own thread where there are workers, else here, else fflate', () => {
		// Node has no Worker global: these tests run the 'native' and 'fflate' engines
		expect(defaultGzipEngine()).toBe(typeof Worker === 'function' ? 'worker' : 'native');
	});

	it('is stopped by abort, and a finished or aborted stream takes nothing more', async () => {
		const stream = new GzipStreamWithHead();
		stream.push(jsonish(2_000_000, 8));
		stream.abort();
		expect(() => stream.push(new Uint8Array(1))).toThrow();
		const done = new GzipStreamWithHead();
		await done.finish(new Uint8Array(0));
		expect(() => done.push(new Uint8Array(1))).toThrow();
	});
});

describe('Utf8GzipStream', () => {
	it('writes the UTF-8 of the pieces, growing past its first buffer, and the file holds exactly them', async () => {
		const random = seededRandom(33);
		const pieces: string[] = [];
		for (let i = 0; i < 400; i++) pieces.push(new TextDecoder().decode(jsonish(Math.floor(random() * 20_000), i)) + (i % 7 === 0 ? '\ud83c' : ''));
		const stream = new Utf8GzipStream(1_000);
		for (const piece of pieces) stream.write(piece);
		const expected = encoder.encode(pieces.join(''));
		expect(sameBytes(stream.bytes, expected)).toBe(true);
		const head = encoder.encode('{"head":true,"content":');
		const file = await stream.finish(head);
		expect(sameBytes(zlibGunzipSync(file), joined(head, expected))).toBe(true);
		expect(sameBytes(file, await gzipWithStoredHead(head, [expected]))).toBe(true);
	});
});
