/**
 * The snapshot file format (`.chorus.json.gz`), as Zod schemas: the single source of truth for
 * what a snapshot holds. docs/snapshot.schema.json is generated from `snapshotFileSchema` and a
 * test fails when it is out of date; docs/snapshot-format.md explains every field.
 *
 * Records reuse the storage schemas' field definitions (db-records.ts), so a field added to a
 * stored record appears here too, and the generated JSON Schema changes, which is the prompt to
 * bump SNAPSHOT_FORMAT_VERSION and add a migration. Records are strict: a field this version does
 * not know is refused rather than silently dropped (see "Versioning" in the format doc).
 *
 * Two stored tables are not in the file: `series` and `posts` are the merged views storage
 * computes from `seriesLayers` and `postLayers`; they are rebuilt with the same rule on open.
 */
import { z } from 'zod';
import {
	accountRecordSchema,
	annotationRecordSchema,
	breakdownRecordSchema,
	calendarItemRecordSchema,
	decisionHistoryRecordSchema,
	decisionRecordSchema,
	importRecordSchema,
	mappingPresetRecordSchema,
	metaRecordSchema,
	metricKeySchema,
	northStarRecordSchema,
	platformSchema,
	postLayerRecordSchema,
	postTagRecordSchema,
	seriesLayerRecordSchema,
	tagRuleRecordSchema,
	type StoredPost,
	type TableName
} from './db-records';

export const SNAPSHOT_FORMAT = 'chorus-snapshot';
/** Bump for every change to what a snapshot holds, with a migration from the previous version. */
export const SNAPSHOT_FORMAT_VERSION = 1;
export const SNAPSHOT_FILE_EXTENSION = '.chorus.json.gz';

/**
 * Rebuilds a schema with every object in it strict (unknown keys refused), keeping checks and
 * refinements. Objects declared loose on purpose (records another feature owns the shape of) stay loose.
 */
export function deepStrict<T extends z.ZodType>(schema: T): T {
	if (schema instanceof z.ZodObject) {
		const shape: Record<string, z.ZodType> = {};
		for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) shape[key] = deepStrict(field);
		const extended = schema.safeExtend(shape);
		const loose = schema._zod.def.catchall instanceof z.ZodUnknown;
		return (loose ? extended : extended.strict()) as unknown as T;
	}
	if (schema instanceof z.ZodOptional) return deepStrict(schema.unwrap() as z.ZodType).optional() as unknown as T;
	if (schema instanceof z.ZodNullable) return deepStrict(schema.unwrap() as z.ZodType).nullable() as unknown as T;
	if (schema instanceof z.ZodArray) {
		return schema.clone({ ...schema._zod.def, element: deepStrict(schema.element as z.ZodType) }) as unknown as T;
	}
	return schema;
}

/** A day's value, or null where the export had none (NaN in storage). */
export const encodedValuesSchema = z
	.array(z.number().nullable())
	.describe('One entry per day from startDay on; null = no value that day.');

export const snapshotSeriesLayerSchema = deepStrict(
	z.object({ ...seriesLayerRecordSchema.shape, values: encodedValuesSchema.min(1, 'A layer holds at least one day.') })
).refine((layer) => layer.id === `${layer.importId}|${layer.accountId}|${layer.metric}`, {
	message: 'A series layer id is `importId|accountId|metric`.',
	path: ['id']
});
export type SnapshotSeriesLayer = z.infer<typeof snapshotSeriesLayerSchema>;

/**
 * A post's fields as columns: post i is entry i of every column. `accountId` and `sourceImportId`
 * are the layer's own and not repeated per post. Columns beat one object per post by a quarter
 * after gzip and parse faster, which matters at 300,000 posts.
 */
export const POST_COLUMNS = ['postId', 'platform', 'publishedAt', 'day', 'text', 'link', 'type'] as const;

// Fails to compile when StoredPost gains a field the columns do not carry.
type UncoveredPostField = Exclude<keyof StoredPost, (typeof POST_COLUMNS)[number] | 'metrics' | 'accountId' | 'sourceImportId'>;
const everyPostFieldHasAColumn: [UncoveredPostField] extends [never] ? true : false = true;
void everyPostFieldHasAColumn;

export const postColumnsSchema = z
	.strictObject({
		postId: z.array(z.string().min(1)),
		platform: z.array(platformSchema),
		publishedAt: z.array(z.string().nullable()),
		day: z.array(z.number().int().nullable()),
		text: z.array(z.string()),
		link: z.array(z.string().nullable()).describe('null = the export gave no link.'),
		type: z.array(z.string().nullable()).describe('null = the export gave no content type.'),
		metrics: z
			.partialRecord(metricKeySchema, z.array(z.number().nullable()))
			.describe('One column per metric any post of the layer has; null = that post has no value for it.')
	})
	.refine(
		(columns) => {
			const length = columns.postId.length;
			return (
				POST_COLUMNS.every((name) => columns[name].length === length) &&
				Object.values(columns.metrics).every((column) => column.length === length)
			);
		},
		{ message: 'Every post column has one entry per post.' }
	);
export type PostColumns = z.infer<typeof postColumnsSchema>;

export const snapshotPostLayerSchema = deepStrict(z.object({ ...postLayerRecordSchema.shape, posts: postColumnsSchema })).refine(
	(layer) => layer.id === `${layer.importId}|${layer.accountId}`,
	{ message: 'A post layer id is `importId|accountId`.', path: ['id'] }
);
export type SnapshotPostLayer = z.infer<typeof snapshotPostLayerSchema>;

