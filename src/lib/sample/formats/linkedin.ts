/**
 * LinkedIn Page analytics workbooks (platform-exports.md §5), written as .xlsx:
 * - `<vanity>_followers_<epoch-ms>.xlsx`: `New followers` (header on row 1; "Total followers" is
 *   that day's new followers, not the running total) and five demographic snapshot sheets;
 * - `<vanity>_content_<epoch-ms>.xlsx`: `Metrics` and `All posts`, each with a one-cell
 *   description on row 1 and the header on row 2;
 * - `<vanity>_visitors_<epoch-ms>.xlsx`: daily page views and visitor demographics.
 * Dates are `MM/DD/YYYY` text; each export covers at most a year, as LinkedIn allows.
 */
import { dayOf, paddedMonthDayYear, trailingChunks, type DayRange } from '../calendar';
import { LINKEDIN_AUDIENCES, type LinkedInAudience, type Shares } from '../audiences';
import { exportMomentOn, linkedInActivityId, postCopyOf, type GeneratedFile, type WriterContext } from '../context';
import { randomFor, type Random } from '../random';
import { FIELD, postSnapshot, type AccountSimulation } from '../simulate';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../xlsx';
import { epochMilliseconds } from '../zip';

export const LINKEDIN_NEW_FOLLOWERS_HEADER = ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'];
const ENGAGEMENT_GROUPS = ['Impressions', 'Clicks', 'Reactions', 'Comments'];
function metricsHeader(repostsLabel: string): string[] {
	const header = ['Date', 'Impressions (organic)', 'Impressions (sponsored)', 'Impressions (total)', 'Unique impressions (organic)'];
	for (const group of [...ENGAGEMENT_GROUPS.slice(1), repostsLabel]) header.push(`${group} (organic)`, `${group} (sponsored)`, `${group} (total)`);
	header.push('Engagement rate (organic)', 'Engagement rate (sponsored)', 'Engagement rate (total)');
	return header;
}
export const LINKEDIN_METRICS_HEADER = metricsHeader('Reposts');
export const LINKEDIN_ALL_POSTS_HEADER = [
	'Post title',
	'Post link',
	'Post type',
	'Campaign name',
	'Posted by',
	'Created date',
	'Campaign start date',
	'Campaign end date',
	'Audience',
	'Impressions',
	'Views',
	'Offsite Views',
	'Clicks',
	'Click through rate (CTR)',
	'Likes',
	'Comments',
	'Reposts',
	'Follows',
	'Engagement rate',
	'Content Type'
];
const VISITOR_PAGES = ['Overview', 'Life', 'Jobs', 'Total'];
export const LINKEDIN_VISITORS_HEADER = [
	'Date',
	...VISITOR_PAGES.flatMap((page) =>
		['page views', 'unique visitors'].flatMap((what) => ['desktop', 'mobile', 'total'].map((device) => `${page} ${what} (${device})`))
	)
];
/** The wording of the description rows is not known from real files (see the reference); these follow importer fixtures. */
export const LINKEDIN_METRICS_DESCRIPTION = 'Aggregated metrics for all posts by date';
export const LINKEDIN_POSTS_DESCRIPTION = 'Engagement metrics for individual posts. Metrics are lifetime totals as of the export date.';

/** Exports made before 2024 used "Shares" where current ones say "Reposts". */
const REPOSTS_LABEL_FROM = dayOf(2024, 1, 1);
const DEMOGRAPHIC_SHEETS: readonly [sheet: string, key: keyof LinkedInAudience, coverage: number][] = [
	['Location', 'location', 0.97],
	['Job function', 'jobFunction', 0.78],
	['Seniority', 'seniority', 0.86],
	['Industry', 'industry', 0.82],
	['Company size', 'companySize', 0.74]
];
/** Shorter leftovers at the start of the history get no export. */
const MIN_EXPORT_DAYS = 30;
const POSTERS = ['Anna Berg', 'Priya Nair', 'Marcus Johnson', 'Elena Rossi', 'Lukas Meier', 'Sofia Lindqvist', 'Olivia Brown'];

