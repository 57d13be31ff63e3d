import { describe, expect, it } from 'vitest';
import { analyzePortfolio } from './portfolio';
import { RECOMMENDATION_RULES, recommendAll, recommendationSentence } from './recommend';
import { constantSeries, day, makeBreakdown, makeInput, makePost, makeSeries } from './test-fixtures';
import type { AccountInput, BoardAccount, BoardBreakdown, DecisionMap } from './types';

const today = day('2026-11-26');

interface Activity {
	followers: number;
	/** Post every N days over the last 180 days; omit for no posts. */
	postEvery?: number;
	/** The last post, when the account went quiet. */
	lastPost?: string;
	/** Engagements per 1000 impressions in the previous and the last 90 days. */
	engagement?: [number, number];
	breakdowns?: BoardBreakdown[];
}

function account(declared: Partial<BoardAccount> & { id: string }, activity: Activity): AccountInput {
	const start = today - 179;
	const series = [constantSeries('followers', start, 180, activity.followers)];
	if (activity.engagement) {
		const [previous, current] = activity.engagement;
		series.push(constantSeries('impressions', start, 180, 1000));
		series.push(makeSeries('engagements', start, [...new Array(90).fill(previous), ...new Array(90).fill(current)]));
	}
	const posts = [];
	if (activity.postEvery) for (let offset = 0; offset < 180; offset += activity.postEvery) posts.push(makePost(today - offset));
	if (activity.lastPost) posts.push(makePost(day(activity.lastPost)));
	return makeInput(declared, { series, posts, breakdowns: activity.breakdowns ?? [] });
}

const portfolio: AccountInput[] = [
	account(
		{ id: 'linkedin:contosoerp', handle: 'ContosoERP', segments: ['SMB', 'ERP buyers'], regions: ['DE'] },
		{
			followers: 12_000,
			postEvery: 3,
			engagement: [20, 20],
			breakdowns: [
				makeBreakdown('country', { DE: 0.8, AT: 0.2 }),
				makeBreakdown('industry', { Retail: 0.06, Manufacturing: 0.94 })
			]
		}
	),
	account({ id: 'x:tinydead' }, { followers: 540, lastPost: '2025-09-03' }),
	account({ id: 'youtube:contosojp', languages: ['ja'] }, { followers: 2000, postEvery: 7, engagement: [20, 20] }),
	account(
		{ id: 'linkedin:contoso_retail' },
		{ followers: 4000, postEvery: 5, breakdowns: [makeBreakdown('industry', { Retail: 0.6, Manufacturing: 0.4 })] }
	),
	account({ id: 'linkedin:contoso_events', segments: ['SMB'], regions: ['Germany'] }, { followers: 1200, lastPost: '2025-09-03' }),
	makeInput({ id: 'facebook:contoso_nodata', owner: '' }),
	account(
		{ id: 'linkedin:contosoerp_de', segments: ['SMB', 'ERP buyers'], regions: ['DE'] },
		{ followers: 3000, postEvery: 10, engagement: [20, 20] }
	),
	account({ id: 'instagram:contoso_life', segments: ['SMB'] }, { followers: 5000, postEvery: 4, engagement: [20, 20] }),
	account({ id: 'x:contoso_news', segments: ['SMB'] }, { followers: 8000, postEvery: 2, engagement: [30, 20] })
];

function run(decisions: DecisionMap = {}) {
	const analysis = analyzePortfolio(portfolio, today);
	return recommendAll({ ...analysis, decisions });
}

