/**
 * The account model behind every file: an audience that follows a growth curve (with daily gains
 * and losses that add up exactly to the level), posts placed on days by the account's rhythm, and
 * daily impressions made of each post's decaying reach plus a baseline from older content. Files
 * are views of this one model, so a daily export, a per-post export and a follower export of the
 * same account agree with each other the way real exports do.
 */
import { weekdayOfDay, type DayNumber } from '../domain/days';
import { CONSOLIDATION_DAYS_BEFORE_END, type CastMember, type CastPlatform, type Region } from './cast';
import { seasonOf } from './calendar';
import { attentionBump, eventsFor, postingBump, type CompanyEvent } from './events';
import { exp, ln, type Random } from './random';
import type { PostKind } from './texts';

export const POST_FIELDS = [
	'impressions',
	'reach',
	'views',
	'likes',
	'comments',
	'shares',
	'clicks',
	'linkClicks',
	'saves',
	'profileVisits',
	'detailExpands',
	'hashtagClicks',
	'permalinkClicks',
	'follows',
	'mediaViews',
	'mediaEngagements',
	'watchSeconds'
] as const;
export type PostField = (typeof POST_FIELDS)[number];
export const FIELD = Object.fromEntries(POST_FIELDS.map((field, index) => [field, index])) as Record<PostField, number>;

export type MediaType = 'text' | 'image' | 'video' | 'link' | 'carousel' | 'reel' | 'document' | 'short';

export interface WorkspaceWindow {
	start: DayNumber;
	/** Inclusive. */
	end: DayNumber;
	length: number;
}

export interface SimPost {
	/** Position in the account's chronological post list; seeds its text and id. */
	serial: number;
	/** Calendar day in the account's own time zone. */
	day: DayNumber;
	/** Minutes after local midnight. */
	minute: number;
	kind: PostKind;
	event: CompanyEvent | null;
	/** A word-for-word re-post of another account's post. */
	copyOf: { memberKey: string; serial: number } | null;
	media: MediaType;
	durationSeconds: number;
	/**
	 * Where this post's lifetime metrics (once it has stopped gathering attention) start in
	 * AccountSimulation.postMetrics, in POST_FIELDS order. One buffer per account instead of a
	 * typed array per post spares the garbage collector 300,000 small objects in the benchmark.
	 */
	metricsAt: number;
	/** YouTube: views from the evergreen long tail within the window, on top of the launch spike. */
	tailViews: number;
}

export interface AccountSimulation {
	member: CastMember;
	window: WorkspaceWindow;
	/** First window index on which the account exists. */
	firstIndex: number;
	/** Followers / subscribers at the end of each day (0 before the account exists). */
	followers: Int32Array;
	gained: Int32Array;
	lost: Int32Array;
	/** Daily totals in POST_FIELDS order (fractional; files round them). */
	daily: Float64Array[];
	/** Share of the day's impressions and new followers that were paid (sponsored posts). */
	paidShare: Float64Array;
	/** Profile / page visits per day. */
	pageViews: Float64Array;
	postsPublished: Int32Array;
	posts: SimPost[];
	/** Lifetime metrics of all posts; see SimPost.metricsAt. */
	postMetrics: Float64Array;
}

interface PlatformDynamics {
	/** Impressions (views) per follower per day from older content, profile visits, search. */
	baselinePerFollower: number;
	/** Lifetime impressions (views) of an average post per follower. */
	perPostPerFollower: number;
	/** Smallest reach a post gets even from a tiny account (recommendation feeds). */
	minimumPerPost: number;
	churnPerDay: number;
	/** Share of a post's lifetime metrics gathered on day 0, 1, 2, … after publishing. */
	kernel: readonly number[];
	qualitySigma: number;
	attention: readonly number[];
}

const B2B_ATTENTION = [1.04, 1.1, 1.1, 1.06, 0.92, 0.42, 0.38];
const CONSUMER_ATTENTION = [1, 0.98, 1, 1.02, 1, 0.92, 0.98];

