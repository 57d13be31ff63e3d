/**
 * SHA-256 of a dropped file's (or zip entry's) bytes, as lower-case hex: the key that finds a file
 * imported before. Web Crypto is native and several times faster than plain JS on the megabytes of
 * a drop, but it exists only in secure contexts (https, localhost), and Chorus is also served from
 * plain-http intranet hosts; there the audited plain-JS @noble/hashes gives the same digest.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

function webCrypto(): SubtleCrypto | null {
	return globalThis.crypto?.subtle ?? null;
}

/** Plain JS, synchronous: for a few bytes (a sheet's key), where a round trip to Web Crypto costs more. */
export function sha256HexSync(bytes: Uint8Array): string {
	return bytesToHex(sha256(bytes));
}

/** `subtle: null` forces plain JS (tests compare the two). */
export async function sha256HexOf(bytes: Uint8Array, subtle: SubtleCrypto | null = webCrypto()): Promise<string> {
	if (!subtle) return sha256HexSync(bytes);
	return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
