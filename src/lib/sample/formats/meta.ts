/**
 * Facebook and Instagram exports (platform-exports.md §4):
 * - legacy Page Insights page-level CSV for the older years: description row under the header,
 *   CRLF, no BOM, `M/D/YYYY`, empty like-source cells when zero, at most 180 days per file;
 * - Meta Business Suite post exports (`<Mon-DD-YYYY>_<Mon-DD-YYYY>_<number>.csv`): UTF-8 with BOM,
 *   `Date` = `Lifetime`, `Publish time` = `MM/dd/yyyy HH:mm`, Impressions before 2025, Views after;
 * - Meta Business Suite per-metric daily files (`Follows.csv`, …): UTF-16LE with BOM, `sep=,`,
 *   a metric-title line, then `"Date","Primary"`. The real files name no account, so the sample
 *   bundles them in a zip named `Meta Insights - <Facebook|Instagram> - <page or username> - <from> - <to>.zip`
 *   (the convention documented in docs/sample-data.md).
 */
import { dayOf, calendarChunks, clock, isoDate, metaFileDate, monthDayYear, paddedMonthDayYear, trailingChunks, type DayRange } from '../calendar';
import { csvText, quoted, quotedIfSpaced } from '../csv';
import { Utf8Writer, utf16leWithBom, utf8 } from '../bytes';
import {
	RECENT_ERA_DAYS,
	exportMomentOn,
	facebookPageId,
	facebookPermalink,
	facebookPostId,
	facebookVanity,
	instagramAccountId,
	instagramMediaId,
	instagramPermalink,
	metaExportNumber,
	postCopyOf,
	type GeneratedFile,
	type WriterContext
} from '../context';
import { randomFor } from '../random';
import { FIELD, POST_FIELDS, postSnapshot, type AccountSimulation } from '../simulate';
import { writeZip } from '../zip';

const LIKE_SOURCES = [
	'api',
	'fan_context_story',
	'favorites',
	'hovercard',
	'invitations',
	'like_story',
	'mobile',
	'page_invite',
	'page_invite_escape_hatch_finch',
	'page_profile',
	'recommended_pages',
	'reminder_box_invite',
	'search',
	'timeline',
	'timeline_collection',
	'vertex_page'
];
/** Where new likes came from, roughly (most sources are usually empty). */
const LIKE_SOURCE_WEIGHTS: Record<string, number> = { mobile: 5, page_profile: 3, search: 1.5, timeline: 1, recommended_pages: 1, api: 0.3 };

const REACH_SCOPE =
	'had any content from your Page or about your Page enter their screen. This includes posts, check-ins, ads, social information from people who interact with your Page and more.';
const ORGANIC_REACH_SCOPE =
	'had any content from your Page or about your Page enter their screen through unpaid distribution. This includes posts, check-ins, social information from people who interact with your Page and more.';
const PAID_REACH_SCOPE = 'had any content from your Page or about your Page enter their screen through paid distribution such as an ad.';

function periodDescriptions(prefix: string, subject: string, unit: string): string[] {
	return ['Daily', 'Weekly', '28 Days'].map((period) => `${period}: ${prefix}${subject} (${unit})`);
}

/** The first 41 columns of the legacy page-level export and its description row, verbatim where the reference quotes them. */
export const FACEBOOK_PAGE_LEVEL_HEADER = [
	'Date',
	'Lifetime Total Likes',
	'Daily New Likes',
	'Daily Unlikes',
	'Daily Page Engaged Users',
	'Weekly Page Engaged Users',
	'28 Days Page Engaged Users',
	...LIKE_SOURCES.map((source) => `Daily Like Sources - ${source}`),
	'Daily Total Reach',
	'Weekly Total Reach',
	'28 Days Total Reach',
	'Daily Organic Reach',
	'Weekly Organic Reach',
	'28 Days Organic Reach',
	'Daily Paid Reach',
	'Weekly Paid Reach',
	'28 Days Paid Reach',
	'Daily Total Impressions',
	'Weekly Total Impressions',
	'28 Days Total Impressions',
	'Daily Organic impressions',
	'Weekly Organic impressions',
	'28 Days Organic impressions',
	'Daily Paid Impressions',
	'Weekly Paid Impressions',
	'28 Days Paid Impressions'
];
const FACEBOOK_PAGE_LEVEL_DESCRIPTIONS = [
	'',
	'Lifetime: The total number of people who have liked your Page. (Unique Users)',
	'Daily: The number of new people who have liked your Page (Unique Users)',
	'Daily: The number of Unlikes of your Page (Unique Users)',
	...periodDescriptions('The number of people who engaged with your Page. ', 'Engagement includes any click or story created.', 'Unique Users'),
	...LIKE_SOURCES.map(
		() => 'Daily: The number of people who liked your Page, broken down by the most common places where people can like your Page. (Unique Users)'
	),
	...periodDescriptions('The number of people who ', REACH_SCOPE, 'Unique Users'),
	...periodDescriptions('The number of people who ', ORGANIC_REACH_SCOPE, 'Unique Users'),
	...periodDescriptions('The number of people who ', PAID_REACH_SCOPE, 'Unique Users'),
	...periodDescriptions("The number of times any content from your Page or about your Page entered a person's screen. ", 'This includes posts, check-ins, ads, social information from people who interact with your Page and more.', 'Total Count'),
	...periodDescriptions("The number of times any content from your Page or about your Page entered a person's screen through unpaid distribution. ", 'This includes posts, check-ins, social information from people who interact with your Page and more.', 'Total Count'),
	...periodDescriptions("The number of times any content from your Page or about your Page entered a person's screen through paid distribution ", 'such as an ad.', 'Total Count')
];