const DYNAMICS: Record<CastPlatform, PlatformDynamics> = {
	x: { baselinePerFollower: 0.035, perPostPerFollower: 0.16, minimumPerPost: 40, churnPerDay: 0.0005, kernel: [0.6, 0.22, 0.09, 0.05, 0.02, 0.02], qualitySigma: 0.6, attention: B2B_ATTENTION },
	linkedin: { baselinePerFollower: 0.004, perPostPerFollower: 0.09, minimumPerPost: 150, churnPerDay: 0.00006, kernel: [0.35, 0.3, 0.15, 0.1, 0.06, 0.04], qualitySigma: 0.55, attention: B2B_ATTENTION },
	facebook: { baselinePerFollower: 0.012, perPostPerFollower: 0.11, minimumPerPost: 60, churnPerDay: 0.00025, kernel: [0.45, 0.3, 0.12, 0.07, 0.04, 0.02], qualitySigma: 0.55, attention: [1.02, 1.04, 1.04, 1.02, 0.96, 0.72, 0.7] },
	instagram: { baselinePerFollower: 0.02, perPostPerFollower: 0.22, minimumPerPost: 80, churnPerDay: 0.0004, kernel: [0.5, 0.25, 0.12, 0.07, 0.04, 0.02], qualitySigma: 0.6, attention: CONSUMER_ATTENTION },
	tiktok: { baselinePerFollower: 0.03, perPostPerFollower: 0.9, minimumPerPost: 250, churnPerDay: 0.0009, kernel: [0.25, 0.3, 0.2, 0.12, 0.08, 0.05], qualitySigma: 1.25, attention: CONSUMER_ATTENTION },
	youtube: { baselinePerFollower: 0.03, perPostPerFollower: 0.35, minimumPerPost: 30, churnPerDay: 0.0003, kernel: [0.22, 0.18, 0.12, 0.09, 0.07, 0.06, 0.05, 0.04, 0.04, 0.03, 0.03, 0.03, 0.02, 0.02], qualitySigma: 0.8, attention: CONSUMER_ATTENTION },
	wechat: { baselinePerFollower: 0, perPostPerFollower: 0, minimumPerPost: 0, churnPerDay: 0.0005, kernel: [1], qualitySigma: 0.5, attention: [1.06, 1.06, 1.05, 1.04, 1, 0.72, 0.7] }
};

const POSTING_B2B = [1, 1.15, 1.15, 1.1, 0.75, 0.03, 0.02];
const POSTING_CONSUMER = [1, 1, 1, 1, 1, 0.55, 0.45];
const POSTING_SUPPORT = [1, 1, 1, 1, 1, 0.5, 0.4];

const HOURS_OFFICE = [0, 0, 0, 0, 0, 0, 0.1, 0.5, 1.4, 2, 1.7, 1.3, 0.9, 1.2, 1.4, 1.2, 0.9, 0.5, 0.3, 0.2, 0.15, 0.1, 0.05, 0];
const HOURS_EVENING = [0.1, 0, 0, 0, 0, 0, 0.2, 0.5, 0.8, 1, 1, 1.1, 1.3, 1.1, 1, 1, 1.1, 1.4, 1.7, 1.9, 1.8, 1.3, 0.7, 0.3];
const HOURS_SUPPORT = [0.1, 0.1, 0, 0, 0, 0.2, 0.6, 1.2, 1.6, 1.6, 1.5, 1.4, 1.3, 1.4, 1.5, 1.4, 1.3, 1.1, 0.9, 0.7, 0.5, 0.4, 0.3, 0.2];

