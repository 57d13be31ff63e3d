import { gunzipSync } from 'fflate';
import { crc32 as zlibCrc32, gunzipSync as zlibGunzipSync, gzipSync as zlibGzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DERIVED_TABLES, SNAPSHOT_FORMAT_VERSION } from '../schemas/snapshot';
import { TABLE_NAMES, type PostLayerRecord, type TableName, type WorkspaceTables } from '../schemas/db-records';
import { canonicalStringify, canonicalUtf8 } from './canonical-json';
import { encodeContent, inKeyOrder, SnapshotEncodeError } from './codec';
import type { GzipEngine } from './gzip';
import { parseSnapshot, readSnapshotHead } from './parse';
import { buildHead, headPrefix, PostLayerWriter, serializeSnapshot, type SnapshotMeta } from './serialize';
import { summarizeFromLayers } from './summary';
import { seededRandom } from './test-workspaces';
import { sha256Hex } from '../domain/sha256';
import { inStorageOrder, largeWorkspace, smallWorkspace } from './test-workspaces';

const META: SnapshotMeta = { appVersion: '1.2.3', exportedAt: new Date('2024-03-09T12:00:00.000Z') };

function envelopeOf(bytes: Uint8Array): Record<string, unknown> & { content: unknown; summary: unknown } {
	return JSON.parse(new TextDecoder().decode(gunzipSync(bytes)));
}

/** The file's text from `"content":` on: what must not change between exports of the same data. */
function contentText(bytes: Uint8Array): string {
	const text = new TextDecoder().decode(gunzipSync(bytes));
	return text.slice(text.indexOf(',"content":'));
}

async function reopen(bytes: Uint8Array) {
	const result = await parseSnapshot(bytes, { fileName: 'round-trip.chorus.json.gz' });
	if (!result.ok) throw new Error(result.message);
	return result.snapshot;
}

