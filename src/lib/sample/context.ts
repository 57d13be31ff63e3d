/** What every format writer gets, and the helpers they share (post texts, ids, export times). */
import type { DayNumber } from '../domain/days';
import type { CastMember } from './cast';
import { Random, hashLabels, mixSeed, randomFor } from './random';
import { REGION_UTC_OFFSET_MINUTES, type AccountSimulation, type SimPost, type WorkspaceWindow } from './simulate';
import { writePostCopy, type PostCopy } from './texts';
import type { ExportMoment } from './zip';

export interface GeneratedFile {
	name: string;
	bytes: Uint8Array;
}

export interface WriterContext {
	seed: number;
	window: WorkspaceWindow;
	/** Every simulated account by cast key (copied posts look up their original here). */
	simulations: ReadonlyMap<string, AccountSimulation>;
	/** Emit exports whose real name and content do not say whose they are (benchmark only). */
	anonymousFiles: boolean;
	/** The account that gets X Premium's anonymous `account_overview_analytics.csv`, if any. */
	overviewAccountKey: string | null;
}

/** Days before the end at which the "recent" export generations begin (Meta Business Suite daily files). */
export const RECENT_ERA_DAYS = 547;

const streamSeeds = new WeakMap<WriterContext, Map<CastMember, Map<string, number>>>();

/**
 * The random stream of one post for one purpose (its text, its id…). Hashing the labels once per
 * account and mixing in the post's serial keeps this cheap for hundreds of thousands of posts.
 */
export function postRandom(context: WriterContext, member: CastMember, purpose: string, serial: number): Random {
	let byMember = streamSeeds.get(context);
	if (!byMember) {
		byMember = new Map();
		streamSeeds.set(context, byMember);
	}
	let byPurpose = byMember.get(member);
	if (!byPurpose) {
		byPurpose = new Map();
		byMember.set(member, byPurpose);
	}
	let stream = byPurpose.get(purpose);
	if (stream === undefined) {
		stream = hashLabels(context.seed, member.key, purpose);
		byPurpose.set(purpose, stream);
	}
	return new Random(mixSeed(stream, serial));
}

/** The text of a post; a re-post gets its original's text, word for word. */
export function postCopyOf(context: WriterContext, member: CastMember, post: SimPost): PostCopy {
	if (post.copyOf) {
		const source = context.simulations.get(post.copyOf.memberKey);
		const original = source?.posts[post.copyOf.serial];
		if (source && original) {
			const copy = postCopyOf(context, source.member, original);
			if (member.platform !== 'x') return copy;
			// every tweet gets its own t.co short link, so word-for-word copies still differ there
			const random = postRandom(context, member, 'link', post.serial);
			const text = copy.text.replace(/https:\/\/t\.co\/[A-Za-z0-9]+/g, () => `https://t.co/${random.token(10, T_CO_CHARS)}`);
			return { text, title: copy.title };
		}
	}
	return writePostCopy(member, post.kind, post.event, post.day, postRandom(context, member, 'text', post.serial));
}

/** The post's time in UTC as a day and minutes after midnight. */
export function utcTimeOf(member: CastMember, post: SimPost): { day: DayNumber; minute: number } {
	const minutes = post.minute - REGION_UTC_OFFSET_MINUTES[member.region];
	const dayShift = Math.floor(minutes / 1440);
	return { day: post.day + dayShift, minute: minutes - dayShift * 1440 };
}

/** The post's moment in Unix milliseconds; `withinMinute` (0–59,999) spreads posts of the same minute. */
export function utcEpochMilliseconds(member: CastMember, post: SimPost, withinMinute: number): number {
	const { day, minute } = utcTimeOf(member, post);
	return (day * 1440 + minute) * 60_000 + withinMinute;
}

/** When someone exported a file covering up to the day before `day`: during office hours that day. */
export function exportMomentOn(context: WriterContext, member: CastMember, label: string, day: DayNumber): ExportMoment {
	const random = randomFor(context.seed, member.key, 'export', label);
	return { day, second: random.int(8 * 3600, 18 * 3600) };
}