/** How a kind of post fares: relative reach and relative engagement rate. */
const KIND_EFFECT: Record<PostKind, { reach: number; engagement: number }> = {
	story: { reach: 1.1, engagement: 1.35 },
	announcement: { reach: 1.2, engagement: 1 },
	tip: { reach: 0.85, engagement: 1.1 },
	webinar: { reach: 0.8, engagement: 0.8 },
	event: { reach: 1.4, engagement: 1.2 },
	hiring: { reach: 0.9, engagement: 0.7 },
	culture: { reach: 1, engagement: 1.3 },
	support: { reach: 0.7, engagement: 0.6 },
	reply: { reach: 0.08, engagement: 0.8 },
	partner: { reach: 0.8, engagement: 0.9 },
	news: { reach: 0.7, engagement: 0.6 },
	tutorial: { reach: 1, engagement: 1 }
};

const KINDS_BY_VOICE: Record<CastMember['voice'], readonly (readonly [PostKind, number])[]> = {
	corporate: [['story', 3], ['announcement', 3], ['webinar', 1], ['culture', 1], ['hiring', 1]],
	product: [['story', 3], ['announcement', 3], ['tip', 2], ['webinar', 2]],
	news: [['news', 1]],
	support: [['reply', 6], ['support', 2], ['tip', 2]],
	careers: [['hiring', 4], ['culture', 4]],
	events: [['webinar', 3], ['announcement', 1], ['story', 1]],
	partners: [['partner', 3], ['webinar', 2], ['story', 1]],
	learning: [['tutorial', 6], ['story', 1], ['tip', 2], ['webinar', 1]],
	regional: [['story', 3], ['announcement', 2], ['webinar', 2], ['tip', 1]]
};

/** Local time of the team that posts, relative to UTC (daylight saving ignored). */
export const REGION_UTC_OFFSET_MINUTES: Record<Region, number> = { Global: -300, DACH: 60, China: 480, Nordics: 60 };

export function dynamicsOf(platform: CastPlatform): PlatformDynamics {
	return DYNAMICS[platform];
}

/** Share of a post's lifetime metrics an export made `ageDays` after publishing shows. */
export function maturity(platform: CastPlatform, ageDays: number): number {
	const kernel = DYNAMICS[platform].kernel;
	if (ageDays >= kernel.length) return 1;
	let sum = 0;
	for (let i = 0; i < ageDays; i++) sum += kernel[i];
	return sum;
}

export interface AccountTimeline {
	firstIndex: number;
	/** Last window index with posts (−1: none in the window). */
	lastPostIndex: number;
	consolidationIndex: number;
}

export function timelineOf(member: CastMember, window: WorkspaceWindow): AccountTimeline {
	const firstIndex =
		member.launchedDaysBeforeEnd === undefined ? 0 : Math.max(0, window.end - member.launchedDaysBeforeEnd - window.start);
	let lastPostDay = window.end;
	if (member.quietDaysBeforeEnd !== undefined) lastPostDay = window.end - member.quietDaysBeforeEnd;
	if (member.retiredAtConsolidation) lastPostDay = Math.min(lastPostDay, window.end - CONSOLIDATION_DAYS_BEFORE_END);
	return {
		firstIndex: Math.min(firstIndex, window.length),
		lastPostIndex: Math.min(window.length - 1, lastPostDay - window.start),
		consolidationIndex: window.end - CONSOLIDATION_DAYS_BEFORE_END - window.start
	};
}

function normalised(weights: readonly number[]): number[] {
	const mean = weights.reduce((sum, w) => sum + w, 0) / weights.length;
	return weights.map((w) => w / mean);
}

function postingRhythm(member: CastMember): number[] {
	if (member.voice === 'support') return normalised(POSTING_SUPPORT);
	if (member.platform === 'instagram' || member.platform === 'tiktok') return normalised(POSTING_CONSUMER);
	return normalised(POSTING_B2B);
}

/**
 * Expected posts per window day. Its sum is the account's natural post count; the generator may
 * scale the count (benchmark post totals) but keeps the shape.
 */