describe('serializeSnapshot', () => {
	it('writes the head first, summary before content, in a fixed key order', async () => {
		const bytes = await serializeSnapshot(smallWorkspace(), { ...META, title: '  Q1 review ', author: 'Dana' });
		const text = new TextDecoder().decode(gunzipSync(bytes));
		const envelope = JSON.parse(text);
		expect(Object.keys(envelope)).toEqual([
			'format',
			'formatVersion',
			'app',
			'exportedAt',
			'title',
			'author',
			'summary',
			'contentSha256',
			'content'
		]);
		expect(envelope).toMatchObject({
			format: 'chorus-snapshot',
			formatVersion: SNAPSHOT_FORMAT_VERSION,
			app: { name: 'Chorus', version: '1.2.3' },
			exportedAt: '2024-03-09T12:00:00.000Z',
			title: 'Q1 review',
			author: 'Dana'
		});
		expect(text.indexOf('"summary"')).toBeLessThan(text.indexOf('"content"'));
		expect(text.startsWith('{"format":"chorus-snapshot"')).toBe(true);
	});

	it('stores the SHA-256 of the canonical JSON of content, and the content is written canonically', async () => {
		const bytes = await serializeSnapshot(smallWorkspace(), META);
		const envelope = envelopeOf(bytes);
		const canonical = canonicalStringify(envelope.content);
		expect(contentText(bytes)).toBe(`,"content":${canonical}}`);
		expect(envelope.contentSha256).toBe(await sha256Hex(canonical));
	});

	it('leaves title and author out when they are blank', async () => {
		const envelope = envelopeOf(await serializeSnapshot(smallWorkspace(), { ...META, title: '   ', author: '' }));
		expect('title' in envelope || 'author' in envelope).toBe(false);
	});

	it('is deterministic: the same workspace and time give the same bytes', async () => {
		const first = await serializeSnapshot(smallWorkspace(), META);
		const second = await serializeSnapshot(smallWorkspace(), META);
		expect(Buffer.compare(first, second)).toBe(0);
	});

	it('does not depend on the order storage listed the records in', async () => {
		const shuffled = smallWorkspace();
		shuffled.imports.reverse();
		shuffled.seriesLayers.reverse();
		shuffled.accounts.reverse();
		shuffled.meta.push({ key: 'changesSinceSnapshot', value: 7 }, { key: 'lastSnapshotExportAt', value: '2024-01-01T00:00:00.000Z' });
		const reordered = await serializeSnapshot(shuffled, META);
		expect(Buffer.compare(reordered, await serializeSnapshot(smallWorkspace(), META))).toBe(0);
	});

	it('round-trips: serialize → parse → serialize gives the same content, whatever the export time', async () => {
		const original = smallWorkspace();
		const first = await serializeSnapshot(original, META);
		const reopened = await reopen(first);
		expect(reopened.tables).toEqual(inStorageOrder(original));
		const second = await serializeSnapshot(reopened.tables, { ...META, exportedAt: new Date('2025-01-01T00:00:00.000Z') });
		expect(contentText(second)).toBe(contentText(first));
		expect(envelopeOf(second).exportedAt).toBe('2025-01-01T00:00:00.000Z');
	});

	it('round-trips a generated multi-year workspace with gaps, overlaps and updated posts', async () => {
		const original = largeWorkspace({ accounts: 3, years: 2, posts: 600, seed: 7 });
		const first = await serializeSnapshot(original, META);
		const reopened = await reopen(first);
		expect(reopened.tables.series).toEqual(original.series);
		expect(reopened.tables.posts).toEqual(original.posts);
		expect(reopened.tables).toEqual(inStorageOrder(original));
		const second = await serializeSnapshot(reopened.tables, META);
		expect(Buffer.compare(second, first)).toBe(0);
	});

	it('refuses to write a workspace whose content a reader would refuse', async () => {
		const broken = smallWorkspace();
		broken.accounts[0] = { ...broken.accounts[0], platform: 'myspace' as never };
		await expect(serializeSnapshot(broken, META)).rejects.toThrowError(SnapshotEncodeError);
		await expect(serializeSnapshot(broken, META)).rejects.toThrowError(
			'Part of this workspace cannot be saved in a snapshot (accounts[1].platform: Invalid option: expected one of "x"|"youtube"|"facebook"|"instagram"|"linkedin"|"tiktok"|"wechat"|"weibo"|"blog"|"other"). Nothing was saved; please report this.'
		);
	});

	it('reports progress through encoding, hashing and compressing, ending at 1', async () => {
		const phases: string[] = [];
		let last = 0;
		await serializeSnapshot(smallWorkspace(), META, (phase, fraction) => {
			if (phases.at(-1) !== phase) phases.push(phase);
			last = fraction;
		});
		expect(phases).toEqual(['encoding', 'hashing', 'compressing']);
		expect(last).toBe(1);
	});
});

/** A writer fed `tables`' post layers as storage hands them over: in key order, `size` at a time. */
function writerOf(tables: WorkspaceTables, size: number, order: (layers: PostLayerRecord[]) => PostLayerRecord[] = (layers) => layers): PostLayerWriter {
	const writer = new PostLayerWriter();
	const layers = order(inKeyOrder('postLayers', tables.postLayers));
	for (let start = 0; start < layers.length; start += size) writer.add(layers.slice(start, start + size));
	return writer;
}

