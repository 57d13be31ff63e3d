/**
 * Classifies a file by its bytes, never by its name: browsers and users rename files, and a
 * failed download saved as `.csv` is really an HTML page. The name only shapes the message
 * ("looks like a PNG image saved with a .csv name").
 */
import { listZipPaths } from './archive';
import { fileMessage, type CodedText } from './messages';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'html' | 'xml';

export type Sniffed =
	| { kind: 'zip' }
	| { kind: 'spreadsheet'; format: SpreadsheetFormat }
	/** encoding: from a BOM or an unmistakable UTF-16 byte pattern; null: decode.ts decides. */
	| { kind: 'text'; encoding: TextEncodingName | null; bomLength: number }
	| ({ kind: 'rejected' } & CodedText);

export interface Bom {
	encoding: TextEncodingName;
	length: number;
}

export function detectBom(bytes: Uint8Array): Bom | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return null;
}

const UTF16_PROBE_BYTES = 4096;

/**
 * UTF-16 without a BOM (some tools strip it): ASCII text then has a zero in every other byte.
 * Mostly-zero odd bytes and almost no zero even bytes is UTF-16LE; the mirror image is BE.
 */
export function guessUtf16WithoutBom(bytes: Uint8Array): TextEncodingName | null {
	const length = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
	if (length < 4) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < length; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	const pairs = length / 2;
	if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
	if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
	return null;
}

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
	if (bytes.length < at + prefix.length) return false;
	for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
	return true;
}

function ascii(text: string): number[] {
	return Array.from(text, (char) => char.charCodeAt(0));
}

/** `kind`: what the file is, a `kind.*` message; `archive`: an archive Chorus does not open. */
const MAGIC: { bytes: number[]; at?: number; kind: string; archive?: true }[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png' },
	{ bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
	{ bytes: ascii('GIF87a'), kind: 'gif' },
	{ bytes: ascii('GIF89a'), kind: 'gif' },
	{ bytes: ascii('WEBP'), at: 8, kind: 'webp' },
	{ bytes: ascii('ftyp'), at: 4, kind: 'video' },
	{ bytes: ascii('%PDF-'), kind: 'pdf' },
	{ bytes: [0x1f, 0x8b], kind: 'gzip', archive: true },
	{ bytes: ascii('Rar!'), kind: 'rar', archive: true },
	{ bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'sevenZip', archive: true }
];

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ZIP_SPANNED = [0x50, 0x4b, 0x07, 0x08];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Extensions under which someone expects Chorus to find data. */
const DATA_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'xls', 'xlsx', 'zip']);

function extensionOf(fileName: string): string {
	const base = fileName.split('/').pop() ?? fileName;
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** `kind` and `advice`: keys of the `kind.*` and `advice.*` messages; `params`: values the advice names. */
function rejection(fileName: string, kind: string, advice: string, params: Record<string, string | number> = {}): Sniffed {
	const extension = extensionOf(fileName);
	const values = { name: fileName, kind, advice, ...params };
	return {
		kind: 'rejected',
		...(DATA_EXTENSIONS.has(extension) ? fileMessage('file.looksLike', { ...values, extension }) : fileMessage('file.isOther', values))
	};
}

const REEXPORT = 'reexport';

function classifyZip(bytes: Uint8Array, fileName: string): Sniffed {
	// ODF puts an uncompressed `mimetype` entry first so its type can be read straight from byte 30
	if (startsWith(bytes, ascii('mimetype'), 30)) {
		const mime = new TextDecoder().decode(bytes.subarray(38, 38 + 64));
		if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'spreadsheet', format: 'ods' };
		if (mime.startsWith('application/vnd.oasis.opendocument'))
			return rejection(fileName, 'openDocument', REEXPORT);
	}
	const paths = listZipPaths(bytes);
	// no readable directory: let archive.ts report the damage with its own message
	if (!paths) return { kind: 'zip' };
	if (paths.some((path) => path.startsWith('xl/'))) return { kind: 'spreadsheet', format: 'xlsx' };
	if (paths.some((path) => path.startsWith('word/'))) return rejection(fileName, 'word', REEXPORT);
	if (paths.some((path) => path.startsWith('ppt/'))) return rejection(fileName, 'powerPoint', REEXPORT);
	return { kind: 'zip' };
}

const TEXT_PROBE_BYTES = 64 * 1024;

/** The start of the text with BOM and leading whitespace removed, lower-cased, for markup checks. */
function textStart(bytes: Uint8Array, bomLength: number): string {
	return new TextDecoder('utf-8')
		.decode(bytes.subarray(bomLength, bomLength + 2048))
		.trimStart()
		.toLowerCase();
}

const HTML_STARTS = ['<!doctype html', '<html', '<head', '<body', '<meta', '<table', '<!--'];

/**
 * Control characters other than tab and line breaks. Its own small function: this loop over the
 * 64 KB probe of every file and zip entry is the only hot part of sniffing, and inside sniffBytes
 * it had V8 optimise all of sniffBytes, with the zip directory reading and the markup checks it
 * calls, again and again (each time a file took a branch not seen before).
 */
function controlBytes(probe: Uint8Array): number {
	let controls = 0;
	// an indexed loop: `for…of` over the probe was most of sniffing's time
	for (let i = 0; i < probe.length; i++) {
		const byte = probe[i];
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
	}
	return controls;
}

export function sniffBytes(bytes: Uint8Array, fileName: string): Sniffed {
	if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY) || startsWith(bytes, ZIP_SPANNED))
		return classifyZip(bytes, fileName);
	if (startsWith(bytes, CFB)) return { kind: 'spreadsheet', format: 'xls' };
	for (const magic of MAGIC) {
		if (startsWith(bytes, magic.bytes, magic.at ?? 0)) return rejection(fileName, magic.kind, magic.archive ? 'unpack' : REEXPORT);
	}

	const bom = detectBom(bytes);
	if (bom && bom.encoding !== 'utf-8') return { kind: 'text', encoding: bom.encoding, bomLength: bom.length };
	const bomLength = bom?.length ?? 0;

	const probe = bytes.subarray(bomLength, bomLength + TEXT_PROBE_BYTES);
	const firstNul = bytes.indexOf(0, bomLength);
	if (firstNul >= 0) {
		const utf16 = bom ? null : guessUtf16WithoutBom(bytes);
		if (utf16) return { kind: 'text', encoding: utf16, bomLength: 0 };
		return rejection(fileName, 'binary', 'nul', { byte: firstNul + 1 });
	}
	const controls = controlBytes(probe);
	if (probe.length > 0 && controls > probe.length * 0.05)
		return rejection(fileName, 'binary', 'controls');

	const start = textStart(bytes, bomLength);
	const extension = extensionOf(fileName);
	if (HTML_STARTS.some((tag) => start.startsWith(tag))) {
		// "Export to Excel" in many web tools writes an HTML table named .xls; SheetJS reads those
		if ((extension === 'xls' || extension === 'xlsx') && /<table/i.test(new TextDecoder().decode(probe)))
			return { kind: 'spreadsheet', format: 'html' };
		return rejection(fileName, 'html', 'html');
	}
	if (start.startsWith('<?xml')) {
		if (/urn:schemas-microsoft-com:office:spreadsheet/.test(new TextDecoder().decode(probe)))
			return { kind: 'spreadsheet', format: 'xml' };
		return rejection(fileName, 'xml', REEXPORT);
	}
	if (start.startsWith('{') || /^\[\s*[{["\]]/.test(start))
		return rejection(fileName, 'json', 'json');
	return { kind: 'text', encoding: bom ? 'utf-8' : null, bomLength };
}
