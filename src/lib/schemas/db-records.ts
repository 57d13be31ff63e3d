/**
 * The shapes of every record Chorus keeps in IndexedDB, as Zod schemas. Types come from these
 * schemas (one source of truth). Everything is validated where it enters storage (imports, edits,
 * snapshot files); on read, the small hand-edited tables are checked against these schemas again and
 * the large ones (series, posts, breakdowns) get a cheap shape check only, because re-validating
 * 300,000 posts on every open took seconds (see docs/performance.md).
 *
 * Pure: no Dexie here, so the snapshot feature can validate a file in a worker or in Node.
 */
import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS, PLATFORMS } from '../domain/model';
import { METRIC_KEYS, type MetricKey } from '../domain/metrics';
import { BOARD_COLUMNS, YEAR_SLOTS } from './record-constants';

// the plain values live in record-constants.ts, so the read path can have them without Zod
export { ACCOUNT_LIST_FIELDS, BOARD_COLUMNS, YEAR_SLOTS, type AccountListField } from './record-constants';
export { META_DEFAULTS } from './meta-values';

const dayNumber = z.number().int();
const isoTimestamp = z.string().min(1);
const importId = z.number().int().positive();

export const platformSchema = z.enum(PLATFORMS);
export const metricKeySchema = z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]]);

export const accountRefSchema = z.object({
	platform: platformSchema,
	handle: z.string().optional(),
	displayName: z.string().optional(),
	externalId: z.string().optional()
});

export const rowIssueSchema = z.object({
	line: z.number().int().optional(),
	severity: z.enum(['error', 'warning']),
	message: z.string()
});