export function postingWeights(member: CastMember, window: WorkspaceWindow, events: readonly CompanyEvent[]): Float64Array {
	const weights = new Float64Array(window.length);
	if (member.platform === 'wechat') return weights;
	const { firstIndex, lastPostIndex, consolidationIndex } = timelineOf(member, window);
	const rhythm = postingRhythm(member);
	const ownEvents = eventsFor(member, events);
	const focus = member.eventFocus ?? 1;
	const perDay = member.postsPerWeek / 7;
	for (let i = firstIndex; i <= lastPostIndex; i++) {
		const day = window.start + i;
		let boost = 0;
		for (const event of ownEvents) boost += postingBump(day - event.day);
		// an account that absorbed another posts more once it carries both audiences
		const absorbed = member.beforeConsolidation && member.beforeConsolidation.jump > 1 && i >= consolidationIndex ? 1.8 : 1;
		weights[i] = perDay * rhythm[weekdayOfDay(day)] * seasonOf(day) * absorbed * (1 + focus * boost);
	}
	return weights;
}

/** `count` window indices, one per stratum of the cumulative weight, sorted. */
function sampleIndices(weights: Float64Array, count: number, random: Random): number[] {
	const indices: number[] = [];
	let total = 0;
	for (const weight of weights) total += weight;
	if (count <= 0 || total <= 0) return indices;
	let cumulative = 0;
	let i = 0;
	for (let k = 0; k < count; k++) {
		const target = ((k + random.next()) / count) * total;
		while (i < weights.length - 1 && cumulative + weights[i] <= target) {
			cumulative += weights[i];
			i++;
		}
		indices.push(i);
	}
	return indices;
}

function mediaFor(platform: CastPlatform, member: CastMember, random: Random): { media: MediaType; duration: number } {
	switch (platform) {
		case 'x':
			return { media: (['image', 'video', 'link', 'link', 'text'] as const)[random.weightedIndex([35, 8, 25, 15, 17])], duration: 0 };
		case 'linkedin': {
			const media = (['image', 'video', 'document', 'link', 'text'] as const)[random.weightedIndex([40, 10, 10, 30, 10])];
			return { media, duration: media === 'video' ? random.int(30, 180) : 0 };
		}
		case 'facebook': {
			const media = (['image', 'link', 'video', 'reel'] as const)[random.weightedIndex([50, 30, 10, 10])];
			return { media, duration: media === 'video' ? random.int(40, 600) : media === 'reel' ? random.int(8, 60) : 0 };
		}
		case 'instagram': {
			const media = (['image', 'carousel', 'reel'] as const)[random.weightedIndex([45, 30, 25])];
			return { media, duration: media === 'reel' ? random.int(7, 60) : 0 };
		}
		case 'tiktok':
			return { media: 'video', duration: random.int(9, 75) };
		case 'youtube':
			if (member.voice === 'events') return { media: 'video', duration: random.int(1500, 4800) };
			return random.chance(0.25) ? { media: 'short', duration: random.int(15, 59) } : { media: 'video', duration: random.int(240, 1500) };
		case 'wechat':
			return { media: 'text', duration: 0 };
	}
}

