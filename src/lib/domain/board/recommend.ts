/**
 * Suggested decisions: a short, ordered list of transparent rules. The first rule that applies gives
 * the suggestion and its reasons in plain words. Suggestions are data for the card; nothing here
 * moves a card — the person deciding does.
 */
import { coverageStatus, type CoverageMatrix } from './coverage';
import type { AccountFacts } from './facts';
import type { FlagReport } from './flags';
import { hasOwner } from './flags';
import { accountLabel, formatCount, formatMonths, formatPercent, formatPercentRange, formatRate, joinWords, platformLabel } from './format';
import { phrase, type CategoryRef, type Phrase } from './phrase';
import { estimateUniqueReach, pairOverlap, type Confidence, type ReachModel } from './reach';
import { columnOf, type BoardAccount, type DecisionMap } from './types';

export type Suggestion = 'keep' | 'merge' | 'retire' | 'review';

export type RuleId =
	| 'retire-dormant-tiny'
	| 'keep-last-channel'
	| 'keep-unique-reach'
	| 'retire-dormant-covered'
	| 'review-no-data'
	| 'merge-into-bigger'
	| 'keep-healthy'
	| 'review';

export interface RecommendationRule {
	id: RuleId;
	suggestion: Suggestion;
	/** The rule in plain words, as the board lists it. */
	description: string;
}

/** In the order they are tried: the first that applies decides. */
export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
	{
		id: 'retire-dormant-tiny',
		suggestion: 'retire',
		description:
			'No post for more than 12 months and a tiny audience (under 1,000 followers and under 2% of the portfolio’s audience): retire.'
	},
	{
		id: 'keep-last-channel',
		suggestion: 'keep',
		description:
			'It is the only channel left for a segment, region or language among the accounts not retired or merged: keep, or that segment loses its last channel.'
	},
	{
		id: 'keep-unique-reach',
		suggestion: 'keep',
		description:
			'More than 30% of its audience is estimated to be out of reach of the accounts in Keep and the likely keepers (middle of the estimate): keep.'
	},
	{
		id: 'retire-dormant-covered',
		suggestion: 'retire',
		description:
			'No post for 90 days or more, and every segment, region and language it serves is also served by an account in Keep or a likely keeper: retire, naming that account.'
	},
	{
		id: 'review-no-data',
		suggestion: 'review',
		description: 'Neither follower numbers nor post data were imported: review once its exports are in.'
	},
	{
		id: 'merge-into-bigger',
		suggestion: 'merge',
		description:
			'On the same platform as an account with a bigger audience that posts more often, and the two overlap (declared segments at least 50% alike, or audience profiles at least 60% alike): merge into that account.'
	},
	{
		id: 'keep-healthy',
		suggestion: 'keep',
		description: 'Posted in the last 90 days, not a tiny audience, and an engagement rate that is steady or rising: keep.'
	},
	{ id: 'review', suggestion: 'review', description: 'None of the rules above applies: review by hand.' }
];

/**
 * Likely keepers: accounts in Keep, plus undecided accounts that posted in the last 90 days and do
 * not have a tiny audience. Accounts in Retire or Merge never count.
 */
export const LIKELY_KEEPERS_TEXT =
	'Likely keepers are the accounts in Keep plus the undecided accounts that posted in the last 90 days and do not have a tiny audience.';

export interface Recommendation {
	accountId: string;
	suggestion: Suggestion;
	mergeTargetId?: string;
	ruleId: RuleId;
	/** The evidence, in plain words with numbers ("No post for 14 months", "1.2k followers"). */
	reasons: string[];
	/** The same reasons as data, for the interface to word in the active language. */
	reasonPhrases: Phrase[];
	/** Things to settle whatever the decision (no owner, duplicate posts, a segment to hand over). */
	cautions: string[];
	cautionPhrases: Phrase[];
	/** One line: "Retire: no post for 14 months, 1.2k followers, its segments are all covered by @ContosoERP". */
	sentence: string;
	confidence: Confidence;
}

export interface RecommendationOptions {
	dormantDays?: number;
	longDormantDays?: number;
	/** Keep when the middle of the unique-reach estimate is above this (default 0.3). */
	uniqueKeepThreshold?: number;
	/** Declared-tag similarity from which two accounts overlap (default 0.5). */
	overlapThreshold?: number;
	/** Audience-profile overlap (middle estimate) from which two accounts overlap (default 0.6). */
	profileOverlapThreshold?: number;
}

