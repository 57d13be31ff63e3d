/**
 * The text of a UTF-8 JSON file for `JSON.parse`, written with ASCII characters only.
 *
 * Why: one post with a character beyond Latin-1 makes `TextDecoder` return the whole 95 MB of a
 * large snapshot as a two-byte string (190 MB), and in Chromium that decode measured 5× slower than
 * the same bytes as ASCII (2.5 s against 0.5 s on the shared machine), with `JSON.parse` then twice
 * as slow over it as well. JSON lets any character of a string be written as a `\uXXXX` escape, so
 * each non-ASCII character is rewritten as one (two for a character beyond U+FFFF: its surrogate
 * pair), the decoder gets pure ASCII and returns a one-byte string, and `JSON.parse` gives exactly
 * the same value: only the strings that really hold such characters become two-byte strings.
 *
 * The rewriting never turns a bad file into a good one, nor the other way round:
 * - in valid JSON a non-ASCII character can only stand inside a string, where it and its escape
 *   mean the same thing; outside a string its escape is a backslash there, which is just as invalid;
 * - a non-ASCII character right after an escaping backslash (`"\é"`, an invalid escape) would turn
 *   into a valid `\\u00e9`, so such text is not rewritten (null: the caller decodes it as it is);
 * - the UTF-8 is checked as strictly as `TextDecoder`'s `fatal` mode (no overlong forms, no
 *   surrogates, nothing above U+10FFFF, no cut-off sequence); anything else gives null too.
 * A caller that gets a JSON error from the rewritten text parses the file's own text again, so the
 * person reads the engine's message about what the file really says.
 */

const BACKSLASH = 0x5c;
const HEX = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

function hasBom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether the byte at `index` follows an odd run of backslashes, i.e. is escaped by the last one. */
function escapedByBackslash(bytes: Uint8Array, index: number, start: number): boolean {
	let run = 0;
	for (let i = index - 1; i >= start && bytes[i] === BACKSLASH; i--) run++;
	return run % 2 === 1;
}

/**
 * `bytes` (UTF-8, an optional byte-order mark dropped as `TextDecoder` drops it) with every
 * non-ASCII character written as a JSON `\u` escape, as a string. Null when the bytes are all ASCII
 * already (the plain decoder is as fast), are not valid UTF-8, or hold a non-ASCII character after
 * an escaping backslash: the caller then decodes them as they are (see the module comment).
 */
export function asciiJsonText(bytes: Uint8Array): string | null {
	const start = hasBom(bytes) ? 3 : 0;
	const end = bytes.length;
	let first = start;
	while (first < end && bytes[first] < 0x80) first++;
	if (first === end) return null;

	// room for a text a quarter longer; its pages cost nothing until written, and text with more
	// non-ASCII than that (each character 2-4 bytes, 6 or 12 escaped) grows the buffer
	let out: Uint8Array = new Uint8Array(end - start + ((end - start) >> 2) + 16);
	let length = 0;
	const escape = (unit: number) => {
		out[length] = BACKSLASH;
		out[length + 1] = 0x75; // u
		out[length + 2] = HEX[unit >> 12];
		out[length + 3] = HEX[(unit >> 8) & 15];
		out[length + 4] = HEX[(unit >> 4) & 15];
		out[length + 5] = HEX[unit & 15];
		length += 6;
	};
	for (let i = start; i < end; ) {
		// a run of ASCII, copied as a block when it is long (most of a snapshot is)
		let runEnd = i === start ? first : i;
		while (runEnd < end && bytes[runEnd] < 0x80) runEnd++;
		if (runEnd > i) {
			if (length + (runEnd - i) + 12 > out.length) out = grown(out, length, end - i);
			if (runEnd - i > 32) {
				out.set(bytes.subarray(i, runEnd), length);
				length += runEnd - i;
			} else {
				for (let k = i; k < runEnd; k++) out[length++] = bytes[k];
			}
			i = runEnd;
			if (i === end) break;
		} else if (length + 12 > out.length) {
			out = grown(out, length, end - i);
		}
		if (escapedByBackslash(bytes, i, start)) return null;
		const lead = bytes[i];
		const second = bytes[i + 1];
		if (lead >= 0xc2 && lead <= 0xdf) {
			if (i + 1 >= end || (second & 0xc0) !== 0x80) return null;
			escape(((lead & 0x1f) << 6) | (second & 0x3f));
			i += 2;
		} else if (lead >= 0xe0 && lead <= 0xef) {
			const third = bytes[i + 2];
			if (i + 2 >= end || (second & 0xc0) !== 0x80 || (third & 0xc0) !== 0x80) return null;
			// overlong forms (E0 80–9F) and UTF-16 surrogates (ED A0–BF) are not UTF-8
			if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return null;
			escape(((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f));
			i += 3;
		} else if (lead >= 0xf0 && lead <= 0xf4) {
			const third = bytes[i + 2];
			const fourth = bytes[i + 3];
			if (i + 3 >= end || (second & 0xc0) !== 0x80 || (third & 0xc0) !== 0x80 || (fourth & 0xc0) !== 0x80) return null;
			// overlong forms (F0 80–8F) and code points above U+10FFFF (F4 90 and up)
			if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return null;
			const above = (((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f)) - 0x10000;
			escape(0xd800 + (above >> 10));
			escape(0xdc00 + (above & 0x3ff));
			i += 4;
		} else {
			// a continuation byte without its lead, an overlong lead (C0, C1) or F5–FF
			return null;
		}
	}
	return new TextDecoder().decode(out.subarray(0, length));
}

/** A buffer with room for at least the worst case of what is left (12 bytes per 4 input bytes). */
function grown(out: Uint8Array, length: number, inputLeft: number): Uint8Array {
	const bigger = new Uint8Array(Math.max(out.length + (out.length >> 1), length + inputLeft * 3 + 16));
	bigger.set(out.subarray(0, length));
	return bigger;
}
