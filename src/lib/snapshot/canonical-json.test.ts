import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalStringify, canonicalUtf8, CanonicalJsonError, utf8OfPieces } from './canonical-json';

describe('canonicalStringify', () => {
	it.each([
		['sorts keys at every depth', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
		['orders keys by UTF-16 code units, not locale', { a: 1, B: 2, é: 3, z: 4, '€': 5 }, '{"B":2,"a":1,"z":4,"é":3,"€":5}'],
		['orders array-index-like keys as strings too', { 9: 'nine', 10: 'ten', a: 'a', '01': 'zero-one' }, '{"01":"zero-one","10":"ten","9":"nine","a":"a"}'],
		['leaves out undefined members', { a: undefined, b: 2 }, '{"b":2}'],
		['writes undefined array items as null', [1, undefined, 'x'], '[1,null,"x"]'],
		['writes -0 as 0 and the shortest round-trip number', [-0, 0.1, 1e21, 1.5e-7, Number('333333333.33333329')], '[0,0.1,1e+21,1.5e-7,333333333.3333333]'],
		['escapes strings as JSON.stringify does', ['quote " backslash \\ newline \n tab \t', '\u000f'], '["quote \\" backslash \\\\ newline \\n tab \\t","\\u000f"]'],
		['keeps an own __proto__ key an ordinary member', JSON.parse('{"__proto__":{"x":1},"a":2}'), '{"__proto__":{"x":1},"a":2}'],
		['writes primitives at the top level', 'text', '"text"'],
		['writes empty containers', { a: [], b: {} }, '{"a":[],"b":{}}']
	])('%s', (_name, value, expected) => {
		expect(canonicalStringify(value)).toBe(expected);
	});

	it('matches the RFC 8785 example (sorted members, ES number form, minimal escapes)', () => {
		const input = JSON.parse(
			'{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}'
		);
		expect(canonicalStringify(input)).toBe(
			'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
		);
	});

	it('gives the same text whatever order the keys were set in', () => {
		const one = { id: 'a', values: [1, null, 3], nested: { y: 1, x: [{ q: 1, p: 2 }] } };
		const other = { nested: { x: [{ p: 2, q: 1 }], y: 1 }, values: [1, null, 3], id: 'a' };
		expect(canonicalStringify(one)).toBe(canonicalStringify(other));
	});

	it('takes the hand-written path for index-like keys deep inside and still sorts everything', () => {
		expect(canonicalStringify({ z: [{ 2: 'b', 10: 'a' }], a: { y: 1, x: 2 } })).toBe('{"a":{"x":2,"y":1},"z":[{"10":"a","2":"b"}]}');
	});

	it.each([
		['NaN', { a: [1, Number.NaN] }, '"NaN is not a JSON number at a[1]"'],
		['Infinity', { a: { b: Number.POSITIVE_INFINITY } }, '"Infinity is not a JSON number at a.b"'],
		['a typed array', { values: new Float64Array(2) }, '"a typed array must be encoded before it is written at values"'],
		['a Date', { at: new Date(0) }, '"only plain objects can be written as JSON at at"'],
		['a function', { f: () => 1 }, '"a function cannot be written as JSON at f"'],
		['a bigint', [1n], '"a bigint cannot be written as JSON at [0]"'],
		['NaN on the hand-written path', { 1: Number.NaN }, '"NaN is not a JSON number at 1"']
	])('refuses %s instead of writing something else', (_name, value, message) => {
		expect(() => canonicalStringify(value)).toThrowError(CanonicalJsonError);
		expect(() => canonicalStringify(value)).toThrowError(JSON.parse(message));
	});
});

describe('canonicalUtf8', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);

	it.each([
		['tables of records', { b: [{ y: 1, x: [1, null] }, { z: 'ü' }], a: [], c: { k: 1 }, d: undefined }],
		['text beyond Latin-1 and escapes', { posts: [{ text: '新品发布 🎉 “quoted”', id: 'a\n"b"' }], accounts: ['x', undefined] }],
		['keys that look like array indexes', { t: [{ 10: 1, 9: 2 }], 1: [3] }],
		['no members', {}]
	])('writes the UTF-8 of canonicalStringify: %s', (_name, value) => {
		expect(canonicalUtf8(value)).toEqual(utf8(canonicalStringify(value)));
	});

	it('grows past its first buffer and keeps every byte', () => {
		const value = { rows: Array.from({ length: 30_000 }, (_, index) => ({ id: index, text: `post ${index} — ✓ ${'x'.repeat(index % 50)}` })) };
		expect(Buffer.compare(canonicalUtf8(value), utf8(canonicalStringify(value)))).toBe(0);
	});

	it('refuses non-JSON values with their path', () => {
		expect(() => canonicalUtf8({ series: [{ values: [1] }, { values: [Number.NaN] }] })).toThrow('NaN is not a JSON number at series[1].values[0]');
	});
});

describe('utf8OfPieces', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);
	const encode = (pieces: string[]) => utf8OfPieces([...pieces], pieces.reduce((sum, piece) => sum + piece.length, 0));

	it.each([
		['nothing', []],
		['ASCII only', ['{"a":', '[1,2,3]', '}']],
		['text that needs three bytes per code unit, past the first guess', ['新品发布'.repeat(5000), '"x"', '互动率'.repeat(3000)]],
		['astral characters (surrogate pairs) where the buffer runs out', ['a'.repeat(70), '🎉'.repeat(4000), 'b']],
		['a lone surrogate, written as U+FFFD as TextEncoder does', ['x\ud800y', '\udfff']]
	])('gives the bytes TextEncoder gives for the joined text: %s', (_name, pieces) => {
		expect(Buffer.compare(encode(pieces), utf8(pieces.join('')))).toBe(0);
	});

	it('gives the bytes TextEncoder gives for each piece, for any pieces', () => {
		// lone surrogates (binary), any characters, and plain ASCII
		const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ maxLength: 40 }));
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
				const expected = Buffer.concat(pieces.map((text) => utf8(text)));
				expect(Buffer.compare(encode(pieces), expected)).toBe(0);
			}),
			{ numRuns: 500 }
		);
	});
});