describe('recommendation rules', () => {
	const suggestions = run();

	it('retires a long-dormant, tiny account', () => {
		expect(suggestions['x:tinydead']).toMatchObject({
			suggestion: 'retire',
			ruleId: 'retire-dormant-tiny',
			reasons: ['No post for 14 months', '540 followers'],
			reasonPhrases: [
				{ code: 'silence.months', count: 14 },
				{ code: 'audience.followers', count: 540, values: { audience: { count: 540 } } }
			],
			sentence: 'Retire: no post for 14 months, 540 followers',
			confidence: 'high'
		});
	});
	it('keeps the last channel for a segment', () => {
		expect(suggestions['youtube:contosojp']).toMatchObject({
			suggestion: 'keep',
			ruleId: 'keep-last-channel',
			reasons: ['Only channel left for Japanese'],
			reasonPhrases: [{ code: 'reason.onlyChannel', values: { segments: { categories: [{ family: 'language', key: 'ja', label: 'Japanese' }] } } }],
			confidence: 'low'
		});
		expect(suggestions['linkedin:contosoerp']).toMatchObject({
			ruleId: 'keep-last-channel',
			reasons: ['Only channel left for Austria'],
			confidence: 'medium'
		});
	});
	it('keeps an account with high unique reach', () => {
		// industry: Retail .6 against @ContosoERP's 12k × .06 = 720 people = .18 of 4k → .42 uncovered
		expect(suggestions['linkedin:contoso_retail']).toMatchObject({
			suggestion: 'keep',
			ruleId: 'keep-unique-reach',
			reasons: ['Reaches people the kept accounts do not: an estimated 42% of its audience (Retail)']
		});
	});
	it('retires a dormant account whose segments are all covered, naming the account that covers them', () => {
		expect(suggestions['linkedin:contoso_events']).toMatchObject({
			suggestion: 'retire',
			ruleId: 'retire-dormant-covered',
			sentence: 'Retire: no post for 14 months, 1.2k followers, its segments are all covered by @ContosoERP'
		});
	});
	it('asks for data when there is none', () => {
		expect(suggestions['facebook:contoso_nodata']).toMatchObject({
			suggestion: 'review',
			ruleId: 'review-no-data',
			reasonPhrases: [{ code: 'reason.noData' }],
			cautions: ['No owner on record: name one before acting'],
			cautionPhrases: [{ code: 'caution.noOwner' }]
		});
	});
	it('merges into a bigger, more active account on the same platform with the same audience', () => {
		expect(suggestions['linkedin:contosoerp_de']).toMatchObject({
			suggestion: 'merge',
			ruleId: 'merge-into-bigger',
			mergeTargetId: 'linkedin:contosoerp',
			sentence:
				'Merge into @ContosoERP: same platform (LinkedIn) as @ContosoERP, with audiences about 90% alike, @ContosoERP has 12k followers against 3k, it posts 2.3 times a week against 0.7'
		});
	});
	it('keeps a healthy account', () => {
		expect(suggestions['instagram:contoso_life']).toMatchObject({
			suggestion: 'keep',
			ruleId: 'keep-healthy',
			reasons: ['Last post today, 1.8 posts a week', '5k followers', 'Engagement rate 2%, steady'],
			reasonPhrases: [
				{ code: 'reason.lastPostTodayRate', count: 0 },
				{ code: 'audience.followers', count: 5000 },
				{ code: 'reason.engagementSteady' }
			]
		});
	});
	it('leaves mixed signals for review, saying what they are', () => {
		expect(suggestions['x:contoso_news'].suggestion).toBe('review');
		expect(suggestions['x:contoso_news'].reasons[0]).toBe('Engagement rate down 33% on the previous 90 days');
	});
});

describe('recommendations and decisions', () => {
	it('follow the board: once the covering account is retired, the dormant one is no longer covered', () => {
		const suggestions = run({ 'linkedin:contosoerp': { column: 'retire' }, 'linkedin:contosoerp_de': { column: 'retire' } });
		expect(suggestions['linkedin:contoso_events'].ruleId).toBe('keep-last-channel');
		expect(suggestions['linkedin:contoso_events'].reasons).toEqual(['Only channel left for Germany']);
		expect(suggestions['linkedin:contoso_events'].cautions).toContain('No post for 14 months: revive it, or hand these segments to another account');
	});
	it('are never applied: the decisions are left as they were', () => {
		const decisions = Object.freeze({ 'x:tinydead': Object.freeze({ column: 'keep' as const }) });
		const suggestions = run(decisions);
		expect(suggestions['x:tinydead'].suggestion).toBe('retire');
		expect(decisions).toEqual({ 'x:tinydead': { column: 'keep' } });
	});
	it('only ever cite listed rules', () => {
		const ids = RECOMMENDATION_RULES.map((rule) => rule.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const suggestion of Object.values(run())) {
			const rule = RECOMMENDATION_RULES.find((one) => one.id === suggestion.ruleId);
			expect(rule?.suggestion).toBe(suggestion.suggestion);
		}
		expect(RECOMMENDATION_RULES.every((rule) => rule.description.length > 30)).toBe(true);
	});
});

describe('recommendation sentence', () => {
	it('lower-cases ordinary first words only', () => {
		expect(
			recommendationSentence({ suggestion: 'merge', targetLabel: '@Big', reasons: ['Same platform (LinkedIn)', 'LinkedIn says so', '@Small posts less'] })
		).toBe('Merge into @Big: same platform (LinkedIn), LinkedIn says so, @Small posts less');
	});
});
