/**
 * TikTok Studio zips (platform-exports.md §6), one per section, entries stored uncompressed:
 * - `Overview_<YYYY-MM-DD>_<unix-seconds>_<handle>.zip` → `Overview.csv`: the date in the name is
 *   the window's first day, the number the export time; year-less dates ("September 25"), every
 *   field quoted, UTF-8 with BOM, no trailing newline, and `undefined` on the last, unfinished day;
 * - `Followers_<handle>.zip` → FollowerHistory / FollowerTopTerritories / FollowerGender;
 * - `Content_<handle>.zip` → Content.csv, capped at the 15 latest videos in no useful order.
 * Studio exports at most ~60 days, so the history comes as monthly Overview zips; newer exports
 * carry the "New followers" column.
 */
import { addMonths, calendarChunks, clock, isoDate, monthNameDay, type DayRange } from '../calendar';
import { csvText, decimal } from '../csv';
import { utf8 } from '../bytes';
import { TIKTOK_AUDIENCES, type Shares } from '../audiences';
import { exportMomentOn, postCopyOf, tiktokVideoId, utcTimeOf, type GeneratedFile, type WriterContext } from '../context';
import { randomFor, type Random } from '../random';
import { FIELD, postSnapshot, type AccountSimulation } from '../simulate';
import { epochSeconds, writeZip } from '../zip';

export const TIKTOK_OVERVIEW_HEADER = ['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares'];
export const TIKTOK_OVERVIEW_HEADER_WITH_FOLLOWERS = [...TIKTOK_OVERVIEW_HEADER, 'New followers'];
export const TIKTOK_FOLLOWER_HISTORY_HEADER = ['Date', 'Followers', 'Difference in followers from previous day'];
export const TIKTOK_CONTENT_HEADER = [
	'Video title',
	'Video link',
	'Post time',
	'Views in the last 7 days',
	'Total views',
	'Total likes',
	'Total comments',
	'Total shares'
];

const FOLLOWER_HISTORY_DAYS = 60;
const CONTENT_LIMIT = 15;
const TRICKLE_PER_DAY = 0.0015;
/** Exports of the last year carry "New followers"; older ones predate the column. */
const NEW_FOLLOWERS_COLUMN_DAYS = 365;

const tiktokCsv = (rows: string[][]): Uint8Array =>
	utf8(csvText(rows, { quote: 'all', eol: '\n', trailingNewline: false }), { bom: true });

function overviewZip(context: WriterContext, sim: AccountSimulation, range: DayRange, exportDay: number, unfinishedDay: number): GeneratedFile {
	const withFollowers = range.from >= context.window.end - NEW_FOLLOWERS_COLUMN_DAYS;
	const rows: string[][] = [withFollowers ? TIKTOK_OVERVIEW_HEADER_WITH_FOLLOWERS : TIKTOK_OVERVIEW_HEADER];
	const r = (field: keyof typeof FIELD, i: number): string => String(Math.round(sim.daily[FIELD[field]][i]));
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		if (day === unfinishedDay) {
			// the last day is still being counted when the export is made
			rows.push([monthNameDay(day), ...rows[0].slice(1).map(() => 'undefined')]);
			continue;
		}
		const row = [monthNameDay(day), r('views', i), r('profileVisits', i), r('likes', i), r('comments', i), r('shares', i)];
		if (withFollowers) row.push(String(sim.gained[i] - sim.lost[i]));
		rows.push(row);
	}
	const moment = exportMomentOn(context, sim.member, `overview-${range.from}`, exportDay);
	return {
		name: `Overview_${isoDate(range.from)}_${epochSeconds(moment)}_${sim.member.name}.zip`,
		bytes: writeZip([{ path: 'Overview.csv', bytes: tiktokCsv(rows) }], moment, { stored: true })
	};
}

function distribution(shares: Shares, random: Random): string[][] {
	const weights = shares.map(([, weight]) => weight * random.logNormal(0.1));
	const total = weights.reduce((a, b) => a + b, 0);
	return shares
		.map(([label], index): [string, number] => [label, weights[index] / total])
		.sort((a, b) => b[1] - a[1])
		.map(([label, share]) => [label, decimal(share, 2)]);
}

