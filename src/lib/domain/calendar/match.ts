/**
 * Which published posts a planned item became. Suggestions come from two kinds of evidence:
 *
 * - the item's link: the same web address as the post's permalink (after dropping tracking
 *   parameters, `www.` and the twitter.com/x.com split), or the post's id inside the link (the
 *   `status/<id>` of an X link, the `v=<id>` of a YouTube link, LinkedIn's `urn:li:activity:<id>`);
 * - the item's accounts and date: a post on one of its target accounts within a few days of the
 *   planned day (plans slip), closest day first, then the post that shares most words with the title.
 *
 * Posts are found through an index built once per set of posts, so a suggestion reads a handful of
 * days, never all 300,000 posts.
 */
import { postMetricValue } from '../analytics/engagement';
import { foldText } from '../analytics/topics';
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import { webLink, type PlannedItem } from './items';

export interface MatchablePost {
	postId: string;
	accountId: string;
	day: DayNumber | null;
	publishedAt: string | null;
	text: string;
	link?: string;
	metrics: Partial<Record<MetricKey, number>>;
}

/** How a linked post is named in `PlannedItem.linkedPostIds`: post ids are only unique per account. */
export function linkedPostKey(post: Pick<MatchablePost, 'accountId' | 'postId'>): string {
	return `${post.accountId}|${post.postId}`;
}

// Share and referral parameters that platforms add to the same address.
const TRACKING_PARAMETER = /^(utm_.*|fbclid|gclid|igshid|igsh|si|s|t|ref|ref_src|ref_url|feature|trk|trackingid|lipi)$/i;

/**
 * One spelling per web address: lower-case host without `www.`/`m.`, twitter.com as x.com,
 * youtu.be/ID as youtube.com/watch?v=ID, no tracking parameters, no fragment, no trailing slash.
 * Null when `text` is not an http(s) address.
 */
export function normalizeLink(text: string): string | null {
	const url = webLink(text);
	if (!url) return null;
	let host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
	let path = url.pathname.replace(/\/+$/, '');
	const parameters = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
	if (host === 'twitter.com') host = 'x.com';
	if (host === 'youtu.be' && path.length > 1) {
		parameters.push(['v', path.slice(1)]);
		host = 'youtube.com';
		path = '/watch';
	}
	parameters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const query = parameters.map(([name, value]) => `${name}=${value}`).join('&');
	return `${host}${path}${query ? `?${query}` : ''}`;
}

/** Ids shorter than this are too likely to turn up in an unrelated link by chance. */
const MIN_ID_IN_LINK = 5;