function demographicSheets(audience: LinkedInAudience, total: number, random: Random, column: string): XlsxSheet[] {
	return DEMOGRAPHIC_SHEETS.map(([sheet, key, coverage]) => {
		const shares: Shares = audience[key];
		const weights = shares.map(([, weight]) => weight * random.logNormal(0.08));
		const sum = weights.reduce((a, b) => a + b, 0);
		const rows = shares
			.map(([label], index): [string, number] => [label, Math.round((total * coverage * weights[index]) / sum)])
			.filter(([, count]) => count > 0)
			.sort((a, b) => b[1] - a[1]);
		return { name: sheet, rows: [[sheet, column], ...rows] };
	});
}

function followersWorkbook(context: WriterContext, sim: AccountSimulation, range: DayRange, audience: LinkedInAudience): GeneratedFile {
	const moment = exportMomentOn(context, sim.member, `followers-${range.to}`, range.to + 1);
	const random = randomFor(context.seed, sim.member.key, 'followers-export', range.to);
	const rows: XlsxCell[][] = [LINKEDIN_NEW_FOLLOWERS_HEADER];
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		const total = sim.gained[i];
		const sponsored = Math.round(total * sim.paidShare[i]);
		const invited = Math.min(total - sponsored, random.poisson(total * 0.03));
		rows.push([paddedMonthDayYear(day), sponsored, total - sponsored - invited, invited, total]);
	}
	const level = sim.followers[range.to - sim.window.start];
	const sheets = [{ name: 'New followers', rows }, ...demographicSheets(audience, level, random, 'Total followers')];
	return { name: `${sim.member.name}_followers_${epochMilliseconds(moment)}.xlsx`, bytes: writeXlsx(sheets, moment) };
}

function contentWorkbook(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile {
	const member = sim.member;
	const exportDay = range.to + 1;
	const moment = exportMomentOn(context, member, `content-${range.to}`, exportDay);
	const random = randomFor(context.seed, member.key, 'content-export', range.to);
	const metrics: XlsxCell[][] = [[LINKEDIN_METRICS_DESCRIPTION], metricsHeader(exportDay < REPOSTS_LABEL_FROM ? 'Shares' : 'Reposts')];
	const rate = (engaged: number, impressions: number): number => (impressions > 0 ? engaged / impressions : 0);
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		const paid = sim.paidShare[i];
		const organic = {
			impressions: Math.round(sim.daily[FIELD.impressions][i]),
			clicks: Math.round(sim.daily[FIELD.clicks][i]),
			reactions: Math.round(sim.daily[FIELD.likes][i]),
			comments: Math.round(sim.daily[FIELD.comments][i]),
			reposts: Math.round(sim.daily[FIELD.shares][i])
		};
		// sponsored content engages a little less than organic posts
		const sponsored = {
			impressions: Math.round(organic.impressions * paid),
			clicks: Math.round(organic.clicks * paid * 0.8),
			reactions: Math.round(organic.reactions * paid * 0.6),
			comments: Math.round(organic.comments * paid * 0.5),
			reposts: Math.round(organic.reposts * paid * 0.5)
		};
		const engaged = (m: typeof organic): number => m.clicks + m.reactions + m.comments + m.reposts;
		const row: XlsxCell[] = [paddedMonthDayYear(day), organic.impressions, sponsored.impressions, organic.impressions + sponsored.impressions];
		row.push(Math.round(organic.impressions * 0.62));
		for (const key of ['clicks', 'reactions', 'comments', 'reposts'] as const) row.push(organic[key], sponsored[key], organic[key] + sponsored[key]);
		row.push(
			rate(engaged(organic), organic.impressions),
			rate(engaged(sponsored), sponsored.impressions),
			rate(engaged(organic) + engaged(sponsored), organic.impressions + sponsored.impressions)
		);
		metrics.push(row);
	}

	const posts: XlsxCell[][] = [[LINKEDIN_POSTS_DESCRIPTION], LINKEDIN_ALL_POSTS_HEADER];
	const owner = member.owner?.replace(/\s*\(.*\)$/, '');
	for (const post of sim.posts.filter((p) => p.day >= range.from && p.day <= range.to).reverse()) {
		const s = postSnapshot(sim, post, exportDay);
		const i = post.day - sim.window.start;
		const sponsored = sim.paidShare[i] > 0 && post.event !== null && random.chance(0.5);
		const impressions = Math.max(1, Math.round(s[FIELD.impressions] * (sponsored ? 1.8 : 1)));
		const clicks = Math.round(s[FIELD.clicks]);
		const likes = Math.round(s[FIELD.likes]);
		const comments = Math.round(s[FIELD.comments]);
		const reposts = Math.round(s[FIELD.shares]);
		const follows = Math.round(s[FIELD.follows]);
		const video = post.media === 'video';
		const campaign = sponsored && post.event ? `${post.event.id} – sponsored` : '';
		posts.push([
			postCopyOf(context, member, post).title,
			`https://www.linkedin.com/feed/update/urn:li:activity:${linkedInActivityId(context, member, post)}`,
			sponsored ? 'Sponsored' : 'Organic',
			campaign,
			owner ?? random.pick(POSTERS),
			paddedMonthDayYear(post.day),
			sponsored ? paddedMonthDayYear(post.day) : '',
			sponsored ? paddedMonthDayYear(post.day + 7) : '',
			'All followers',
			impressions,
			video ? Math.round(s[FIELD.views]) : null,
			video ? Math.round(s[FIELD.views] * 0.04) : null,
			clicks,
			clicks / impressions,
			likes,
			comments,
			reposts,
			follows,
			(clicks + likes + comments + reposts + follows) / impressions,
			video ? 'Video' : post.media === 'document' ? 'Document' : post.media === 'link' && random.chance(0.3) ? 'Article' : null
		]);
	}
	return {
		name: `${member.name}_content_${epochMilliseconds(moment)}.xlsx`,
		bytes: writeXlsx(
			[
				{ name: 'Metrics', rows: metrics },
				{ name: 'All posts', rows: posts }
			],
			moment
		)
	};
}

