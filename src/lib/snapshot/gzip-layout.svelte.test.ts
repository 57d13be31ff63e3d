// In Chromium, whose CompressionStream and DecompressionStream the app uses (Node's are another
// implementation): the snapshot file's layout, a head in stored blocks in front of zlib's deflate
// stream, must be one gzip member its DecompressionStream accepts (it refuses a second member).
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../domain/crc32';
import { defaultGzipEngine, gunzipBoundedAsync, gzipWithStoredHead, GzipStreamWithHead } from './gzip';
import { parseSnapshot } from './parse';
import { serializeSnapshot } from './serialize';
import { inStorageOrder, largeWorkspace } from './test-workspaces';

const encoder = new TextEncoder();
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

function textOf(length: number, seed: number): Uint8Array {
	let text = '';
	for (let i = 0; text.length < length; i++) text += `{"id":"${(i * seed) % 9973}","text":"déjà ${i % 17} 🎉"},`;
	return encoder.encode(text).subarray(0, length);
}

describe('the snapshot gzip layout in Chromium', () => {
	it('is inflated by DecompressionStream to exactly head + body, CRC and size checked', async () => {
		for (const headLength of [0, 300, 70_000]) {
			for (const bodyLength of [0, 1, 3_000_000]) {
				const head = textOf(headLength, 7);
				const body = textOf(bodyLength, 11);
				const whole = new Uint8Array(head.length + body.length);
				whole.set(head);
				whole.set(body, head.length);
				const file = await gzipWithStoredHead(head, [body]);
				// DecompressionStream checks the trailer's CRC-32 and size itself
				const inflated = await gunzipBoundedAsync(file, 10_000_000);
				expect(inflated.ok && sameBytes(inflated.bytes, whole), `head ${headLength}, body ${bodyLength}`).toBe(true);
				expect(sameBytes(gunzipSync(file), whole)).toBe(true);
				const view = new DataView(file.buffer, file.byteOffset + file.length - 8);
				expect(view.getUint32(0, true)).toBe(crc32(whole));
			}
		}
	});

	it('gives the same bytes however the body was pushed, with zlib in a worker or on this thread', async () => {
		expect(defaultGzipEngine()).toBe('worker');
		const head = textOf(2_000, 3);
		const body = textOf(2_500_000, 5);
		const whole = await gzipWithStoredHead(head, [body], undefined, 'native');
		for (const engine of ['worker', 'native'] as const) {
			const stream = new GzipStreamWithHead(engine);
			const reports: number[] = [];
			stream.onProgress = (done) => reports.push(done);
			for (let at = 0; at < body.length; at += 70_001) stream.push(body.slice(at, at + 70_001));
			expect(sameBytes(await stream.finish(head), whole), engine).toBe(true);
			expect(reports.at(-1)).toBe(body.length);
			expect(sameBytes(await gzipWithStoredHead(head, [body.subarray(0, 1_000_000), body.subarray(1_000_000)], undefined, engine), whole)).toBe(true);
		}
	});

	it('compresses here, to the same bytes, when the compression worker fails', async () => {
		const head = textOf(500, 2);
		const body = textOf(3_000_000, 9);
		const whole = await gzipWithStoredHead(head, [body], undefined, 'native');
		const broken = [
			// a script that throws as it starts, one that does not parse, one that answers nonsense
			() => new Worker(URL.createObjectURL(new Blob(['throw new Error("no zlib here")'], { type: 'text/javascript' })), { type: 'module' }),
			() => new Worker(URL.createObjectURL(new Blob(['export const = ;'], { type: 'text/javascript' })), { type: 'module' }),
			() => new Worker(URL.createObjectURL(new Blob(['onmessage = () => postMessage({ type: "failed", message: "no" })'], { type: 'text/javascript' })), { type: 'module' })
		];
		for (const makeWorker of broken) {
			const stream = new GzipStreamWithHead('worker', makeWorker);
			for (let at = 0; at < body.length; at += 300_000) stream.push(body.subarray(at, at + 300_000));
			expect(sameBytes(await stream.finish(head), whole)).toBe(true);
		}
	});

	it('round-trips a workspace through serializeSnapshot and parseSnapshot', async () => {
		const tables = largeWorkspace({ accounts: 2, years: 1, posts: 200, seed: 3 });
		const file = await serializeSnapshot(tables, { appVersion: 'test', exportedAt: new Date(0) });
		const opened = await parseSnapshot(file, { fileName: 'chromium.chorus.json.gz' });
		expect(opened.ok && opened.snapshot.tables).toEqual(inStorageOrder(tables));
	});
});