/** The parts of a link that could be a post id: path segments, parameter values, `urn:li:activity:<id>` pieces. */
export function linkTokens(text: string): string[] {
	const url = webLink(text);
	if (!url) return [];
	const tokens = new Set<string>();
	for (const segment of url.pathname.split('/')) {
		for (const piece of [segment, ...segment.split(':')]) {
			const decoded = safeDecode(piece);
			if (decoded.length >= MIN_ID_IN_LINK) tokens.add(decoded);
		}
	}
	for (const [, value] of url.searchParams) if (value.length >= MIN_ID_IN_LINK) tokens.add(value);
	return [...tokens];
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

export interface PostIndex<P extends MatchablePost> {
	byDay: Map<DayNumber, P[]>;
	byKey: Map<string, P>;
	byPostId: Map<string, P[]>;
	byLink: Map<string, P[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** One pass over the posts; posts without a day are found by key and link only. */
export function buildPostIndex<P extends MatchablePost>(posts: readonly P[]): PostIndex<P> {
	const index: PostIndex<P> = { byDay: new Map(), byKey: new Map(), byPostId: new Map(), byLink: new Map() };
	for (const post of posts) {
		index.byKey.set(linkedPostKey(post), post);
		push(index.byPostId, post.postId, post);
		if (post.day !== null) push(index.byDay, post.day, post);
		if (post.link) {
			const link = normalizeLink(post.link);
			if (link) push(index.byLink, link, post);
		}
	}
	return index;
}

/** Posts on days `from`..`to` (inclusive), in day order. */
export function postsInRange<P extends MatchablePost>(index: PostIndex<P>, from: DayNumber, to: DayNumber): P[] {
	const found: P[] = [];
	for (let day = from; day <= to; day++) {
		const posts = index.byDay.get(day);
		if (posts) found.push(...posts);
	}
	return found;
}

export type MatchReason = 'link' | 'account-date';

export interface PostSuggestion<P extends MatchablePost> {
	post: P;
	key: string;
	reason: MatchReason;
	/** Days from the planned day to the post's day (positive: published later); null without both days. */
	dayOffset: number | null;
	/** Words of the title (four letters or more) that the post's text contains. */
	sharedWords: number;
}

export interface SuggestOptions {
	/** How many days before or after the planned day a post may be (default 3). */
	windowDays?: number;
	/** At most this many suggestions (default 8). */
	limit?: number;
	/** Keys of posts already linked to other items: a post became one item. */
	taken?: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

function significantWords(text: string): Set<string> {
	return new Set(foldText(text).match(WORD) ?? []);
}

export function sharedWordCount(title: string, text: string): number {
	const wanted = significantWords(title);
	if (wanted.size === 0) return 0;
	const present = significantWords(text);
	let count = 0;
	for (const word of wanted) if (present.has(word)) count++;
	return count;
}

function compareSuggestions<P extends MatchablePost>(a: PostSuggestion<P>, b: PostSuggestion<P>): number {
	if (a.reason !== b.reason) return a.reason === 'link' ? -1 : 1;
	const distanceA = a.dayOffset === null ? Number.POSITIVE_INFINITY : Math.abs(a.dayOffset);
	const distanceB = b.dayOffset === null ? Number.POSITIVE_INFINITY : Math.abs(b.dayOffset);
	if (distanceA !== distanceB) return distanceA - distanceB;
	if (a.sharedWords !== b.sharedWords) return b.sharedWords - a.sharedWords;
	// at equal distance a slipped post (published after the plan) is likelier than an earlier one
	if (a.dayOffset !== b.dayOffset) return (b.dayOffset ?? 0) - (a.dayOffset ?? 0);
	const timeA = a.post.publishedAt ?? '';
	const timeB = b.post.publishedAt ?? '';
	if (timeA !== timeB) return timeA < timeB ? -1 : 1;
	return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Posts the item probably became, best first: link matches, then posts on its target accounts
 * within `windowDays` of its day. Posts already linked to this item or taken by another are left
 * out. An item without target accounts gets link matches only: with ~40 accounts, "some post that
 * day" is no evidence.
 */
export function suggestPosts<P extends MatchablePost>(
	item: Pick<PlannedItem, 'title' | 'day' | 'accountIds' | 'link' | 'linkedPostIds'>,
	index: PostIndex<P>,
	options: SuggestOptions = {}
): PostSuggestion<P>[] {
	const windowDays = options.windowDays ?? 3;
	const limit = options.limit ?? 8;
	const excluded = new Set(item.linkedPostIds);
	const found = new Map<string, PostSuggestion<P>>();
	const offsetOf = (post: P) => (post.day !== null && item.day !== null ? post.day - item.day : null);
	const consider = (post: P, reason: MatchReason) => {
		const key = linkedPostKey(post);
		if (excluded.has(key) || options.taken?.has(key) || found.has(key)) return;
		found.set(key, { post, key, reason, dayOffset: offsetOf(post), sharedWords: sharedWordCount(item.title, post.text) });
	};

	if (item.link.trim()) {
		const link = normalizeLink(item.link);
		if (link) for (const post of index.byLink.get(link) ?? []) consider(post, 'link');
		for (const token of linkTokens(item.link)) {
			for (const post of index.byPostId.get(token) ?? []) consider(post, 'link');
		}
	}
	if (item.day !== null && item.accountIds.length > 0) {
		const accounts = new Set(item.accountIds);
		for (let day = item.day - windowDays; day <= item.day + windowDays; day++) {
			for (const post of index.byDay.get(day) ?? []) if (accounts.has(post.accountId)) consider(post, 'account-date');
		}
	}
	return [...found.values()].sort(compareSuggestions).slice(0, limit);
}

export interface LinkedPerformance {
	/** Linked posts found among the stored posts. */
	posts: number;
	/** Linked keys whose post is no longer stored (an import was undone). */
	missing: number;
	/** Sums over the posts that report the metric; null when none does. */
	impressions: number | null;
	engagements: number | null;
	/** Engagements ÷ impressions over the posts that report both. */
	engagementRate: number | null;
}

/** How the posts an item became performed, together. */
export function linkedPerformance<P extends MatchablePost>(keys: readonly string[], index: Pick<PostIndex<P>, 'byKey'>): LinkedPerformance {
	let posts = 0;
	let missing = 0;
	let impressions: number | null = null;
	let engagements: number | null = null;
	let rateImpressions = 0;
	let rateEngagements = 0;
	for (const key of new Set(keys)) {
		const post = index.byKey.get(key);
		if (!post) {
			missing++;
			continue;
		}
		posts++;
		const seen = postMetricValue(post, 'impressions');
		const engaged = postMetricValue(post, 'engagements');
		if (seen !== null) impressions = (impressions ?? 0) + seen;
		if (engaged !== null) engagements = (engagements ?? 0) + engaged;
		if (seen !== null && engaged !== null && seen > 0) {
			rateImpressions += seen;
			rateEngagements += engaged;
		}
	}
	return {
		posts,
		missing,
		impressions,
		engagements,
		engagementRate: rateImpressions > 0 ? rateEngagements / rateImpressions : null
	};
}

/** Which item each linked post belongs to (the first item, should two claim the same post). */
export function itemsByLinkedPost(items: readonly Pick<PlannedItem, 'id' | 'linkedPostIds'>[]): Map<string, string> {
	const owners = new Map<string, string>();
	for (const item of items) for (const key of item.linkedPostIds) if (!owners.has(key)) owners.set(key, item.id);
	return owners;
}
