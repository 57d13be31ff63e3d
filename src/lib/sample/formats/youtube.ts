/**
 * YouTube Studio "Export current view" zips (platform-exports.md §3): a folder
 * `<Tab> <from>_<to> <Channel>/` holding `Table data.csv` (Total row first, video ids starting with
 * "-" written with a leading space), `Chart data.csv` (long format, every date for each charted
 * item) and `Totals.csv`. UTF-8 without BOM, LF, quoted only when needed.
 */
import { abbreviatedDate, isoDate, type DayRange } from '../calendar';
import { csvText, decimal } from '../csv';
import { utf8 } from '../bytes';
import { exportMomentOn, postCopyOf, youtubeVideoId, type GeneratedFile, type WriterContext } from '../context';
import { YOUTUBE_GEOGRAPHY } from '../audiences';
import { randomFor } from '../random';
import { FIELD, dynamicsOf, postMetric, postSnapshot, type AccountSimulation, type SimPost } from '../simulate';
import { writeZip, type ZipEntry } from '../zip';

export const YOUTUBE_CONTENT_HEADER =
	'Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)'.split(',');
export const YOUTUBE_DATE_HEADER =
	'Date,Views,Watch time (hours),Subscribers gained,Subscribers lost,Subscribers,Impressions,Impressions click-through rate (%)'.split(',');
export const YOUTUBE_GEOGRAPHY_HEADER = 'Geography,Views,Watch time (hours),Average view duration,Subscribers'.split(',');

/** Studio only exports the rows loaded in the table. */
const MAX_TABLE_ROWS = 500;
const CHARTED_ITEMS = 3;

const csv = (rows: string[][]): Uint8Array => utf8(csvText(rows, { quote: 'minimal', eol: '\n', trailingNewline: true }));

function duration(seconds: number): string {
	const s = Math.round(seconds);
	const minutes = Math.floor(s / 60) % 60;
	const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
	return `${Math.floor(s / 3600)}:${pad(minutes)}:${pad(s % 60)}`;
}

function sum(series: Float64Array | Int32Array, sim: AccountSimulation, range: DayRange): number {
	let total = 0;
	for (let day = range.from; day <= range.to; day++) total += series[day - sim.window.start];
	return total;
}

/** Counts add up exactly: a period's total is the sum of its rounded days, as in Studio. */
function countSum(series: Float64Array, sim: AccountSimulation, range: DayRange): number {
	let total = 0;
	for (let day = range.from; day <= range.to; day++) total += Math.round(series[day - sim.window.start]);
	return total;
}

function dailyViews(sim: AccountSimulation, day: number): number {
	return Math.round(sim.daily[FIELD.views][day - sim.window.start]);
}

function studioZip(context: WriterContext, sim: AccountSimulation, tab: string, range: DayRange, files: Record<string, string[][]>): GeneratedFile {
	const folder = `${tab} ${isoDate(range.from)}_${isoDate(range.to)} ${sim.member.name}`;
	const entries: ZipEntry[] = Object.entries(files).map(([name, rows]) => ({ path: `${folder}/${name}`, bytes: csv(rows) }));
	return { name: `${folder}.zip`, bytes: writeZip(entries, exportMomentOn(context, sim.member, folder, range.to + 1)) };
}

function totalsRows(sim: AccountSimulation, range: DayRange): string[][] {
	const rows = [['Date', 'Views']];
	for (let day = range.from; day <= range.to; day++) rows.push([isoDate(day), String(dailyViews(sim, day))]);
	return rows;
}

interface VideoRow {
	post: SimPost;
	id: string;
	title: string;
	views: number;
	watchHours: number;
	subscribers: number;
	impressions: number;
}

