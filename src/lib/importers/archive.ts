/**
 * Zip reading with hard bounds. The central directory is read first and every declared size is
 * checked (entry count, per-entry size, total size, compression ratio, overlapping entries) before a
 * single byte is inflated. Headers can lie, so while an entry inflates its output is counted against
 * the size it declared and inflation stops the moment it exceeds it. Entries inflate one at a time,
 * on demand, so a zip of many large files never sits in memory fully inflated.
 *
 * Written against the zip spec (APPNOTE 6.3) rather than fflate's `unzipSync`, which inflates into a
 * buffer sized by the (untrusted) declared size and offers no way to stop a stream part-way.
 */
import { Inflate, inflateSync } from 'fflate';
import {
	formatBytes,
	MAX_COMPRESSION_RATIO,
	MAX_ENTRY_BYTES,
	MAX_INFLATED_BYTES,
	MAX_ZIP_ENTRIES,
	RATIO_CHECK_MIN_BYTES
} from './limits';
import { crc32 } from '../domain/crc32';
import { fileMessage, type CodedText } from './messages';
import type { MessageParam } from '../domain/coded-message';

export interface ArchiveLimits {
	maxEntries: number;
	maxInflatedBytes: number;
	maxEntryBytes: number;
	maxCompressionRatio: number;
	ratioCheckMinBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
	maxEntries: MAX_ZIP_ENTRIES,
	maxInflatedBytes: MAX_INFLATED_BYTES,
	maxEntryBytes: MAX_ENTRY_BYTES,
	maxCompressionRatio: MAX_COMPRESSION_RATIO,
	ratioCheckMinBytes: RATIO_CHECK_MIN_BYTES
};

/** Bytes still allowed to inflate; shared by a zip and the zips nested in it. */
export interface InflateBudget {
	remaining: number;
}

export type EntryReadResult =
	| { ok: true; bytes: Uint8Array }
	/** fatal: the archive itself is hostile or broken; stop reading it altogether. */
	| ({ ok: false; fatal: boolean } & EntryProblem);

/** Why an entry was not read: the English reason (after the entry's name) and its coded form. */
export interface EntryProblem {
	reason: string;
	code?: string;
	params?: Record<string, MessageParam>;
}

export interface ZipEntry {
	/** Path inside the zip, `/`-separated. */
	path: string;
	compressedSize: number;
	/** Uncompressed size as declared by the central directory (enforced while inflating). */
	size: number;
	read(): EntryReadResult;
}

/** A zip entry or sheet that was not read; `code` and `params` word `reason` in another language. */
export interface SkippedEntry extends EntryProblem {
	entry: string;
}

/** The entry form of an entry-level message (code `entry.*`): the English reason and its code. */
function entryProblem(coded: CodedText): EntryProblem {
	return { reason: coded.message, code: coded.code, params: coded.params };
}

export type OpenZipResult =
	| { ok: true; entries: ZipEntry[]; skipped: SkippedEntry[] }
	/** problem: 'bomb' means hostile (stop everything); the others mean this zip cannot be read. */
	| ({ ok: false; problem: 'damaged' | 'empty' | 'too-many' | 'bomb' } & CodedText);

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8_NAME = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Inflate input in small pieces so an entry that lies about its size is stopped within ~16 MB. */
const INFLATE_CHUNK = 16 * 1024;

const METHOD_NAMES: Record<number, string> = {
	9: 'Deflate64',
	12: 'BZIP2',
	14: 'LZMA',
	93: 'Zstandard',
	95: 'XZ',
	99: 'AES encryption'
};

// IBM code page 437, the zip spec's default name encoding when the UTF-8 flag is not set.
const CP437_HIGH =
	'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Uint8Array, flags: number): string {
	if (flags & FLAG_UTF8_NAME) return new TextDecoder('utf-8').decode(raw);
	// macOS and many tools write UTF-8 names without setting the flag; CP437 only when that fails
	try {
		return strictUtf8.decode(raw);
	} catch {
		let name = '';
		for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
		return name;
	}
}

/** Resource forks and Finder metadata that macOS adds to every zip it makes. */
export function isJunkEntry(path: string): boolean {
	const parts = path.split('/');
	const base = parts[parts.length - 1];
	return parts.includes('__MACOSX') || base === '.DS_Store' || base.startsWith('._') || base === 'Thumbs.db';
}

