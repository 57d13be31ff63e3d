/**
 * Canonical JSON: the one serialisation of a value that the snapshot checksum is computed over, so
 * two exports of the same workspace hash alike no matter in which order a record's fields were set.
 *
 * The rule (that of RFC 8785, the JSON Canonicalization Scheme, for the values Chorus writes):
 * - object members sorted by key, comparing UTF-16 code units (JavaScript's default string order);
 * - no whitespace anywhere;
 * - strings and numbers written exactly as `JSON.stringify` writes them (shortest round-trip
 *   number form, `-0` as `0`);
 * - members whose value is `undefined` are left out, as `JSON.stringify` does;
 * - arrays keep their order.
 * NaN, ±Infinity, typed arrays, functions and other non-JSON values are refused rather than
 * silently turned into `null` or `{}`: the snapshot codec encodes them explicitly before this runs.
 */

export class CanonicalJsonError extends Error {
	constructor(
		message: string,
		readonly path: string
	) {
		super(`${message} at ${path || 'the top level'}`);
		this.name = 'CanonicalJsonError';
	}
}

function childPath(path: string, key: string | number): string {
	return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function checkNumber(value: number, path: string): void {
	if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`, path);
}

function checkPlainObject(value: object, path: string): void {
	if (ArrayBuffer.isView(value)) throw new CanonicalJsonError('a typed array must be encoded before it is written', path);
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) {
		throw new CanonicalJsonError('only plain objects can be written as JSON', path);
	}
}

/**
 * Keys engines always enumerate first, in numeric order, whatever order they were added in, so
 * `JSON.stringify` cannot be made to write them in code-unit order.
 */
function isArrayIndexKey(key: string): boolean {
	return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

class NeedsSlowPath extends Error {}

/**
 * A copy with every object's keys inserted in sorted order (arrays of primitives are shared, not
 * copied), checked for non-JSON values on the way. `JSON.stringify` of the copy is then the
 * canonical text, written by the engine: several times faster than assembling it in script.
 */
function sortedCopy(value: unknown, path: string): unknown {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			checkNumber(value, path);
			return value;
		case 'object':
			break;
		default:
			throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`, path);
	}
	if (value === null) return null;
	if (Array.isArray(value)) {
		let primitive = true;
		for (let i = 0; i < value.length; i++) {
			const item = value[i];
			if (typeof item === 'number') {
				if (!Number.isFinite(item)) checkNumber(item, childPath(path, i));
			} else if (item === null || typeof item === 'string' || typeof item === 'boolean') {
				// nothing to check
			} else {
				primitive = false;
				break;
			}
		}
		if (primitive) return value;
		const copy = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) {
			// JSON.stringify writes holes and undefined array items as null; so does the rule above
			copy[i] = value[i] === undefined ? null : sortedCopy(value[i], childPath(path, i));
		}
		return copy;
	}
	checkPlainObject(value, path);
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record).sort();
	// no prototype: a `__proto__` key stays an ordinary member instead of replacing the prototype
	const copy: Record<string, unknown> = Object.create(null);
	for (const key of keys) {
		if (isArrayIndexKey(key)) throw new NeedsSlowPath();
		const member = record[key];
		if (member !== undefined) copy[key] = sortedCopy(member, childPath(path, key));
	}
	return copy;
}