describe('serializeSnapshot with the post layers written as they were read (PostLayerWriter)', () => {
	const workspaces: [string, () => WorkspaceTables][] = [
		['the small workspace', smallWorkspace],
		['a generated multi-year workspace', () => largeWorkspace({ accounts: 4, years: 2, posts: 900, seed: 11 })]
	];

	it.each(workspaces)('writes exactly the bytes of canonicalUtf8(encodeContent(tables)) for %s', async (_, make) => {
		const tables = make();
		expect(tables.postLayers.length).toBeGreaterThan(0);
		const expected = new TextDecoder().decode(canonicalUtf8(encodeContent(tables)));
		for (const size of [1, 3, 1000]) {
			const bytes = await serializeSnapshot(tables, META, undefined, undefined, writerOf(tables, size));
			expect(contentText(bytes)).toBe(`,"content":${expected}}`);
			expect(Buffer.compare(bytes, await serializeSnapshot(tables, META))).toBe(0);
		}
	});

	it('does not depend on the order the batches came in', async () => {
		const tables = largeWorkspace({ accounts: 3, years: 2, posts: 600, seed: 5 });
		const random = seededRandom(3);
		const shuffled = writerOf(tables, 2, (layers) => [...layers].sort(() => random() - 0.5));
		const bytes = await serializeSnapshot(tables, META, undefined, undefined, shuffled);
		expect(Buffer.compare(bytes, await serializeSnapshot(tables, META))).toBe(0);
	});

	it('saves the plain way when the layers written are not the table read', async () => {
		const tables = smallWorkspace();
		const missing = new PostLayerWriter();
		missing.add(inKeyOrder('postLayers', tables.postLayers).slice(1));
		const twice = writerOf(tables, 1);
		twice.add(tables.postLayers.slice(0, 1));
		const plain = await serializeSnapshot(tables, META);
		for (const writer of [missing, twice]) {
			expect(writer.texts(tables.postLayers)).toBeNull();
			expect(Buffer.compare(await serializeSnapshot(tables, META, undefined, undefined, writer), plain)).toBe(0);
		}
	});

	it('refuses what the plain way refuses, with its very message', async () => {
		// a post of another account inside a layer: encoding refuses it
		const foreign = smallWorkspace();
		const layer = foreign.postLayers[0];
		foreign.postLayers[0] = { ...layer, posts: [{ ...layer.posts[0], accountId: 'x:someone-else' }, ...layer.posts.slice(1)] };
		// a column value a reader refuses: the column's loop finds it
		const badColumn = smallWorkspace();
		const first = badColumn.postLayers[0];
		badColumn.postLayers[0] = { ...first, posts: [{ ...first.posts[0], platform: 'myspace' as never }, ...first.posts.slice(1)] };
		// a field Zod refuses outside the columns, and one in another table
		const badId = smallWorkspace();
		badId.postLayers[0] = { ...badId.postLayers[0], id: 'not-the-id' };
		const badAccount = smallWorkspace();
		badAccount.accounts[0] = { ...badAccount.accounts[0], platform: 'myspace' as never };
		for (const tables of [foreign, badColumn, badId, badAccount]) {
			const plain = await serializeSnapshot(tables, META).then(
				() => null,
				(error: unknown) => error
			);
			expect(plain).toBeInstanceOf(SnapshotEncodeError);
			await expect(serializeSnapshot(tables, META, undefined, undefined, writerOf(tables, 1))).rejects.toThrowError((plain as Error).message);
		}
	});
});

/** The stored blocks right after the gzip header, joined: the file's head as it lies in the file. */
function storedText(file: Uint8Array): string {
	const parts: Uint8Array[] = [];
	let at = 10;
	// first byte 0: BFINAL = 0, BTYPE = 00 (stored), padding
	while (file[at] === 0) {
		const length = file[at + 1] | (file[at + 2] << 8);
		parts.push(file.subarray(at + 5, at + 5 + length));
		at += 5 + length;
	}
	return parts.map((part) => new TextDecoder().decode(part)).join('');
}

