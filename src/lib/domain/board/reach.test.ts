import { describe, expect, it } from 'vitest';
import { categoryOf, countryCode, languageCode } from './categories';
import {
	REACH_METHOD_TEXT,
	buildAudienceProfile,
	distributionFromBreakdown,
	estimateAllUniqueReach,
	estimateUniqueReach,
	overlapMatrix,
	pairOverlap,
	prepareReach,
	reachAnswer,
	type AudienceProfile
} from './reach';
import { day, makeAccount, makeBreakdown } from './test-fixtures';
import type { BoardAccount, BoardBreakdown, Range } from './types';

const today = day('2026-11-26');

function profile(id: string, breakdowns: BoardBreakdown[], declared: Partial<BoardAccount> = {}): AudienceProfile {
	return buildAudienceProfile(makeAccount({ id, ...declared }), breakdowns);
}

function expectRange(actual: Range | null, expected: Range) {
	expect(actual).not.toBeNull();
	expect(actual!.low).toBeCloseTo(expected.low, 10);
	expect(actual!.mid).toBeCloseTo(expected.mid, 10);
	expect(actual!.high).toBeCloseTo(expected.high, 10);
}

describe('categories', () => {
	it.each([
		['DE', 'DE'],
		['de', 'DE'],
		['Germany', 'DE'],
		['United States', 'US'],
		['USA', 'US'],
		['Türkiye', 'TR'],
		['Turkey', 'TR'],
		['Narnia', null]
	])('country %s → %s', (text, code) => {
		expect(countryCode(text)).toBe(code);
	});
	it.each([
		['de', 'de'],
		['de-AT', 'de'],
		['German', 'de'],
		['Japanese', 'ja'],
		['Klingonese', null]
	])('language %s → %s', (text, code) => {
		expect(languageCode(text)).toBe(code);
	});
	it('folds case, accents and dashes for other families', () => {
		expect(categoryOf('age', '13–17 years').key).toBe(categoryOf('age', '13-17 Years').key);
		expect(categoryOf('industry', ' Software  Development ')).toEqual({ key: 'software development', label: 'Software Development' });
	});
});

describe('audience profiles', () => {
	it('turns counts into shares and sets "Other" aside as unlisted', () => {
		const distribution = distributionFromBreakdown(
			makeBreakdown('country', { Germany: 50, DE: 10, 'United States': 20, Other: 20 }, { unit: 'count' })
		);
		expect([...distribution!.shares]).toEqual([
			['DE', 0.6],
			['US', 0.2]
		]);
		expect(distribution!.unlisted).toBeCloseTo(0.2, 10);
	});
	it('reads percentages and keeps what a top-N list leaves out as unlisted', () => {
		const distribution = distributionFromBreakdown(makeBreakdown('territory', { DE: 50, US: 30 }, { unit: 'share' }));
		expect(distribution!.shares.get('DE')).toBeCloseTo(0.5, 10);
		expect(distribution!.unlisted).toBeCloseTo(0.2, 10);
		expect(distribution!.family).toBe('geography');
	});
	it('rescales shares that add up to more than 1', () => {
		const distribution = distributionFromBreakdown(makeBreakdown('industry', { A: 0.6, B: 0.6 }));
		expect(distribution!.shares.get('a')).toBeCloseTo(0.5, 10);
		expect(distribution!.unlisted).toBe(0);
	});
	it('ignores dimensions that do not describe people', () => {
		expect(distributionFromBreakdown(makeBreakdown('traffic_source', { Search: 10 }))).toBeNull();
	});
	it('uses the newest breakdown per family, and declared values as an even spread', () => {
		const built = profile(
			'x:a',
			[
				makeBreakdown('country', { FR: 1 }, { asOf: today - 100 }),
				makeBreakdown('territory', { JP: 1 }, { asOf: today - 10 })
			],
			{ segments: ['SMB', 'smb', 'Enterprise'], regions: ['Global'], languages: ['German', 'de'] }
		);
		expect([...built.measured.geography!.shares.keys()]).toEqual(['JP']);
		expect([...built.declared.segment!.shares]).toEqual([
			['smb', 0.5],
			['enterprise', 0.5]
		]);
		expect(built.declared.geography).toBeUndefined();
		expect([...built.declared.language!.shares]).toEqual([['de', 1]]);
	});
});

