/**
 * The board's words in the active language: the phrases the board core hands over as data (reasons,
 * cautions, problems), flag sentences, the unique-reach answer, category names, and the words of the
 * plan export. Everything here reads the active language when called, so callers in markup or in
 * $derived follow a language switch.
 */
import {
	CHECKLIST_STEPS,
	type AccountFlag,
	type BoardAccount,
	type BoardColumn,
	type CategoryRef,
	type ChecklistStepId,
	type Phrase,
	type PhraseValue,
	type PlanWords,
	type ReachFamily,
	type Recommendation,
	type RuleId,
	type Suggestion,
	type TrendDirection,
	type UniqueReachEstimate
} from '$lib/domain/board';
import type { Range } from '$lib/domain/board';
import { currentLocale, t } from '$lib/i18n/i18n.svelte';
import { platformLabel, segmentLabel } from '$lib/i18n/labels';
import { formatCompact, formatCount, formatDay } from '$lib/state/format';

type LabelOf = (accountId: string) => string;

export const columnLabel = (column: BoardColumn): string => t(`board:column.${column}`);
export const suggestionLabel = (suggestion: Suggestion): string => t(`board:suggestion.${suggestion}`);
export const trendWord = (trend: TrendDirection): string => t(`board:trend.${trend}`);
export const familyLabel = (family: ReachFamily): string => t(`board:family.${family}`);
export const flagLabel = (code: AccountFlag['code']): string => t(`board:flag.${code}.label`);
export const ruleText = (rule: RuleId): string => t(`board:rule.${rule}`);

/**
 * Intl formatters by language and kind, made once: every card's figures are worded again when a card
 * moves, and making a formatter costs far more than using one.
 */
const intlCache = new Map<string, Intl.NumberFormat | Intl.ListFormat>();
function cachedIntl<T extends Intl.NumberFormat | Intl.ListFormat>(kind: string, make: (locale: string) => T): T {
	const locale = currentLocale();
	const key = `${locale}|${kind}`;
	let found = intlCache.get(key) as T | undefined;
	if (!found) intlCache.set(key, (found = make(locale)));
	return found;
}

