/**
 * Seeded randomness for the sample generator, plus the two transcendental functions it needs.
 *
 * ECMAScript leaves Math.exp/log/pow/sin "implementation-approximated": engines may differ in the
 * last bit, and a value that lands on a rounding boundary would then print differently. The sample
 * must be byte-identical in every browser and in Node, so exp and ln are computed here with
 * + − × ÷ only (exactly rounded IEEE operations), and normal deviates use the polar method, which
 * needs ln and the exactly rounded Math.sqrt but no trigonometry.
 */

const LN2 = 0.6931471805599453;
const LN2_HIGH = 6.93147180369123816490e-1;
const LN2_LOW = 1.90821492927058770002e-10;
const SQRT2 = 1.4142135623730951;

// Reading and writing a double's bits is exact; DataView fixes the byte order on every platform.
const bits = new DataView(new ArrayBuffer(8));

/** 2^k for integer k in the normal range, built from its bits (exact, unlike Math.pow). */
function powerOfTwo(k: number): number {
	if (k < -1022) return powerOfTwo(k + 1022) * powerOfTwo(-1022);
	if (k > 1023) return Infinity;
	bits.setUint32(0, (k + 1023) << 20);
	bits.setUint32(4, 0);
	return bits.getFloat64(0);
}

/** e^x to about 1e-15 relative error, identical on every engine. */
export function exp(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x > 709) return Infinity;
	if (x < -745) return 0;
	const k = Math.round(x / LN2);
	// Cody–Waite: ln2 split so that k·LN2_HIGH is exact and the reduction loses no precision
	const r = x - k * LN2_HIGH - k * LN2_LOW;
	// |r| ≤ ln2/2, so 14 Taylor terms reach double precision
	let term = 1;
	let sum = 1;
	for (let i = 1; i < 15; i++) {
		term = (term * r) / i;
		sum += term;
	}
	return sum * powerOfTwo(k);
}

/** Natural logarithm, identical on every engine. */
export function ln(x: number): number {
	if (Number.isNaN(x) || x < 0) return NaN;
	if (x === 0) return -Infinity;
	if (x === Infinity) return Infinity;
	if (x < 2.2250738585072014e-308) return ln(x * 18014398509481984) - 54 * LN2; // subnormal: scale by 2^54 first
	bits.setFloat64(0, x);
	const high = bits.getUint32(0);
	let exponent = ((high >>> 20) & 0x7ff) - 1023;
	bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
	let mantissa = bits.getFloat64(0);
	if (mantissa > SQRT2) {
		mantissa /= 2;
		exponent++;
	}
	// ln m = 2·atanh((m−1)/(m+1)) with |s| ≤ 0.172: 12 odd terms reach double precision
	const s = (mantissa - 1) / (mantissa + 1);
	const s2 = s * s;
	let term = s;
	let sum = 0;
	for (let i = 1; i < 25; i += 2) {
		sum += term / i;
		term *= s2;
	}
	return exponent * LN2 + 2 * sum;
}

/** FNV-1a over the labels' UTF-16 code units: a stable 32-bit seed for a named stream. */
export function hashLabels(...labels: readonly (string | number)[]): number {
	let hash = 0x811c9dc5;
	for (const label of labels) {
		const text = String(label);
		for (let i = 0; i < text.length; i++) {
			hash ^= text.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193);
		}
		hash ^= 0x1f; // separator, so ('ab','c') and ('a','bc') differ
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

const DIGITS = '0123456789';

/**
 * mulberry32: a tiny, well-known 32-bit generator (Tommy Ettinger), plenty for synthetic data.
 *
 * ## Usage
 * ```ts
 * const random = randomFor(seed, 'x:ContosoERP', 'posts');
 * const hour = random.int(8, 17);
 * ```
 */
export class Random {
	#state: number;
	#spareNormal: number | null = null;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Index drawn with probability proportional to its weight. */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const weight of weights) total += weight;
		let target = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			target -= weights[i];
			if (target < 0) return i;
		}
		return weights.length - 1;
	}

	/** Standard normal deviate (Marsaglia's polar method). */
	normal(): number {
		if (this.#spareNormal !== null) {
			const spare = this.#spareNormal;
			this.#spareNormal = null;
			return spare;
		}
		let u: number;
		let v: number;
		let s: number;
		do {
			u = this.next() * 2 - 1;
			v = this.next() * 2 - 1;
			s = u * u + v * v;
		} while (s >= 1 || s === 0);
		const factor = Math.sqrt((-2 * ln(s)) / s);
		this.#spareNormal = v * factor;
		return u * factor;
	}

	/** Log-normal multiplier with mean 1: noise that never turns a count negative. */
	logNormal(sigma: number): number {
		return exp(sigma * this.normal() - (sigma * sigma) / 2);
	}

	/** Poisson count: Knuth's product method for small means, a rounded normal for large ones. */
	poisson(mean: number): number {
		if (!(mean > 0)) return 0;
		if (mean < 30) {
			const limit = exp(-mean);
			let count = 0;
			let product = this.next();
			while (product > limit) {
				count++;
				product *= this.next();
			}
			return count;
		}
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
	}

	/** A string of decimal digits whose first digit is not 0 (ids are kept as strings). */
	digits(count: number): string {
		let text = String(this.int(1, 9));
		for (let i = 1; i < count; i++) text += DIGITS[this.int(0, 9)];
		return text;
	}

	token(count: number, alphabet: string): string {
		let text = '';
		for (let i = 0; i < count; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
		return text;
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const swap = items[i];
			items[i] = items[j];
			items[j] = swap;
		}
		return items;
	}
}

/** An independent stream per (seed, labels): adding an account never shifts another's numbers. */
export function randomFor(seed: number, ...labels: readonly (string | number)[]): Random {
	return new Random(hashLabels(seed, ...labels));
}

/** murmur3's 32-bit finaliser over (stream, index): a cheap per-item seed once the stream's labels are hashed. */
export function mixSeed(stream: number, index: number): number {
	let h = (stream ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}