interface CentralRecord {
	path: string;
	flags: number;
	method: number;
	crc: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

type Directory = { ok: true; records: CentralRecord[] } | { ok: false; problem: 'damaged' | 'too-many'; count?: number };

function findEndOfCentralDirectory(view: DataView): number {
	const stop = Math.max(0, view.byteLength - EOCD_MIN - MAX_COMMENT);
	for (let at = view.byteLength - EOCD_MIN; at >= stop; at--) {
		if (view.getUint32(at, true) === SIG_END) {
			// a real record's comment reaches exactly to the end of the file
			if (at + EOCD_MIN + view.getUint16(at + 20, true) === view.byteLength) return at;
		}
	}
	return -1;
}

function readUint64(view: DataView, at: number): number {
	return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

function readDirectory(bytes: Uint8Array, maxEntries: number): Directory {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const end = findEndOfCentralDirectory(view);
	if (end < 0) return { ok: false, problem: 'damaged' };
	let count = view.getUint16(end + 10, true);
	let dirSize = view.getUint32(end + 12, true);
	let dirOffset = view.getUint32(end + 16, true);
	const locator = end - 20;
	if (locator >= 0 && view.getUint32(locator, true) === SIG_END64_LOCATOR) {
		const end64 = readUint64(view, locator + 8);
		if (end64 + 56 > bytes.length || view.getUint32(end64, true) !== SIG_END64) return { ok: false, problem: 'damaged' };
		count = readUint64(view, end64 + 32);
		dirSize = readUint64(view, end64 + 40);
		dirOffset = readUint64(view, end64 + 48);
	}
	if (count > maxEntries) return { ok: false, problem: 'too-many', count };
	if (dirOffset + dirSize > bytes.length) return { ok: false, problem: 'damaged' };

	const records: CentralRecord[] = [];
	let at = dirOffset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) return { ok: false, problem: 'damaged' };
		const flags = view.getUint16(at + 8, true);
		const method = view.getUint16(at + 10, true);
		const crc = view.getUint32(at + 16, true);
		let compressedSize = view.getUint32(at + 20, true);
		let size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		let localOffset = view.getUint32(at + 42, true);
		const nameStart = at + 46;
		const extraStart = nameStart + nameLength;
		const next = extraStart + extraLength + commentLength;
		if (next > bytes.length) return { ok: false, problem: 'damaged' };
		// zip64: the real values live in extra field 0x0001, in this order, only for fields that overflowed
		for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
			const id = view.getUint16(e, true);
			const length = view.getUint16(e + 2, true);
			if (id === 0x0001) {
				let field = e + 4;
				const fieldEnd = e + 4 + length;
				if (size === 0xffffffff && field + 8 <= fieldEnd) {
					size = readUint64(view, field);
					field += 8;
				}
				if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) {
					compressedSize = readUint64(view, field);
					field += 8;
				}
				if (localOffset === 0xffffffff && field + 8 <= fieldEnd) localOffset = readUint64(view, field);
			}
			e += 4 + length;
		}
		const path = decodeName(bytes.subarray(nameStart, extraStart), flags).replace(/\\/g, '/');
		records.push({ path, flags, method, crc, compressedSize, size, localOffset });
		at = next;
	}
	return { ok: true, records };
}

/** Entry paths of a zip (for sniffing xlsx/ods/docx), or null when it has no readable directory. */
export function listZipPaths(bytes: Uint8Array): string[] | null {
	const directory = readDirectory(bytes, MAX_ZIP_ENTRIES);
	return directory.ok ? directory.records.map((record) => record.path) : null;
}

function damagedMessage(zipName: string): CodedText {
	return fileMessage('file.zipDamaged', { name: zipName });
}

/** `bomb`: which trick the zip plays (a `bomb.*` message), with the values that message names. */
function bombMessage(zipName: string, bomb: string, params: Record<string, string | number> = {}): CodedText {
	return fileMessage('file.hostileZip', { name: zipName, bomb, ...params });
}