export interface RecommendationContext {
	accounts: readonly BoardAccount[];
	facts: Readonly<Record<string, AccountFacts | undefined>>;
	flags: FlagReport;
	reach: ReachModel;
	coverage: CoverageMatrix;
	decisions: DecisionMap;
	options?: RecommendationOptions;
}

const SUGGESTION_WORDS: Record<Suggestion, string> = { keep: 'Keep', merge: 'Merge', retire: 'Retire', review: 'Review' };

function audienceNoun(account: BoardAccount): string {
	return account.platform === 'youtube' ? 'subscribers' : 'followers';
}

function audiencePhrase(account: BoardAccount, audience: number): Phrase {
	return phrase(account.platform === 'youtube' ? 'audience.subscribers' : 'audience.followers', { audience: { count: audience } }, audience);
}

function categoryOfRow(row: { family: CategoryRef['family']; key: string; label: string }): CategoryRef {
	return { family: row.family, key: row.key, label: row.label };
}

/** "No post for…" → "no post for…", leaving "@Handle", "LinkedIn…" and numbers alone. */
function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function recommendationSentence(recommendation: Pick<Recommendation, 'suggestion' | 'reasons'> & { targetLabel?: string }): string {
	const head = SUGGESTION_WORDS[recommendation.suggestion] + (recommendation.targetLabel ? ` into ${recommendation.targetLabel}` : '');
	return recommendation.reasons.length === 0 ? head : `${head}: ${recommendation.reasons.map(lowerFirst).join(', ')}`;
}

