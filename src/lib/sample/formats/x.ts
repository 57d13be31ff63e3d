/**
 * X / Twitter exports (platform-exports.md §2):
 * - legacy per-tweet `tweet_activity_metrics_<handle>_<from>_<to>_en.csv`: every field quoted,
 *   counts as floats ("1777.0"), promoted columns "-", newest first, LF with a trailing newline;
 * - legacy by-day `daily_tweet_activity_metrics_<handle>_…_en.csv`: integers, oldest first;
 * - X Premium content `account_analytics_content_<from>_<to>.csv` (CRLF, text quoted only when
 *   needed, line breaks flattened), in its early-2025 or late-2025 header generation;
 * - X Premium `account_overview_analytics.csv`, which names no account: benchmark only.
 * Legacy file names end on the day after the last day covered, as the real ones do.
 */
import { dayOf, addMonths, calendarChunks, clock, compactDate, dateString, firstOfMonth, isoDate, weekdayAbbreviatedDate } from '../calendar';
import { csvText, fraction, quoted } from '../csv';
import { Utf8Writer, utf8 } from '../bytes';
import { postCopyOf, utcTimeOf, xPostId, type GeneratedFile, type WriterContext } from '../context';
import { FIELD, POST_FIELDS, postSnapshot, type AccountSimulation, type SimPost } from '../simulate';
import type { DayRange } from '../calendar';

const PROMOTED = [
	'promoted impressions',
	'promoted engagements',
	'promoted engagement rate',
	'promoted retweets',
	'promoted replies',
	'promoted likes',
	'promoted user profile clicks',
	'promoted url clicks',
	'promoted hashtag clicks',
	'promoted detail expands',
	'promoted permalink clicks',
	'promoted app opens',
	'promoted app installs',
	'promoted follows',
	'promoted email tweet',
	'promoted dial phone',
	'promoted media views',
	'promoted media engagements'
];
const SHARED_METRICS = [
	'engagements',
	'engagement rate',
	'retweets',
	'replies',
	'likes',
	'user profile clicks',
	'url clicks',
	'hashtag clicks',
	'detail expands',
	'permalink clicks',
	'app opens',
	'app installs',
	'follows',
	'email tweet',
	'dial phone',
	'media views',
	'media engagements'
];

export const X_TWEET_ACTIVITY_HEADER = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', ...SHARED_METRICS, ...PROMOTED];
export const X_DAILY_ACTIVITY_HEADER = ['Date', 'Tweets published', 'impressions', ...SHARED_METRICS, ...PROMOTED];
export const X_CONTENT_HEADER_EARLY_2025 =
	'Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Replies,Reposts,Profile visits,Detail expands,Url clicks,Hashtag clicks,Permalink clicks'.split(',');
export const X_CONTENT_HEADER_LATE_2025 =
	'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks'.split(',');
export const X_OVERVIEW_HEADER =
	'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views'.split(',');

const NOT_PROMOTED = PROMOTED.map(() => '-');
const NOT_PROMOTED_CELLS = NOT_PROMOTED.map(quoted).join(',');
const X_TWEET_ACTIVITY_HEADER_LINE = X_TWEET_ACTIVITY_HEADER.map(quoted).join(',');
/** X Premium switched to the `Post Link` / `Shares` header generation during 2025. */
const LATE_2025_HEADER_FROM = dayOf(2025, 7, 1);
/** Per-tweet exports: monthly for the most recent months, quarterly before (what a social team archives). */
const MONTHLY_PER_TWEET_MONTHS = 3;
/** By-day exports: half-yearly archives. */
const DAILY_EXPORT_MONTHS = 6;
const PREMIUM_CONTENT_DAYS = 90;

interface TweetCounts {
	impressions: number;
	engagements: number;
	retweets: number;
	replies: number;
	likes: number;
	profileClicks: number;
	urlClicks: number;
	hashtagClicks: number;
	detailExpands: number;
	permalinkClicks: number;
	follows: number;
	mediaViews: number;
	mediaEngagements: number;
	bookmarks: number;
}

