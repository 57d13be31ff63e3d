import { describe, expect, it } from 'vitest';
import { Random, exp, hashLabels, ln, mixSeed, randomFor } from './random';

describe('exp and ln', () => {
	it.each([
		[0, 1],
		[1, Math.E],
		[-1, 1 / Math.E],
		[Math.LN2, 2],
		[10, 22026.465794806718],
		[-20, 2.061153622438558e-9],
		[700, 1.0142320547350045e304]
	])('exp(%d) ≈ %d', (x, expected) => {
		expect(Math.abs(exp(x) - expected) / expected).toBeLessThan(1e-14);
	});

	it.each([
		[1, 0],
		[2, Math.LN2],
		[10, Math.LN10],
		[0.5, -Math.LN2],
		[1e-300, -690.7755278982137],
		[5e-324, -744.4400719213812],
		[1.7976931348623157e308, 709.782712893384]
	])('ln(%d) ≈ %d', (x, expected) => {
		expect(Math.abs(ln(x) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-15 + 1e-15);
	});

	it('handles the edges', () => {
		expect(exp(800)).toBe(Infinity);
		expect(exp(-800)).toBe(0);
		expect(ln(0)).toBe(-Infinity);
		expect(ln(-1)).toBeNaN();
		expect(exp(NaN)).toBeNaN();
	});

	it('inverts each other', () => {
		for (let x = -30; x <= 30; x += 0.37) expect(Math.abs(ln(exp(x)) - x)).toBeLessThan(1e-12);
	});
});

describe('Random', () => {
	it('is mulberry32 (values from an independent Python port)', () => {
		const random = new Random(42);
		expect([random.next(), random.next(), random.next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
	});

	it('repeats for the same labels and differs for others', () => {
		const a = randomFor(7, 'x:ContosoERP', 'posts');
		const b = randomFor(7, 'x:ContosoERP', 'posts');
		const c = randomFor(8, 'x:ContosoERP', 'posts');
		const first = [a.next(), a.next()];
		expect([b.next(), b.next()]).toEqual(first);
		expect([c.next(), c.next()]).not.toEqual(first);
		expect(hashLabels('ab', 'c')).not.toBe(hashLabels('a', 'bc'));
		expect(mixSeed(1, 0)).not.toBe(mixSeed(1, 1));
	});

	it('draws within bounds', () => {
		const random = new Random(1);
		for (let i = 0; i < 2000; i++) {
			const n = random.int(3, 5);
			expect(n === 3 || n === 4 || n === 5).toBe(true);
		}
		expect(random.digits(19)).toMatch(/^[1-9]\d{18}$/);
		expect(random.token(11, 'ab')).toMatch(/^[ab]{11}$/);
	});

	it('has the asked-for means', () => {
		const random = new Random(99);
		const n = 20_000;
		let poissonSmall = 0;
		let poissonLarge = 0;
		let logNormal = 0;
		for (let i = 0; i < n; i++) {
			poissonSmall += random.poisson(3.5);
			poissonLarge += random.poisson(250);
			logNormal += random.logNormal(0.5);
		}
		expect(poissonSmall / n).toBeCloseTo(3.5, 1);
		expect(poissonLarge / n).toBeGreaterThan(248);
		expect(poissonLarge / n).toBeLessThan(252);
		expect(logNormal / n).toBeCloseTo(1, 1);
		expect(random.poisson(0)).toBe(0);
	});
});
