/**
 * Health and redundancy flags on the account cards: dormant, no owner, tiny audience, duplicate
 * content across accounts, and accounts that declare the same audience or purpose. Each flag carries
 * a code, a severity and one plain sentence; the evidence rides along for the card's details.
 */
import { isoFromDay, type DayNumber } from '../days';
import { categoryOf, plainKey } from './categories';
import type { AccountFacts } from './facts';
import { accountLabel, formatCount, formatMonths, formatPercent, joinWords, platformLabel } from './format';
import type { AccountInput, BoardAccount, BoardPost } from './types';

export type FlagSeverity = 'info' | 'warning' | 'critical';

export type FlagCode =
	| 'dormant'
	| 'no-post-data'
	| 'no-owner'
	| 'tiny-audience'
	| 'no-audience-data'
	| 'duplicate-content'
	| 'overlap';

interface FlagBase {
	severity: FlagSeverity;
	/** One plain sentence for the card. */
	message: string;
}

export interface DuplicateExample {
	/** The post text as the first account published it. */
	text: string;
	postIdA: string;
	postIdB: string;
	dayA: DayNumber | null;
	dayB: DayNumber | null;
}

export interface DuplicatePair {
	a: string;
	b: string;
	/** Distinct normalised texts both accounts published. */
	sharedTexts: number;
	examples: DuplicateExample[];
}

export interface OverlapPartner {
	accountId: string;
	/** Jaccard similarity of declared segments, product lines, regions and languages; null if either declares none. */
	similarity: number | null;
	sharedTags: string[];
	/** Jaccard similarity of the words in the two purpose statements; null if either is too short. */
	purposeSimilarity: number | null;
	sharedPurposeWords: string[];
	samePlatform: boolean;
}

export type AccountFlag =
	| (FlagBase & {
			code: 'dormant';
			lastPostDay: DayNumber | null;
			daysSinceLastPost: number | null;
			monthsSinceLastPost: number | null;
			/** Without a last post: the last day the post data covers. */
			postDataUntil?: DayNumber | null;
	  })
	| (FlagBase & { code: 'no-post-data' })
	| (FlagBase & { code: 'no-owner'; hasAdmins: boolean; admins: string[] })
	| (FlagBase & { code: 'tiny-audience'; audience: number; portfolioShare: number | null })
	| (FlagBase & { code: 'no-audience-data' })
	| (FlagBase & { code: 'duplicate-content'; partners: (Omit<DuplicatePair, 'a' | 'b'> & { accountId: string })[] })
	| (FlagBase & { code: 'overlap'; partners: OverlapPartner[] });

export interface FlagOptions {
	/** Dormant after this many days without a post (default 90). */
	dormantDays?: number;
	/** Dormant becomes critical after this many days (default 365). */
	longDormantDays?: number;
	/** Tiny: an audience below this many… (default 1000) */
	tinyAudience?: number;
	/** …and below this share of the portfolio's audience (default 0.02). */
	tinyShare?: number;
	/** Shorter normalised texts ("Happy holidays!") are too generic to call duplicates (default 40). */
	minDuplicateLength?: number;
	/** Declared-tag Jaccard similarity from which two accounts overlap (default 0.5). */
	overlapThreshold?: number;
	/** Purpose-word Jaccard similarity from which two accounts overlap (default 0.5). */
	purposeOverlapThreshold?: number;
}

export const DEFAULT_FLAG_OPTIONS: Required<FlagOptions> = {
	dormantDays: 90,
	longDormantDays: 365,
	tinyAudience: 1000,
	tinyShare: 0.02,
	minDuplicateLength: 40,
	overlapThreshold: 0.5,
	purposeOverlapThreshold: 0.5
};

const URL_PATTERN = /(?:https?:\/\/|www\.)\S+/g;
const NON_ASCII = /[\u0080-\uffff]/;
// runs of whitespace, or a single whitespace that is not a plain space: replacing every single
// space with itself would cost a third of the time on 300,000 posts
const UNTIDY_SPACE = /\s\s+|[^\S ]/g;

/**
 * The text two cross-posted posts share: case, links (each platform shortens them differently) and
 * spacing removed. NFKC folds full-width and styled letters that some tools paste in.
 */