export const FACEBOOK_POSTS_HEADER = [
	'Post ID',
	'Page ID',
	'Page name',
	'Title',
	'Description',
	'Duration (sec)',
	'Publish time',
	'Caption type',
	'Permalink',
	'Is crosspost',
	'Is share',
	'Post type',
	'Languages',
	'Custom labels',
	'Funded content status',
	'Data comment',
	'Date',
	'Views',
	'Reach',
	'Reactions, Comments and Shares',
	'Reactions',
	'Comments',
	'Shares',
	'Total clicks',
	'Other Clicks',
	'Matched Audience Targeting Consumption (Photo Click)'
];
export const INSTAGRAM_POSTS_HEADER = [
	'Post ID',
	'Account ID',
	'Account username',
	'Account name',
	'Description',
	'Duration (sec)',
	'Publish time',
	'Permalink',
	'Post type',
	'Data comment',
	'Date',
	'Views',
	'Reach',
	'Likes',
	'Shares',
	'Follows',
	'Comments',
	'Saves'
];

/** Meta replaced Impressions with Views in its exports in 2025; older exports carry Impressions. */
const META_VIEWS_FROM = dayOf(2025, 1, 1);
/** Legacy Page Insights exports were capped at 180 days. */
const LEGACY_MAX_DAYS = 180;

function withImpressionsBeforeViews(header: readonly string[], exportDay: number): string[] {
	return header.map((name) => (name === 'Views' && exportDay < META_VIEWS_FROM ? 'Impressions' : name));
}

const round = (value: number): string => String(Math.round(value));

function windowSum(series: Float64Array, index: number, days: number, first: number): number {
	let total = 0;
	for (let i = Math.max(first, index - days + 1); i <= index; i++) total += series[i];
	return total;
}

