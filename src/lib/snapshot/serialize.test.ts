import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT_VERSION } from '../schemas/snapshot';
import type { PostLayerRecord, WorkspaceTables } from '../schemas/db-records';
import { canonicalStringify, canonicalUtf8 } from './canonical-json';
import { encodeContent, inKeyOrder, SnapshotEncodeError } from './codec';
import { parseSnapshot } from './parse';
import { PostLayerWriter, serializeSnapshot, type SnapshotMeta } from './serialize';
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
