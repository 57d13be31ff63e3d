/** Text → bytes in the encodings the platforms use (see docs/sample-data.md for which is which). */

const encoder = new TextEncoder();
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function utf8(text: string, options: { bom?: boolean } = {}): Uint8Array {
	const body = encoder.encode(text);
	if (!options.bom) return body;
	const bytes = new Uint8Array(body.length + 3);
	bytes.set(UTF8_BOM, 0);
	bytes.set(body, 3);
	return bytes;
}

/** UTF-16 little-endian with the FF FE byte-order mark, as Meta Business Suite writes its per-metric files. */
export function utf16leWithBom(text: string): Uint8Array {
	const bytes = new Uint8Array(2 + text.length * 2);
	bytes[0] = 0xff;
	bytes[1] = 0xfe;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		bytes[2 + i * 2] = unit & 0xff;
		bytes[3 + i * 2] = unit >> 8;
	}
	return bytes;
}

/**
 * Appends text as UTF-8 to a growing buffer. The large benchmark writes ~100 MB of CSV; building
 * each file as one string and then encoding it costs a rope flatten plus a second full pass, and
 * leaves millions of short strings for the garbage collector. Writing pieces straight to bytes
 * avoids all three.
 */
export class Utf8Writer {
	#buffer: Uint8Array;
	#length = 0;

	constructor(options: { bom?: boolean; capacity?: number } = {}) {
		this.#buffer = new Uint8Array(options.capacity ?? 1 << 16);
		if (options.bom) this.text('\ufeff');
	}

	#reserve(extra: number): void {
		if (this.#length + extra <= this.#buffer.length) return;
		let size = this.#buffer.length * 2;
		while (size < this.#length + extra) size *= 2;
		const grown = new Uint8Array(size);
		grown.set(this.#buffer.subarray(0, this.#length));
		this.#buffer = grown;
	}

	/** Text known to be ASCII (ids, numbers, dates, fixed header cells). */
	ascii(text: string): this {
		this.#reserve(text.length);
		const buffer = this.#buffer;
		let at = this.#length;
		for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
		this.#length = at;
		return this;
	}

	/** Any text, encoded as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
	text(text: string): this {
		this.#reserve(text.length * 3);
		const buffer = this.#buffer;
		let at = this.#length;
		for (let i = 0; i < text.length; i++) {
			let code = text.charCodeAt(i);
			if (code < 0x80) {
				buffer[at++] = code;
				continue;
			}
			if (code < 0x800) {
				buffer[at++] = 0xc0 | (code >> 6);
				buffer[at++] = 0x80 | (code & 0x3f);
				continue;
			}
			if (code >= 0xd800 && code <= 0xdfff) {
				const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
				if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
					i++;
					code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
					buffer[at++] = 0xf0 | (code >> 18);
					buffer[at++] = 0x80 | ((code >> 12) & 0x3f);
					buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
					buffer[at++] = 0x80 | (code & 0x3f);
					continue;
				}
				code = 0xfffd;
			}
			buffer[at++] = 0xe0 | (code >> 12);
			buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
			buffer[at++] = 0x80 | (code & 0x3f);
		}
		this.#length = at;
		return this;
	}

	/** The bytes written so far (a copy sized to fit). */
	toBytes(): Uint8Array {
		return this.#buffer.slice(0, this.#length);
	}
}
