/**
 * The bytes of a snapshot file → a workspace, or a message that says what is wrong. Nothing here
 * touches storage: the caller replaces or merges only after this returned ok, so a bad file can
 * never change anything. Every check runs before the content is trusted, in this order:
 * size → gzip (bounded) → UTF-8 → JSON → forbidden keys → format id and version → checksum →
 * migrations → schema → integrity (unique keys, provenance) → decoding.
 */
import type { WorkspaceTables } from '../schemas/db-records';
import {
	SNAPSHOT_FORMAT,
	SNAPSHOT_FORMAT_VERSION,
	snapshotHeadSchema,
	type SnapshotContent,
	type SnapshotHead,
	type SnapshotSummary
} from '../schemas/snapshot';
import { canonicalStringify } from './canonical-json';
import { decodeContent } from './codec';
import { gunzipBoundedAsync, gunzipPrefix, isGzip } from './gzip';
import { asciiJsonText } from './json-text';
import { describeIssues, snapshotMessages as say, type SnapshotFailureKind, type SnapshotText } from './messages';
import { MIGRATIONS, migrateEnvelope, type SnapshotEnvelopeJson, type SnapshotMigration } from './migrations';
import { findUnsafeJson } from './safe-json';
import { sha256Hex } from '../domain/sha256';
import { sameSummary, summarize } from './summary';
import { validateEnvelope } from './validate';

const MB = 1024 * 1024;

/**
 * Largest snapshot file accepted. A workspace of 40 accounts × 10 years of daily data and 300,000
 * posts saves to about 14 MB; this leaves room for several times that.
 */
export const MAX_SNAPSHOT_BYTES = 100 * MB;

/**
 * Largest size a snapshot may unpack to. The workspace above unpacks to about 65 MB. A JavaScript
 * string cannot exceed ~512 MB, and the parsed workspace needs a multiple of the text in memory.
 */
export const MAX_SNAPSHOT_INFLATED_BYTES = 400 * MB;

/** How far into a file its head may reach; Chorus writes the head in the first few KB. */
const HEAD_PREFIX_BYTES = 1 * MB;

export type ParsePhase = 'inflating' | 'validating' | 'decoding';
export type ParseProgress = (phase: ParsePhase, fraction: number) => void;

export interface ParseOptions {
	/** Shown in every message, so the person knows which file is meant. */
	fileName: string;
	maxBytes?: number;
	maxInflated?: number;
	onProgress?: ParseProgress;
	/** Only for tests of the upgrade path; the app always uses MIGRATIONS. */
	migrations?: Readonly<Record<number, SnapshotMigration>>;
	/** Only for tests of the upgrade path. */
	currentVersion?: number;
}

export interface OpenedSnapshot {
	fileName: string;
	/** The file's head, upgraded to the current format. */
	head: SnapshotHead;
	/** The format version the file was written in (older ones were upgraded). */
	sourceFormatVersion: number;
	/** Recomputed from the content; the file's own summary is informational only. */
	summary: SnapshotSummary;
	tables: WorkspaceTables;
	/** Things worth telling the person that did not stop the file from opening. */
	/** In English, for logs and tests. */
	warnings: string[];
	/** The same warnings with their codes and values, to show in the active language (issueText). */
	codedWarnings: SnapshotText[];
}

export type ParseResult =
	| { ok: true; snapshot: OpenedSnapshot }
	| ({ ok: false; kind: SnapshotFailureKind } & SnapshotText);

