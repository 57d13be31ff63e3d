/**
 * SHA-256 as lower-case hex: a snapshot's content checksum, and the key that finds a dropped file
 * (or zip entry) imported before. Web Crypto is native and several times faster, but it exists only
 * in secure contexts (https, localhost), and Chorus is also served from plain-http intranet hosts;
 * there the audited plain-JS implementation from @noble/hashes gives the same digest.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function hexOf(bytes: Uint8Array): string {
	let hex = '';
	for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]];
	return hex;
}

function webCrypto(): SubtleCrypto | null {
	return globalThis.crypto?.subtle ?? null;
}

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 encoding. `subtle: null` forces plain JS. */
export async function sha256Hex(data: Uint8Array | string, subtle: SubtleCrypto | null = webCrypto()): Promise<string> {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	if (!subtle) return sha256HexSync(bytes);
	return hexOf(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** Plain JS, synchronous: for a few bytes (a sheet's key), where a round trip to Web Crypto costs more. */
export function sha256HexSync(bytes: Uint8Array): string {
	return hexOf(sha256(bytes));
}