export const accountRecordSchema = z.object({
	/** `platform:key`, see accountIdOf. Never changes, even if the handle is edited. */
	id: z.string().min(1),
	platform: platformSchema,
	handle: z.string().nullable(),
	/** Always something to show: the display name, else the handle, else the external id. */
	displayName: z.string(),
	externalId: z.string().nullable(),
	url: z.string(),
	owner: z.string(),
	admins: z.array(z.string()),
	segments: z.array(z.string()),
	productLines: z.array(z.string()),
	regions: z.array(z.string()),
	languages: z.array(z.string()),
	purpose: z.string(),
	notes: z.string(),
	origin: z.enum(['import', 'manual']),
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp,
	/**
	 * When a person last edited the inventory fields (null: never). Imports only fill empty identity
	 * fields, and undo only removes an imported account nobody has touched.
	 */
	editedAt: isoTimestamp.nullable()
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

export const importCountsSchema = z.object({
	/** Values stored by this import (account × metric × day), after duplicates within the file. */
	seriesPoints: z.number().int().nonnegative(),
	posts: z.number().int().nonnegative(),
	breakdowns: z.number().int().nonnegative(),
	/** Values (account × metric × day) that filled a day nothing was stored for yet. */
	newDays: z.number().int().nonnegative(),
	/** Values (account × metric × day) for a day an earlier import already had. */
	overlapDays: z.number().int().nonnegative(),
	/** Posts already stored that this import replaced with its newer version. */
	updatedPosts: z.number().int().nonnegative()
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importRecordSchema = z.object({
	/** Auto-increment sequence: the provenance every stored value points back to. */
	id: importId,
	fileName: z.string(),
	size: z.number().int().nonnegative(),
	/** SHA-256 of the file's bytes (hex); `parsed:<fingerprint>` when the browser could not hash (plain http). */
	sha256: z.string().min(1),
	format: z.string(),
	formatLabel: z.string(),
	platform: platformSchema,
	encoding: z.string(),
	accountIds: z.array(z.string()),
	/** The account the person chose for this file, when they chose one. */
	accountOverride: accountRefSchema.nullable(),
	rowCount: z.number().int().nonnegative(),
	firstDay: dayNumber.nullable(),
	lastDay: dayNumber.nullable(),
	coversUntil: dayNumber.nullable(),
	counts: importCountsSchema,
	/** The file's row issues, capped (see issueCount for how many there were). */
	issues: z.array(rowIssueSchema),
	issueCount: z.number().int().nonnegative(),
	importedAt: isoTimestamp,
	batchId: z.string().min(1)
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const seriesLayerRecordSchema = z.object({
	/** `${importId}|${accountId}|${metric}` */
	id: z.string().min(1),
	importId,
	accountId: z.string().min(1),
	metric: metricKeySchema,
	/** values[i] is the value for day startDay + i; NaN = the file has no value that day. */
	startDay: dayNumber,
	values: z.instanceof(Float64Array).refine((values) => values.length > 0, 'A layer holds at least one day.')
});
export type SeriesLayerRecord = z.infer<typeof seriesLayerRecordSchema>;

/** The record's shape: cheap enough to check on every dashboard read. */
export const seriesRecordShapeSchema = z.object({
	/** `${accountId}|${metric}|${year}` */
	id: z.string().min(1),
	accountId: z.string().min(1),
	metric: metricKeySchema,
	year: z.number().int(),
	/** values[d] is day-of-year d (0 = 1 January); NaN = no value. */
	values: z.instanceof(Float64Array).refine((values) => values.length === YEAR_SLOTS, 'A year holds 366 slots.'),
	/** The import each value came from; 0 = no value. */
	sources: z.instanceof(Uint32Array).refine((sources) => sources.length === YEAR_SLOTS, 'A year holds 366 slots.')
});

/** The shape plus the provenance invariant slot by slot: checked when a snapshot is restored. */
export const seriesRecordSchema = seriesRecordShapeSchema.refine(
	(record) => record.values.every((value, slot) => Number.isNaN(value) === (record.sources[slot] === 0)),
	'Every value names the import it came from, and only values do.'
);
export type SeriesRecord = z.infer<typeof seriesRecordSchema>;

export const storedPostSchema = z.object({
	platform: platformSchema,
	postId: z.string().min(1),
	accountId: z.string().min(1),
	sourceImportId: importId,
	publishedAt: z.string().nullable(),
	day: dayNumber.nullable(),
	text: z.string(),
	link: z.string().optional(),
	type: z.string().optional(),
	metrics: z.partialRecord(metricKeySchema, z.number())
});
export type StoredPost = z.infer<typeof storedPostSchema>;

export const postLayerRecordSchema = z.object({
	/** `${importId}|${accountId}` */
	id: z.string().min(1),
	importId,
	accountId: z.string().min(1),
	posts: z.array(storedPostSchema)
});
export type PostLayerRecord = z.infer<typeof postLayerRecordSchema>;

/**
 * One account's merged posts as every reader gets them (and as a snapshot or a restore hands them
 * in): per post id, the version of the highest-ranked import, in `sortPosts` order.
 */
export const postsRecordSchema = z.object({
	accountId: z.string().min(1),
	posts: z.array(storedPostSchema)
});
export type PostsRecord = z.infer<typeof postsRecordSchema>;

/**
 * The second form a `posts` row may take in IndexedDB (schema version 2 on). Every merged post is
 * some post layer's own version of it, so the row can name the account's layers its posts come
 * from instead of holding a second copy of every post: per layer, the keys (`platform:postId`) of
 * its posts a higher-ranked export replaced, which are left out. `count` is the number of posts, so
 * counting needs no post read. Only `db/merged-posts.ts` writes or reads this form; every reader
 * gets a `PostsRecord`. See docs/storage.md, "Posts stored once".
 */
export const postsReferenceRecordSchema = z.object({
	accountId: z.string().min(1),
	layers: z
		.array(
			z.object({
				/** A post layer's id (`${importId}|${accountId}`). */
				layerId: z.string().min(1),
				/** Keys of that layer's posts that are not among the merged posts. */
				without: z.array(z.string().min(1))
			})
		)
		.min(1),
	count: z.number().int().nonnegative()
});
export type PostsReferenceRecord = z.infer<typeof postsReferenceRecordSchema>;

/** A `posts` row as IndexedDB holds it: the posts themselves, or a reference to the layers they are. */
export const storedPostsRecordSchema = z.union([postsRecordSchema, postsReferenceRecordSchema]);
export type StoredPostsRecord = z.infer<typeof storedPostsRecordSchema>;

export const breakdownRecordSchema = z.object({
	id: z.number().int().positive(),
	importId,
	accountId: z.string().min(1),
	dimension: z.enum(BREAKDOWN_DIMENSIONS),
	asOf: dayNumber,
	unit: z.enum(['count', 'share']),
	measure: z.string(),
	entries: z.array(z.object({ key: z.string(), value: z.number() }))
});
export type BreakdownRecord = z.infer<typeof breakdownRecordSchema>;

export const boardColumnSchema = z.enum(BOARD_COLUMNS);
export type BoardColumn = z.infer<typeof boardColumnSchema>;

export const decisionRecordSchema = z.object({
	accountId: z.string().min(1),
	column: boardColumnSchema,
	/** Sort key inside the column; a move between two cards takes the midpoint of their orders. */
	order: z.number(),
	mergeTargetId: z.string().nullable(),
	rationale: z.string(),
	decidedAt: isoTimestamp
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export const decisionHistoryRecordSchema = z.object({
	id: z.number().int().positive(),
	accountId: z.string().min(1),
	/** null: the account had no decision yet. */
	from: boardColumnSchema.nullable(),
	to: boardColumnSchema,
	mergeTargetId: z.string().nullable(),
	rationale: z.string(),
	at: isoTimestamp,
	/** The whole decision before this move, so undo restores its order and rationale too. */
	previous: decisionRecordSchema.nullable()
});
export type DecisionHistoryRecord = z.infer<typeof decisionHistoryRecordSchema>;

export const annotationRecordSchema = z.object({
	id: z.string().min(1),
	startDay: dayNumber,
	endDay: dayNumber.nullable(),
	label: z.string(),
	note: z.string(),
	/** null: about the whole portfolio. */
	accountId: z.string().nullable(),
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp
});
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;

export const northStarRecordSchema = z.object({
	id: z.string().min(1),
	metric: metricKeySchema,
	/** null: the portfolio total. */
	accountId: z.string().nullable(),
	baselineDay: dayNumber,
	baselineValue: z.number(),
	target: z.number(),
	targetDay: dayNumber,
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp
});
export type NorthStarRecord = z.infer<typeof northStarRecordSchema>;

/** The import pipeline owns the preset's shape; storage only needs its id and the signature it is found by. */
export const mappingPresetRecordSchema = z.looseObject({
	id: z.string().min(1),
	signature: z.string().min(1)
});
export type MappingPresetRecord = z.infer<typeof mappingPresetRecordSchema>;

export const calendarItemRecordSchema = z.object({
	id: z.string().min(1),
	title: z.string(),
	angle: z.string(),
	segments: z.array(z.string()),
	productLines: z.array(z.string()),
	accountIds: z.array(z.string()),
	owner: z.string(),
	status: z.string(),
	day: dayNumber.nullable(),
	notes: z.string(),
	link: z.string(),
	linkedPostIds: z.array(z.string()),
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp
});
export type CalendarItemRecord = z.infer<typeof calendarItemRecordSchema>;

/** The tagging feature owns a rule's shape; storage only needs its id. */
export const tagRuleRecordSchema = z.looseObject({ id: z.string().min(1) });
export type TagRuleRecord = z.infer<typeof tagRuleRecordSchema>;

export const postTagRecordSchema = z.object({
	/** `${accountId}|${postId}` */
	key: z.string().min(1),
	tags: z.array(z.string())
});
export type PostTagRecord = z.infer<typeof postTagRecordSchema>;

export const metaRecordSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type MetaRecord = z.infer<typeof metaRecordSchema>;

/** The value each meta key holds. Read with these; an unreadable value falls back to the default. */
export const metaValueSchemas = {
	lastSnapshotExportAt: isoTimestamp.nullable(),
	changesSinceSnapshot: z.number().int().nonnegative(),
	/** Remembered answers for files that name no account, keyed by file-kind signature. */
	accountResolutions: z.record(z.string(), accountRefSchema)
} as const;
export type MetaKey = keyof typeof metaValueSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaValueSchemas)[K]>;


/**
 * Every table and the schema of its records, in the order a restore writes them. These are the
 * records as the app reads and hands them in; `posts` rows may be stored in a second form
 * (`storedPostsRecordSchema`), which db/merged-posts.ts turns into these on every read.
 */
export const recordSchemas = {
	accounts: accountRecordSchema,
	imports: importRecordSchema,
	seriesLayers: seriesLayerRecordSchema,
	series: seriesRecordSchema,
	postLayers: postLayerRecordSchema,
	posts: postsRecordSchema,
	breakdowns: breakdownRecordSchema,
	decisions: decisionRecordSchema,
	decisionHistory: decisionHistoryRecordSchema,
	annotations: annotationRecordSchema,
	northStars: northStarRecordSchema,
	mappingPresets: mappingPresetRecordSchema,
	calendarItems: calendarItemRecordSchema,
	tagRules: tagRuleRecordSchema,
	postTags: postTagRecordSchema,
	meta: metaRecordSchema
} as const;
export type TableName = keyof typeof recordSchemas;
export const TABLE_NAMES = Object.keys(recordSchemas) as TableName[];

/** A whole workspace as plain arrays per table (typed arrays kept as typed arrays). */
export type WorkspaceTables = { [T in TableName]: z.infer<(typeof recordSchemas)[T]>[] };