/** Device bookkeeping, not workspace data: it stays in the browser that wrote it. */
export const LOCAL_META_KEYS: readonly string[] = ['lastSnapshotExportAt', 'changesSinceSnapshot'];

export const snapshotContentSchema = z.strictObject({
	accounts: z.array(deepStrict(accountRecordSchema)),
	imports: z.array(deepStrict(importRecordSchema)),
	seriesLayers: z.array(snapshotSeriesLayerSchema),
	postLayers: z.array(snapshotPostLayerSchema),
	breakdowns: z.array(deepStrict(breakdownRecordSchema)),
	decisions: z.array(deepStrict(decisionRecordSchema)),
	decisionHistory: z.array(deepStrict(decisionHistoryRecordSchema)),
	annotations: z.array(deepStrict(annotationRecordSchema)),
	northStars: z.array(deepStrict(northStarRecordSchema)),
	mappingPresets: z.array(deepStrict(mappingPresetRecordSchema)),
	calendarItems: z.array(deepStrict(calendarItemRecordSchema)),
	tagRules: z.array(deepStrict(tagRuleRecordSchema)),
	postTags: z.array(deepStrict(postTagRecordSchema)),
	meta: z.array(
		deepStrict(metaRecordSchema).refine((record) => !LOCAL_META_KEYS.includes(record.key), {
			message: 'Device bookkeeping is not part of a snapshot.',
			path: ['key']
		})
	)
});
export type SnapshotContent = z.infer<typeof snapshotContentSchema>;
export type SnapshotTableName = keyof SnapshotContent;

/** Stored tables that are not in the file because they are rebuilt from others on open. */
export const DERIVED_TABLES = ['series', 'posts'] as const satisfies readonly TableName[];

// Fails to compile when storage gains a table the snapshot neither carries nor rebuilds.
type UncoveredTable = Exclude<TableName, SnapshotTableName | (typeof DERIVED_TABLES)[number]>;
const everyTableIsCovered: [UncoveredTable] extends [never] ? true : false = true;
void everyTableIsCovered;

const isoDate = z.iso.date();

export const snapshotSummarySchema = z
	.strictObject({
		accounts: z
			.array(z.strictObject({ id: z.string(), platform: platformSchema, displayName: z.string() }))
			.describe('Every account in the file, sorted by id.'),
		platforms: z.array(platformSchema).describe('Platforms with at least one account, sorted.'),
		firstDay: isoDate.nullable().describe('First day with a stored value or a post (YYYY-MM-DD); null when there is none.'),
		lastDay: isoDate.nullable().describe('Last day with a stored value or a post (YYYY-MM-DD).'),
		counts: z.strictObject({
			accounts: z.number().int().nonnegative(),
			imports: z.number().int().nonnegative(),
			series: z.number().int().nonnegative().describe('Account × metric pairs with at least one value.'),
			seriesValues: z.number().int().nonnegative().describe('Account × metric × day values after merging.'),
			seriesLayers: z.number().int().nonnegative(),
			posts: z.number().int().nonnegative().describe('Distinct posts after merging.'),
			postVersions: z.number().int().nonnegative().describe('Posts as each import gave them (a post in two exports counts twice).'),
			breakdowns: z.number().int().nonnegative(),
			decisions: z.number().int().nonnegative(),
			decisionHistory: z.number().int().nonnegative(),
			annotations: z.number().int().nonnegative(),
			northStars: z.number().int().nonnegative(),
			mappingPresets: z.number().int().nonnegative(),
			calendarItems: z.number().int().nonnegative(),
			tagRules: z.number().int().nonnegative(),
			postTags: z.number().int().nonnegative()
		})
	})
	.describe('What the file holds, readable without loading the content. Informational: not covered by the checksum.');
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export const snapshotAppSchema = z.strictObject({ name: z.literal('Chorus'), version: z.string().min(1) });

/** Everything before `content`: what a reader checks before it trusts the rest. */
export const snapshotHeadSchema = z.strictObject({
	format: z.literal(SNAPSHOT_FORMAT),
	formatVersion: z.number().int().positive(),
	app: snapshotAppSchema,
	exportedAt: z.iso.datetime({ offset: true }),
	title: z.string().optional(),
	author: z.string().optional(),
	summary: snapshotSummarySchema,
	contentSha256: z
		.string()
		.regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lower-case hex digits.')
		.describe('SHA-256 (hex) of the canonical JSON of `content` (keys sorted, no whitespace).')
});
export type SnapshotHead = z.infer<typeof snapshotHeadSchema>;

/** A whole file once upgraded to the current format (the reader checks the version number itself). */
export const snapshotEnvelopeSchema = snapshotHeadSchema.extend({ content: snapshotContentSchema });
export type SnapshotEnvelope = z.infer<typeof snapshotEnvelopeSchema>;

/** A file in exactly the current format: what docs/snapshot.schema.json describes. */
export const snapshotFileSchema = snapshotEnvelopeSchema
	.extend({ formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION) })
	.describe('A Chorus workspace snapshot, gzip-compressed JSON (.chorus.json.gz).');
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

/** The JSON Schema of the current format, as committed in docs/snapshot.schema.json. */
export function snapshotJsonSchema(): Record<string, unknown> {
	const generated = z.toJSONSchema(snapshotFileSchema, { target: 'draft-2020-12', unrepresentable: 'throw' });
	return { ...generated, title: `Chorus snapshot, format version ${SNAPSHOT_FORMAT_VERSION}` };
}