/** The rule written out by hand: used only for values with array-index-like keys. */
function write(value: unknown, path: string, parts: string[]): void {
	switch (typeof value) {
		case 'string':
			parts.push(JSON.stringify(value));
			return;
		case 'number':
			checkNumber(value, path);
			parts.push(JSON.stringify(value));
			return;
		case 'boolean':
			parts.push(value ? 'true' : 'false');
			return;
		case 'object':
			break;
		default:
			throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`, path);
	}
	if (value === null) {
		parts.push('null');
		return;
	}
	if (Array.isArray(value)) {
		parts.push('[');
		for (let i = 0; i < value.length; i++) {
			if (i > 0) parts.push(',');
			if (value[i] === undefined) parts.push('null');
			else write(value[i], childPath(path, i), parts);
		}
		parts.push(']');
		return;
	}
	checkPlainObject(value, path);
	const record = value as Record<string, unknown>;
	let first = true;
	parts.push('{');
	for (const key of Object.keys(record).sort()) {
		const member = record[key];
		if (member === undefined) continue;
		if (!first) parts.push(',');
		first = false;
		parts.push(JSON.stringify(key), ':');
		write(member, childPath(path, key), parts);
	}
	parts.push('}');
}

function stringifyAt(value: unknown, path: string): string {
	let copy: unknown;
	try {
		copy = sortedCopy(value, path);
	} catch (error) {
		if (!(error instanceof NeedsSlowPath)) throw error;
		const parts: string[] = [];
		write(value, path, parts);
		return parts.join('');
	}
	return JSON.stringify(copy);
}

/** The canonical JSON text of a value (see the module comment for the rule). Throws on non-JSON values. */
export function canonicalStringify(value: unknown): string {
	return stringifyAt(value, '');
}

/** The canonical text of one item of an array member, as `canonicalUtf8` writes it (see `written` there). */
export function canonicalItemText(item: unknown): string {
	return item === undefined ? 'null' : stringifyAt(item, '');
}

/**
 * Writes the UTF-8 of `text` into `bytes` from `at` on and returns where it ended. The caller makes
 * sure there is room (3 bytes per code unit at most). A lone surrogate (which `JSON.stringify`
 * never writes) becomes U+FFFD, as `TextEncoder` makes it.
 *
 * A loop in script rather than `TextEncoder.encodeInto`: over the pieces of a large workspace's
 * canonical JSON, most of them two-byte strings (one post's emoji is enough), it measured 0.67 s
 * against 1.18 s in Chromium's worker, and `encode` per piece was as fast only by allocating the
 * whole text again in small buffers.
 */
export function writeUtf8(text: string, bytes: Uint8Array, at: number): number {
	let n = at;
	for (let i = 0; i < text.length; i++) {
		let unit = text.charCodeAt(i);
		if (unit < 0x80) {
			bytes[n++] = unit;
		} else if (unit < 0x800) {
			bytes[n++] = 0xc0 | (unit >> 6);
			bytes[n++] = 0x80 | (unit & 0x3f);
		} else if ((unit & 0xf800) !== 0xd800) {
			bytes[n++] = 0xe0 | (unit >> 12);
			bytes[n++] = 0x80 | ((unit >> 6) & 0x3f);
			bytes[n++] = 0x80 | (unit & 0x3f);
		} else {
			const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
			if (unit < 0xdc00 && (low & 0xfc00) === 0xdc00) {
				unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
				i++;
				bytes[n++] = 0xf0 | (unit >> 18);
				bytes[n++] = 0x80 | ((unit >> 12) & 0x3f);
				bytes[n++] = 0x80 | ((unit >> 6) & 0x3f);
				bytes[n++] = 0x80 | (unit & 0x3f);
			} else {
				bytes[n++] = 0xef;
				bytes[n++] = 0xbf;
				bytes[n++] = 0xbd;
			}
		}
	}
	return n;
}

/**
 * The UTF-8 bytes of a text given in pieces, in one buffer allocated (almost always) once.
 *
 * A buffer that doubles as it fills allocates and copies about 2.7 times the final size, and on a
 * large workspace the cost is not the copying but the memory itself: every fresh page the engine
 * maps is zeroed by the system on first touch, which profiles showed as most of the encoding time
 * (95 MB of JSON: 255 MB of fresh buffers, over a second on the shared machine). The pieces'
 * length in UTF-16 code units is known, and UTF-8 needs 1 to 3 bytes per code unit, so the buffer
 * starts at a mostly-ASCII guess (pages it does not use are never touched, so the guess costs
 * nothing) and, when a piece may not fit, grows once, to what the rest can need at most. Each piece
 * is dropped once written, so the strings are freed as the bytes fill in.
 */
export function utf8OfPieces(pieces: string[], codeUnits: number): Uint8Array {
	let bytes = new Uint8Array(codeUnits + (codeUnits >> 3) + 64);
	let length = 0;
	let unitsLeft = codeUnits;
	for (let index = 0; index < pieces.length; index++) {
		const piece = pieces[index];
		pieces[index] = '';
		if (bytes.length - length < piece.length * 3) {
			// the exact bound for what is left (3 bytes per code unit), so this happens at most once
			const grown = new Uint8Array(length + unitsLeft * 3 + 64);
			grown.set(bytes.subarray(0, length));
			bytes = grown;
		}
		length = writeUtf8(piece, bytes, length);
		unitsLeft -= piece.length;
	}
	return bytes.subarray(0, length);
}

/**
 * The UTF-8 bytes of `canonicalStringify(record)` for an object whose members are mostly long
 * arrays (a snapshot's content: one array per table), written item by item. The text is the same;
 * it is just never held as one giant string: for a large workspace that string is 95 MB (190 MB
 * once one post's text has a character beyond Latin-1, which makes V8 store the whole string with
 * two bytes per character), and building it, then encoding it, costs more than these small pieces.
 *
 * `written` gives, for some array members, the canonical text of each item already made (by
 * `canonicalItemText`, in order): saving a snapshot writes each post layer's text as the layer
 * arrives from storage, while storage reads the next ones, instead of after reading them all. The
 * member's value in `record` must still be an array (its items are not looked at), so that the
 * member is written where the key order puts it.
 */
export function canonicalUtf8(record: Readonly<Record<string, unknown>>, written: Readonly<Record<string, readonly string[]>> = {}): Uint8Array {
	checkPlainObject(record, '');
	const pieces: string[] = [];
	let codeUnits = 0;
	const append = (text: string) => {
		pieces.push(text);
		codeUnits += text.length;
	};
	append('{');
	let first = true;
	for (const key of Object.keys(record).sort()) {
		const member = record[key];
		if (member === undefined) continue;
		if (!first) append(',');
		first = false;
		append(`${JSON.stringify(key)}:`);
		const path = childPath('', key);
		const texts = Object.hasOwn(written, key) ? written[key] : undefined;
		if (texts) {
			append('[');
			for (let i = 0; i < texts.length; i++) {
				if (i > 0) append(',');
				append(texts[i]);
			}
			append(']');
			continue;
		}
		if (!Array.isArray(member)) {
			append(stringifyAt(member, path));
			continue;
		}
		append('[');
		for (let i = 0; i < member.length; i++) {
			if (i > 0) append(',');
			const item: unknown = member[i];
			append(item === undefined ? 'null' : stringifyAt(item, childPath(path, i)));
		}
		append(']');
	}
	append('}');
	return utf8OfPieces(pieces, codeUnits);
}
