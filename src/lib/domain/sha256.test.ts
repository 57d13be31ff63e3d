import { describe, expect, it } from 'vitest';
import { hexOf, sha256Hex, sha256HexSync } from './sha256';

describe('sha256Hex', () => {
	it.each([
		['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		// UTF-8: "€" is e2 82 ac
		['€', 'c4cc90ed3d26f12d4b08a75140970a7904035c31cbb4515a83f19b9003c00d1d']
	])('hashes %j like any SHA-256 tool', async (text, hex) => {
		expect(await sha256Hex(text)).toBe(hex);
		expect(await sha256Hex(new TextEncoder().encode(text))).toBe(hex);
		// a plain-http page has no Web Crypto: the JS implementation must agree
		expect(await sha256Hex(text, null)).toBe(hex);
		expect(sha256HexSync(new TextEncoder().encode(text))).toBe(hex);
	});

	it('hashes only the bytes a view shows (a zip entry inside a larger buffer)', async () => {
		const whole = new Uint8Array(4_000_000).map((_, index) => (index * 31) & 0xff);
		const view = whole.subarray(1_000_003, 3_500_000);
		const copy = view.slice();
		expect(await sha256Hex(view)).toBe(sha256HexSync(copy));
		expect(await sha256Hex(view, null)).toBe(sha256HexSync(copy));
	});

	it('gives the same digest with and without Web Crypto for a large input', async () => {
		const bytes = new Uint8Array(3_000_000).map((_, index) => (index * 31) & 0xff);
		expect(await sha256Hex(bytes, null)).toBe(await sha256Hex(bytes));
	});

	it('writes lower-case hex with leading zeros', () => {
		expect(hexOf(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
	});
});