/** Where the entry's data starts, from its local header (whose extra field may differ from the central one). */
function dataStart(view: DataView, record: CentralRecord): number {
	const at = record.localOffset;
	if (at + 30 > view.byteLength || view.getUint32(at, true) !== SIG_LOCAL) return -1;
	return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/**
 * Entries up to this compressed size inflate in one pass into a buffer of their declared size.
 * fflate's streaming inflater copies its output window on every push (a third of a parse worker's
 * time on the benchmark's exports, docs/performance.md), and most entries of an export are a few
 * kilobytes. The buffer bounds the memory whatever the entry claims; what one pass cannot bound is
 * the work, at most this size times deflate's largest ratio (~1032), about 0.1 s.
 */
const ONE_PASS_MAX_COMPRESSED = 128 * 1024;

function inflateBounded(compressed: Uint8Array, declaredSize: number): Uint8Array | 'too-big' | 'damaged' {
	return compressed.length <= ONE_PASS_MAX_COMPRESSED ? inflateInOnePass(compressed, declaredSize) : inflateStreamed(compressed, declaredSize);
}

function inflateInOnePass(compressed: Uint8Array, declaredSize: number): Uint8Array | 'too-big' | 'damaged' {
	// one byte more than declared: an entry that inflates to more fills it, and is refused. fflate
	// never grows a buffer it is given: writes past its end are dropped, and a stored block that does
	// not fit throws a RangeError.
	// no deflate data at all: an empty entry, or a damaged one
	if (compressed.length === 0) return declaredSize === 0 ? new Uint8Array(0) : 'damaged';
	const out = new Uint8Array(declaredSize + 1);
	let inflated: Uint8Array;
	try {
		inflated = inflateSync(compressed, { out });
	} catch (error) {
		return error instanceof RangeError ? 'too-big' : 'damaged';
	}
	if (inflated.length > declaredSize) return 'too-big';
	return inflated.length === declaredSize ? out.subarray(0, declaredSize) : 'damaged';
}

function inflateStreamed(compressed: Uint8Array, declaredSize: number): Uint8Array | 'too-big' | 'damaged' {
	const out = new Uint8Array(declaredSize);
	let written = 0;
	let tooBig = false;
	const inflater = new Inflate((chunk) => {
		if (tooBig) return;
		if (written + chunk.length > declaredSize) {
			tooBig = true;
			return;
		}
		out.set(chunk, written);
		written += chunk.length;
	});
	try {
		for (let offset = 0; offset < compressed.length && !tooBig; offset += INFLATE_CHUNK) {
			const end = Math.min(offset + INFLATE_CHUNK, compressed.length);
			inflater.push(compressed.subarray(offset, end), end === compressed.length);
		}
		if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
	} catch {
		return 'damaged';
	}
	if (tooBig) return 'too-big';
	return written === declaredSize ? out : 'damaged';
}

/** An entry as openZip found it: its central record and where its data starts. */
interface OpenedEntry extends ZipEntry {
	record: CentralRecord;
	start: number;
}

type OpenedZip =
	| { ok: true; entries: OpenedEntry[]; skipped: SkippedEntry[]; /** Directory records not among the entries (folders, junk, skipped). */ omitted: number }
	| Exclude<OpenZipResult, { ok: true }>;

/**
 * Opens a zip and checks every declared size against the limits before anything is inflated.
 * Never throws. `budget` is shared with nested zips so nesting cannot multiply the total.
 */
export function openZip(
	bytes: Uint8Array,
	zipName: string,
	options: { limits?: Partial<ArchiveLimits>; budget?: InflateBudget } = {}
): OpenZipResult {
	const opened = openEntries(bytes, zipName, options);
	return opened.ok ? { ok: true, entries: opened.entries, skipped: opened.skipped } : opened;
}

function openEntries(
	bytes: Uint8Array,
	zipName: string,
	options: { limits?: Partial<ArchiveLimits>; budget?: InflateBudget }
): OpenedZip {
	const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
	const budget = options.budget ?? { remaining: limits.maxInflatedBytes };
	const directory = readDirectory(bytes, limits.maxEntries);
	if (!directory.ok) {
		if (directory.problem === 'too-many')
			return {
				ok: false,
				problem: 'too-many',
				...fileMessage('file.zipTooManyFiles', { name: zipName, files: directory.count ?? 0, limit: limits.maxEntries })
			};
		return { ok: false, problem: 'damaged', ...damagedMessage(zipName) };
	}
	if (directory.records.length === 0)
		return { ok: false, problem: 'empty', ...fileMessage('file.zipEmpty', { name: zipName }) };

	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const skipped: SkippedEntry[] = [];
	const wanted: { record: CentralRecord; start: number }[] = [];
	let declaredTotal = 0;

	for (const record of directory.records) {
		if (record.path.endsWith('/') || isJunkEntry(record.path)) continue;
		const start = dataStart(view, record);
		if (start < 0 || start + record.compressedSize > bytes.length) return { ok: false, problem: 'damaged', ...damagedMessage(zipName) };
		if (record.flags & FLAG_ENCRYPTED || record.method === 99) {
			skipped.push({ entry: record.path, ...entryProblem(fileMessage('entry.password')) });
			continue;
		}
		if (record.method !== METHOD_STORED && record.method !== METHOD_DEFLATE) {
			const method = METHOD_NAMES[record.method];
			skipped.push({
				entry: record.path,
				...entryProblem(
					method === undefined ? fileMessage('entry.compressionMethod', { method: record.method }) : fileMessage('entry.compression', { method })
				)
			});
			continue;
		}
		if (record.method === METHOD_STORED && record.compressedSize !== record.size)
			return { ok: false, problem: 'damaged', ...damagedMessage(zipName) };
		if (record.size > limits.maxEntryBytes)
			return {
				ok: false,
				problem: 'bomb',
				...bombMessage(zipName, 'entryTooLarge', { entry: record.path, size: formatBytes(record.size), limit: formatBytes(limits.maxEntryBytes) })
			};
		if (record.size > limits.ratioCheckMinBytes && record.size / Math.max(record.compressedSize, 1) > limits.maxCompressionRatio)
			return {
				ok: false,
				problem: 'bomb',
				...bombMessage(zipName, 'ratio', {
					entry: record.path,
					ratio: Math.round(record.size / Math.max(record.compressedSize, 1)),
					compressed: formatBytes(record.compressedSize),
					size: formatBytes(record.size)
				})
			};
		declaredTotal += record.size;
		wanted.push({ record, start });
	}

	// Overlapping entries let one compressed stream be "unpacked" many times over (a non-recursive bomb).
	const byOffset = [...wanted].sort((a, b) => a.record.localOffset - b.record.localOffset);
	for (let i = 1; i < byOffset.length; i++) {
		const previous = byOffset[i - 1];
		if (previous.start + previous.record.compressedSize > byOffset[i].record.localOffset)
			return {
				ok: false,
				problem: 'bomb',
				...bombMessage(zipName, 'overlap')
			};
	}

	if (declaredTotal > budget.remaining)
		return {
			ok: false,
			problem: 'bomb',
			...bombMessage(zipName, 'total', { size: formatBytes(declaredTotal), limit: formatBytes(limits.maxInflatedBytes) })
		};
	budget.remaining -= declaredTotal;

	const entries: OpenedEntry[] = wanted.map(({ record, start }) => ({
		record,
		start,
		path: record.path,
		compressedSize: record.compressedSize,
		size: record.size,
		read(): EntryReadResult {
			const compressed = bytes.subarray(start, start + record.compressedSize);
			let content: Uint8Array;
			if (record.method === METHOD_STORED) content = compressed;
			else {
				const inflated = inflateBounded(compressed, record.size);
				if (inflated === 'too-big')
					return { ok: false, fatal: true, ...entryProblem(bombMessage(zipName, 'lies', { entry: record.path, size: formatBytes(record.size) })) };
				if (inflated === 'damaged')
					return { ok: false, fatal: false, ...entryProblem(fileMessage('entry.unpackFailed')) };
				content = inflated;
			}
			if (crc32(content) !== record.crc)
				return { ok: false, fatal: false, ...entryProblem(fileMessage('entry.checksum')) };
			return { ok: true, bytes: content };
		}
	}));

	return { ok: true, entries, skipped, omitted: directory.records.length - wanted.length };
}

/**
 * `unpacked`: the same zip with every entry stored (not compressed), built from the entries just
 * verified, for the library to read without inflating anything again; null when the zip has
 * entries verification did not read (folders, macOS junk, skipped methods) or is too large to
 * hold twice, and the library must be handed the original.
 */
export type VerifyZipResult = { ok: true; unpacked: Uint8Array | null } | ({ ok: false; hostile: boolean } & CodedText);

/**
 * Above this many inflated bytes a workbook is not rebuilt: the rebuilt copy and the library's
 * own copies of its entries would hold it twice, where the library inflating the original holds
 * it once.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;

/** Where an entry's name lies in its local header (SheetJS reads the local name, not the central one). */
function localName(bytes: Uint8Array, record: CentralRecord): Uint8Array {
	const at = record.localOffset;
	const length = bytes[at + 26] | (bytes[at + 27] << 8);
	return bytes.subarray(at + LOCAL_HEADER, at + LOCAL_HEADER + length);
}

/**
 * A zip of the given entries, each stored under its original local name, time and CRC (all
 * verified), with no extra fields and no data descriptors. Sizes fit in 32 bits: the entries
 * together stay under MAX_UNPACKED_BYTES.
 */
function storedZip(bytes: Uint8Array, entries: readonly OpenedEntry[], contents: readonly Uint8Array[]): Uint8Array {
	const names = entries.map((entry) => localName(bytes, entry.record));
	let localsSize = 0;
	let directorySize = 0;
	for (let i = 0; i < entries.length; i++) {
		localsSize += LOCAL_HEADER + names[i].length + contents[i].length;
		directorySize += CENTRAL_HEADER + names[i].length;
	}
	const out = new Uint8Array(localsSize + directorySize + EOCD_MIN);
	const view = new DataView(out.buffer);
	const source = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 0;
	let central = localsSize;
	for (let i = 0; i < entries.length; i++) {
		const { record } = entries[i];
		const name = names[i];
		const content = contents[i];
		// DOS time and date of the local header, as the library would have read them
		const time = source.getUint16(record.localOffset + 10, true);
		const date = source.getUint16(record.localOffset + 12, true);
		view.setUint32(at, SIG_LOCAL, true);
		view.setUint16(at + 4, 20, true);
		view.setUint16(at + 8, METHOD_STORED, true);
		view.setUint16(at + 10, time, true);
		view.setUint16(at + 12, date, true);
		view.setUint32(at + 14, record.crc, true);
		view.setUint32(at + 18, content.length, true);
		view.setUint32(at + 22, content.length, true);
		view.setUint16(at + 26, name.length, true);
		out.set(name, at + LOCAL_HEADER);
		out.set(content, at + LOCAL_HEADER + name.length);

		view.setUint32(central, SIG_CENTRAL, true);
		view.setUint16(central + 4, 20, true);
		view.setUint16(central + 6, 20, true);
		view.setUint16(central + 10, METHOD_STORED, true);
		view.setUint16(central + 12, time, true);
		view.setUint16(central + 14, date, true);
		view.setUint32(central + 16, record.crc, true);
		view.setUint32(central + 20, content.length, true);
		view.setUint32(central + 24, content.length, true);
		view.setUint16(central + 28, name.length, true);
		view.setUint32(central + 42, at, true);
		out.set(name, central + CENTRAL_HEADER);

		at += LOCAL_HEADER + name.length + content.length;
		central += CENTRAL_HEADER + name.length;
	}
	view.setUint32(central, SIG_END, true);
	view.setUint16(central + 8, entries.length, true);
	view.setUint16(central + 10, entries.length, true);
	view.setUint32(central + 12, directorySize, true);
	view.setUint32(central + 16, localsSize, true);
	return out;
}

/**
 * For zip-based files another library unpacks itself (xlsx, ods): the same checks as openZip, and
 * every entry inflated once under the bounds, so a workbook that lies about its sizes is refused
 * before SheetJS sees it. The verified entries are then handed back as a stored zip (`unpacked`):
 * SheetJS inflated every entry a second time, with its own plain-JS inflater that each parse
 * worker had to compile as well (docs/performance.md); reading a stored entry is a copy.
 */
export function verifyZip(
	bytes: Uint8Array,
	zipName: string,
	options: { limits?: Partial<ArchiveLimits>; budget?: InflateBudget } = {}
): VerifyZipResult {
	const zip = openEntries(bytes, zipName, options);
	if (!zip.ok) return { ok: false, message: zip.message, code: zip.code, params: zip.params, hostile: zip.problem === 'bomb' };
	let inflatedTotal = 0;
	for (const entry of zip.entries) inflatedTotal += entry.size;
	// a plain (not zip64) directory counts its entries in 16 bits
	const keep = zip.omitted === 0 && inflatedTotal <= MAX_UNPACKED_BYTES && zip.entries.length <= 0xffff;
	const contents: Uint8Array[] = [];
	for (const entry of zip.entries) {
		const read = entry.read();
		if (!read.ok)
			return read.fatal
				? { ok: false, message: read.reason, code: read.code!, params: read.params ?? {}, hostile: true }
				: {
						ok: false,
						...fileMessage(read.code === 'entry.checksum' ? 'file.zipEntryChecksum' : 'file.zipEntryUnpackFailed', { name: zipName, entry: entry.path }),
						hostile: false
					};
		if (keep) contents.push(read.bytes);
	}
	return { ok: true, unpacked: keep ? storedZip(bytes, zip.entries, contents) : null };
}
