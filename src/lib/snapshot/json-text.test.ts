import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJsonText } from './json-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What the plain path gives: the strict decoder, then the engine's parse (or its verdict). */
function plain(bytes: Uint8Array): { value: unknown } | { error: 'utf8' | 'json' } {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { error: 'utf8' };
	}
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { error: 'json' };
	}
}

/** The same through the rewritten text, falling back to the plain path where it gives null. */
function rewritten(bytes: Uint8Array): { value: unknown } | { error: 'utf8' | 'json' } {
	const text = asciiJsonText(bytes);
	if (text === null) return plain(bytes);
	// eslint-disable-next-line no-control-regex
	expect(text).toMatch(/^[\x00-\x7f]*$/);
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { error: 'json' };
	}
}

describe('asciiJsonText', () => {
	it('writes every non-ASCII character as an escape, astral ones as their surrogate pair', () => {
		const text = asciiJsonText(utf8('{"a":"é 粉丝 😀","b":[1,"x"]}'));
		expect(text).toBe('{"a":"\\u00e9 \\u7c89\\u4e1d \\ud83d\\ude00","b":[1,"x"]}');
		expect(JSON.parse(text!)).toEqual({ a: 'é 粉丝 😀', b: [1, 'x'] });
	});

	it('drops a byte-order mark, as TextDecoder does', () => {
		expect(asciiJsonText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":"é"}')]))).toBe('{"a":"\\u00e9"}');
	});

	it('leaves plain ASCII to the decoder (null), BOM or not', () => {
		expect(asciiJsonText(utf8('{"a":1}'))).toBeNull();
		expect(asciiJsonText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]))).toBeNull();
		expect(asciiJsonText(new Uint8Array(0))).toBeNull();
	});

	it.each([
		['a lone continuation byte', [0x22, 0x80, 0x22]],
		['an overlong two-byte form', [0x22, 0xc0, 0xaf, 0x22]],
		['an overlong three-byte form', [0x22, 0xe0, 0x80, 0xaf, 0x22]],
		['an overlong four-byte form', [0x22, 0xf0, 0x80, 0x80, 0xaf, 0x22]],
		['a UTF-16 surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
		['a code point above U+10FFFF', [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22]],
		['a byte never used in UTF-8', [0x22, 0xff, 0x22]],
		['a sequence cut off by the end', [0x22, 0x22, 0xe7, 0xb2]],
		['a sequence cut off by ASCII', [0x22, 0xe7, 0x22, 0x22]]
	])('gives null for %s (the strict decoder then refuses it)', (_name, bytes) => {
		expect(asciiJsonText(new Uint8Array(bytes))).toBeNull();
		expect(plain(new Uint8Array(bytes))).toEqual({ error: 'utf8' });
	});

	it('gives null for a non-ASCII character right after an escaping backslash, which would become a valid escape', () => {
		expect(plain(utf8('["\\é"]'))).toEqual({ error: 'json' });
		expect(asciiJsonText(utf8('["\\é"]'))).toBeNull();
		// after an escaped backslash the character is an ordinary one
		expect(asciiJsonText(utf8('["\\\\é"]'))).toBe('["\\\\\\u00e9"]');
		expect(JSON.parse(asciiJsonText(utf8('["\\\\é"]'))!)).toEqual(['\\é']);
	});

	it('keeps text outside strings invalid', () => {
		expect(plain(utf8('{"a":1é}'))).toEqual({ error: 'json' });
		expect(rewritten(utf8('{"a":1é}'))).toEqual({ error: 'json' });
		expect(rewritten(utf8('{é:1}'))).toEqual({ error: 'json' });
	});

	it('grows its buffer for text that is mostly multi-byte characters', () => {
		const text = JSON.stringify({ t: '粉丝互动'.repeat(5000), e: '😀'.repeat(3000), a: 'é'.repeat(4000) });
		expect(JSON.parse(asciiJsonText(utf8(text))!)).toEqual(JSON.parse(text));
	});

	it('gives the same JSON value as the plain path for any JSON text', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (value, bom) => {
				const bytes = utf8(JSON.stringify(value));
				const withBom = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
				expect(rewritten(withBom)).toEqual(plain(withBom));
			}),
			{ numRuns: 400 }
		);
	});

	it('gives the same verdict and value as the plain path for any bytes, damaged JSON included', () => {
		const fragment = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 6 }).map(utf8),
			fc.uint8Array({ maxLength: 4 }),
			fc.constantFrom(...['"', '\\', '{', '}', '[', ']', ':', ',', 'é', '😀', '1', '"a":', 'ascii run longer than a block copy '.repeat(2)].map(utf8))
		);
		fc.assert(
			fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
				const bytes = new Uint8Array(parts.flatMap((part) => [...part]));
				expect(rewritten(bytes)).toEqual(plain(bytes));
			}),
			{ numRuns: 3000 }
		);
	});
});