describe('unique reach — hand-computed', () => {
	/*
	 * Industry, audience sizes unknown (taken as equal):
	 *   A: manufacturing .6, retail .4
	 *   B: manufacturing .5, software .5
	 *   C: manufacturing .3, software .7
	 * Manufacturing: coverSum = .8 → 0 uncovered; coverMax = .5 → .1 uncovered
	 * Retail:        coverSum = 0  → .4;          coverMax = 0  → .4
	 * low .4, high .5, mid .45
	 */
	const a = profile('a', [makeBreakdown('industry', { Manufacturing: 60, Retail: 40 }, { unit: 'count', asOf: today - 30 })]);
	const b = profile('b', [makeBreakdown('industry', { Manufacturing: 0.5, Software: 0.5 }, { asOf: today - 30 })]);
	const c = profile('c', [makeBreakdown('industry', { Manufacturing: 0.3, Software: 0.7 }, { asOf: today - 30 })]);

	it('spans "kept audiences are different people" to "they are the same people"', () => {
		const model = prepareReach([a, b, c], {}, today);
		const estimate = estimateUniqueReach(model, 'a', ['b', 'c']);
		expect(estimate.status).toBe('estimated');
		expectRange(estimate.uniqueShare, { low: 0.4, mid: 0.45, high: 0.5 });
		expect(estimate.uniqueAudience).toBeNull();
		expect(estimate.basis).toEqual([
			expect.objectContaining({ family: 'industry', source: 'measured', keptWithData: 2, keptWithoutData: 0, sizesAssumed: true })
		]);
		const [retail, manufacturing, ...rest] = estimate.topUniqueSegments;
		expect(rest).toEqual([]);
		expect(retail).toMatchObject({ family: 'industry', label: 'Retail', share: 0.4, uncovered: 0.4 });
		expect(manufacturing.label).toBe('Manufacturing');
		expect(manufacturing.uncovered).toBeCloseTo(0.05, 10);
		expect(estimate.confidence).toBe('medium');
	});

	/*
	 * Countries with audience sizes: A 1000 {DE .6, US .4}; K1 2000 {DE .2, FR .8}; K2 500 {US .4, DE .6}
	 * In A's units K1 covers DE .4; K2 covers DE .3 and US .2.
	 * DE: sum .7 → 0, max .4 → .2;  US: sum .2 → .2, max .2 → .2.  low .2, high .4, mid .3.
	 */
	it('weighs coverage by audience size when sizes are known', () => {
		const model = prepareReach(
			[
				profile('a', [makeBreakdown('country', { DE: 0.6, US: 0.4 })]),
				profile('k1', [makeBreakdown('country', { DE: 0.2, FR: 0.8 })]),
				profile('k2', [makeBreakdown('country', { US: 0.4, DE: 0.6 })])
			],
			{ a: 1000, k1: 2000, k2: 500 },
			today
		);
		const estimate = estimateUniqueReach(model, 'a', ['k1', 'k2', 'a']);
		expect(estimate.against).toEqual(['k1', 'k2']);
		expectRange(estimate.uniqueShare, { low: 0.2, mid: 0.3, high: 0.4 });
		expectRange(estimate.uniqueAudience, { low: 200, mid: 300, high: 400 });
		expect(estimate.basis[0].sizesAssumed).toBe(false);
	});

	/*
	 * Declared only: A {SMB .5, Enterprise .5}, B {Enterprise 1}: SMB .5 uncovered either way;
	 * the declared margin ±.15 widens it to .35–.65.
	 */
	it('widens the range for declared segments and marks the confidence low', () => {
		const model = prepareReach(
			[profile('a', [], { segments: ['SMB', 'Enterprise'] }), profile('b', [], { segments: ['Enterprise'] })],
			{},
			today
		);
		const estimate = estimateUniqueReach(model, 'a', ['b']);
		expectRange(estimate.uniqueShare, { low: 0.35, mid: 0.5, high: 0.65 });
		expect(estimate.confidence).toBe('low');
		expect(estimate.topUniqueSegments).toEqual([
			expect.objectContaining({ family: 'segment', label: 'SMB', source: 'declared', share: 0.5, uncovered: 0.5 })
		]);
		expect(estimate.notes).toContain('Based on declared segments, regions or languages only: a guess, not a measurement.');
	});

	/*
	 * Unlisted audience: A {DE .5, US .3, unlisted .2} (a top-2 list), B {DE 1}.
	 * Listed uncovered: US .3. low .3, high .3 + .2 = .5, mid .3 ÷ .8 = .375.
	 */
	it('counts unlisted categories as unique only at the high end', () => {
		const model = prepareReach(
			[profile('a', [makeBreakdown('country', { DE: 50, US: 30 })]), profile('b', [makeBreakdown('country', { DE: 7 }, { unit: 'count' })])],
			{},
			today
		);
		expectRange(estimateUniqueReach(model, 'a', ['b']).uniqueShare, { low: 0.3, mid: 0.375, high: 0.5 });
	});

	/*
	 * Two families averaged: industry as in the first case (.4/.45/.5, fresh) and a country
	 * breakdown 400 days old, A {DE 1} vs B {DE .5, FR .5}: .5 uncovered by shares; equal sizes →
	 * .5/.5/.5 widened by the stale margin .1 → .4/.5/.6. Average: .4/.475/.55.
	 */
	it('averages families and widens stale breakdowns', () => {
		const stale = today - 400;
		const model = prepareReach(
			[
				profile('a', [
					makeBreakdown('industry', { Manufacturing: 60, Retail: 40 }, { unit: 'count' }),
					makeBreakdown('country', { DE: 1 }, { asOf: stale })
				]),
				profile('b', [makeBreakdown('industry', { Manufacturing: 0.5, Software: 0.5 }), makeBreakdown('country', { DE: 0.5, FR: 0.5 })]),
				profile('c', [makeBreakdown('industry', { Manufacturing: 0.3, Software: 0.7 })])
			],
			{},
			today
		);
		const estimate = estimateUniqueReach(model, 'a', ['b', 'c']);
		// country: only B has data → DE coverSum = coverMax = .5
		expectRange(estimate.uniqueShare, { low: 0.4, mid: 0.475, high: 0.55 });
		expect(estimate.basis.map((basis) => [basis.family, basis.stale, basis.keptWithData])).toEqual([
			['geography', true, 1],
			['industry', false, 2]
		]);
		expect(estimate.notes).toContain('Some audience breakdowns are more than 12 months old; the range is wider for that.');
	});

	it('says everything is unique when nothing is kept', () => {
		const model = prepareReach([a, b], { a: 1200 }, today);
		const estimate = estimateUniqueReach(model, 'a', []);
		expect(estimate).toMatchObject({ status: 'nothing-kept', uniqueShare: { low: 1, mid: 1, high: 1 }, uniqueAudience: { mid: 1200 } });
		expect(reachAnswer(estimate, makeAccount({ id: 'x:contoso' }))).toBe(
			'Nothing is in Keep yet, so everything @contoso reaches counts as unique for now.'
		);
	});

	it('does not call a category unique just because kept accounts lack data on it', () => {
		const model = prepareReach([a, profile('geo', [makeBreakdown('country', { DE: 1 })])], {}, today);
		const estimate = estimateUniqueReach(model, 'a', ['geo']);
		expect(estimate.status).toBe('no-data');
		expect(estimate.uniqueShare).toBeNull();
		expect(estimate.notes).toContain('No kept account has audience data in the same categories as this account.');
	});

	it('estimates every account against the Keep column', () => {
		const model = prepareReach([a, b, c], {}, today);
		const all = estimateAllUniqueReach(model, { b: { column: 'keep' }, c: { column: 'retire' } });
		expect(all.a.against).toEqual(['b']);
		expect(all.b.status).toBe('nothing-kept');
		// A vs B alone: manufacturing .1, retail .4 → .5 at both ends
		expectRange(all.a.uniqueShare, { low: 0.5, mid: 0.5, high: 0.5 });
	});

	it('answers the card question in plain words', () => {
		const model = prepareReach([a, b, c], { a: 2000 }, today);
		const estimate = estimateUniqueReach(model, 'a', ['b', 'c']);
		expect(reachAnswer(estimate, makeAccount({ id: 'linkedin:contoso_retail' }))).toBe(
			'@contoso_retail reaches Retail (40% of its audience) and Manufacturing (5% of its audience) that the kept accounts do not: an estimated 40–50% of its audience (about 800–1k people).'
		);
	});
});