function fillPostMetrics(
	post: SimPost,
	metrics: Float64Array,
	member: CastMember,
	level: number,
	bump: number,
	random: Random
): void {
	const platform = member.platform;
	const dynamics = DYNAMICS[platform];
	const m = metrics.subarray(post.metricsAt, post.metricsAt + POST_FIELDS.length);
	const effect = KIND_EFFECT[post.kind];
	const reachBase =
		Math.max(level, 20) * dynamics.perPostPerFollower * effect.reach * random.logNormal(dynamics.qualitySigma) * seasonOf(post.day) * (1 + 0.5 * bump);
	const primary = Math.max(dynamics.minimumPerPost * effect.reach * random.logNormal(0.4), reachBase);
	const engagement = primary * member.engagementRate * effect.engagement * random.logNormal(0.35);
	// ±30 % uniform noise per component: cheaper than a log-normal and enough to vary the mix
	const part = (share: number): number => engagement * share * (0.7 + 0.6 * random.next());
	const F = FIELD;
	switch (platform) {
		case 'x':
			m[F.impressions] = primary;
			m[F.likes] = part(0.3);
			m[F.detailExpands] = part(0.18);
			m[F.linkClicks] = part(post.media === 'link' ? 0.16 : 0.02);
			m[F.profileVisits] = part(0.08);
			m[F.shares] = part(0.07);
			m[F.hashtagClicks] = part(0.03);
			m[F.comments] = part(post.kind === 'reply' ? 0.2 : 0.03);
			m[F.permalinkClicks] = part(0.01);
			m[F.follows] = part(0.004);
			m[F.saves] = part(0.02);
			if (post.media === 'image' || post.media === 'video') {
				m[F.mediaViews] = primary * 0.22 * random.logNormal(0.3);
				m[F.mediaEngagements] = part(0.15);
			}
			break;
		case 'linkedin':
			m[F.impressions] = primary;
			m[F.clicks] = part(0.55);
			m[F.likes] = part(0.36);
			m[F.comments] = part(0.04);
			m[F.shares] = part(0.04);
			m[F.follows] = part(0.015);
			if (post.media === 'video') m[F.views] = primary * 0.3 * random.logNormal(0.2);
			break;
		case 'facebook':
			m[F.impressions] = primary;
			m[F.views] = primary;
			m[F.reach] = Math.min(primary, primary * 0.72 * random.logNormal(0.08));
			m[F.likes] = part(0.45);
			m[F.comments] = part(0.06);
			m[F.shares] = part(0.06);
			m[F.clicks] = part(0.25);
			if (post.media === 'link') m[F.linkClicks] = part(0.15);
			if (post.media === 'image') m[F.mediaEngagements] = part(0.15);
			if (post.durationSeconds > 0) m[F.watchSeconds] = primary * post.durationSeconds * 0.2;
			break;
		case 'instagram':
			m[F.impressions] = primary;
			m[F.views] = primary;
			m[F.reach] = Math.min(primary, primary * 0.68 * random.logNormal(0.08));
			m[F.likes] = part(0.82);
			m[F.comments] = part(0.035);
			m[F.shares] = part(0.06);
			m[F.saves] = part(0.07);
			m[F.follows] = part(0.015);
			m[F.profileVisits] = part(0.05);
			break;
		case 'tiktok':
			m[F.impressions] = primary;
			m[F.views] = primary;
			m[F.likes] = part(0.86);
			m[F.comments] = part(0.05);
			m[F.shares] = part(0.07);
			m[F.profileVisits] = primary * 0.012 * random.logNormal(0.3);
			m[F.follows] = part(0.02);
			break;
		case 'youtube': {
			const clickThrough = Math.min(0.2, Math.max(0.01, 0.045 * random.logNormal(0.3)));
			const watchedShare = Math.min(0.95, (post.media === 'short' ? 0.75 : 0.42) * random.logNormal(0.15));
			m[F.views] = primary;
			m[F.impressions] = primary / clickThrough;
			m[F.watchSeconds] = primary * post.durationSeconds * watchedShare;
			m[F.likes] = part(0.85);
			m[F.comments] = part(0.08);
			m[F.shares] = part(0.07);
			m[F.follows] = primary * 0.004 * random.logNormal(0.4);
			break;
		}
		case 'wechat':
			break;
	}
}

/** YouTube channels average about 3 minutes per view on older videos. */
const YOUTUBE_TAIL_SECONDS_PER_VIEW = 180;
/** The evergreen weight of the videos a channel published before the window (they keep drawing views). */
const YOUTUBE_OLDER_CATALOGUE_WEIGHT = 30;

