import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { sniffBytes } from './sniff';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/bad/${name}`, import.meta.url)));
const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeText', () => {
	it('runs on a runtime with full ICU (gb18030 and windows-1252 decoders exist)', () => {
		expect(new TextDecoder('gb18030').encoding).toBe('gb18030');
		expect(new TextDecoder('windows-1252').encoding).toBe('windows-1252');
		expect(new TextDecoder('gb18030').decode(bytes(0xca, 0xb1, 0xbc, 0xe4))).toBe('时间');
	});

	it('strips a UTF-8 BOM and records it', () => {
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x22, 0x44, 0x22))).toEqual({ text: '"D"', encoding: 'utf-8', bom: true });
	});

	it('decodes Meta’s UTF-16LE per-metric file (BOM, sep= line) from the fixture', () => {
		const file = fixture('utf16le-sep.csv');
		const decoded = decodeText(file);
		expect(decoded.encoding).toBe('utf-16le');
		expect(decoded.bom).toBe(true);
		expect(decoded.text.split('\n').slice(0, 4)).toEqual(['sep=,', '"Facebook follows"', '"Date","Primary"', '"2025-08-01T00:00:00","20"']);
	});

	it('decodes UTF-16BE with BOM', () => {
		expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x44, 0x00, 0x61, 0x00, 0x79))).toEqual({ text: 'Day', encoding: 'utf-16be', bom: true });
	});

	it('decodes UTF-16LE without BOM when sniffing recognised it', () => {
		const input = bytes(0x44, 0, 0x61, 0, 0x79, 0);
		const sniffed = sniffBytes(input, 'x.csv');
		expect(sniffed).toEqual({ kind: 'text', encoding: 'utf-16le', bomLength: 0 });
		if (sniffed.kind !== 'text') return;
		expect(decodeText(input, sniffed)).toEqual({ text: 'Day', encoding: 'utf-16le', bom: false });
	});

	it('prefers strict UTF-8 when the bytes are valid UTF-8', () => {
		expect(decodeText(new TextEncoder().encode('Café,时间,€'))).toEqual({ text: 'Café,时间,€', encoding: 'utf-8', bom: false });
	});

	it('falls back to GB18030 for a WeChat table re-saved on Chinese Windows (fixture)', () => {
		const decoded = decodeText(fixture('gb18030-wechat.csv'));
		expect(decoded.encoding).toBe('gb18030');
		expect(decoded.text.split('\r\n')[0]).toBe('时间,新关注人数,取消关注人数,净增关注人数,累积关注人数');
		expect(decoded.text.split('\r\n')[1]).toBe('2024-01-01,12,3,9,1500');
	});

	it('falls back to windows-1252 for Latin-1 text, even where GB18030 would also decode', () => {
		// "Séance,Vues" in windows-1252: E9 61 is also a valid GBK character, but this is French
		const seance = bytes(0x53, 0xe9, 0x61, 0x6e, 0x63, 0x65, 0x2c, 0x56, 0x75, 0x65, 0x73);
		expect(decodeText(seance)).toEqual({ text: 'Séance,Vues', encoding: 'windows-1252', bom: false });
		// the euro sign lives at 0x80 in windows-1252 (not in ISO-8859-1)
		expect(decodeText(bytes(0x80, 0x35, 0x2c, 0xe9, 0x0a))).toEqual({ text: '€5,é\n', encoding: 'windows-1252', bom: false });
	});
});