describe('overlap between accounts', () => {
	const a = profile('a', [makeBreakdown('industry', { Manufacturing: 0.6, Retail: 0.4 })]);
	const b = profile('b', [makeBreakdown('industry', { Manufacturing: 0.5, Software: 0.5 })]);
	const c = profile('c', [makeBreakdown('industry', { Manufacturing: 0.3, Software: 0.7 })]);
	const none = profile('none', []);

	it('is the histogram intersection Σ min(p, q)', () => {
		const model = prepareReach([a, b, c, none], {}, today);
		expectRange(pairOverlap(model, 'a', 'b')!.overlap, { low: 0.5, mid: 0.5, high: 0.5 });
		expectRange(pairOverlap(model, 'a', 'c')!.overlap, { low: 0.3, mid: 0.3, high: 0.3 });
		expectRange(pairOverlap(model, 'b', 'c')!.overlap, { low: 0.8, mid: 0.8, high: 0.8 });
		expect(pairOverlap(model, 'a', 'none')).toBeNull();
	});

	it('fills a symmetric matrix with an empty diagonal', () => {
		const matrix = overlapMatrix(prepareReach([a, b, c], {}, today));
		expect(matrix.accountIds).toEqual(['a', 'b', 'c']);
		expect(matrix.cells[0][0]).toBeNull();
		expect(matrix.cells[1][2]!.overlap.mid).toBeCloseTo(0.8, 10);
		expect(matrix.cells[2][1]).toMatchObject({ a: 'c', b: 'b', families: ['industry'] });
	});

	it('leaves room for unlisted audience on both sides', () => {
		// {DE .5, US .3, ? .2} vs {DE .4, FR .3, ? .3}: intersection .4, unknown min(.2, .3) = .2
		const model = prepareReach(
			[profile('x', [makeBreakdown('country', { DE: 0.5, US: 0.3 })]), profile('y', [makeBreakdown('country', { DE: 0.4, FR: 0.3 })])],
			{},
			today
		);
		expectRange(pairOverlap(model, 'x', 'y')!.overlap, { low: 0.4, mid: 0.5, high: 0.6 });
	});
});

describe('method text', () => {
	it('states that it is an estimate and why the range exists', () => {
		expect(REACH_METHOD_TEXT).toMatch(/estimate, not a count/);
		expect(REACH_METHOD_TEXT).toMatch(/follow several accounts cannot be known/);
	});
});