export interface SimulationInput {
	member: CastMember;
	window: WorkspaceWindow;
	events: readonly CompanyEvent[];
	postCount: number;
	weights: Float64Array;
	/** The simulation of `member.copiesFrom`, when there is one. */
	copySource?: AccountSimulation;
	random: { followers: Random; posts: Random; daily: Random };
}

export function simulateAccount(input: SimulationInput): AccountSimulation {
	const { member, window, events } = input;
	const n = window.length;
	const dynamics = DYNAMICS[member.platform];
	const timeline = timelineOf(member, window);
	const ownEvents = eventsFor(member, events);

	const bump = new Float64Array(n);
	for (const event of ownEvents) {
		for (let offset = -2; offset <= 3; offset++) {
			const i = event.day - window.start + offset;
			if (i >= 0 && i < n) bump[i] += attentionBump(offset) * event.strength;
		}
	}

	// --- audience: a target curve, and integer daily gains/losses that track it -----------------
	const consolidationDay = window.end - CONSOLIDATION_DAYS_BEFORE_END;
	const logTarget = new Float64Array(n);
	logTarget[n - 1] = ln(member.audienceAtEnd);
	const lateRate = ln(member.growthPerYear) / 365.25;
	const before = member.beforeConsolidation;
	const earlyRate = before ? ln(before.growthPerYear) / 365.25 : lateRate;
	const jumpRate = before && before.jump !== 1 ? ln(before.jump) / 60 : 0;
	for (let i = n - 1; i > 0; i--) {
		const day = window.start + i;
		let rate = day < consolidationDay ? earlyRate : lateRate;
		if (day >= consolidationDay && day < consolidationDay + 60) rate += jumpRate;
		logTarget[i - 1] = logTarget[i] - rate;
	}

	const followers = new Int32Array(n);
	const gained = new Int32Array(n);
	const lost = new Int32Array(n);
	const randomFollowers = input.random.followers;
	let previous = timeline.firstIndex === 0 && member.launchedDaysBeforeEnd === undefined ? Math.round(exp(logTarget[0])) : 0;
	let previousTarget = exp(logTarget[Math.max(0, timeline.firstIndex - 1)]);
	for (let i = timeline.firstIndex; i < n; i++) {
		const day = window.start + i;
		const target = exp(logTarget[i]);
		const attention = dynamics.attention[weekdayOfDay(day)];
		const desiredNet = target - previousTarget + 0.05 * (target - previous);
		const churn = previous * dynamics.churnPerDay;
		const gainMean = (Math.max(0, desiredNet) + churn) * attention * (1 + 0.8 * bump[i]);
		const lossMean = (churn + Math.max(0, -desiredNet)) * attention;
		const gain = randomFollowers.poisson(gainMean);
		const loss = Math.min(previous + gain, randomFollowers.poisson(lossMean));
		gained[i] = gain;
		lost[i] = loss;
		previous = previous + gain - loss;
		followers[i] = previous;
		previousTarget = target;
	}

	// --- posts ------------------------------------------------------------------------------------
	const randomPosts = input.random.posts;
	const hourWeights =
		member.voice === 'support' ? HOURS_SUPPORT : member.platform === 'instagram' || member.platform === 'tiktok' ? HOURS_EVENING : HOURS_OFFICE;
	const kinds = KINDS_BY_VOICE[member.voice];
	const kindWeights = kinds.map(([, weight]) => weight);
	const planned: { index: number; minute: number; copyOf: SimPost | null }[] = [];
	let ownCount = input.postCount;
	const source = input.copySource;
	if (source && source.posts.length > 0) {
		const copies = Math.min(Math.round(input.postCount * 0.8), source.posts.length);
		ownCount = input.postCount - copies;
		for (let k = 0; k < copies; k++) {
			const original = source.posts[Math.floor(((k + randomPosts.next()) / copies) * source.posts.length)];
			const index = original.day - window.start;
			if (index < timeline.firstIndex || index > timeline.lastPostIndex) {
				ownCount++;
				continue;
			}
			planned.push({ index, minute: Math.min(1439, original.minute + randomPosts.int(20, 180)), copyOf: original });
		}
	}
	for (const index of sampleIndices(input.weights, ownCount, randomPosts)) {
		const hour = randomPosts.weightedIndex(hourWeights);
		planned.push({ index, minute: hour * 60 + randomPosts.int(0, 59), copyOf: null });
	}
	planned.sort((a, b) => a.index - b.index || a.minute - b.minute);

	const posts: SimPost[] = [];
	const postMetrics = new Float64Array(planned.length * POST_FIELDS.length);
	const postsPublished = new Int32Array(n);
	for (const plan of planned) {
		const day = window.start + plan.index;
		let event: CompanyEvent | null = null;
		for (const candidate of ownEvents) {
			const offset = day - candidate.day;
			if (offset >= -7 && offset <= 1 && (offset >= -1 || randomPosts.chance(0.4)) && randomPosts.chance(0.8)) {
				event = candidate;
				break;
			}
		}
		const copied = plan.copyOf;
		const kind: PostKind = copied ? copied.kind : event ? 'event' : kinds[randomPosts.weightedIndex(kindWeights)][0];
		const { media, duration } = copied ? { media: copied.media, duration: copied.durationSeconds } : mediaFor(member.platform, member, randomPosts);
		const post: SimPost = {
			serial: posts.length,
			day,
			minute: plan.minute,
			kind,
			event: copied ? copied.event : event,
			copyOf: copied ? { memberKey: member.copiesFrom!, serial: copied.serial } : null,
			media,
			durationSeconds: duration,
			metricsAt: posts.length * POST_FIELDS.length,
			tailViews: 0
		};
		fillPostMetrics(post, postMetrics, member, followers[plan.index], bump[plan.index], randomPosts);
		posts.push(post);
		postsPublished[plan.index]++;
	}

	// --- daily totals: each post's decaying reach plus a baseline from older content -------------
	const daily = POST_FIELDS.map(() => new Float64Array(n));
	const kernel = dynamics.kernel;
	for (const post of posts) {
		const start = post.day - window.start;
		for (let f = 0; f < POST_FIELDS.length; f++) {
			const value = postMetrics[post.metricsAt + f];
			if (value === 0) continue;
			const series = daily[f];
			for (let a = 0; a < kernel.length && start + a < n; a++) series[start + a] += value * kernel[a];
		}
	}
	const randomDaily = input.random.daily;
	const baseline = new Float64Array(n);
	const F = FIELD;
	for (let i = timeline.firstIndex; i < n; i++) {
		const day = window.start + i;
		const quiet = i > timeline.lastPostIndex ? 0.35 : 1;
		const base =
			followers[i] * dynamics.baselinePerFollower * dynamics.attention[weekdayOfDay(day)] * seasonOf(day) * (1 + 0.3 * bump[i]) * randomDaily.logNormal(0.15) * quiet;
		baseline[i] = base;
		const engagement = base * member.engagementRate * 0.3;
		switch (member.platform) {
			case 'youtube':
				daily[F.views][i] += base;
				daily[F.impressions][i] += base / 0.05;
				daily[F.watchSeconds][i] += base * YOUTUBE_TAIL_SECONDS_PER_VIEW;
				daily[F.likes][i] += engagement;
				break;
			case 'facebook':
			case 'instagram':
				daily[F.views][i] += base;
				daily[F.impressions][i] += base;
				daily[F.reach][i] += base * 0.8;
				daily[F.likes][i] += engagement;
				daily[F.profileVisits][i] += base * 0.01;
				break;
			case 'tiktok':
				daily[F.views][i] += base;
				daily[F.impressions][i] += base;
				daily[F.likes][i] += engagement;
				daily[F.profileVisits][i] += base * 0.012;
				break;
			default:
				daily[F.impressions][i] += base;
				daily[F.likes][i] += engagement * 0.6;
				daily[F.clicks][i] += engagement * 0.4;
				daily[F.profileVisits][i] += base * 0.01;
		}
	}

	const paidShare = new Float64Array(n);
	if (member.exports?.paid) {
		for (const event of ownEvents) {
			for (let offset = -3; offset <= 3; offset++) {
				const i = event.day - window.start + offset;
				if (i >= timeline.firstIndex && i < n) paidShare[i] = 0.25 + 0.2 * randomDaily.next();
			}
		}
	}

	const pageViews = new Float64Array(n);
	for (let i = timeline.firstIndex; i < n; i++) {
		pageViews[i] =
			followers[i] * 0.004 * dynamics.attention[weekdayOfDay(window.start + i)] * randomDaily.logNormal(0.2) + 0.01 * daily[F.impressions][i];
	}

	if (member.platform === 'youtube') attributeLongTail(posts, postMetrics, baseline, window, timeline, member);

	return { member, window, firstIndex: timeline.firstIndex, followers, gained, lost, daily, paidShare, pageViews, postsPublished, posts, postMetrics };
}