const T_CO_CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const YOUTUBE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * X and LinkedIn ids are Snowflakes: milliseconds since the service's epoch shifted left 22 bits,
 * so they sort by time and run to 19 digits (beyond Number.MAX_SAFE_INTEGER, hence BigInt).
 */
export function xPostId(context: WriterContext, member: CastMember, post: SimPost): string {
	const random = postRandom(context, member, 'id', post.serial);
	const ms = BigInt(utcEpochMilliseconds(member, post, random.int(0, 59_999)));
	return String(((ms - 1288834974657n) << 22n) | BigInt(random.int(0, 0x3fffff)));
}

export function linkedInActivityId(context: WriterContext, member: CastMember, post: SimPost): string {
	const random = postRandom(context, member, 'id', post.serial);
	const ms = BigInt(utcEpochMilliseconds(member, post, random.int(0, 59_999)));
	return String((ms << 22n) | BigInt(random.int(0, 0x3fffff)));
}

/** TikTok video ids put the Unix second in the top 32 bits. */
export function tiktokVideoId(context: WriterContext, member: CastMember, post: SimPost): string {
	const random = postRandom(context, member, 'id', post.serial);
	const seconds = BigInt(Math.floor(utcEpochMilliseconds(member, post, random.int(0, 59_999)) / 1000));
	return String((seconds << 32n) | BigInt(random.int(0, 0x7fffffff)));
}

export function facebookPageId(context: WriterContext, member: CastMember): string {
	return `100${randomFor(context.seed, member.key, 'page-id').digits(12)}`;
}

export function facebookPostId(context: WriterContext, member: CastMember, post: SimPost): string {
	return postRandom(context, member, 'id', post.serial).digits(16);
}

export function facebookPermalink(context: WriterContext, member: CastMember, post: SimPost, vanity: string): string {
	const random = postRandom(context, member, 'permalink', post.serial);
	if (post.media === 'reel') return `https://www.facebook.com/reel/${random.digits(15)}`;
	if (post.media === 'video') return `https://www.facebook.com/${vanity}/videos/${random.digits(16)}/`;
	return `https://www.facebook.com/${vanity}/posts/pfbid0${random.token(50, BASE58)}l`;
}

export function instagramAccountId(context: WriterContext, member: CastMember): string {
	return `17841${randomFor(context.seed, member.key, 'account-id').digits(12)}`;
}

export function instagramMediaId(context: WriterContext, member: CastMember, post: SimPost): string {
	return `179${postRandom(context, member, 'id', post.serial).digits(14)}`;
}

export function instagramPermalink(context: WriterContext, member: CastMember, post: SimPost): string {
	const random = postRandom(context, member, 'permalink', post.serial);
	const code = `${random.pick(['C', 'D'])}${random.token(10, YOUTUBE_ID_CHARS)}`;
	return `https://www.instagram.com/${post.media === 'reel' ? 'reel' : 'p'}/${code}/`;
}

/** Every 37th video id starts with "-", the case YouTube Studio writes with a protective leading space. */
export function youtubeVideoId(context: WriterContext, member: CastMember, post: SimPost): string {
	const random = postRandom(context, member, 'id', post.serial);
	const rest = random.token(10, YOUTUBE_ID_CHARS);
	return (post.serial % 37 === 2 ? '-' : random.token(1, YOUTUBE_ID_CHARS.slice(0, 62))) + rest;
}

/** Meta Business Suite appends a number to export names that differs on every export. */
export function metaExportNumber(context: WriterContext, member: CastMember, label: string): string {
	return randomFor(context.seed, member.key, 'export-number', label).digits(16);
}

/** The Facebook vanity name in permalinks: the page name without spaces. */
export function facebookVanity(member: CastMember): string {
	return member.name.replace(/[^A-Za-z0-9.]/g, '');
}