function visitorsWorkbook(context: WriterContext, sim: AccountSimulation, range: DayRange, audience: LinkedInAudience): GeneratedFile {
	const moment = exportMomentOn(context, sim.member, `visitors-${range.to}`, range.to + 1);
	const random = randomFor(context.seed, sim.member.key, 'visitors-export', range.to);
	const rows: XlsxCell[][] = [LINKEDIN_VISITORS_HEADER];
	let totalViews = 0;
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		const views = sim.pageViews[i];
		const pages = [views * 0.55, views * 0.1, views * 0.35];
		const row: XlsxCell[] = [paddedMonthDayYear(day)];
		const cells = (pageViews: number): number[] => {
			const desktop = Math.round(pageViews * 0.58);
			const mobile = Math.round(pageViews * 0.42);
			const uniqueDesktop = Math.round(desktop * 0.62);
			const uniqueMobile = Math.round(mobile * 0.66);
			return [desktop, mobile, desktop + mobile, uniqueDesktop, uniqueMobile, uniqueDesktop + uniqueMobile];
		};
		const perPage = pages.map(cells);
		const totals = perPage[0].map((_, k) => perPage.reduce((sum, page) => sum + page[k], 0));
		for (const page of perPage) row.push(...page);
		row.push(...totals);
		totalViews += totals[2];
		rows.push(row);
	}
	const sheets = [{ name: 'Visitor metrics', rows }, ...demographicSheets(audience, totalViews, random, 'Total views')];
	return { name: `${sim.member.name}_visitors_${epochMilliseconds(moment)}.xlsx`, bytes: writeXlsx(sheets, moment) };
}

export function linkedinFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const first = context.window.start + sim.firstIndex;
	const end = context.window.end;
	if (first > end) return [];
	const audience = LINKEDIN_AUDIENCES[sim.member.audience] ?? LINKEDIN_AUDIENCES.corporate!;
	const files: GeneratedFile[] = [];
	// whole years back from the end; a leftover of a few days at the start is not worth an export
	const years = (step: number) => trailingChunks(first, end, 365, step).filter((range, i) => i > 0 || range.to - range.from >= MIN_EXPORT_DAYS - 1);
	// overlapping follower exports by a month where the cast asks for it
	for (const range of years(sim.member.exports?.overlap ? 335 : 365)) files.push(followersWorkbook(context, sim, range, audience));
	for (const range of years(365)) {
		files.push(contentWorkbook(context, sim, range), visitorsWorkbook(context, sim, range, audience));
	}
	return files;
}