function fail(kind: SnapshotFailureKind, text: SnapshotText): ParseResult & { ok: false } {
	return { ok: false, kind, ...text };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** A plain (uncompressed) JSON file: first non-blank character `{` or `[`, after an optional BOM. */
function looksLikeJson(bytes: Uint8Array): boolean {
	let i = bytes.length >= 3 && UTF8_BOM.every((byte, index) => bytes[index] === byte) ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
	return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

type EnvelopeRead = { ok: true; envelope: SnapshotEnvelopeJson; asWrittenDigest: Promise<string> | null } | (ParseResult & { ok: false });

/**
 * Unpacks, decodes and parses the file, and starts hashing its content as written. Its own function
 * so that the unpacked bytes and the text (95 MB and more for a large workspace) are garbage as soon
 * as it returns, not kept for the rest of the opening.
 */
async function readFile(bytes: Uint8Array, options: ParseOptions): Promise<EnvelopeRead> {
	const { fileName, maxInflated = MAX_SNAPSHOT_INFLATED_BYTES } = options;
	let raw: Uint8Array;
	if (isGzip(bytes)) {
		const inflated = await gunzipBoundedAsync(bytes, maxInflated, (done, total) => options.onProgress?.('inflating', done / total));
		if (!inflated.ok) {
			return inflated.reason === 'too-large'
				? fail('too-large', say.inflatesTooLarge(fileName, maxInflated))
				: fail('damaged', say.truncated(fileName, inflated.detail));
		}
		raw = inflated.bytes;
	} else if (looksLikeJson(bytes)) {
		if (bytes.length > maxInflated) return fail('too-large', say.inflatesTooLarge(fileName, maxInflated));
		raw = bytes;
	} else {
		return fail('not-snapshot', say.notSnapshot(fileName));
	}

	// Web Crypto copies the bytes at once and hashes them on a thread of its own: start on the
	// content as written while the text is decoded and parsed here, and look at the result only
	// where the checksum's turn comes
	const asWritten = contentBytesOf(raw);
	const asWrittenDigest = asWritten ? sha256Hex(asWritten) : null;
	asWrittenDigest?.catch(() => {});

	// non-ASCII characters as JSON escapes, so the engine gets a one-byte string (see json-text.ts);
	// null for text that must be decoded as it is, which is also where bad UTF-8 is reported
	const ascii = asciiJsonText(raw);
	const text = ascii ?? strictUtf8(raw);
	if (text === null) return fail('damaged', say.notUtf8(fileName));
	options.onProgress?.('validating', 0);
	const read = readEnvelope(text, options, ascii === null ? undefined : () => strictUtf8(raw));
	return read.ok ? { ...read, asWrittenDigest } : read;
}

/** The text of UTF-8 bytes, or null when they are not valid UTF-8. */
function strictUtf8(raw: Uint8Array): string | null {
	try {
		// ignoreBOM false (the default) drops a leading BOM, which hand-saved JSON may have
		return new TextDecoder('utf-8', { fatal: true }).decode(raw);
	} catch {
		return null;
	}
}

/** The engine's message for text that is not JSON, or null when it parses. */
function jsonError(text: string): string | null {
	try {
		JSON.parse(text);
		return null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type EnvelopeResult = { ok: true; envelope: SnapshotEnvelopeJson } | (ParseResult & { ok: false });

/**
 * Parses the text and checks what every format version shares: safe keys, format id, version.
 * `ownText` gives the file's text as it is when `text` is a rewritten form of it, so a JSON error
 * is described as the engine sees the file itself (positions, the character it stumbled on).
 */
function readEnvelope(text: string, options: ParseOptions, ownText?: () => string | null): EnvelopeResult {
	const { fileName } = options;
	const currentVersion = options.currentVersion ?? SNAPSHOT_FORMAT_VERSION;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		const own = ownText?.();
		if (own === null) return fail('damaged', say.notUtf8(fileName));
		const detail = (own === undefined ? null : jsonError(own)) ?? (error instanceof Error ? error.message : String(error));
		return fail('damaged', say.notJson(fileName, detail));
	}
	if (!isRecord(parsed)) return fail('not-snapshot', say.notAnObject(fileName));
	const unsafe = findUnsafeJson(parsed);
	if (unsafe?.problem === 'key') return fail('unsafe', say.unsafeKey(fileName, unsafe.key, unsafe.path));
	if (unsafe?.problem === 'depth') return fail('unsafe', say.tooDeep(fileName, unsafe.path));
	if (parsed.format !== SNAPSHOT_FORMAT) return fail('not-snapshot', say.unknownFormat(fileName, parsed.format));
	const version = parsed.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return fail('invalid', say.badVersion(fileName, version));
	}
	if (version > currentVersion) {
		const app = isRecord(parsed.app) && typeof parsed.app.version === 'string' ? parsed.app.version : null;
		return fail('newer-version', say.newerVersion(fileName, version, app, currentVersion));
	}
	return { ok: true, envelope: parsed as SnapshotEnvelopeJson };
}

const CONTENT_MARKER = new TextEncoder().encode(',"content":');

/**
 * The bytes of the `content` value as the file holds them, when the file is laid out as Chorus
 * writes it (head, then `,"content":`, the content, and the closing brace last). A UTF-8 multi-byte
 * sequence never contains an ASCII byte, and inside a JSON string a quote is escaped, so the first
 * raw match of the marker is the member itself.
 */
export function contentBytesOf(raw: Uint8Array): Uint8Array | null {
	const searchEnd = Math.min(raw.length, HEAD_PREFIX_BYTES) - CONTENT_MARKER.length;
	let start = -1;
	for (let i = 0; i <= searchEnd && start < 0; i++) {
		if (raw[i] !== CONTENT_MARKER[0]) continue;
		let match = true;
		for (let j = 1; j < CONTENT_MARKER.length && match; j++) match = raw[i + j] === CONTENT_MARKER[j];
		if (match) start = i + CONTENT_MARKER.length;
	}
	if (start < 0) return null;
	let end = raw.length;
	while (end > start && (raw[end - 1] === 0x20 || raw[end - 1] === 0x0a || raw[end - 1] === 0x0d || raw[end - 1] === 0x09)) end--;
	if (raw[end - 1] !== 0x7d) return null;
	return raw.subarray(start, end - 1);
}

/**
 * The checksum rule is the same in every format version: SHA-256 of the canonical JSON of
 * `content`, in lower-case hex under `contentSha256`. So it is checked before any upgrade, on the
 * content exactly as the file holds it. A file Chorus wrote holds the canonical text itself, so
 * its bytes are hashed as they are; only a file laid out differently (re-indented, say) is
 * re-serialised canonically first.
 */
async function checksumMatches(envelope: SnapshotEnvelopeJson, asWrittenDigest: Promise<string> | null): Promise<boolean | 'missing'> {
	const stated = envelope.contentSha256;
	if (typeof stated !== 'string' || !isRecord(envelope.content)) return 'missing';
	if (asWrittenDigest && (await asWrittenDigest) === stated) return true;
	return (await sha256Hex(canonicalStringify(envelope.content))) === stated;
}

type Keyed = { table: string; what: string; keys: Iterable<string | number> };

/** Problems that pass the schema but would break storage: duplicate keys, values without their import. */
export function integrityProblem(content: SnapshotContent): string | null {
	const unique: Keyed[] = [
		{ table: 'accounts', what: 'id', keys: content.accounts.map((record) => record.id) },
		{ table: 'imports', what: 'id', keys: content.imports.map((record) => record.id) },
		{ table: 'imports', what: 'sha256', keys: content.imports.map((record) => record.sha256) },
		{ table: 'seriesLayers', what: 'id', keys: content.seriesLayers.map((record) => record.id) },
		{ table: 'postLayers', what: 'id', keys: content.postLayers.map((record) => record.id) },
		{ table: 'breakdowns', what: 'id', keys: content.breakdowns.map((record) => record.id) },
		{ table: 'decisions', what: 'accountId', keys: content.decisions.map((record) => record.accountId) },
		{ table: 'decisionHistory', what: 'id', keys: content.decisionHistory.map((record) => record.id) },
		{ table: 'annotations', what: 'id', keys: content.annotations.map((record) => record.id) },
		{ table: 'northStars', what: 'id', keys: content.northStars.map((record) => record.id) },
		{ table: 'mappingPresets', what: 'id', keys: content.mappingPresets.map((record) => record.id) },
		{ table: 'calendarItems', what: 'id', keys: content.calendarItems.map((record) => record.id) },
		{ table: 'tagRules', what: 'id', keys: content.tagRules.map((record) => record.id) },
		{ table: 'postTags', what: 'key', keys: content.postTags.map((record) => record.key) },
		{ table: 'meta', what: 'key', keys: content.meta.map((record) => record.key) }
	];
	for (const { table, what, keys } of unique) {
		const seen = new Set<string | number>();
		for (const key of keys) {
			if (seen.has(key)) return `two records in ${table} share the ${what} ${JSON.stringify(key)}`;
			seen.add(key);
		}
	}
	const importIds = new Set(content.imports.map((record) => record.id));
	const owners: { table: string; records: readonly { importId: number }[] }[] = [
		{ table: 'seriesLayers', records: content.seriesLayers },
		{ table: 'postLayers', records: content.postLayers },
		{ table: 'breakdowns', records: content.breakdowns }
	];
	for (const { table, records } of owners) {
		const orphan = records.find((record) => !importIds.has(record.importId));
		if (orphan) return `${table} holds data from import #${orphan.importId}, which the file does not contain`;
	}
	return null;
}

/**
 * Opens a snapshot file. Accepts gzip-compressed JSON (what Chorus saves) and plain JSON (what
 * `gunzip` gives). Never throws for a bad file: every failure is a message naming the file.
 */
export async function parseSnapshot(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
	try {
		return await openSnapshot(bytes, options);
	} catch (error) {
		// openSnapshot answers every known failure; this keeps the promise that a bad file never throws
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return fail('invalid', say.unreadable(options.fileName, detail));
	}
}

async function openSnapshot(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
	const { fileName, maxBytes = MAX_SNAPSHOT_BYTES, onProgress } = options;
	if (bytes.length > maxBytes) return fail('too-large', say.tooLarge(fileName, bytes.length, maxBytes));

	onProgress?.('inflating', 0);
	const read = await readFile(bytes, options);
	if (!read.ok) return read;
	const { asWrittenDigest } = read;
	const sourceFormatVersion = read.envelope.formatVersion;

	onProgress?.('validating', 0.2);
	const checksum = await checksumMatches(read.envelope, asWrittenDigest);
	if (checksum === 'missing') {
		return fail('invalid', say.noChecksum(fileName));
	}
	if (!checksum) return fail('checksum', say.checksum(fileName));

	const currentVersion = options.currentVersion ?? SNAPSHOT_FORMAT_VERSION;
	const migrated = migrateEnvelope(read.envelope, options.migrations ?? MIGRATIONS, currentVersion);
	if (!migrated.ok) return fail('unsupported-version', say.noMigration(fileName, sourceFormatVersion));

	onProgress?.('validating', 0.5);
	const validated = validateEnvelope(migrated.envelope);
	if (!validated.success) return fail('invalid', say.invalid(fileName, describeIssues(validated.issues)));
	const { content, ...head } = validated.data;
	const problem = integrityProblem(content);
	if (problem) return fail('invalid', say.invalid(fileName, problem));

	onProgress?.('decoding', 0);
	const tables = decodeContent(content);
	const summary = summarize(tables);
	const codedWarnings: SnapshotText[] = [];
	if (sourceFormatVersion === currentVersion && !sameSummary(head.summary, summary)) codedWarnings.push(say.summaryMismatch(fileName));
	const warnings = codedWarnings.map((warning) => warning.message);
	onProgress?.('decoding', 1);
	return { ok: true, snapshot: { fileName, head, sourceFormatVersion, summary, tables, warnings, codedWarnings } };
}

export type HeadResult = { ok: true; head: SnapshotHead } | ({ ok: false; kind: SnapshotFailureKind } & SnapshotText);

/**
 * The head of a snapshot (format, versions, title, summary) from the first megabyte, without
 * unpacking or checking the rest: enough to show what a file holds before opening it. The head
 * is not covered by the checksum; `parseSnapshot` is what decides whether the file opens. Files in an
 * older format or re-saved by another program keep their head elsewhere: open them to see it.
 */
export function readSnapshotHead(bytes: Uint8Array, fileName: string): HeadResult {
	const prefix = isGzip(bytes) ? gunzipPrefix(bytes, HEAD_PREFIX_BYTES) : bytes.subarray(0, HEAD_PREFIX_BYTES);
	if (!isGzip(bytes) && !looksLikeJson(prefix)) return fail('not-snapshot', say.notSnapshot(fileName));
	const text = new TextDecoder('utf-8').decode(prefix);
	const marker = text.indexOf(',"content":');
	if (marker < 0) return fail('invalid', say.headNotFound(fileName));
	const read = readEnvelope(`${text.slice(0, marker)}}`, { fileName });
	if (!read.ok) return read;
	if (read.envelope.formatVersion < SNAPSHOT_FORMAT_VERSION) {
		return fail('unsupported-version', say.headNotFound(fileName));
	}
	const head = snapshotHeadSchema.safeParse(read.envelope);
	if (!head.success) return fail('invalid', say.invalid(fileName, describeIssues(head.error.issues)));
	return { ok: true, head: head.data };
}