function countsOf(values: Float64Array): TweetCounts {
	const r = (field: keyof typeof FIELD): number => Math.round(values[FIELD[field]]);
	const counts = {
		impressions: Math.max(1, r('impressions')),
		retweets: r('shares'),
		replies: r('comments'),
		likes: r('likes'),
		profileClicks: r('profileVisits'),
		urlClicks: r('linkClicks'),
		hashtagClicks: r('hashtagClicks'),
		detailExpands: r('detailExpands'),
		permalinkClicks: r('permalinkClicks'),
		follows: r('follows'),
		mediaViews: r('mediaViews'),
		mediaEngagements: r('mediaEngagements'),
		bookmarks: r('saves'),
		engagements: 0
	};
	// X's engagements are the sum of every interaction, media engagements included
	counts.engagements =
		counts.retweets + counts.replies + counts.likes + counts.profileClicks + counts.urlClicks + counts.hashtagClicks +
		counts.detailExpands + counts.permalinkClicks + counts.follows + counts.mediaEngagements;
	return counts;
}

function legacyTime(sim: AccountSimulation, post: SimPost): string {
	const { day, minute } = utcTimeOf(sim.member, post);
	return `${isoDate(day)} ${clock(minute)} +0000`;
}

/**
 * Posts in a date range, newest first. Ranges are picked in the exporter's own calendar while the
 * `time` column is UTC, as on analytics.twitter.com.
 */
function postsIn(sim: AccountSimulation, range: DayRange): SimPost[] {
	return sim.posts.filter((post) => post.day >= range.from && post.day <= range.to).reverse();
}

function perTweetFile(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile | null {
	const posts = postsIn(sim, range);
	if (posts.length === 0) return null;
	const handle = sim.member.name;
	const exportDay = range.to + 1;
	// written straight to bytes: this file type carries most of the benchmark's 300,000 posts
	const out = new Utf8Writer({ capacity: 2048 + posts.length * 480 });
	out.ascii(X_TWEET_ACTIVITY_HEADER_LINE).ascii('\n');
	const snapshot = new Float64Array(POST_FIELDS.length);
	for (const post of posts) {
		const id = xPostId(context, sim.member, post);
		const c = countsOf(postSnapshot(sim, post, exportDay, snapshot));
		out.ascii(`"${id}","https://twitter.com/${handle}/status/${id}",`);
		out.text(quoted(postCopyOf(context, sim.member, post).text));
		out.ascii(
			`,"${legacyTime(sim, post)}","${c.impressions}.0","${c.engagements}.0","${fraction(c.engagements, c.impressions)}",` +
				`"${c.retweets}.0","${c.replies}.0","${c.likes}.0","${c.profileClicks}.0","${c.urlClicks}.0","${c.hashtagClicks}.0",` +
				`"${c.detailExpands}.0","${c.permalinkClicks}.0","0","0","${c.follows}","0","0","${c.mediaViews}","${c.mediaEngagements}",${NOT_PROMOTED_CELLS}\n`
		);
	}
	return {
		name: `tweet_activity_metrics_${handle}_${compactDate(range.from)}_${compactDate(exportDay)}_en.csv`,
		bytes: out.toBytes()
	};
}

function dailyFile(sim: AccountSimulation, range: DayRange): GeneratedFile {
	const rows: string[][] = [X_DAILY_ACTIVITY_HEADER];
	const values = new Float64Array(sim.daily.length);
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		for (let f = 0; f < sim.daily.length; f++) values[f] = sim.daily[f][i];
		const c = countsOf(values);
		const impressions = Math.round(sim.daily[FIELD.impressions][i]);
		rows.push([
			isoDate(day),
			String(sim.postsPublished[i]),
			String(impressions),
			String(c.engagements),
			fraction(c.engagements, impressions),
			String(c.retweets),
			String(c.replies),
			String(c.likes),
			String(c.profileClicks),
			String(c.urlClicks),
			String(c.hashtagClicks),
			String(c.detailExpands),
			String(c.permalinkClicks),
			'0',
			'0',
			String(c.follows),
			'0',
			'0',
			String(c.mediaViews),
			String(c.mediaEngagements),
			...NOT_PROMOTED
		]);
	}
	return {
		name: `daily_tweet_activity_metrics_${sim.member.name}_${compactDate(range.from)}_${compactDate(range.to + 1)}_en.csv`,
		bytes: utf8(csvText(rows, { quote: 'all', eol: '\n', trailingNewline: true }))
	};
}