export function recommendAll(context: RecommendationContext): Record<string, Recommendation> {
	const settings = {
		dormantDays: 90,
		longDormantDays: 365,
		uniqueKeepThreshold: 0.3,
		overlapThreshold: 0.5,
		profileOverlapThreshold: 0.6,
		...context.options
	};
	const { accounts, facts, flags, reach, coverage, decisions } = context;
	const byId = new Map(accounts.map((account) => [account.id, account]));
	const label = (id: string) => {
		const account = byId.get(id);
		return account ? accountLabel(account) : id;
	};
	const tiny = new Set(
		accounts.filter((account) => (flags.byAccount[account.id] ?? []).some((flag) => flag.code === 'tiny-audience')).map((account) => account.id)
	);
	const isTiny = (id: string) => tiny.has(id);
	const isActive = (id: string) => {
		const days = facts[id]?.daysSinceLastPost;
		return days !== null && days !== undefined && days < settings.dormantDays;
	};
	const likelyKeepers = new Set(
		accounts
			.filter((account) => {
				const column = columnOf(decisions, account.id);
				return column === 'keep' || (column === 'undecided' && isActive(account.id) && !isTiny(account.id));
			})
			.map((account) => account.id)
	);
	const status = coverageStatus(coverage, decisions);
	const rowById = new Map(coverage.rows.map((row) => [row.id, row]));
	const accountIndex = new Map(coverage.accountIds.map((id, index) => [id, index]));

	const result: Record<string, Recommendation> = {};
	for (const account of accounts) {
		const id = account.id;
		const own = facts[id];
		const audience = own?.audience?.value ?? null;
		const followers = audience === null ? null : `${formatCount(audience)} ${audienceNoun(account)}`;
		const followersPhrase = audience === null ? null : audiencePhrase(account, audience);
		const days = own?.daysSinceLastPost ?? null;
		const dormant = own?.hasPostData === true && (days === null || days >= settings.dormantDays);
		const silence =
			days === null
				? 'No post in the imported data'
				: days < 120 || own?.monthsSinceLastPost == null
					? `No post for ${days} days`
					: `No post for ${formatMonths(own.monthsSinceLastPost)}`;
		const silencePhrase =
			days === null
				? phrase('silence.none')
				: days < 120 || own?.monthsSinceLastPost == null
					? phrase('silence.days', undefined, days)
					: phrase('silence.months', undefined, own.monthsSinceLastPost);
		const lastChannelCategories = (status.lastChannel[id] ?? []).map((rowId) => categoryOfRow(rowById.get(rowId)!));
		const lastChannelRows = (status.lastChannel[id] ?? []).map((rowId) => rowById.get(rowId)!);
		const others = [...likelyKeepers].filter((other) => other !== id);
		const cautions: string[] = [];
		const cautionPhrases: Phrase[] = [];
		if (!hasOwner(account)) {
			cautions.push('No owner on record: name one before acting');
			cautionPhrases.push(phrase('caution.noOwner'));
		}
		const duplicates = (flags.byAccount[id] ?? []).find((flag) => flag.code === 'duplicate-content');
		if (duplicates && duplicates.code === 'duplicate-content') {
			const top = duplicates.partners[0];
			cautions.push(`Publishes the same text as ${label(top.accountId)} (${top.sharedTexts} ${top.sharedTexts === 1 ? 'post' : 'posts'})`);
			cautionPhrases.push(phrase('caution.duplicate', { account: { account: top.accountId } }, top.sharedTexts));
		}

		const decide = (
			ruleId: RuleId,
			reasons: string[],
			reasonPhrases: Phrase[],
			confidence: Confidence,
			extra: { mergeTargetId?: string; cautions?: string[]; cautionPhrases?: Phrase[] } = {}
		): Recommendation => {
			const rule = RECOMMENDATION_RULES.find((one) => one.id === ruleId)!;
			const recommendation: Recommendation = {
				accountId: id,
				suggestion: rule.suggestion,
				ruleId,
				reasons,
				reasonPhrases,
				cautions: [...(extra.cautions ?? []), ...cautions],
				cautionPhrases: [...(extra.cautionPhrases ?? []), ...cautionPhrases],
				sentence: recommendationSentence({
					suggestion: rule.suggestion,
					reasons,
					targetLabel: extra.mergeTargetId ? label(extra.mergeTargetId) : undefined
				}),
				confidence
			};
			if (extra.mergeTargetId) recommendation.mergeTargetId = extra.mergeTargetId;
			return recommendation;
		};

		result[id] = ((): Recommendation => {
			// 1. long dormant and tiny
			if (days !== null && days >= settings.longDormantDays && isTiny(id)) {
				const handOver =
					lastChannelRows.length > 0
						? [`It is the last channel for ${joinWords(lastChannelRows.map((row) => row.label))}: give that to another account first`]
						: [];
				return decide('retire-dormant-tiny', [silence, followers ?? 'Tiny audience'], [silencePhrase, followersPhrase ?? phrase('reason.tiny')], 'high', {
					cautions: handOver,
					cautionPhrases: handOver.length > 0 ? [phrase('caution.handOver', { segments: { categories: lastChannelCategories } })] : []
				});
			}
			// 2. the last channel for a segment
			if (lastChannelRows.length > 0) {
				const measured = lastChannelRows.some((row) => {
					const cell = row.cells[accountIndex.get(id)!];
					return cell.measuredShare !== null && cell.measuredShare >= coverage.measuredThreshold;
				});
				return decide(
					'keep-last-channel',
					[`Only channel left for ${joinWords(lastChannelRows.map((row) => row.label))}`],
					[phrase('reason.onlyChannel', { segments: { categories: lastChannelCategories } })],
					measured ? 'medium' : 'low',
					{
						cautions: dormant ? [`${silence}: revive it, or hand these segments to another account`] : [],
						cautionPhrases: dormant ? [phrase('caution.reviveOrHandOver', { silence: { phrase: silencePhrase } })] : []
					}
				);
			}
			// 3. unique reach
			const reach = estimateUniqueReach(context.reach, id, others);
			if (reach.status === 'estimated' && reach.uniqueShare && reach.uniqueShare.mid > settings.uniqueKeepThreshold) {
				const segments = reach.topUniqueSegments.slice(0, 3).map((segment) => segment.label);
				return decide(
					'keep-unique-reach',
					[
						`Reaches people the kept accounts do not: an estimated ${formatPercentRange(reach.uniqueShare)} of its audience${segments.length > 0 ? ` (${joinWords(segments)})` : ''}`
					],
					[
						phrase(segments.length > 0 ? 'reason.uniqueReachIn' : 'reason.uniqueReach', {
							range: { percentRange: reach.uniqueShare },
							segments: { categories: reach.topUniqueSegments.slice(0, 3) }
						})
					],
					reach.confidence,
					{
						cautions: dormant ? [`${silence}: revive it`] : [],
						cautionPhrases: dormant ? [phrase('caution.revive', { silence: { phrase: silencePhrase } })] : []
					}
				);
			}
			// 4. dormant and covered
			if (dormant) {
				const index = accountIndex.get(id);
				const served = index === undefined ? [] : coverage.rows.filter((row) => row.servedBy.includes(index));
				const coverers = coverBy(served, others, coverage.accountIds, (other) => facts[other]?.audience?.value ?? 0);
				if (served.length > 0 && coverers !== null) {
					const covered =
						served.length === 1
							? `Its one segment (${served[0].label}) is covered by ${joinWords(coverers.map(label))}`
							: `Its segments are all covered by ${joinWords(coverers.map(label))}`;
					const coveredPhrase =
						served.length === 1
							? phrase('reason.coveredOne', { segment: { categories: [categoryOfRow(served[0])] }, accounts: { accounts: coverers } })
							: phrase('reason.coveredAll', { accounts: { accounts: coverers } });
					return decide(
						'retire-dormant-covered',
						[silence, ...(followers ? [followers] : []), covered],
						[silencePhrase, ...(followersPhrase ? [followersPhrase] : []), coveredPhrase],
						'medium'
					);
				}
			}
			// 5. nothing to go on
			if (audience === null && !own?.hasPostData) {
				return decide('review-no-data', ['No follower numbers or post data imported yet'], [phrase('reason.noData')], 'low');
			}
			// 6. merge into a bigger, more active account on the same platform
			const target = mergeTarget(account, others);
			if (target) {
				const targetFacts = facts[target.id];
				const reasons = [
					`Same platform (${platformLabel(account.platform)}) as ${label(target.id)}, ${target.why}`,
					`${label(target.id)} has ${formatCount(targetFacts?.audience?.value ?? 0)} ${audienceNoun(byId.get(target.id)!)} against ${audience === null ? 'an unknown number' : formatCount(audience)}`
				];
				const reasonPhrases = [
					phrase(target.profile !== null ? 'reason.samePlatformProfile' : 'reason.samePlatformSegments', {
						platform: { platform: account.platform },
						account: { account: target.id },
						...(target.profile !== null ? { alike: { percent: target.profile } } : { segments: { texts: target.sharedTags } })
					}),
					phrase('reason.bigger', {
						account: { account: target.id },
						audience: { phrase: audiencePhrase(byId.get(target.id)!, targetFacts?.audience?.value ?? 0) },
						own: audience === null ? { phrase: phrase('audience.unknown') } : { count: audience }
					})
				];
				const targetRate = targetFacts?.postsPerWeek ?? null;
				if (targetRate !== null) {
					reasons.push(`It posts ${formatRate(targetRate)} times a week against ${formatRate(own?.postsPerWeek ?? 0)}`);
					reasonPhrases.push(phrase('reason.postsMore', { rate: { rate: targetRate }, own: { rate: own?.postsPerWeek ?? 0 } }));
				}
				return decide('merge-into-bigger', reasons, reasonPhrases, target.declaredOnly ? 'low' : 'medium', { mergeTargetId: target.id });
			}
			// 7. healthy
			const engagement = own?.engagement ?? null;
			if (
				days !== null &&
				days < settings.dormantDays &&
				audience !== null &&
				!isTiny(id) &&
				engagement &&
				(engagement.trend === 'up' || engagement.trend === 'flat')
			) {
				const trend =
					engagement.trend === 'flat'
						? 'steady'
						: `up ${formatPercent(engagement.relativeChange ?? 0)} on the previous 90 days`;
				const rate = own?.postsPerWeek ?? null;
				const recent =
					rate === null
						? phrase(days === 0 ? 'reason.lastPostToday' : 'reason.lastPostDays', undefined, days)
						: phrase(days === 0 ? 'reason.lastPostTodayRate' : 'reason.lastPostDaysRate', { rate: { rate } }, days);
				return decide(
					'keep-healthy',
					[
						`Last post ${days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} ago`}${own?.postsPerWeek != null ? `, ${formatRate(own.postsPerWeek)} posts a week` : ''}`,
						followers!,
						`Engagement rate ${formatPercent(engagement.rate)}, ${trend}`
					],
					[
						recent,
						followersPhrase!,
						engagement.trend === 'flat'
							? phrase('reason.engagementSteady', { rate: { percent: engagement.rate } })
							: phrase('reason.engagementUp', { rate: { percent: engagement.rate }, change: { percent: engagement.relativeChange ?? 0 } })
					],
					'medium'
				);
			}
			// 8. review
			const mixed: string[] = [];
			const mixedPhrases: Phrase[] = [];
			if (dormant) {
				mixed.push(silence);
				mixedPhrases.push(silencePhrase);
			}
			if (engagement?.trend === 'down') {
				mixed.push(`Engagement rate down ${formatPercent(Math.abs(engagement.relativeChange ?? 0))} on the previous 90 days`);
				mixedPhrases.push(phrase('reason.engagementDown', { change: { percent: Math.abs(engagement.relativeChange ?? 0) } }));
			} else if (!engagement || engagement.trend === 'unknown') {
				mixed.push('Engagement trend unknown');
				mixedPhrases.push(phrase('reason.engagementUnknown'));
			}
			if (isTiny(id) && followers && followersPhrase) {
				mixed.push(`Tiny audience (${followers})`);
				mixedPhrases.push(phrase('reason.tinyWith', { audience: { phrase: followersPhrase } }));
			}
			if (reach.status === 'estimated' && reach.uniqueShare) {
				mixed.push(`An estimated ${formatPercentRange(reach.uniqueShare)} of its audience is out of reach of the likely keepers`);
				mixedPhrases.push(phrase('reason.outOfReach', { range: { percentRange: reach.uniqueShare } }));
			}
			return mixed.length > 0
				? decide('review', mixed, mixedPhrases, 'low')
				: decide('review', ['No rule fits: decide by hand'], [phrase('reason.noRule')], 'low');
		})();
	}
	return result;

	function mergeTarget(
		account: BoardAccount,
		candidates: string[]
	): { id: string; why: string; declaredOnly: boolean; profile: number | null; sharedTags: string[] } | null {
		const own = facts[account.id];
		const ownAudience = own?.audience?.value ?? -1;
		const ownRate = own?.postsPerWeek ?? -1;
		const ownLast = own?.lastPostDay ?? -Infinity;
		const overlapPartners = new Map((flags.overlaps[account.id] ?? []).map((partner) => [partner.accountId, partner]));
		let best: { id: string; why: string; declaredOnly: boolean; profile: number | null; sharedTags: string[]; similarity: number; audience: number } | null =
			null;
		for (const candidateId of candidates) {
			const candidate = byId.get(candidateId);
			if (!candidate || candidate.platform !== account.platform) continue;
			const theirs = facts[candidateId];
			const theirAudience = theirs?.audience?.value;
			if (theirAudience === undefined || theirAudience <= ownAudience) continue;
			const theirRate = theirs?.postsPerWeek ?? -1;
			const moreActive = theirRate > ownRate || (theirRate === ownRate && (theirs?.lastPostDay ?? -Infinity) > ownLast);
			if (!moreActive) continue;
			const declared = overlapPartners.get(candidateId);
			const declaredSimilarity = declared?.similarity ?? 0;
			const profile = pairOverlap(reach, account.id, candidateId);
			const profileSimilarity = profile?.overlap.mid ?? 0;
			const declaredMatch = declaredSimilarity >= settings.overlapThreshold;
			const profileMatch = profileSimilarity >= settings.profileOverlapThreshold;
			if (!declaredMatch && !profileMatch) continue;
			const why = profileMatch
				? `with audiences about ${formatPercent(profileSimilarity)} alike`
				: `with overlapping segments (${joinWords(declared!.sharedTags)})`;
			const similarity = Math.max(declaredMatch ? declaredSimilarity : 0, profileMatch ? profileSimilarity : 0);
			if (!best || similarity > best.similarity || (similarity === best.similarity && theirAudience > best.audience)) {
				best = {
					id: candidateId,
					why,
					declaredOnly: !profileMatch,
					profile: profileMatch ? profileSimilarity : null,
					sharedTags: profileMatch ? [] : declared!.sharedTags,
					similarity,
					audience: theirAudience
				};
			}
		}
		return best && { id: best.id, why: best.why, declaredOnly: best.declaredOnly, profile: best.profile, sharedTags: best.sharedTags };
	}
}

/**
 * The fewest accounts (greedy) that together serve every given row; null when some row has no
 * other channel among the candidates.
 */
function coverBy(
	rows: readonly { servedBy: number[] }[],
	candidates: readonly string[],
	accountIds: readonly string[],
	audienceOf: (id: string) => number
): string[] | null {
	const candidateIndexes = new Set(candidates.map((id) => accountIds.indexOf(id)).filter((index) => index >= 0));
	let remaining = rows.map((row) => row.servedBy.filter((index) => candidateIndexes.has(index)));
	if (remaining.some((servers) => servers.length === 0)) return null;
	const chosen: string[] = [];
	while (remaining.length > 0) {
		const counts = new Map<number, number>();
		for (const servers of remaining) for (const index of servers) counts.set(index, (counts.get(index) ?? 0) + 1);
		const [pick] = [...counts.entries()].sort(
			(a, b) => b[1] - a[1] || audienceOf(accountIds[b[0]]) - audienceOf(accountIds[a[0]]) || a[0] - b[0]
		)[0];
		chosen.push(accountIds[pick]);
		remaining = remaining.filter((servers) => !servers.includes(pick));
	}
	return chosen;
}