export function normalizePostText(text: string): string {
	let normal = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
	normal = normal.toLowerCase();
	if (normal.includes('http') || normal.includes('www.')) normal = normal.replace(URL_PATTERN, ' ');
	return normal.replace(UNTIDY_SPACE, ' ').trim();
}

interface Occurrence {
	account: number;
	post: BoardPost;
}

/**
 * Pairs of accounts that published the same text. One pass with a hash map keyed by the normalised
 * text, so 300,000 posts take well under a second; no pairwise comparison of posts.
 */
export function findDuplicateContent(
	postsByAccount: readonly { accountId: string; posts: readonly BoardPost[] }[],
	options: Pick<FlagOptions, 'minDuplicateLength'> & { examplesPerPair?: number } = {}
): DuplicatePair[] {
	const minimum = options.minDuplicateLength ?? DEFAULT_FLAG_OPTIONS.minDuplicateLength;
	const maxExamples = options.examplesPerPair ?? 3;
	// most texts appear once: keep a single occurrence until a second account shows up
	const seen = new Map<string, Occurrence | Occurrence[]>();
	postsByAccount.forEach(({ posts }, account) => {
		for (const post of posts) {
			if (post.text.length < minimum) continue;
			const key = normalizePostText(post.text);
			if (key.length < minimum) continue;
			const existing = seen.get(key);
			if (existing === undefined) seen.set(key, { account, post });
			else if (Array.isArray(existing)) {
				if (!existing.some((one) => one.account === account)) existing.push({ account, post });
			} else if (existing.account !== account) seen.set(key, [existing, { account, post }]);
		}
	});
	const pairs = new Map<string, DuplicatePair>();
	for (const occurrences of seen.values()) {
		if (!Array.isArray(occurrences)) continue;
		const sorted = [...occurrences].sort((x, y) => x.account - y.account);
		for (let i = 0; i < sorted.length; i++) {
			for (let j = i + 1; j < sorted.length; j++) {
				const first = sorted[i];
				const second = sorted[j];
				const pairKey = `${first.account}|${second.account}`;
				let pair = pairs.get(pairKey);
				if (!pair) {
					pair = { a: postsByAccount[first.account].accountId, b: postsByAccount[second.account].accountId, sharedTexts: 0, examples: [] };
					pairs.set(pairKey, pair);
				}
				pair.sharedTexts++;
				if (pair.examples.length < maxExamples) {
					pair.examples.push({
						text: first.post.text.trim(),
						postIdA: first.post.postId,
						postIdB: second.post.postId,
						dayA: first.post.day,
						dayB: second.post.day
					});
				}
			}
		}
	}
	return [...pairs.values()].sort((x, y) => y.sharedTexts - x.sharedTexts || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

interface DeclaredTags {
	tags: Map<string, string>;
	purposeWords: Set<string>;
}

const STOP_WORDS = new Set(
	'the and for with from that this our your their about into over under all are was were has have had not but you its via per news updates update account page channel official company team'.split(
		' '
	)
);

function declaredTags(account: BoardAccount): DeclaredTags {
	const tags = new Map<string, string>();
	const add = (prefix: string, value: string, key: string) => {
		if (key) tags.set(`${prefix}:${key}`, value.trim());
	};
	for (const value of account.segments) add('segment', value, plainKey(value));
	for (const value of account.productLines) add('product', value, plainKey(value));
	for (const value of account.regions) add('region', value, categoryOf('geography', value).key);
	for (const value of account.languages) add('language', value, categoryOf('language', value).key);
	const purposeWords = new Set(
		plainKey(account.purpose ?? '')
			.split(/[^\p{L}\p{N}]+/u)
			.filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
	);
	return { tags, purposeWords };
}

function jaccard(a: Set<string> | Map<string, string>, b: Set<string> | Map<string, string>): { value: number; shared: string[] } {
	const shared: string[] = [];
	for (const key of a.keys()) if (b.has(key)) shared.push(key);
	const union = a.size + b.size - shared.length;
	return { value: union === 0 ? 0 : shared.length / union, shared };
}

// a two-word purpose shares words by accident
const MIN_PURPOSE_WORDS = 3;

/** How two accounts' declared audiences and purposes overlap. */
export function declaredOverlap(a: BoardAccount, b: BoardAccount): OverlapPartner {
	return overlapOfTags(a, declaredTags(a), b, declaredTags(b));
}

function overlapOfTags(a: BoardAccount, first: DeclaredTags, b: BoardAccount, second: DeclaredTags): OverlapPartner {
	const tags = jaccard(first.tags, second.tags);
	const purposeComparable = first.purposeWords.size >= MIN_PURPOSE_WORDS && second.purposeWords.size >= MIN_PURPOSE_WORDS;
	const purpose = jaccard(first.purposeWords, second.purposeWords);
	return {
		accountId: b.id,
		similarity: first.tags.size > 0 && second.tags.size > 0 ? tags.value : null,
		sharedTags: tags.shared.map((key) => first.tags.get(key) ?? key),
		purposeSimilarity: purposeComparable ? purpose.value : null,
		sharedPurposeWords: purposeComparable ? purpose.shared : [],
		samePlatform: a.platform === b.platform
	};
}

/** Every pair of accounts whose declared tags or purposes overlap at or above the thresholds. */
export function findDeclaredOverlaps(
	accounts: readonly BoardAccount[],
	options: Pick<FlagOptions, 'overlapThreshold' | 'purposeOverlapThreshold'> = {}
): Record<string, OverlapPartner[]> {
	const threshold = options.overlapThreshold ?? DEFAULT_FLAG_OPTIONS.overlapThreshold;
	const purposeThreshold = options.purposeOverlapThreshold ?? DEFAULT_FLAG_OPTIONS.purposeOverlapThreshold;
	const result: Record<string, OverlapPartner[]> = Object.fromEntries(accounts.map((account) => [account.id, []]));
	const tags = accounts.map(declaredTags);
	for (let i = 0; i < accounts.length; i++) {
		for (let j = i + 1; j < accounts.length; j++) {
			const forward = overlapOfTags(accounts[i], tags[i], accounts[j], tags[j]);
			const overlaps =
				(forward.similarity !== null && forward.similarity >= threshold) ||
				(forward.purposeSimilarity !== null && forward.purposeSimilarity >= purposeThreshold);
			if (!overlaps) continue;
			result[accounts[i].id].push(forward);
			result[accounts[j].id].push(overlapOfTags(accounts[j], tags[j], accounts[i], tags[i]));
		}
	}
	for (const partners of Object.values(result)) {
		partners.sort(
			(x, y) => Number(y.samePlatform) - Number(x.samePlatform) || (y.similarity ?? 0) - (x.similarity ?? 0) || x.accountId.localeCompare(y.accountId)
		);
	}
	return result;
}

const NO_OWNER = new Set(['', '-', '—', '?', 'n/a', 'na', 'none', 'nobody', 'unknown', 'tbd', 'tba', 'vacant', 'unassigned', 'no owner']);

export function hasOwner(account: Pick<BoardAccount, 'owner'>): boolean {
	return !NO_OWNER.has(plainKey(account.owner ?? ''));
}

export interface FlagReport {
	byAccount: Record<string, AccountFlag[]>;
	duplicatePairs: DuplicatePair[];
	overlaps: Record<string, OverlapPartner[]>;
}

const SEVERITY_ORDER: Record<FlagSeverity, number> = { critical: 0, warning: 1, info: 2 };

export function portfolioFlags(
	inputs: readonly AccountInput[],
	facts: Readonly<Record<string, AccountFacts | undefined>>,
	options: FlagOptions = {}
): FlagReport {
	const settings = { ...DEFAULT_FLAG_OPTIONS, ...options };
	const accounts = inputs.map((input) => input.account);
	const byId = new Map(accounts.map((account) => [account.id, account]));
	const label = (id: string) => {
		const account = byId.get(id);
		return account ? accountLabel(account) : id;
	};
	let totalAudience = 0;
	for (const account of accounts) totalAudience += Math.max(0, facts[account.id]?.audience?.value ?? 0);

	const duplicatePairs = findDuplicateContent(
		inputs.map((input) => ({ accountId: input.account.id, posts: input.posts })),
		settings
	);
	const overlaps = findDeclaredOverlaps(accounts, settings);
	const byAccount: Record<string, AccountFlag[]> = {};

	for (const account of accounts) {
		const flags: AccountFlag[] = [];
		const own = facts[account.id];
		if (own) flags.push(...activityFlags(own, settings));
		if (!hasOwner(account)) {
			const admins = account.admins.filter((admin) => admin.trim() !== '');
			const hasAdmins = admins.length > 0;
			flags.push({
				code: 'no-owner',
				severity: 'warning',
				hasAdmins,
				admins,
				message: hasAdmins
					? `No owner on record (admins: ${joinWords(account.admins.filter((admin) => admin.trim() !== ''))}).`
					: 'No owner and no admins on record: nobody is known to hold the login.'
			});
		}
		const audience = own?.audience?.value;
		if (audience === undefined) {
			flags.push({ code: 'no-audience-data', severity: 'info', message: 'No follower numbers imported: audience size unknown.' });
		} else {
			const share = totalAudience > 0 ? Math.max(0, audience) / totalAudience : null;
			if (audience < settings.tinyAudience && (share === null || share < settings.tinyShare)) {
				flags.push({
					code: 'tiny-audience',
					severity: 'info',
					audience,
					portfolioShare: share,
					message: `Tiny audience: ${formatCount(audience)} followers${share === null ? '' : `, ${formatPercent(share)} of the portfolio's audience`}.`
				});
			}
		}
		const duplicates = duplicatePairs
			.filter((pair) => pair.a === account.id || pair.b === account.id)
			.map((pair) => ({
				accountId: pair.a === account.id ? pair.b : pair.a,
				sharedTexts: pair.sharedTexts,
				examples: pair.a === account.id ? pair.examples : pair.examples.map(swapExample)
			}));
		if (duplicates.length > 0) {
			const top = duplicates[0];
			const others = duplicates.length - 1;
			flags.push({
				code: 'duplicate-content',
				severity: 'warning',
				partners: duplicates,
				message: `Publishes the same text as ${label(top.accountId)} (${top.sharedTexts} ${top.sharedTexts === 1 ? 'post' : 'posts'})${others > 0 ? ` and ${others} other ${others === 1 ? 'account' : 'accounts'}` : ''}.`
			});
		}
		const partners = overlaps[account.id] ?? [];
		if (partners.length > 0) {
			const top = partners[0];
			const what =
				top.similarity !== null && top.sharedTags.length > 0
					? `declares the same audience as ${label(top.accountId)} (${joinWords(top.sharedTags)})`
					: `has the same purpose as ${label(top.accountId)} (${joinWords(top.sharedPurposeWords)})`;
			const others = partners.length - 1;
			flags.push({
				code: 'overlap',
				severity: top.samePlatform ? 'warning' : 'info',
				partners,
				message: `${capitalize(what)}${top.samePlatform ? `, also on ${platformLabel(account.platform)}` : ''}${others > 0 ? `; overlaps ${others} more` : ''}.`
			});
		}
		byAccount[account.id] = flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
	}
	return { byAccount, duplicatePairs, overlaps };
}

function activityFlags(facts: AccountFacts, settings: Required<FlagOptions>): AccountFlag[] {
	if (!facts.hasPostData) {
		return [{ code: 'no-post-data', severity: 'info', message: 'No post data imported: cannot tell whether the account is active.' }];
	}
	const { lastPostDay, daysSinceLastPost, monthsSinceLastPost } = facts;
	if (lastPostDay === null || daysSinceLastPost === null) {
		const until = facts.postDataUntil === null ? '' : ` (the data reaches ${isoFromDay(facts.postDataUntil)})`;
		return [
			{
				code: 'dormant',
				severity: 'warning',
				lastPostDay: null,
				daysSinceLastPost: null,
				monthsSinceLastPost: null,
				postDataUntil: facts.postDataUntil,
				message: `No post in the imported data${until}.`
			}
		];
	}
	if (daysSinceLastPost < settings.dormantDays) return [];
	const span = daysSinceLastPost < 120 || monthsSinceLastPost === null ? `${daysSinceLastPost} days` : formatMonths(monthsSinceLastPost);
	return [
		{
			code: 'dormant',
			severity: daysSinceLastPost >= settings.longDormantDays ? 'critical' : 'warning',
			lastPostDay,
			daysSinceLastPost,
			monthsSinceLastPost,
			message: `Dormant: no post for ${span} (last on ${isoFromDay(lastPostDay)}).`
		}
	];
}

function swapExample(example: DuplicateExample): DuplicateExample {
	return { text: example.text, postIdA: example.postIdB, postIdB: example.postIdA, dayA: example.dayB, dayB: example.dayA };
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
