/**
 * Topics of posts: hashtags, user-defined keywords, and a small rules engine that tags posts as
 * "story", "product" or any topic (keyword, hashtag or post-type rules; manual tags override), plus
 * counts per month and median performance per topic.
 *
 * Matching is Unicode-aware: hashtags may be written in any script (#春节快乐, #Café), full-width
 * characters are folded (＃ＡＩ = #ai), and keywords match whole words in scripts that separate
 * words with spaces but anywhere in scripts that do not (Chinese, Japanese, Thai, Korean).
 * Patterns are plain text, never regular expressions: user patterns cannot break or hang matching.
 */
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import { firstDayOfMonthSerial, monthSerialOfDay } from './calendar';
import { median, postDay } from './cadence';
import { postMetricValue } from './engagement';
import { bucketKey } from './grain';
import { numberExtent, type AnalyticsPost, type DayRange } from './types';

/** Case-folded, width-folded form used for every comparison. */
export function foldText(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

// Not after a letter, digit, `_`, `&` (HTML entities like &#39;) or `/` (URL fragments like /#top).
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&/])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
// Weibo writes topics between two hashes: #话题# — spaces allowed inside, no line breaks.
const PAIRED_HASHTAG = /[#＃]([^#＃\n]{1,64})[#＃]/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Hashtags in a text, case-folded and without the `#`, each once, in order of appearance. A tag
 * needs at least one letter (#2024 is a number, not a topic). `pairedHashes` reads Weibo's
 * `#topic#` form first.
 */
export function extractHashtags(text: string, options: { pairedHashes?: boolean } = {}): string[] {
	const found: string[] = [];
	const seen = new Set<string>();
	const add = (raw: string) => {
		const tag = foldText(raw.trim());
		if (tag && HAS_LETTER.test(tag) && !seen.has(tag)) {
			seen.add(tag);
			found.push(tag);
		}
	};
	let rest = text;
	if (options.pairedHashes) {
		rest = text.replace(PAIRED_HASHTAG, (_, inner: string) => {
			add(inner);
			return ' ';
		});
	}
	for (const match of rest.matchAll(HASHTAG)) add(match[1]);
	return found;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether `char` next to a match means the match is only part of a word. */
function joinsWord(edge: string, neighbour: string | undefined): boolean {
	if (neighbour === undefined || !WORD_CHAR.test(neighbour)) return false;
	if (!WORD_CHAR.test(edge)) return false;
	return !NO_SPACE_SCRIPT.test(edge) && !NO_SPACE_SCRIPT.test(neighbour);
}

/**
 * Whether `text` contains `keyword` as a whole word (or anywhere, in scripts written without spaces).
 * Case-insensitive unless `caseSensitive`; full-width forms always fold.
 */
export function containsKeyword(text: string, keyword: string, caseSensitive = false): boolean {
	const haystack = caseSensitive ? text.normalize('NFKC') : foldText(text);
	const needle = (caseSensitive ? keyword.normalize('NFKC') : foldText(keyword)).trim();
	if (!needle) return false;
	const chars = [...needle];
	const first = chars[0];
	const last = chars[chars.length - 1];
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
		// whole code points on both sides (an emoji or a rare CJK character is two UTF-16 units)
		const before = Array.from(haystack.slice(Math.max(0, at - 2), at)).pop();
		const end = at + needle.length;
		const after = end < haystack.length ? String.fromCodePoint(haystack.codePointAt(end)!) : undefined;
		if (!joinsWord(first, before) && !joinsWord(last, after)) return true;
	}
	return false;
}

/** Keywords (of `keywords`) found in `text`. */
export function matchKeywords(text: string, keywords: readonly string[], caseSensitive = false): string[] {
	return keywords.filter((keyword) => containsKeyword(text, keyword, caseSensitive));
}

export type TagRuleKind = 'keyword' | 'hashtag' | 'postType';

export interface TagRule {
	id: string;
	/** 'story', 'product', or any topic name: the tag a matching post gets. */
	label: string;
	kind: TagRuleKind;
	/** Plain text; several alternatives separated by commas: `launch, release, new feature`. */
	pattern: string;
	/** Keywords and post types only: hashtags are always compared case-folded. */
	caseSensitive?: boolean;
}

/** The rule's alternatives: separated by commas, including the full-width comma and 、 that Chinese typing gives. */
export function patternAlternatives(pattern: string): string[] {
	return pattern
		.split(/[,，、]/)
		.map((part) => part.trim())
		.filter((part) => part.length > 0);
}

/**
 * What is wrong with a rule, or null when it can be used: no tag name, nothing to look for, or a
 * hashtag without a letter (which could never match). A code: the UI words it in the active language.
 */
export type TagRuleProblem = 'missingLabel' | 'missingPattern' | 'hashtagWithoutLetter';

export function checkTagRule(rule: TagRule): TagRuleProblem | null {
	if (!rule.label.trim()) return 'missingLabel';
	const alternatives = patternAlternatives(rule.pattern);
	if (alternatives.length === 0) return 'missingPattern';
	if (rule.kind === 'hashtag' && alternatives.some((alt) => !HAS_LETTER.test(alt))) return 'hashtagWithoutLetter';
	return null;
}

export type TaggablePost = Pick<AnalyticsPost, 'text' | 'type'>;

export function ruleMatches(rule: TagRule, post: TaggablePost, hashtags: readonly string[] = extractHashtags(post.text)): boolean {
	if (checkTagRule(rule) !== null) return false;
	const alternatives = patternAlternatives(rule.pattern);
	switch (rule.kind) {
		case 'keyword':
			return alternatives.some((keyword) => containsKeyword(post.text, keyword, rule.caseSensitive));
		case 'hashtag': {
			const wanted = alternatives.map((alt) => foldText(alt).replace(/^[#＃]/, ''));
			return wanted.some((tag) => hashtags.includes(tag));
		}
		case 'postType': {
			if (!post.type) return false;
			const type = rule.caseSensitive ? post.type.trim() : foldText(post.type.trim());
			return alternatives.some((alt) => (rule.caseSensitive ? alt : foldText(alt)) === type);
		}
	}
}

export interface PostTagging {
	tags: string[];
	source: 'manual' | 'rules';
	/** Rules that match, whether or not manual tags override them (for "rules would say …"). */
	matchedRuleIds: string[];
	/** Tags the rules give. */
	ruleTags: string[];
}

/**
 * A post's tags: the labels of the rules it matches (each once, in rule order) — unless the post has
 * manual tags, which replace them entirely (an empty manual list means "no tags", on purpose).
 */
export function tagPost(
	post: TaggablePost,
	rules: readonly TagRule[],
	manualTags?: readonly string[] | null,
	options: { pairedHashes?: boolean } = {}
): PostTagging {
	const hashtags = extractHashtags(post.text, options);
	const matchedRuleIds: string[] = [];
	const ruleTags: string[] = [];
	for (const rule of rules) {
		if (!ruleMatches(rule, post, hashtags)) continue;
		matchedRuleIds.push(rule.id);
		const label = rule.label.trim();
		if (!ruleTags.includes(label)) ruleTags.push(label);
	}
	if (manualTags !== undefined && manualTags !== null) {
		const tags = [...new Set(manualTags.map((tag) => tag.trim()).filter(Boolean))];
		return { tags, source: 'manual', matchedRuleIds, ruleTags };
	}
	return { tags: ruleTags, source: 'rules', matchedRuleIds, ruleTags };
}

export interface TopicStat {
	topic: string;
	posts: number;
	/** Posts per month, aligned with TopicStats.months. */
	byMonth: number[];
	/** Median of the metric per post; null when no post of the topic has it. */
	medianPerformance: number | null;
	/** Posts of the topic that have the metric. */
	n: number;
}

export interface TopicStats {
	metric: MetricKey;
	/** `YYYY-MM` keys from the first to the last month with a dated post. */
	months: string[];
	monthStarts: DayNumber[];
	topics: TopicStat[];
}

/**
 * Per topic: how many posts, how many each month, and the median `metric` per post (default
 * engagements). Topics come from `topicsOf` — hashtags, keyword matches or rule tags. Only dated
 * posts (inside `range`, when given) count. Most-used topics first.
 */
export function topicStats<P extends AnalyticsPost>(
	posts: readonly P[],
	topicsOf: (post: P) => readonly string[],
	options: { metric?: MetricKey; range?: DayRange } = {}
): TopicStats {
	const metric = options.metric ?? 'engagements';
	const dated: { post: P; serial: number }[] = [];
	for (const post of posts) {
		const day = postDay(post);
		if (day === null) continue;
		if (options.range && (day < options.range.from || day > options.range.to)) continue;
		dated.push({ post, serial: monthSerialOfDay(day) });
	}
	if (dated.length === 0) return { metric, months: [], monthStarts: [], topics: [] };
	const { from: firstSerial, to: lastSerial } = numberExtent(dated.map((entry) => entry.serial))!;
	const monthStarts: DayNumber[] = [];
	for (let serial = firstSerial; serial <= lastSerial; serial++) monthStarts.push(firstDayOfMonthSerial(serial));
	const byTopic = new Map<string, { posts: number; byMonth: number[]; values: number[] }>();
	for (const { post, serial } of dated) {
		const value = postMetricValue(post, metric);
		for (const topic of new Set(topicsOf(post))) {
			let entry = byTopic.get(topic);
			if (!entry) {
				entry = { posts: 0, byMonth: new Array<number>(monthStarts.length).fill(0), values: [] };
				byTopic.set(topic, entry);
			}
			entry.posts++;
			entry.byMonth[serial - firstSerial]++;
			if (value !== null) entry.values.push(value);
		}
	}
	const topics = [...byTopic]
		.map(([topic, entry]): TopicStat => ({
			topic,
			posts: entry.posts,
			byMonth: entry.byMonth,
			medianPerformance: median(entry.values),
			n: entry.values.length
		}))
		.sort((a, b) => b.posts - a.posts || a.topic.localeCompare(b.topic));
	return { metric, months: monthStarts.map((start) => bucketKey(start, 'month')), monthStarts, topics };
}
