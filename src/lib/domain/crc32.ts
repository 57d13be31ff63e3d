/**
 * CRC-32, the one of zip and gzip: zip entries are checked with it when a drop is unpacked
 * (importers/archive.ts), and a snapshot file's gzip trailer is written with it (snapshot/gzip.ts).
 */
const CRC_POLY = 0xedb88320;
const CRC_TABLE = (() => {
	const table = new Int32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? CRC_POLY ^ (c >>> 1) : c >>> 1;
		table[n] = c;
	}
	return table;
})();

/** CRC-32 (the gzip one) of `bytes`, continuing from `crc` (that of the bytes before). */
export function crc32(bytes: Uint8Array, crc = 0): number {
	let c = ~crc;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

/** a(x)·b(x) modulo the CRC polynomial, in the CRC's bit-reflected form (zlib's multmodp). */
function multModP(a: number, b: number): number {
	let product = 0;
	for (let m = 0x80000000; m !== 0; m >>>= 1) {
		if (a & m) product ^= b;
		b = b & 1 ? (b >>> 1) ^ CRC_POLY : b >>> 1;
	}
	return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N = (() => {
	const table = new Array<number>(32);
	table[0] = 0x40000000;
	for (let k = 1; k < 32; k++) table[k] = multModP(table[k - 1], table[k - 1]);
	return table;
})();

/**
 * The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length (zlib's crc32_combine): a
 * few dozen operations, so the body's CRC can come from the native compressor, which computes it
 * anyway, instead of from a second pass over 95 MB in script.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
	// x^(8·lengthB): one factor x^(2^k) per set bit of the length, starting at k = 3 (8 = 2³)
	let power = 0x80000000;
	for (let n = lengthB, k = 3; n > 0; n = Math.floor(n / 2), k++) {
		if (n % 2 === 1) power = multModP(X2N[k & 31], power);
	}
	return (multModP(power, crcA) ^ crcB) >>> 0;
}
