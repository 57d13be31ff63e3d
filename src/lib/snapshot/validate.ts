/**
 * Zod validation of snapshot content, fast on a large workspace. The schema (schemas/snapshot.ts)
 * stays the one judge of what a file may hold; this only changes how its bulk is checked.
 *
 * Almost all of a large snapshot is a few kinds of flat arrays: the series layers' daily values
 * and the post layers' columns (300,000 posts × a dozen columns). Zod checks an array one element
 * at a time through its generic machinery, about a second for that workspace; a loop that asks
 * `typeof` of each element does the same check in a few milliseconds. So:
 *
 * 1. each bulk array is checked by such a loop, against exactly what its element schema accepts
 *    (or less: a loop never accepts a value Zod would refuse);
 * 2. if every one passes, Zod validates the whole value with those arrays swapped for stand-ins
 *    that pass the same schema (empty columns, a one-day series), so every other field, key,
 *    refinement and strictness rule is Zod's own; the real arrays are put back into Zod's output;
 * 3. if any loop finds a problem, Zod validates the untouched value, so a refused file gets
 *    exactly Zod's messages and paths.
 */
import type { z } from 'zod';
import { platformSchema } from '../schemas/db-records';
import {
	POST_COLUMNS,
	snapshotContentSchema,
	snapshotEnvelopeSchema,
	type SnapshotContent,
	type SnapshotEnvelope
} from '../schemas/snapshot';

export type Validation<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[] };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const PLATFORMS: ReadonlySet<unknown> = new Set(platformSchema.options);

/** z.number().int(): Zod 4 accepts safe integers only. */
const isInteger = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value);

/** One loop per column kind, mirroring postColumnsSchema's element schemas. */
const COLUMN_CHECKS: Record<(typeof POST_COLUMNS)[number], (value: unknown) => boolean> = {
	postId: (value) => typeof value === 'string' && value.length > 0,
	platform: (value) => PLATFORMS.has(value),
	publishedAt: (value) => value === null || typeof value === 'string',
	day: (value) => value === null || isInteger(value),
	text: (value) => typeof value === 'string',
	link: (value) => value === null || typeof value === 'string',
	type: (value) => value === null || typeof value === 'string'
};

function every(values: unknown, length: number | null, check: (value: unknown) => boolean): boolean {
	if (!Array.isArray(values) || (length !== null && values.length !== length)) return false;
	for (let i = 0; i < values.length; i++) if (!check(values[i])) return false;
	return true;
}

/**
 * z.array(z.number().nullable()) without a call per element (the hottest loop of all). z.number()
 * is a finite number: Zod 4 refuses ±Infinity and NaN.
 */
function everyNumberOrNull(values: unknown, length: number | null): boolean {
	if (!Array.isArray(values) || (length !== null && values.length !== length)) return false;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (value !== null && !(typeof value === 'number' && Number.isFinite(value))) return false;
	}
	return true;
}

/** What was swapped out, to put back into Zod's output. */
interface Swapped {
	seriesValues: unknown[][];
	postColumns: Json[];
}

/** A one-day series passes `values`' schema (`min(1)` of nullable numbers). */
const STAND_IN_VALUES = [0];

/**
 * The content with its bulk arrays replaced by stand-ins, or null when a bulk array fails its
 * loop (or the content is not shaped so that its bulk can be found: Zod then says what is wrong).
 */
function withStandIns(content: unknown): { light: Json; swapped: Swapped } | null {
	if (!isRecord(content) || !Array.isArray(content.seriesLayers) || !Array.isArray(content.postLayers)) return null;
	const swapped: Swapped = { seriesValues: [], postColumns: [] };
	const seriesLayers: unknown[] = [];
	for (const layer of content.seriesLayers) {
		if (!isRecord(layer) || !everyNumberOrNull(layer.values, null) || (layer.values as unknown[]).length === 0) return null;
		swapped.seriesValues.push(layer.values as unknown[]);
		seriesLayers.push({ ...layer, values: STAND_IN_VALUES });
	}
	const postLayers: unknown[] = [];
	for (const layer of content.postLayers) {
		const light = lightPostLayer(layer);
		if (!light) return null;
		swapped.postColumns.push((layer as Json).posts as Json);
		postLayers.push(light);
	}
	return { light: { ...content, seriesLayers, postLayers }, swapped };
}

/**
 * A post layer with its columns checked by the loops and swapped for empty stand-ins, or null when
 * a column fails its loop (or the layer is not shaped so that its columns can be found). Content
 * whose `postLayers` are such stand-ins validates (validateContent) exactly as the real content
 * would: the loops have checked the columns, and Zod checks everything else of the layer (its
 * fields, ids, column names, strictness). Saving a snapshot checks each post layer this way as it
 * arrives from storage, then validates the content with the stand-ins in place.
 */
export function lightPostLayer(layer: unknown): Json | null {
	if (!isRecord(layer) || !isRecord(layer.posts)) return null;
	const columns = layer.posts;
	if (!Array.isArray(columns.postId) || !isRecord(columns.metrics)) return null;
	const length = columns.postId.length;
	const light: Json = { ...columns };
	for (const name of POST_COLUMNS) {
		if (!every(columns[name], length, COLUMN_CHECKS[name])) return null;
		light[name] = [];
	}
	const metrics: Json = {};
	for (const key of Object.keys(columns.metrics)) {
		if (!everyNumberOrNull(columns.metrics[key], length)) return null;
		metrics[key] = [];
	}
	light.metrics = metrics;
	return { ...layer, posts: light };
}

/** Zod's output with the real arrays back (Zod returns its own copies of the stand-ins). */
function restore(content: SnapshotContent, swapped: Swapped): SnapshotContent {
	content.seriesLayers.forEach((layer, index) => {
		layer.values = swapped.seriesValues[index] as (number | null)[];
	});
	content.postLayers.forEach((layer, index) => {
		const original = swapped.postColumns[index];
		const columns = layer.posts as unknown as Json;
		for (const name of POST_COLUMNS) columns[name] = original[name];
		const metrics = columns.metrics as Json;
		for (const key of Object.keys(metrics)) metrics[key] = (original.metrics as Json)[key];
	});
	return content;
}

function outcome<T>(result: z.ZodSafeParseResult<T>): Validation<T> {
	return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
}

/** `snapshotContentSchema.safeParse`, fast on large content (see the module comment). */
export function validateContent(value: unknown): Validation<SnapshotContent> {
	const prepared = withStandIns(value);
	if (!prepared) return outcome(snapshotContentSchema.safeParse(value));
	const result = snapshotContentSchema.safeParse(prepared.light);
	if (!result.success) return outcome(snapshotContentSchema.safeParse(value));
	return { success: true, data: restore(result.data, prepared.swapped) };
}

/** `snapshotEnvelopeSchema.safeParse` (a whole file, head and content), fast on large content. */
export function validateEnvelope(value: unknown): Validation<SnapshotEnvelope> {
	const prepared = isRecord(value) ? withStandIns(value.content) : null;
	if (!prepared) return outcome(snapshotEnvelopeSchema.safeParse(value));
	const result = snapshotEnvelopeSchema.safeParse({ ...(value as Json), content: prepared.light });
	if (!result.success) return outcome(snapshotEnvelopeSchema.safeParse(value));
	result.data.content = restore(result.data.content, prepared.swapped);
	return { success: true, data: result.data };
}
