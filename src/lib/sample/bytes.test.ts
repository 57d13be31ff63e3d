import { describe, expect, it } from 'vitest';
import { Utf8Writer, utf16leWithBom, utf8 } from './bytes';

describe('utf8 and utf16leWithBom', () => {
	it('write the byte-order marks the platforms use', () => {
		expect([...utf8('a', { bom: true })]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
		expect([...utf8('a')]).toEqual([0x61]);
		expect([...utf16leWithBom('sé')]).toEqual([0xff, 0xfe, 0x73, 0x00, 0xe9, 0x00]);
	});
});

describe('Utf8Writer', () => {
	it.each(['plain ASCII', 'Grüße – „quoted“', '中文 and 🚀 emoji', 'lone \ud800 surrogate', ''])('encodes %j exactly like TextEncoder', (text) => {
		expect(new Utf8Writer({ capacity: 4 }).text(text).toBytes()).toEqual(new TextEncoder().encode(text));
	});

	it('grows past its capacity and can start with a BOM', () => {
		const writer = new Utf8Writer({ bom: true, capacity: 2 });
		for (let i = 0; i < 1000; i++) writer.ascii('"123",').text('ü');
		const bytes = writer.toBytes();
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toBe('"123",ü'.repeat(1000));
	});
});
