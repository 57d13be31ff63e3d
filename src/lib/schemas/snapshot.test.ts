import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeContent } from '../snapshot/codec';
import { smallWorkspace } from '../snapshot/test-workspaces';
import {
	deepStrict,
	snapshotContentSchema,
	snapshotFileSchema,
	snapshotHeadSchema,
	snapshotJsonSchema,
	snapshotPostLayerSchema,
	snapshotSeriesLayerSchema
} from './snapshot';

const messages = (result: { success: boolean; error?: z.ZodError }) =>
	result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('deepStrict', () => {
	const schema = deepStrict(
		z.object({
			name: z.string(),
			owner: z.object({ id: z.string() }).nullable(),
			tags: z.array(z.object({ key: z.string() })).min(1),
			extra: z.looseObject({ id: z.string() }).optional()
		})
	);

	it('refuses unknown keys at every depth, through nullable, optional and arrays', () => {
		expect(messages(schema.safeParse({ name: 'a', owner: { id: '1', x: 1 }, tags: [{ key: 'k', y: 2 }], z: 3 }))).toEqual([
			'owner: Unrecognized key: "x"',
			'tags.0: Unrecognized key: "y"',
			': Unrecognized key: "z"'
		]);
	});

	it('keeps checks and leaves loose objects loose', () => {
		expect(messages(schema.safeParse({ name: 'a', owner: null, tags: [] }))).toEqual(['tags: Too small: expected array to have >=1 items']);
		expect(schema.safeParse({ name: 'a', owner: null, tags: [{ key: 'k' }], extra: { id: 'e', anything: true } }).success).toBe(true);
	});

	it('keeps refinements of an object', () => {
		const refined = deepStrict(z.object({ a: z.number(), b: z.number() }).refine((value) => value.a < value.b, 'a before b'));
		expect(messages(refined.safeParse({ a: 2, b: 1 }))).toEqual([': a before b']);
	});
});

describe('snapshot schemas', () => {
	it('accept the content Chorus writes', () => {
		expect(snapshotContentSchema.safeParse(encodeContent(smallWorkspace())).success).toBe(true);
	});

	it('keep series layer and post layer ids tied to their import and account', () => {
		const layer = { id: '1|x:a|likes', importId: 2, accountId: 'x:a', metric: 'likes', startDay: 0, values: [1] };
		expect(messages(snapshotSeriesLayerSchema.safeParse(layer))).toEqual(['id: A series layer id is `importId|accountId|metric`.']);
		expect(messages(snapshotSeriesLayerSchema.safeParse({ ...layer, id: '2|x:a|likes', values: [] }))).toEqual([
			'values: A layer holds at least one day.'
		]);
		const columns = { postId: [], platform: [], publishedAt: [], day: [], text: [], link: [], type: [], metrics: {} };
		expect(messages(snapshotPostLayerSchema.safeParse({ id: '3|x:a', importId: 2, accountId: 'x:a', posts: columns }))).toEqual([
			'id: A post layer id is `importId|accountId`.'
		]);
	});

	it('check the head: format id, hex checksum, ISO time', () => {
		const head = {
			format: 'chorus-snapshot',
			formatVersion: 1,
			app: { name: 'Chorus', version: '0.1.0' },
			exportedAt: 'yesterday',
			summary: { accounts: [], platforms: [], firstDay: null, lastDay: null, counts: {} },
			contentSha256: 'ABC'
		};
		expect(messages(snapshotHeadSchema.safeParse(head)).map((message) => message.split(':')[0])).toEqual([
			'exportedAt',
			'summary.counts.accounts',
			'summary.counts.imports',
			'summary.counts.series',
			'summary.counts.seriesValues',
			'summary.counts.seriesLayers',
			'summary.counts.posts',
			'summary.counts.postVersions',
			'summary.counts.breakdowns',
			'summary.counts.decisions',
			'summary.counts.decisionHistory',
			'summary.counts.annotations',
			'summary.counts.northStars',
			'summary.counts.mappingPresets',
			'summary.counts.calendarItems',
			'summary.counts.tagRules',
			'summary.counts.postTags',
			'contentSha256'
		]);
	});

	it('pin the file schema to the current format version and generate a JSON Schema without unrepresentable parts', () => {
		expect(snapshotFileSchema.shape.formatVersion.value).toBe(1);
		expect(() => snapshotJsonSchema()).not.toThrow();
	});
});
