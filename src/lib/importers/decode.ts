/**
 * Bytes → text. A BOM decides (Meta writes UTF-16LE with BOM; TikTok and Meta content exports
 * UTF-8 with BOM). Without one: strict UTF-8 first, since every platform but WeChat writes it and
 * legacy encodings almost never form valid UTF-8 by accident; then GB18030 (WeChat backend
 * downloads opened and re-saved by Excel on Chinese Windows); then windows-1252, which accepts
 * any byte and stands in for Latin-1 files re-saved by Excel in Western locales.
 *
 * `TextDecoder` with 'gb18030' and 'windows-1252' needs full ICU: present in browsers and in
 * Node ≥ 13's default build (checked in decode.test.ts).
 */
import { detectBom, type TextEncodingName } from './sniff';

export type DecodedEncoding = TextEncodingName | 'gb18030' | 'windows-1252';

export interface Decoded {
	text: string;
	encoding: DecodedEncoding;
	/** Whether a byte-order mark was present (and removed). */
	bom: boolean;
	/**
	 * Byte sequences that were not valid in the encoding a BOM or byte pattern forced, each shown
	 * as U+FFFD; absent when there were none.
	 */
	undecodable?: number;
}

const GB_PROBE_BYTES = 1024 * 1024;

/**
 * Strict GB18030 decoding also succeeds on much Western text: `é` followed by a letter is a valid
 * two-byte GBK character. Real Chinese text is dominated by characters whose lead and trail bytes
 * both lie in A1–FE (the GB2312 block) or by four-byte sequences; a high byte followed by ASCII
 * is the mark of a Latin-1 accent. Require 80% of the high-byte sequences to look like the former.
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, GB_PROBE_BYTES);
	let chinese = 0;
	let latin = 0;
	for (let i = 0; i < end; ) {
		const lead = bytes[i];
		if (lead < 0x80) {
			i++;
			continue;
		}
		const trail = i + 1 < end ? bytes[i + 1] : 0;
		if (lead >= 0x81 && lead <= 0xfe && trail >= 0x30 && trail <= 0x39) {
			chinese++;
			i += 4;
		} else if (lead >= 0x81 && lead <= 0xfe && trail >= 0x80 && trail <= 0xfe) {
			chinese++;
			i += 2;
		} else {
			latin++;
			i += trail >= 0x40 && trail < 0x80 ? 2 : 1;
		}
	}
	return chinese > 0 && chinese >= (chinese + latin) * 0.8;
}

// windows-1252's 0x80–0x9F block (€, ‚, ƒ, „, …, smart quotes, ™). Node 20's TextDecoder decodes
// the 'windows-1252' label as ISO-8859-1 and yields C1 control characters there; browsers follow
// the WHATWG table. Mapping the C1 characters ourselves gives the same text everywhere.
const CP1252_C1: Record<number, string> = {
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
	0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
	0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ'
};

function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => CP1252_C1[char.charCodeAt(0)] ?? char);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
	try {
		return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * Decodes a text file. `known` comes from sniffBytes (a BOM, or UTF-16 recognised without one);
 * without it the BOM is looked for here.
 */
export function decodeText(bytes: Uint8Array, known?: { encoding: TextEncodingName | null; bomLength: number }): Decoded {
	const bom = known ? (known.bomLength > 0 && known.encoding ? { encoding: known.encoding, length: known.bomLength } : null) : detectBom(bytes);
	const forced = bom?.encoding ?? known?.encoding ?? null;
	const body = bom ? bytes.subarray(bom.length) : bytes;
	if (forced) {
		// a BOM is authoritative; undecodable sequences become U+FFFD rather than failing the file,
		// and are counted so the person hears that some characters were lost
		const strict = tryDecode(forced, body);
		if (strict !== null) return { text: strict, encoding: forced, bom: bom !== null };
		const text = new TextDecoder(forced, { ignoreBOM: true }).decode(body);
		return { text, encoding: forced, bom: bom !== null, undecodable: Math.max(1, text.split('\uFFFD').length - 1) };
	}
	const utf8 = tryDecode('utf-8', body);
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
	if (looksLikeGb18030(body)) {
		const gb = tryDecode('gb18030', body);
		if (gb !== null) return { text: gb, encoding: 'gb18030', bom: false };
	}
	return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: false };
}