function premiumContentFile(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile | null {
	const posts = postsIn(sim, range);
	if (posts.length === 0) return null;
	const exportDay = range.to + 1;
	const late = exportDay >= LATE_2025_HEADER_FROM;
	const rows: string[][] = [late ? X_CONTENT_HEADER_LATE_2025 : X_CONTENT_HEADER_EARLY_2025];
	for (const post of posts) {
		const id = xPostId(context, sim.member, post);
		const c = countsOf(postSnapshot(sim, post, exportDay));
		rows.push([
			id,
			late ? weekdayAbbreviatedDate(post.day) : dateString(post.day),
			// the Premium export flattens line breaks inside posts into spaces
			postCopyOf(context, sim.member, post).text.replace(/\s*\n+\s*/g, ' '),
			`https://x.com/${sim.member.name}/status/${id}`,
			String(c.impressions),
			String(c.likes),
			String(c.engagements + c.bookmarks),
			String(c.bookmarks),
			String(Math.round(c.retweets * 0.15)),
			String(c.follows),
			String(c.replies),
			String(c.retweets),
			String(c.profileClicks),
			String(c.detailExpands),
			String(c.urlClicks),
			String(c.hashtagClicks),
			String(c.permalinkClicks)
		]);
	}
	// the name's dates are UTC ISO dates and "to" is the day after the last day shown
	return {
		name: `account_analytics_content_${isoDate(range.from)}_${isoDate(exportDay)}.csv`,
		bytes: utf8(csvText(rows, { quote: 'minimal', eol: '\r\n', trailingNewline: true }))
	};
}

function overviewFile(sim: AccountSimulation, range: DayRange): GeneratedFile {
	const rows: string[][] = [X_OVERVIEW_HEADER];
	const values = new Float64Array(sim.daily.length);
	for (let day = range.to; day >= range.from; day--) {
		const i = day - sim.window.start;
		for (let f = 0; f < sim.daily.length; f++) values[f] = sim.daily[f][i];
		const c = countsOf(values);
		rows.push([
			weekdayAbbreviatedDate(day),
			String(Math.round(sim.daily[FIELD.impressions][i])),
			String(c.likes),
			String(c.engagements + c.bookmarks),
			String(c.bookmarks),
			String(Math.round(c.retweets * 0.15)),
			String(sim.gained[i]),
			String(sim.lost[i]),
			String(c.replies),
			String(c.retweets),
			String(c.profileClicks),
			String(sim.postsPublished[i]),
			String(Math.round(c.mediaViews * 0.3)),
			String(c.mediaViews)
		]);
	}
	// only the Date field is quoted (it contains commas); no trailing newline
	return { name: 'account_overview_analytics.csv', bytes: utf8(csvText(rows, { quote: 'minimal', eol: '\n', trailingNewline: false })) };
}

export function xFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const { window } = context;
	const first = window.start + sim.firstIndex;
	const end = window.end;
	if (first > end) return [];
	const files: GeneratedFile[] = [];

	const dailyRanges = calendarChunks(first, end, DAILY_EXPORT_MONTHS);
	if (sim.member.exports?.overlap && dailyRanges.length > 1) {
		// a second export straddling the last half-year boundary: the same days, the same numbers
		const boundary = dailyRanges[dailyRanges.length - 1].from;
		dailyRanges.push({ from: Math.max(first, boundary - 45), to: Math.min(end, boundary + 45) });
	}
	for (const range of dailyRanges) files.push(dailyFile(sim, range));

	const monthlyFrom = addMonths(firstOfMonth(end), -(MONTHLY_PER_TWEET_MONTHS - 1));
	const perTweetRanges = [
		...(first < monthlyFrom ? calendarChunks(first, monthlyFrom - 1, 3) : []),
		...calendarChunks(Math.max(first, monthlyFrom), end, 1)
	];
	for (const range of perTweetRanges) {
		const file = perTweetFile(context, sim, range);
		if (file) files.push(file);
	}

	if (sim.member.exports?.premiumContent) {
		const file = premiumContentFile(context, sim, { from: Math.max(first, end - PREMIUM_CONTENT_DAYS + 1), to: end });
		if (file) files.push(file);
	}
	if (context.anonymousFiles && context.overviewAccountKey === sim.member.key) {
		files.push(overviewFile(sim, { from: Math.max(first, end - PREMIUM_CONTENT_DAYS + 1), to: end }));
	}
	return files;
}