/**
 * Spread each day's baseline views over the videos published so far, by evergreen weight; the
 * channel's pre-window catalogue keeps its share, so the Content table's rows add up to less than
 * its Total row, as in real Studio exports.
 */
function attributeLongTail(
	posts: SimPost[],
	postMetrics: Float64Array,
	baseline: Float64Array,
	window: WorkspaceWindow,
	timeline: AccountTimeline,
	member: CastMember
): void {
	const n = window.length;
	const weightAdded = new Float64Array(n);
	const weightOf = (post: SimPost): number =>
		(post.kind === 'tutorial' || post.kind === 'tip' ? 1.6 : post.kind === 'event' ? 0.5 : 1) * (postMetrics[post.metricsAt + FIELD.views] > 0 ? 1 : 0);
	for (const post of posts) weightAdded[post.day - window.start] += weightOf(post);
	const older = member.launchedDaysBeforeEnd === undefined && timeline.firstIndex === 0 ? YOUTUBE_OLDER_CATALOGUE_WEIGHT : 0;
	const perWeight = new Float64Array(n);
	let weight = older;
	for (let i = 0; i < n; i++) {
		weight += weightAdded[i];
		perWeight[i] = weight > 0 ? baseline[i] / weight : 0;
	}
	const suffix = new Float64Array(n + 1);
	for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + perWeight[i];
	for (const post of posts) post.tailViews = weightOf(post) * suffix[post.day - window.start];
}

