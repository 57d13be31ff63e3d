import { describe, expect, it } from 'vitest';
import type { PostLayerRecord, StoredPost } from '../schemas/db-records';
import {
	compareKeys,
	decodeContent,
	decodePostColumns,
	decodeValues,
	encodeContent,
	encodePostColumns,
	encodeValues,
	SnapshotEncodeError
} from './codec';
import { inStorageOrder, smallWorkspace } from './test-workspaces';

const post = (fields: Partial<StoredPost>): StoredPost => ({
	platform: 'x',
	postId: '1',
	accountId: 'x:a',
	sourceImportId: 4,
	publishedAt: null,
	day: null,
	text: '',
	metrics: {},
	...fields
});

describe('series values', () => {
	it('write a missing day (NaN) as null and read it back as NaN', () => {
		const values = Float64Array.from([1.5, Number.NaN, 0, -2, Number.NaN]);
		expect(encodeValues(values)).toEqual([1.5, null, 0, -2, null]);
		const decoded = decodeValues([1.5, null, 0, -2, null]);
		expect(decoded).toBeInstanceOf(Float64Array);
		expect([...decoded]).toEqual([1.5, Number.NaN, 0, -2, Number.NaN]);
	});
});

describe('post columns', () => {
	const layer: Pick<PostLayerRecord, 'id' | 'importId' | 'accountId' | 'posts'> = {
		id: '4|x:a',
		importId: 4,
		accountId: 'x:a',
		posts: [
			post({ postId: '111', publishedAt: '2024-03-01T09:00', day: 19783, text: 'hello', link: 'https://x.com/a/1', metrics: { likes: 3, impressions: 90 } }),
			post({ postId: '222', text: 'video', type: 'Video', metrics: { views: 1000, likes: 0 } })
		]
	};

	it('hold one entry per post per field; absent fields and metrics become null', () => {
		expect(encodePostColumns(layer)).toEqual({
			postId: ['111', '222'],
			platform: ['x', 'x'],
			publishedAt: ['2024-03-01T09:00', null],
			day: [19783, null],
			text: ['hello', 'video'],
			link: ['https://x.com/a/1', null],
			type: [null, 'Video'],
			metrics: { likes: [3, 0], impressions: [90, null], views: [null, 1000] }
		});
	});

	it('decode to the same posts: null means absent (never 0), and the layer gives account and import', () => {
		expect(decodePostColumns(encodePostColumns(layer), 'x:a', 4)).toEqual(layer.posts);
		const [first] = decodePostColumns(encodePostColumns(layer), 'x:a', 4);
		expect('type' in first).toBe(false);
		expect('views' in first.metrics).toBe(false);
	});

	it.each([
		['another account', { accountId: 'x:b' }],
		['another import', { sourceImportId: 5 }]
	])('refuse a post of %s, which the format cannot represent', (_name, fields) => {
		expect(() => encodePostColumns({ ...layer, posts: [post(fields)] })).toThrowError(SnapshotEncodeError);
		expect(() => encodePostColumns({ ...layer, posts: [post(fields)] })).toThrowError(
			'The stored posts "4|x:a" include post 1 of another account or import. Undo import #4 and import its file again, then save the snapshot.'
		);
	});
});

describe('encodeContent / decodeContent', () => {
	it('leaves out the merged tables and device bookkeeping, and sorts every table by its key', () => {
		const tables = smallWorkspace();
		tables.meta.push({ key: 'lastSnapshotExportAt', value: '2024-01-01T00:00:00.000Z' });
		tables.accounts.reverse();
		const content = encodeContent(tables);
		expect(Object.keys(content)).not.toContain('series');
		expect(Object.keys(content)).not.toContain('posts');
		expect(content.meta.map((record) => record.key)).toEqual(['accountResolutions']);
		expect(content.accounts.map((account) => account.id)).toEqual(['linkedin:acme gmbh', 'x:acme']);
		expect(content.seriesLayers.map((layer) => layer.id)).toEqual([
			'1|x:acme|followers',
			'1|x:acme|impressions',
			'2|x:acme|followers',
			'2|x:acme|impressions',
			'3|linkedin:acme gmbh|followers'
		]);
	});

	it('decode back to the stored tables, merged ones rebuilt', () => {
		expect(decodeContent(encodeContent(smallWorkspace()))).toEqual(inStorageOrder(smallWorkspace()));
	});

	it('refuse an infinite value rather than writing a number JSON cannot hold', () => {
		const tables = smallWorkspace();
		tables.seriesLayers[0].values[1] = Number.POSITIVE_INFINITY;
		expect(() => encodeContent(tables)).toThrowError(
			'The stored series "1|x:acme|followers" holds an infinite value, which no export can contain. Undo that import and import the file again, then save the snapshot.'
		);
	});
});

describe('compareKeys', () => {
	it('orders like IndexedDB: numbers numerically, before strings; strings by code unit', () => {
		const keys: (string | number)[] = ['b', 10, 'B', 2, 'a|10', 'a|9', 'é'];
		expect(keys.sort(compareKeys)).toEqual([2, 10, 'B', 'a|10', 'a|9', 'b', 'é']);
	});
});