describe('the file’s gzip layout', () => {
	it('stores the head uncompressed in front of the compressed content: one member that gunzip reads as the same text', async () => {
		for (const title of [undefined, 'Q1 review', 'x'.repeat(70_000)]) {
			const tables = smallWorkspace();
			const file = await serializeSnapshot(tables, { ...META, title });
			const text = new TextDecoder().decode(zlibGunzipSync(file));
			const content = new TextDecoder().decode(canonicalUtf8(encodeContent(tables)));
			const head = headPrefix(buildHead({ ...META, title }, summarizeFromLayers(tables), await sha256Hex(content)));
			// the JSON text is what it always was
			expect(text).toBe(`${head}${content}}`);
			expect(new TextDecoder().decode(gunzipSync(file))).toBe(text);
			// the head lies in the file as it is (in several blocks when over 65,535 bytes)
			expect(storedText(file)).toBe(head);
			const view = new DataView(file.buffer, file.byteOffset + file.length - 8);
			expect([view.getUint32(0, true), view.getUint32(4, true)]).toEqual([zlibCrc32(text), new TextEncoder().encode(text).length]);
		}
	});

	it('opens, and so do files of the earlier layout (the whole text compressed), to the same workspace', async () => {
		const tables = largeWorkspace({ accounts: 3, years: 1, posts: 300, seed: 2 });
		const file = await serializeSnapshot(tables, META);
		const earlier = new Uint8Array(zlibGzipSync(zlibGunzipSync(file)));
		expect(storedText(earlier)).toBe('');
		const [opened, openedEarlier] = [await reopen(file), await reopen(earlier)];
		expect(opened.tables).toEqual(inStorageOrder(tables));
		expect(openedEarlier.tables).toEqual(opened.tables);
		expect(openedEarlier.head).toEqual(opened.head);
		for (const bytes of [file, earlier]) expect(readSnapshotHead(bytes, 'head.chorus.json.gz')).toEqual({ ok: true, head: opened.head });
	});
});

const FILE_TABLES = TABLE_NAMES.filter((name) => !(DERIVED_TABLES as readonly string[]).includes(name));

/**
 * A writer fed as the snapshot worker feeds it: every other table of the file as storage read it
 * (before the post layers' first batch, unless `late`), then the post layers `size` at a time.
 */
function streamingWriterOf(
	tables: WorkspaceTables,
	size: number,
	options: { late?: number; order?: (layers: PostLayerRecord[]) => PostLayerRecord[]; capacity?: number; engine?: GzipEngine; given?: Partial<WorkspaceTables> } = {}
): PostLayerWriter {
	const writer = new PostLayerWriter({ capacity: options.capacity, engine: options.engine });
	const giveTables = () => {
		for (const name of FILE_TABLES) if (name !== 'postLayers') writer.table(name as TableName, (options.given?.[name] ?? tables[name]) as unknown[]);
	};
	const layers = (options.order ?? ((all) => all))(inKeyOrder('postLayers', tables.postLayers));
	if (options.late === undefined) giveTables();
	for (let start = 0, batch = 0; start < layers.length; start += size, batch++) {
		if (batch === options.late) giveTables();
		writer.add(layers.slice(start, start + size));
	}
	if (options.late !== undefined && options.late * size >= layers.length) giveTables();
	writer.table('postLayers', tables.postLayers);
	return writer;
}