/** 0.423 → "42%", 0.004 → "<1%": sentences round to whole percent. */
export function percentText(fraction: number): string {
	if (!Number.isFinite(fraction)) return '—';
	const format = cachedIntl('percent', (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
	if (fraction > 0 && fraction < 0.005) return `<${format.format(0.01)}`;
	return format.format(fraction);
}

/** "20%–35%", or "30%" when both ends round the same. */
export function percentRangeText(range: Pick<Range, 'low' | 'high'>): string {
	const low = Math.round(range.low * 100);
	const high = Math.round(range.high * 100);
	return low === high ? percentText(low / 100) : `${percentText(low / 100)}–${percentText(high / 100)}`;
}

export function countRangeText(range: Pick<Range, 'low' | 'high'>): string {
	const low = formatCompact(range.low);
	const high = formatCompact(range.high);
	return low === high ? low : `${low}–${high}`;
}

/** Posts per week and other small rates: 2.345 → "2.3", 0.04 → "0.04". */
export function rateText(value: number): string {
	const digits = value !== 0 && Math.abs(value) < 0.1 ? 2 : 1;
	return cachedIntl(`rate${digits}`, (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value);
}

/** "a, b and c" in the active language; past `max` items, the rest are "N more". */
export function listText(items: readonly string[], max = 4): string {
	const shown = items.length > max ? [...items.slice(0, max), t('board:phrase.more', { count: items.length - max, more: formatCount(items.length - max) })] : [...items];
	return cachedIntl('list', (locale) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(shown);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
function displayName(type: 'region' | 'language', code: string): string | null {
	const key = `${currentLocale()}|${type}`;
	if (!displayNames.has(key)) {
		try {
			displayNames.set(key, new Intl.DisplayNames([currentLocale()], { type }));
		} catch {
			displayNames.set(key, null);
		}
	}
	try {
		const name = displayNames.get(key)?.of(code);
		return name && name !== code ? name : null;
	} catch {
		return null;
	}
}

/**
 * A category's name in the active language: countries and languages the core knows by ISO code are
 * named by Intl; declared segments are shown as someone typed them.
 */
export function categoryName(category: Pick<CategoryRef, 'family' | 'key' | 'label'>): string {
	if (category.family === 'geography' && /^[A-Z]{2}$/.test(category.key)) return displayName('region', category.key) ?? category.label;
	if (category.family === 'language' && /^[a-z]{2}$/.test(category.key)) return displayName('language', category.key) ?? category.label;
	if (category.family === 'segment') return segmentLabel(category.label);
	return category.label;
}

function valueText(value: PhraseValue, labelOf: LabelOf): string {
	if ('text' in value) return value.text;
	if ('count' in value) return formatCompact(value.count);
	if ('percent' in value) return percentText(value.percent);
	if ('percentRange' in value) return percentRangeText(value.percentRange);
	if ('countRange' in value) return countRangeText(value.countRange);
	if ('rate' in value) return rateText(value.rate);
	if ('day' in value) return formatDay(value.day);
	if ('account' in value) return labelOf(value.account);
	if ('accounts' in value) return listText(value.accounts.map(labelOf));
	if ('texts' in value) return listText(value.texts);
	if ('categories' in value) return listText(value.categories.map(categoryName));
	if ('platform' in value) return platformLabel(value.platform);
	return phraseText(value.phrase, labelOf);
}

/** A phrase of the board core in the active language; phrase.test.ts checks every code has a message. */
export function phraseText(phrase: Phrase, labelOf: LabelOf): string {
	const values: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(phrase.values ?? {})) values[name] = valueText(value, labelOf);
	if (phrase.count !== undefined) {
		values.count = phrase.count;
		values.number = formatCount(phrase.count);
	}
	return t(`board:phrase.${phrase.code}`, values);
}

/** "Retire: no post for 14 months, 540 followers" in the active language. */
export function recommendationText(recommendation: Recommendation, labelOf: LabelOf): string {
	const head = recommendation.mergeTargetId
		? t('board:suggestion.into', { suggestion: suggestionLabel(recommendation.suggestion), target: labelOf(recommendation.mergeTargetId) })
		: suggestionLabel(recommendation.suggestion);
	// "No post for…" → "no post for…" after the colon, leaving "@Handle" and "LinkedIn…" alone (as the core does)
	const lowerFirst = (text: string) =>
		/^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
	const reasons = recommendation.reasonPhrases.map((one) => lowerFirst(phraseText(one, labelOf)));
	return reasons.length === 0 ? head : t('board:suggestion.sentence', { head, reasons: reasons.join(t('common:listSeparator')) });
}

/** The sentence a flag badge carries for screen readers and as its tooltip. */
export function flagText(flag: AccountFlag, account: Pick<BoardAccount, 'platform'>, labelOf: LabelOf): string {
	switch (flag.code) {
		case 'dormant': {
			if (flag.lastPostDay === null || flag.daysSinceLastPost === null) {
				return flag.postDataUntil == null
					? t('board:flag.dormant.noPost')
					: t('board:flag.dormant.noPostUntil', { until: formatDay(flag.postDataUntil) });
			}
			const span =
				flag.daysSinceLastPost < 120 || flag.monthsSinceLastPost === null
					? t('board:phrase.span.days', { count: flag.daysSinceLastPost, number: formatCount(flag.daysSinceLastPost) })
					: t('board:phrase.span.months', { count: flag.monthsSinceLastPost, number: formatCount(flag.monthsSinceLastPost) });
			return t('board:flag.dormant.text', { span, last: formatDay(flag.lastPostDay) });
		}
		case 'no-post-data':
			return t('board:flag.no-post-data.text');
		case 'no-owner':
			return flag.hasAdmins ? t('board:flag.no-owner.admins', { admins: listText(flag.admins) }) : t('board:flag.no-owner.text');
		case 'no-audience-data':
			return t('board:flag.no-audience-data.text');
		case 'tiny-audience':
			return flag.portfolioShare === null
				? t('board:flag.tiny-audience.text', { count: flag.audience, audience: formatCount(flag.audience) })
				: t('board:flag.tiny-audience.share', { count: flag.audience, audience: formatCount(flag.audience), share: percentText(flag.portfolioShare) });
		case 'duplicate-content': {
			const [top, ...others] = flag.partners;
			const values = {
				account: labelOf(top.accountId),
				posts: t('board:phrase.posts', { count: top.sharedTexts, number: formatCount(top.sharedTexts) })
			};
			return others.length === 0
				? t('board:flag.duplicate-content.text', values)
				: t('board:flag.duplicate-content.others', { ...values, count: others.length, number: formatCount(others.length) });
		}
		case 'overlap': {
			const [top, ...others] = flag.partners;
			let text =
				top.similarity !== null && top.sharedTags.length > 0
					? t('board:flag.overlap.audience', { account: labelOf(top.accountId), shared: listText(top.sharedTags) })
					: t('board:flag.overlap.purpose', { account: labelOf(top.accountId), shared: listText(top.sharedPurposeWords) });
			if (top.samePlatform) text = t('board:flag.overlap.samePlatform', { text, platform: platformLabel(account.platform) });
			return others.length === 0 ? text : t('board:flag.overlap.more', { text, count: others.length, number: formatCount(others.length) });
		}
	}
}

/** The card's answer to "what does this account reach that the accounts in Keep do not?". */
export function reachAnswerText(estimate: UniqueReachEstimate, name: string): string {
	if (estimate.status === 'nothing-kept') return t('board:reach.nothingKept', { name });
	if (estimate.status === 'no-data' || !estimate.uniqueShare) return t('board:reach.noData', { name });
	const range = percentRangeText(estimate.uniqueShare);
	const share = estimate.uniqueAudience
		? t('board:reach.shareWithPeople', { range, people: countRangeText(estimate.uniqueAudience) })
		: t('board:reach.share', { range });
	const named = estimate.topUniqueSegments.slice(0, 3).map((segment) =>
		segment.source === 'declared'
			? t('board:reach.segmentDeclared', { segment: categoryName(segment) })
			: t('board:reach.segmentMeasured', { segment: categoryName(segment), share: percentText(segment.uncovered) })
	);
	if (named.length === 0) return t('board:reach.little', { name, share });
	return t('board:reach.reaches', { name, segments: listText(named), share });
}

/** The plan export's words in the active language (the Markdown document and the CSV). */
export function planWords(labelOf: LabelOf = (id) => id): PlanWords {
	const stepTitles = Object.fromEntries(CHECKLIST_STEPS.map((step) => [step.id, t(`board:export.step.${step.id}.title`)])) as Record<ChecklistStepId, string>;
	return {
		column: columnLabel,
		platform: platformLabel,
		count: formatCount,
		countRange: countRangeText,
		rate: rateText,
		day: formatDay,
		list: (items) => listText(items, items.length),
		csvHeader: (column) => t(`board:export.csv.${column}`),
		stepTitle: (step) => stepTitles[step],
		stepDetail: (step, context) => {
			const holders = [
				context.owner ? t('board:export.holders.owner', { owner: context.owner }) : t('board:export.noOwner'),
				...(context.admins.length > 0 ? [t('board:export.holders.admins', { admins: listText(context.admins, 6) })] : [])
			].join(t('common:listSeparator'));
			const there = context.there ?? t('board:export.thereUnknown');
			const values = { name: context.name, there, holders };
			switch (step) {
				case 'announce':
					return context.column === 'merge'
						? t('board:export.step.announce.merge', values)
						: context.there
							? t('board:export.step.announce.retireTo', values)
							: t('board:export.step.announce.retire', values);
				case 'bio-link':
					return t('board:export.step.bio-link.detail', values);
				case 'credentials':
					return t('board:export.step.credentials.detail', values);
				case 'archive':
					return t('board:export.step.archive.detail', values);
				case 'close':
					return context.column === 'merge' ? t('board:export.step.close.merge', values) : t('board:export.step.close.retire', values);
			}
		},
		suggestion: (recommendation) => recommendationText(recommendation, labelOf),
		problems: (summary) => summary.problemPhrases.map((one) => phraseText(one, labelOf)),
		title: t('board:export.title'),
		intro: (today) => t('board:export.intro', { date: formatDay(today) }),
		summaryHeading: t('board:export.summaryHeading'),
		before: t('board:export.before'),
		after: t('board:export.after'),
		summaryRow: (row) => t(`board:export.row.${row}`),
		decisionsLine: (counts) =>
			t('board:export.decisionsLine', {
				keep: formatCount(counts.keep),
				merge: formatCount(counts.merge),
				retire: formatCount(counts.retire),
				undecided: formatCount(counts.undecided)
			}),
		platformsLine: (after, dropped) => {
			const list = after.length > 0 ? listText(after, after.length) : t('board:export.none');
			return dropped.length > 0
				? t('board:export.platformsDropped', { after: list, dropped: listText(dropped, dropped.length) })
				: t('board:export.platforms', { after: list });
		},
		atRiskLine: (range) => t('board:export.atRisk', { range }),
		migratingLine: (count, unique) => t('board:export.migrating', { audience: count, unique }),
		unknownSizeLine: (count) => t('board:export.unknownSize', { count, number: formatCount(count) }),
		segmentsLostLine: (segments) => t('board:export.segmentsLost', { segments: listText(segments, segments.length) }),
		segmentLost: (segment) => t('board:export.segmentLost', { segment: categoryName(segment), family: familyLabel(segment.family) }),
		ownersLine: (owners) => t('board:export.owners', { owners: listText(owners, owners.length) }),
		ownerGroup: (owner, count) => t('board:export.ownerGroup', { owner, count, number: formatCount(count) }),
		noOwner: t('board:export.noOwner'),
		toFix: (problem) => t('board:export.toFix', { problem }),
		decisionsHeading: t('board:export.decisionsHeading'),
		decisionsHeaders: [
			t('board:export.csv.account'),
			t('board:export.csv.platform'),
			t('board:export.csv.owner'),
			t('board:export.csv.decision'),
			t('board:export.csv.mergeTarget'),
			t('board:export.csv.rationale')
		],
		checklistsHeading: t('board:export.checklistsHeading'),
		checklistHeading: (name, platform, column, target) =>
			target ? t('board:export.checklistHeadingInto', { name, platform, column, target }) : t('board:export.checklistHeading', { name, platform, column }),
		ownerLine: (owner) => t('board:export.ownerLine', { owner }),
		addressLine: (url) => t('board:export.addressLine', { url }),
		rationaleLine: (rationale) => t('board:export.rationaleLine', { rationale: rationale ?? t('board:export.noRationale') }),
		suggestedLine: (suggested) => t('board:export.suggestedLine', { suggested }),
		checklistItem: (title, detail) => t('board:export.checklistItem', { title, detail }),
		methodHeading: t('board:method.heading'),
		method: t('board:method.text')
	};
}