/** One lifetime metric of a post. */
export function postMetric(sim: AccountSimulation, post: SimPost, field: PostField): number {
	return sim.postMetrics[post.metricsAt + FIELD[field]];
}

/** A post's metrics as an export made on `exportDay` shows them (younger posts have gathered less). */
export function postSnapshot(
	sim: AccountSimulation,
	post: SimPost,
	exportDay: DayNumber,
	snapshot: Float64Array = new Float64Array(POST_FIELDS.length)
): Float64Array {
	const member = sim.member;
	const share = maturity(member.platform, exportDay - post.day);
	for (let f = 0; f < POST_FIELDS.length; f++) snapshot[f] = sim.postMetrics[post.metricsAt + f] * share;
	if (member.platform === 'youtube' && post.tailViews > 0) {
		const spikeViews = snapshot[FIELD.views];
		const total = spikeViews + post.tailViews;
		const scale = spikeViews > 0 ? total / spikeViews : 1;
		for (const field of ['likes', 'comments', 'shares', 'follows', 'impressions'] as const) snapshot[FIELD[field]] *= scale;
		snapshot[FIELD.watchSeconds] += post.tailViews * Math.min(post.durationSeconds * 0.35, YOUTUBE_TAIL_SECONDS_PER_VIEW * 2);
		snapshot[FIELD.views] = total;
	}
	return snapshot;
}