function pageLevelFile(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile {
	const { window } = sim;
	const random = randomFor(context.seed, sim.member.key, 'page-level', range.from);
	const reach = sim.daily[FIELD.reach];
	const impressions = sim.daily[FIELD.impressions];
	const engaged = new Float64Array(window.length);
	for (let i = 0; i < window.length; i++) {
		engaged[i] = (sim.daily[FIELD.likes][i] + sim.daily[FIELD.comments][i] + sim.daily[FIELD.shares][i] + sim.daily[FIELD.clicks][i]) * 0.8;
	}
	const rows: string[][] = [FACEBOOK_PAGE_LEVEL_HEADER, FACEBOOK_PAGE_LEVEL_DESCRIPTIONS];
	for (let day = range.from; day <= range.to; day++) {
		const i = day - window.start;
		const gained = sim.gained[i];
		const sources = LIKE_SOURCES.map((source) => (LIKE_SOURCE_WEIGHTS[source] ?? 0) * random.logNormal(0.5));
		const sourceTotal = sources.reduce((sum, weight) => sum + weight, 0);
		let assigned = 0;
		const sourceCells = sources.map((weight, index) => {
			const count = index === LIKE_SOURCES.indexOf('mobile') ? 0 : Math.floor((gained * weight) / sourceTotal);
			assigned += count;
			return count;
		});
		sourceCells[LIKE_SOURCES.indexOf('mobile')] = gained - assigned;
		const paid = sim.paidShare[i];
		// weekly and 28-day reach count each person once, so they are far below the sum of days
		const reachCells = (series: Float64Array, scale: number): string[] => [
			round(series[i] * scale),
			round(windowSum(series, i, 7, sim.firstIndex) * scale * 0.55),
			round(windowSum(series, i, 28, sim.firstIndex) * scale * 0.32)
		];
		const countCells = (series: Float64Array, scale: number): string[] => [
			round(series[i] * scale),
			round(windowSum(series, i, 7, sim.firstIndex) * scale),
			round(windowSum(series, i, 28, sim.firstIndex) * scale)
		];
		rows.push([
			monthDayYear(day),
			String(sim.followers[i]),
			String(gained),
			String(sim.lost[i]),
			round(engaged[i]),
			round(windowSum(engaged, i, 7, sim.firstIndex) * 0.7),
			round(windowSum(engaged, i, 28, sim.firstIndex) * 0.5),
			...sourceCells.map((count) => (count === 0 ? '' : String(count))),
			...reachCells(reach, 1 + paid),
			...reachCells(reach, 1),
			...reachCells(reach, paid),
			...countCells(impressions, 1 + paid),
			...countCells(impressions, 1),
			...countCells(impressions, paid)
		]);
	}
	return {
		name: `Facebook Insights Data Export - ${sim.member.name} - ${isoDate(range.from)} - ${isoDate(range.to)}.csv`,
		bytes: utf8(csvText(rows, { quote: 'minimal', eol: '\r\n', trailingNewline: true }))
	};
}

const FACEBOOK_POST_TYPES: Record<string, string> = { image: 'Photos', link: 'Links', video: 'Videos', reel: 'Reels' };
const INSTAGRAM_POST_TYPES: Record<string, string> = { image: 'IG image', carousel: 'IG carousel', reel: 'IG reel' };

function publishTime(day: number, minute: number): string {
	return `${paddedMonthDayYear(day)} ${clock(minute)}`;
}

function facebookPostsFile(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile | null {
	const member = sim.member;
	const posts = sim.posts.filter((post) => post.day >= range.from && post.day <= range.to).reverse();
	if (posts.length === 0) return null;
	const exportDay = range.to + 1;
	const pageId = facebookPageId(context, member);
	const pageName = quotedIfSpaced(member.name);
	const vanity = facebookVanity(member);
	const out = new Utf8Writer({ bom: true, capacity: 4096 + posts.length * 600 });
	out.ascii(withImpressionsBeforeViews(FACEBOOK_POSTS_HEADER, exportDay).map(quotedIfSpaced).join(',')).ascii('\n');
	const s = new Float64Array(POST_FIELDS.length);
	for (const post of posts) {
		postSnapshot(sim, post, exportDay, s);
		const caption = quotedIfSpaced(postCopyOf(context, member, post).text);
		const videoLike = post.media === 'video' || post.media === 'reel';
		const reactions = Math.round(s[FIELD.likes]);
		const comments = Math.round(s[FIELD.comments]);
		const shares = Math.round(s[FIELD.shares]);
		const otherClicks = Math.round(s[FIELD.clicks]);
		const photoClicks = Math.round(s[FIELD.mediaEngagements]);
		const linkClicks = Math.round(s[FIELD.linkClicks]);
		// the caption sits in Title for photos and links, in Description for videos and reels
		out.text(`${facebookPostId(context, member, post)},${pageId},${pageName},${videoLike ? `,${caption}` : `${caption},`},`);
		out.ascii(
			`${post.durationSeconds},${quoted(publishTime(post.day, post.minute))},N/A,${facebookPermalink(context, member, post, vanity)},0,0,` +
				`${FACEBOOK_POST_TYPES[post.media] ?? 'Photos'},,,,,Lifetime,${round(s[FIELD.views])},${round(s[FIELD.reach])},` +
				`${reactions + comments + shares},${reactions},${comments},${shares},${otherClicks + photoClicks + linkClicks},${otherClicks},${photoClicks}\n`
		);
	}
	return {
		name: `${metaFileDate(range.from)}_${metaFileDate(range.to)}_${metaExportNumber(context, member, `posts-${range.from}`)}.csv`,
		bytes: out.toBytes()
	};
}

function instagramPostsFile(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile | null {
	const member = sim.member;
	const posts = sim.posts.filter((post) => post.day >= range.from && post.day <= range.to).reverse();
	if (posts.length === 0) return null;
	const exportDay = range.to + 1;
	const accountId = instagramAccountId(context, member);
	const accountName = quotedIfSpaced(member.displayName);
	const out = new Utf8Writer({ bom: true, capacity: 4096 + posts.length * 500 });
	out.ascii(withImpressionsBeforeViews(INSTAGRAM_POSTS_HEADER, exportDay).map(quotedIfSpaced).join(',')).ascii('\n');
	const s = new Float64Array(POST_FIELDS.length);
	for (const post of posts) {
		postSnapshot(sim, post, exportDay, s);
		// Instagram's export quotes "Lifetime" although it has no space
		out.text(`${instagramMediaId(context, member, post)},${accountId},${member.name},${accountName},${quotedIfSpaced(postCopyOf(context, member, post).text)},`);
		out.ascii(
			`${post.durationSeconds},${quoted(publishTime(post.day, post.minute))},` +
				`${instagramPermalink(context, member, post)},${quotedIfSpaced(INSTAGRAM_POST_TYPES[post.media] ?? 'IG image')},,"Lifetime",` +
				`${round(s[FIELD.views])},${round(s[FIELD.reach])},${round(s[FIELD.likes])},${round(s[FIELD.shares])},` +
				`${round(s[FIELD.follows])},${round(s[FIELD.comments])},${round(s[FIELD.saves])}\n`
		);
	}
	return {
		name: `${metaFileDate(range.from)}_${metaFileDate(range.to)}_${metaExportNumber(context, member, `posts-${range.from}`)}.csv`,
		bytes: out.toBytes()
	};
}

interface DailyMetricFile {
	file: string;
	title: string;
	value: (index: number) => number;
	/** Instagram follows list only days with at least one follow. */
	sparse?: boolean;
}

function perMetricText(title: string, sim: AccountSimulation, range: DayRange, value: (index: number) => number, sparse: boolean): string {
	const rows: string[][] = [['Date', 'Primary']];
	for (let day = range.from; day <= range.to; day++) {
		const count = Math.round(value(day - sim.window.start));
		if (sparse && count === 0) continue;
		rows.push([`${isoDate(day)}T00:00:00`, String(count)]);
	}
	return `sep=,\n"${title}"\n${csvText(rows, { quote: 'all', eol: '\n', trailingNewline: true })}`;
}

function perMetricZip(context: WriterContext, sim: AccountSimulation, range: DayRange, platformLabel: string, metrics: DailyMetricFile[]): GeneratedFile {
	const name = `Meta Insights - ${platformLabel} - ${sim.member.name} - ${isoDate(range.from)} - ${isoDate(range.to)}`;
	const entries = metrics.map((metric) => ({
		path: metric.file,
		bytes: utf16leWithBom(perMetricText(metric.title, sim, range, metric.value, metric.sparse ?? false))
	}));
	return { name: `${name}.zip`, bytes: writeZip(entries, exportMomentOn(context, sim.member, name, range.to + 1)) };
}

function interactions(sim: AccountSimulation, i: number): number {
	return sim.daily[FIELD.likes][i] + sim.daily[FIELD.comments][i] + sim.daily[FIELD.shares][i] + sim.daily[FIELD.saves][i];
}

function eras(context: WriterContext, sim: AccountSimulation): { first: number; recentFrom: number } {
	return { first: context.window.start + sim.firstIndex, recentFrom: context.window.end - RECENT_ERA_DAYS + 1 };
}

export function facebookFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const { first, recentFrom } = eras(context, sim);
	const end = context.window.end;
	if (first > end) return [];
	const files: GeneratedFile[] = [];
	if (first < recentFrom) {
		// 180-day exports back from the switch to Business Suite, overlapping by two weeks where the cast asks for it
		const step = sim.member.exports?.overlap ? LEGACY_MAX_DAYS - 14 : LEGACY_MAX_DAYS;
		for (const range of trailingChunks(first, recentFrom - 1, LEGACY_MAX_DAYS, step)) files.push(pageLevelFile(context, sim, range));
	}
	const recentFirst = Math.max(first, recentFrom);
	for (const range of calendarChunks(recentFirst, end, 12)) {
		files.push(
			perMetricZip(context, sim, range, 'Facebook', [
				{ file: 'Follows.csv', title: 'Facebook follows', value: (i) => sim.gained[i] },
				{ file: 'Views.csv', title: 'Views', value: (i) => sim.daily[FIELD.views][i] * (1 + sim.paidShare[i]) },
				{ file: 'Interactions.csv', title: 'Content interactions', value: (i) => interactions(sim, i) },
				{ file: 'Link clicks.csv', title: 'Facebook link clicks', value: (i) => sim.daily[FIELD.linkClicks][i] },
				{ file: 'Visits.csv', title: 'Facebook visits', value: (i) => sim.pageViews[i] }
			])
		);
	}
	for (const range of calendarChunks(first, end, 6)) {
		const file = facebookPostsFile(context, sim, range);
		if (file) files.push(file);
	}
	return files;
}

export function instagramFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const { first, recentFrom } = eras(context, sim);
	const end = context.window.end;
	if (first > end) return [];
	const files: GeneratedFile[] = [];
	for (const range of calendarChunks(first, end, 6)) {
		const file = instagramPostsFile(context, sim, range);
		if (file) files.push(file);
	}
	for (const range of trailingChunks(Math.max(first, recentFrom), end, 366)) {
		files.push(
			perMetricZip(context, sim, range, 'Instagram', [
				{ file: 'Follows.csv', title: 'Instagram follows', value: (i) => sim.gained[i], sparse: true },
				{ file: 'Views.csv', title: 'Views', value: (i) => sim.daily[FIELD.views][i] },
				{ file: 'Interactions.csv', title: 'Content interactions', value: (i) => interactions(sim, i) }
			])
		);
	}
	return files;
}