describe('serializeSnapshot with the content compressed as the post layers were read (streaming PostLayerWriter)', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	/** serializeSnapshot, and whether the streamed content was used for it. */
	async function save(tables: WorkspaceTables, writer: PostLayerWriter, meta = META): Promise<{ bytes: Uint8Array; streamed: boolean }> {
		const spy = vi.spyOn(PostLayerWriter.prototype, 'streamedContent');
		const bytes = await serializeSnapshot(tables, meta, undefined, undefined, writer);
		const streamed = spy.mock.results.some((result) => result.type === 'return' && result.value !== null);
		spy.mockRestore();
		return { bytes, streamed };
	}

	const workspaces: [string, () => WorkspaceTables][] = [
		['the small workspace', smallWorkspace],
		['a generated multi-year workspace', () => largeWorkspace({ accounts: 4, years: 2, posts: 900, seed: 11 })]
	];

	it.each(workspaces)('writes the very bytes of the plain way for %s, in batches of any size', async (_, make) => {
		const tables = make();
		const plain = await serializeSnapshot(tables, META);
		for (const size of [1, 3, 1000]) {
			const { bytes, streamed } = await save(tables, streamingWriterOf(tables, size));
			expect(streamed).toBe(true);
			expect(Buffer.compare(bytes, plain)).toBe(0);
		}
	});

	it('streams also when the other tables arrive after the first batches, and when its buffer must grow', async () => {
		const tables = largeWorkspace({ accounts: 3, years: 2, posts: 600, seed: 5 });
		const plain = await serializeSnapshot(tables, META);
		for (const options of [{ late: 2 }, { late: 1000 }, { capacity: 100 }, { capacity: 100, late: 1 }]) {
			const { bytes, streamed } = await save(tables, streamingWriterOf(tables, 2, options));
			expect(streamed, JSON.stringify(options)).toBe(true);
			expect(Buffer.compare(bytes, plain), JSON.stringify(options)).toBe(0);
		}
	});

	it('writes the same text with fflate where there is no native compressor', async () => {
		const tables = largeWorkspace({ accounts: 3, years: 1, posts: 400, seed: 8 });
		const { bytes, streamed } = await save(tables, streamingWriterOf(tables, 3, { engine: 'fflate' }));
		expect(streamed).toBe(true);
		expect(zlibGunzipSync(bytes).equals(zlibGunzipSync(await serializeSnapshot(tables, META)))).toBe(true);
	});

	it('saves the plain way, to the same bytes, when the layers came out of key order or the tables are not those streamed', async () => {
		const tables = largeWorkspace({ accounts: 3, years: 2, posts: 600, seed: 5 });
		const plain = await serializeSnapshot(tables, META);
		const random = seededRandom(4);
		const changedAccounts = tables.accounts.map((account, index) => (index === 0 ? { ...account, notes: 'changed meanwhile' } : account));
		const missing = streamingWriterOf({ ...tables, postLayers: inKeyOrder('postLayers', tables.postLayers).slice(1) }, 2);
		for (const writer of [
			streamingWriterOf(tables, 2, { order: (layers) => [...layers].sort(() => random() - 0.5) }),
			streamingWriterOf(tables, 2, { given: { accounts: changedAccounts } }),
			missing
		]) {
			const { bytes, streamed } = await save(tables, writer);
			expect(streamed).toBe(false);
			expect(Buffer.compare(bytes, plain)).toBe(0);
		}
	});

	it('refuses what the plain way refuses, with its very message', async () => {
		const badAccount = smallWorkspace();
		badAccount.accounts[0] = { ...badAccount.accounts[0], platform: 'myspace' as never };
		const badId = smallWorkspace();
		badId.postLayers[0] = { ...badId.postLayers[0], id: 'not-the-id' };
		const badColumn = smallWorkspace();
		const first = badColumn.postLayers[0];
		badColumn.postLayers[0] = { ...first, posts: [{ ...first.posts[0], platform: 'myspace' as never }, ...first.posts.slice(1)] };
		for (const tables of [badAccount, badId, badColumn]) {
			const plain = await serializeSnapshot(tables, META).then(
				() => null,
				(error: unknown) => error
			);
			expect(plain).toBeInstanceOf(SnapshotEncodeError);
			await expect(serializeSnapshot(tables, META, undefined, undefined, streamingWriterOf(tables, 1))).rejects.toThrowError((plain as Error).message);
		}
	});

	it('reports progress through encoding, hashing and compressing, ending at 1', async () => {
		const tables = smallWorkspace();
		const phases: string[] = [];
		let last = 0;
		await serializeSnapshot(
			tables,
			META,
			(phase, fraction) => {
				if (phases.at(-1) !== phase) phases.push(phase);
				last = fraction;
			},
			undefined,
			streamingWriterOf(tables, 1)
		);
		expect(phases).toEqual(['encoding', 'hashing', 'compressing']);
		expect(last).toBe(1);
	});
});
