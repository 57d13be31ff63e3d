import { describe, expect, it } from 'vitest';
import { preparePlan, planSummary } from './plan';
import { analyzePortfolio } from './portfolio';
import { constantSeries, day, makeBreakdown, makeInput, makePortfolio } from './test-fixtures';
import type { AccountInput, DecisionMap } from './types';

const today = day('2026-11-26');

function withData(followers: number | null, postsIn90Days: number | null): Pick<AccountInput, 'series'> {
	const series = [];
	if (followers !== null) series.push(constantSeries('followers', today - 10, 11, followers));
	if (postsIn90Days !== null) {
		const published = constantSeries('posts_published', today - 89, 90, 0);
		published.values[0] = postsIn90Days;
		series.push(published);
	}
	return { series };
}

/*
 * a  LinkedIn  10k followers  7 posts/week    owner Ann   countries DE .5 FR .5   declares SMB
 * b  LinkedIn   2k            3.5 posts/week  owner "ann " countries DE 1          declares SMB
 * c  X          1k            1.4 posts/week  no owner    countries JP 1          declares Japanese
 * d  YouTube   unknown        no post data    owner Bo                            declares Students
 */
const inputs: AccountInput[] = [
	makeInput({ id: 'linkedin:a', owner: 'Ann', segments: ['SMB'] }, { ...withData(10_000, 90), breakdowns: [makeBreakdown('country', { DE: 0.5, FR: 0.5 })] }),
	makeInput({ id: 'linkedin:b', owner: 'ann ', segments: ['SMB'] }, { ...withData(2000, 45), breakdowns: [makeBreakdown('country', { DE: 1 })] }),
	makeInput({ id: 'x:c', owner: '', languages: ['ja'] }, { ...withData(1000, 18), breakdowns: [makeBreakdown('country', { JP: 1 })] }),
	makeInput({ id: 'youtube:d', owner: 'Bo', segments: ['Students'] }, withData(null, null))
];
const plan = preparePlan(analyzePortfolio(inputs, today));

describe('plan summary', () => {
	const decisions: DecisionMap = {
		'linkedin:a': { column: 'keep' },
		'linkedin:b': { column: 'merge', mergeTargetId: 'linkedin:a' },
		'x:c': { column: 'retire' }
	};
	const summary = planSummary(plan, decisions);

	it('counts accounts and platforms before and after', () => {
		expect(summary.accounts).toEqual({ before: 4, after: 2, keep: 1, merge: 1, retire: 1, undecided: 1 });
		expect(summary.platforms).toEqual({ before: ['linkedin', 'x', 'youtube'], after: ['linkedin', 'youtube'], dropped: ['x'] });
	});
	it('splits the audience into kept, migrating and at risk', () => {
		expect(summary.audience).toMatchObject({ before: 13_000, kept: 10_000, migrating: 2000, unknownSizeClosing: 0 });
		// c reaches only Japan; no survivor does → all 1k at risk
		expect(summary.audience.atRisk).toEqual({ low: 1000, mid: 1000, high: 1000 });
		// b: DE covered by a (10k × .5 = 2.5× b's audience); SMB covered, but declared → high end +.15 on that family
		expect(summary.audience.migratingUnique.low).toBeCloseTo(0, 10);
		expect(summary.audience.migratingUnique.mid).toBeCloseTo(0, 10);
		expect(summary.audience.migratingUnique.high).toBeCloseTo(2000 * (0 + 0.15) / 2, 10);
	});
	it('lists the segments that lose their last channel', () => {
		expect(summary.segments.before).toBe(6);
		expect(summary.segments.after).toBe(4);
		expect(summary.segments.lost).toEqual([
			{ id: 'geography:JP', family: 'geography', key: 'JP', label: 'Japan', familyLabel: 'Country' },
			{ id: 'language:ja', family: 'language', key: 'ja', label: 'Japanese', familyLabel: 'Language' }
		]);
	});
	it('sums posts per week of the surviving accounts', () => {
		expect(summary.workload.before).toBeCloseTo(7 + 3.5 + 1.4, 10);
		expect(summary.workload.after).toBeCloseTo(7, 10);
		expect(summary.workload.accountsWithoutData).toBe(1);
	});
	it('groups the owners of closing accounts, without-owner last', () => {
		expect(summary.ownersAffected).toEqual([
			{ owner: 'ann', accountIds: ['linkedin:b'] },
			{ owner: '', accountIds: ['x:c'] }
		]);
		expect(summary.problems).toEqual([]);
	});
	it('starts from "nothing changes" when nothing is decided', () => {
		const empty = planSummary(plan, {});
		expect(empty.accounts.after).toBe(4);
		expect(empty.segments.after).toBe(6);
		expect(empty.audience.atRisk).toEqual({ low: 0, mid: 0, high: 0 });
		expect(empty.ownersAffected).toEqual([]);
	});
	it('counts a closing account without audience data as all at risk in the middle and high ends', () => {
		const retired = planSummary(plan, { 'x:c': { column: 'retire' }, 'youtube:d': { column: 'retire' } });
		expect(retired.audience.unknownSizeClosing).toBe(1);
		expect(retired.audience.atRisk).toEqual({ low: 1000, mid: 1000, high: 1000 });
	});
});

