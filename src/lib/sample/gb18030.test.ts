import { describe, expect, it } from 'vitest';
import { GB18030_PAIRS, encodeGb18030 } from './gb18030';

const decoder = new TextDecoder('gb18030');

describe('encodeGb18030', () => {
	it.each(Object.entries(GB18030_PAIRS))('%s decodes back from its two bytes', (char, pair) => {
		expect(decoder.decode(Uint8Array.from(pair))).toBe(char);
	});

	it('round-trips the WeChat header and a data row', () => {
		const text = '时间,新关注人数,取消关注人数,净增关注人数,累积关注人数\r\n2025-01-01,82,14,68,"41,561"\r\n';
		const bytes = encodeGb18030(text);
		expect(decoder.decode(bytes)).toBe(text);
		// 时 is CA B1 in GBK/GB18030
		expect([...bytes.slice(0, 2)]).toEqual([0xca, 0xb1]);
		expect(bytes.length).toBe(text.length + 25); // 25 CJK characters take two bytes each
	});

	it('refuses characters it has no bytes for instead of corrupting the file', () => {
		expect(() => encodeGb18030('中')).toThrow(RangeError);
	});
});
