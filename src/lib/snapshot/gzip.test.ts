import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipBounded, gunzipBoundedAsync, gunzipPrefix, gzipAsync, gzipDeterministic, isGzip } from './gzip';

const encoder = new TextEncoder();
/** Byte equality without a per-element deep comparison (megabytes of it are slow in expect). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const text = (length: number) => encoder.encode('chorus '.repeat(Math.ceil(length / 7)).slice(0, length));

describe('gzipDeterministic', () => {
	it('gives the same bytes every time, with no time stamp and no file name in the header', () => {
		const data = text(100_000);
		const first = gzipDeterministic(data);
		const second = gzipDeterministic(data);
		expect(second).toEqual(first);
		// header: magic 1f 8b, method 8 (deflate), flags 0 (no FNAME), mtime 0 0 0 0
		expect([...first.subarray(0, 8)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
		expect(sameBytes(gunzipSync(first), data)).toBe(true);
	});

	it('compresses parts exactly like their concatenation, reporting progress up to the total', () => {
		const head = encoder.encode('{"head":1,"content":');
		const body = text(700_000);
		const tail = encoder.encode('}');
		const whole = new Uint8Array(head.length + body.length + tail.length);
		whole.set(head);
		whole.set(body, head.length);
		whole.set(tail, head.length + body.length);
		const reports: number[] = [];
		const fromParts = gzipDeterministic([head, new Uint8Array(0), body, tail], (done, total) => {
			expect(total).toBe(whole.length);
			reports.push(done);
		});
		expect(fromParts).toEqual(gzipDeterministic(whole));
		expect(reports.at(-1)).toBe(whole.length);
		expect(reports.length).toBeGreaterThan(2);
	});

	it('writes a valid empty member for empty input', () => {
		expect(gunzipSync(gzipDeterministic(new Uint8Array(0)))).toEqual(new Uint8Array(0));
	});
});

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

describe('gzipAsync (the native compressor)', () => {
	it('gives the same bytes for the same text however it is split, with a fixed header, readable by fflate', async () => {
		const head = encoder.encode('{"head":1,"content":');
		const body = text(3_000_000);
		const whole = new Uint8Array(head.length + body.length);
		whole.set(head);
		whole.set(body, head.length);
		const reports: number[] = [];
		const fromParts = await gzipAsync([head, new Uint8Array(0), body], (done) => reports.push(done));
		expect(sameBytes(fromParts, await gzipAsync(whole))).toBe(true);
		expect(sameBytes(fromParts, await gzipAsync([whole.subarray(0, 12_345), whole.subarray(12_345)]))).toBe(true);
		// magic, deflate, no flags, no time; byte 9 (the OS) fixed to fflate's "Unix"
		expect([...fromParts.subarray(0, 8)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
		expect(fromParts[9]).toBe(3);
		expect(sameBytes(gunzipSync(fromParts), whole)).toBe(true);
		expect(reports.at(-1)).toBe(whole.length);
		expect(fromParts.length).toBeLessThan(whole.length / 20);
	});

	it('writes a valid empty member for empty input', async () => {
		expect(gunzipSync(await gzipAsync(new Uint8Array(0)))).toEqual(new Uint8Array(0));
	});
});

describe('gunzipBoundedAsync (the native inflater)', () => {
	it('inflates what fits under the bound, fflate’s output and its own', async () => {
		const data = text(2_000_000);
		for (const packed of [gzipSync(data), await gzipAsync(data)]) {
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