describe('merge problems', () => {
	it('reports missing targets, retired targets and chains', () => {
		const summary = planSummary(plan, {
			'linkedin:a': { column: 'merge' },
			'linkedin:b': { column: 'merge', mergeTargetId: 'x:c' },
			'x:c': { column: 'merge', mergeTargetId: 'youtube:d' },
			'youtube:d': { column: 'undecided' }
		});
		expect(summary.problems).toEqual([
			'@a is in Merge but has no merge target.',
			'@b is merged into @c, which is itself merged into @d: merge into @d directly.'
		]);
		expect(summary.problemPhrases.map((one) => one.code)).toEqual(['problem.noTarget', 'problem.targetMerged']);
		const retiredTarget = planSummary(plan, { 'linkedin:b': { column: 'merge', mergeTargetId: 'x:c' }, 'x:c': { column: 'retire' } });
		expect(retiredTarget.problems).toEqual(['@b is merged into @c, which is set to Retire.']);
		expect(retiredTarget.problemPhrases).toEqual([
			{ code: 'problem.targetRetired', values: { account: { account: 'linkedin:b' }, target: { account: 'x:c' } } }
		]);
		const circle = planSummary(plan, {
			'linkedin:a': { column: 'merge', mergeTargetId: 'linkedin:b' },
			'linkedin:b': { column: 'merge', mergeTargetId: 'linkedin:a' }
		});
		expect(circle.problems).toEqual([
			'@a is merged into @b, which is part of a circle of merges.',
			'@b is merged into @a, which is part of a circle of merges.'
		]);
		const unknown = planSummary(plan, { 'linkedin:b': { column: 'merge', mergeTargetId: 'nowhere' } });
		expect(unknown.problems).toEqual(['@b is merged into an account that is not in the inventory.']);
	});
});

describe('speed', () => {
	it('recomputes in under 5 ms for 40 accounts', () => {
		const analysis = analyzePortfolio(makePortfolio(40, today), today);
		const prepared = preparePlan(analysis);
		const decisions: Record<string, { column: 'keep' | 'retire' | 'merge'; mergeTargetId?: string }> = {};
		analysis.accounts.forEach((account, index) => {
			decisions[account.id] =
				index % 3 === 0 ? { column: 'keep' } : index % 3 === 1 ? { column: 'retire' } : { column: 'merge', mergeTargetId: analysis.accounts[0].id };
		});
		// its speed (a live recompute on every card move) is measured by npm run bench
		const summary = planSummary(prepared, decisions);
		expect(summary.accounts.before).toBe(40);
	});
});