function contentZip(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile {
	const exportDay = range.to + 1;
	const videos: VideoRow[] = sim.posts
		.filter((post) => post.day >= range.from && post.day <= range.to)
		.map((post) => {
			const s = postSnapshot(sim, post, exportDay);
			const views = Math.round(s[FIELD.views]);
			return {
				post,
				id: youtubeVideoId(context, sim.member, post),
				title: postCopyOf(context, sim.member, post).title,
				views,
				watchHours: s[FIELD.watchSeconds] / 3600,
				// a video can lose more subscribers than it brings (Studio shows negative numbers)
				subscribers: Math.round(s[FIELD.follows]) - Math.round(views * 0.0009),
				impressions: Math.round(s[FIELD.impressions])
			};
		})
		.sort((a, b) => b.views - a.views || a.post.serial - b.post.serial)
		.slice(0, MAX_TABLE_ROWS);

	const totalViews = countSum(sim.daily[FIELD.views], sim, range);
	const totalImpressions = countSum(sim.daily[FIELD.impressions], sim, range);
	const listedViews = videos.reduce((total, video) => total + video.views, 0);
	const listedImpressions = videos.reduce((total, video) => total + video.impressions, 0);
	let netSubscribers = 0;
	for (let day = range.from; day <= range.to; day++) netSubscribers += sim.gained[day - sim.window.start] - sim.lost[day - sim.window.start];

	const table: string[][] = [YOUTUBE_CONTENT_HEADER];
	table.push([
		'Total',
		'',
		'',
		'',
		String(totalViews),
		decimal(sum(sim.daily[FIELD.watchSeconds], sim, range) / 3600, 4),
		String(netSubscribers),
		String(totalImpressions),
		decimal(listedImpressions > 0 ? (100 * listedViews) / listedImpressions : 0, 2)
	]);
	for (const video of videos) {
		table.push([
			// Studio writes ids that start with "-" with a leading space (spreadsheet formula guard)
			video.id.startsWith('-') ? ` ${video.id}` : video.id,
			video.title,
			abbreviatedDate(video.post.day),
			String(video.post.durationSeconds),
			String(video.views),
			decimal(video.watchHours, 4),
			String(video.subscribers),
			String(video.impressions),
			decimal(video.impressions > 0 ? (100 * video.views) / video.impressions : 0, 2)
		]);
	}

	const chart: string[][] = [['Date', 'Content', 'Video title', 'Video publish time', 'Duration', 'Views']];
	const kernel = dynamicsOf('youtube').kernel;
	for (const video of videos.slice(0, CHARTED_ITEMS)) {
		const { post } = video;
		const tailPerDay = post.tailViews / Math.max(1, range.to - post.day + 1);
		const launchViews = postMetric(sim, post, 'views');
		for (let day = range.from; day <= range.to; day++) {
			const age = day - post.day;
			const views = age < 0 ? 0 : Math.round((age < kernel.length ? launchViews * kernel[age] : 0) + tailPerDay);
			chart.push([isoDate(day), video.id, video.title, abbreviatedDate(post.day), String(post.durationSeconds), String(views)]);
		}
	}
	return studioZip(context, sim, 'Content', range, { 'Table data.csv': table, 'Chart data.csv': chart, 'Totals.csv': totalsRows(sim, range) });
}

function dateZip(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile {
	const rowFor = (label: string, days: DayRange): string[] => {
		const views = countSum(sim.daily[FIELD.views], sim, days);
		const impressions = countSum(sim.daily[FIELD.impressions], sim, days);
		const gained = sum(sim.gained, sim, days);
		const lost = sum(sim.lost, sim, days);
		// thumbnail impressions lead to roughly 70 % of views; the rest come from links and search
		const clickThrough = impressions > 0 ? (70 * views) / impressions : 0;
		return [
			label,
			String(views),
			decimal(sum(sim.daily[FIELD.watchSeconds], sim, days) / 3600, 4),
			String(gained),
			String(lost),
			String(gained - lost),
			String(impressions),
			decimal(clickThrough, 2)
		];
	};
	const table: string[][] = [YOUTUBE_DATE_HEADER, rowFor('Total', range)];
	for (let day = range.to; day >= range.from; day--) table.push(rowFor(isoDate(day), { from: day, to: day }));
	const chart = totalsRows(sim, range);
	return studioZip(context, sim, 'Date', range, { 'Table data.csv': table, 'Chart data.csv': chart, 'Totals.csv': totalsRows(sim, range) });
}

function geographyZip(context: WriterContext, sim: AccountSimulation, range: DayRange): GeneratedFile | null {
	const shares = YOUTUBE_GEOGRAPHY[sim.member.audience];
	if (!shares) return null;
	const random = randomFor(context.seed, sim.member.key, 'geography', range.from, range.to);
	const weights = shares.map(([, weight]) => weight * random.logNormal(0.12));
	const weightTotal = weights.reduce((total, weight) => total + weight, 0);
	// Studio lists countries it can attribute; the rest stays in the Total row only
	const attributed = 0.93;
	const totalViews = countSum(sim.daily[FIELD.views], sim, range);
	const totalWatch = sum(sim.daily[FIELD.watchSeconds], sim, range) / 3600;
	let netSubscribers = 0;
	for (let day = range.from; day <= range.to; day++) netSubscribers += sim.gained[day - sim.window.start] - sim.lost[day - sim.window.start];
	const countries = shares
		.map(([country], index) => {
			const share = (weights[index] / weightTotal) * attributed;
			const watchFactor = random.logNormal(0.15);
			return {
				country,
				share,
				views: Math.round(totalViews * share),
				watch: totalWatch * share * watchFactor,
				subscribers: Math.round(netSubscribers * share * random.logNormal(0.2))
			};
		})
		.sort((a, b) => b.views - a.views);
	const averageSeconds = (views: number, hours: number): string => duration(views > 0 ? (hours * 3600) / views : 0);
	const table: string[][] = [
		YOUTUBE_GEOGRAPHY_HEADER,
		['Total', String(totalViews), decimal(totalWatch, 4), averageSeconds(totalViews, totalWatch), String(netSubscribers)]
	];
	for (const row of countries) {
		table.push([row.country, String(row.views), decimal(row.watch, 4), averageSeconds(row.views, row.watch), String(row.subscribers)]);
	}
	const chart: string[][] = [['Date', 'Geography', 'Views']];
	for (const row of countries.slice(0, CHARTED_ITEMS)) {
		for (let day = range.from; day <= range.to; day++) {
			chart.push([isoDate(day), row.country, String(Math.round(dailyViews(sim, day) * row.share * random.logNormal(0.1)))]);
		}
	}
	return studioZip(context, sim, 'Geography', range, { 'Table data.csv': table, 'Chart data.csv': chart, 'Totals.csv': totalsRows(sim, range) });
}

export function youtubeFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const first = context.window.start + sim.firstIndex;
	const end = context.window.end;
	if (first > end) return [];
	const whole = { from: first, to: end };
	const files = [contentZip(context, sim, whole)];
	if (sim.member.exports?.overlap && end - 364 > first + 30) {
		// two Date exports that share half a year: the overlap-merge rule has to pick one
		files.push(dateZip(context, sim, { from: first, to: end - 183 }), dateZip(context, sim, { from: end - 364, to: end }));
	} else {
		files.push(dateZip(context, sim, whole));
	}
	if (sim.member.exports?.geography) {
		const geography = geographyZip(context, sim, whole);
		if (geography) files.push(geography);
	}
	return files;
}