function followersZip(context: WriterContext, sim: AccountSimulation, first: number): GeneratedFile | null {
	const audience = TIKTOK_AUDIENCES[sim.member.audience];
	const end = context.window.end;
	const from = Math.max(first, end - FOLLOWER_HISTORY_DAYS + 1);
	if (!audience || from > end) return null;
	const random = randomFor(context.seed, sim.member.key, 'followers-zip');
	const history: string[][] = [TIKTOK_FOLLOWER_HISTORY_HEADER];
	for (let day = from; day <= end; day++) {
		const i = day - sim.window.start;
		// the "difference" column really holds tomorrow minus today (a known TikTok quirk); the last day has no tomorrow yet
		const difference = day < end ? sim.followers[i + 1] - sim.followers[i] : 0;
		history.push([monthNameDay(day), String(sim.followers[i]), String(difference)]);
	}
	const moment = exportMomentOn(context, sim.member, 'followers', end + 1);
	return {
		name: `Followers_${sim.member.name}.zip`,
		bytes: writeZip(
			[
				{ path: 'FollowerHistory.csv', bytes: tiktokCsv(history) },
				{ path: 'FollowerTopTerritories.csv', bytes: tiktokCsv([['Top territories', 'Distribution'], ...distribution(audience.territories, random)]) },
				{ path: 'FollowerGender.csv', bytes: tiktokCsv([['Gender', 'Distribution'], ...distribution(audience.gender, random)]) }
			],
			moment,
			{ stored: true }
		)
	};
}

function contentZip(context: WriterContext, sim: AccountSimulation): GeneratedFile | null {
	const end = context.window.end;
	const latest = sim.posts.filter((post) => post.day <= end).slice(-CONTENT_LIMIT);
	if (latest.length === 0) return null;
	const random = randomFor(context.seed, sim.member.key, 'content-zip');
	const rows: string[][] = [TIKTOK_CONTENT_HEADER];
	for (const post of random.shuffle([...latest])) {
		const now = postSnapshot(sim, post, end + 1);
		const weekAgo = postSnapshot(sim, post, end - 6);
		// after the launch days a video keeps a trickle of views from search and the profile grid
		const trickle = (ageDays: number): number => now[FIELD.views] * TRICKLE_PER_DAY * Math.max(0, Math.min(ageDays, 400));
		const age = end + 1 - post.day;
		const totalViews = Math.round(now[FIELD.views] + trickle(age));
		const viewsWeekAgo = Math.round(weekAgo[FIELD.views] + trickle(age - 7));
		const { day, minute } = utcTimeOf(sim.member, post);
		rows.push([
			postCopyOf(context, sim.member, post).text,
			`https://www.tiktok.com/@${sim.member.name}/video/${tiktokVideoId(context, sim.member, post)}`,
			`${isoDate(day)} ${clock(minute)}`,
			String(totalViews - viewsWeekAgo),
			String(totalViews),
			String(Math.round(now[FIELD.likes])),
			String(Math.round(now[FIELD.comments])),
			String(Math.round(now[FIELD.shares]))
		]);
	}
	const moment = exportMomentOn(context, sim.member, 'content', end + 1);
	return { name: `Content_${sim.member.name}.zip`, bytes: writeZip([{ path: 'Content.csv', bytes: tiktokCsv(rows) }], moment, { stored: true }) };
}

export function tiktokFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const first = context.window.start + sim.firstIndex;
	const end = context.window.end;
	if (first > end) return [];
	const files: GeneratedFile[] = [];
	for (const month of calendarChunks(first, end, 1)) {
		const nextMonth = addMonths(month.from, 1);
		// exported on the 2nd: the window runs to the 1st, whose numbers are not final yet
		const to = Math.min(nextMonth, end);
		files.push(overviewZip(context, sim, { from: month.from, to }, to + 1, to));
	}
	const followers = followersZip(context, sim, first);
	if (followers) files.push(followers);
	const content = contentZip(context, sim);
	if (content) files.push(content);
	return files;
}
