/**
 * A GB18030 encoder for exactly the characters the WeChat sample files contain.
 *
 * TextEncoder only writes UTF-8, and a full GB18030 table is ~190 kB: far too much for a dozen
 * header characters. Every CJK character used here lies in the two-byte GBK range, which GB18030
 * keeps unchanged; ASCII stays one byte. Each pair below was checked with
 * `new TextDecoder('gb18030').decode(...)` (see gb18030.test.ts, which re-checks them all).
 */
export const GB18030_PAIRS: Readonly<Record<string, readonly [number, number]>> = {
	时: [0xca, 0xb1],
	间: [0xbc, 0xe4],
	新: [0xd0, 0xc2],
	关: [0xb9, 0xd8],
	注: [0xd7, 0xa2],
	人: [0xc8, 0xcb],
	数: [0xca, 0xfd],
	取: [0xc8, 0xa1],
	消: [0xcf, 0xfb],
	净: [0xbe, 0xbb],
	增: [0xd4, 0xf6],
	累: [0xc0, 0xdb],
	积: [0xbb, 0xfd]
};

/**
 * Encodes ASCII plus the characters of GB18030_PAIRS. Any other character is a mistake in the
 * generator (it would silently corrupt the file), so it throws instead of guessing.
 */
export function encodeGb18030(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x80) {
			bytes.push(code);
			continue;
		}
		const pair = GB18030_PAIRS[char];
		if (!pair) throw new RangeError(`No GB18030 bytes for ${JSON.stringify(char)}: add it to GB18030_PAIRS.`);
		bytes.push(pair[0], pair[1]);
	}
	return Uint8Array.from(bytes);
}
