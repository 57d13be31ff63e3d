import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { accountIdOf } from '../domain/model';
import { dayFromISO, weekdayOfDay } from '../domain/days';
import { generateWorkspaceFiles, SAMPLE_PRESET, sampleAccountOfFile, sampleAccountProfiles, type GeneratedFile } from './index';

// Header lines copied verbatim from /work/shared/reference/platform-exports.md.
const REFERENCE = {
	xTweetActivity:
		'"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes","promoted user profile clicks","promoted url clicks","promoted hashtag clicks","promoted detail expands","promoted permalink clicks","promoted app opens","promoted app installs","promoted follows","promoted email tweet","promoted dial phone","promoted media views","promoted media engagements"',
	xDailyActivity:
		'"Date","Tweets published","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes","promoted user profile clicks","promoted url clicks","promoted hashtag clicks","promoted detail expands","promoted permalink clicks","promoted app opens","promoted app installs","promoted follows","promoted email tweet","promoted dial phone","promoted media views","promoted media engagements"',
	xContentEarly2025:
		'Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Replies,Reposts,Profile visits,Detail expands,Url clicks,Hashtag clicks,Permalink clicks',
	xContentLate2025:
		'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks',
	xOverview: 'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views',
	youtubeContent: 'Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)',
	facebookPageLevel:
		'Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes,Daily Page Engaged Users,Weekly Page Engaged Users,28 Days Page Engaged Users,Daily Like Sources - api,Daily Like Sources - fan_context_story,Daily Like Sources - favorites,Daily Like Sources - hovercard,Daily Like Sources - invitations,Daily Like Sources - like_story,Daily Like Sources - mobile,Daily Like Sources - page_invite,Daily Like Sources - page_invite_escape_hatch_finch,Daily Like Sources - page_profile,Daily Like Sources - recommended_pages,Daily Like Sources - reminder_box_invite,Daily Like Sources - search,Daily Like Sources - timeline,Daily Like Sources - timeline_collection,Daily Like Sources - vertex_page,Daily Total Reach,Weekly Total Reach,28 Days Total Reach,Daily Organic Reach,Weekly Organic Reach,28 Days Organic Reach,Daily Paid Reach,Weekly Paid Reach,28 Days Paid Reach,Daily Total Impressions,Weekly Total Impressions,28 Days Total Impressions,Daily Organic impressions,Weekly Organic impressions,28 Days Organic impressions,Daily Paid Impressions,Weekly Paid Impressions,28 Days Paid Impressions',
	facebookDescriptionStart:
		',Lifetime: The total number of people who have liked your Page. (Unique Users),Daily: The number of new people who have liked your Page (Unique Users),Daily: The number of Unlikes of your Page (Unique Users),Daily: The number of people who engaged with your Page. Engagement includes any click or story created. (Unique Users),',
	facebookPosts:
		'"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks","Other Clicks","Matched Audience Targeting Consumption (Photo Click)"',
	instagramPosts:
		'"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves',
	linkedinNewFollowers: 'Date, Sponsored followers, Organic followers, Auto-invited followers, Total followers'.split(', '),
	linkedinMetrics:
		'Date | Impressions (organic) | Impressions (sponsored) | Impressions (total) | Unique impressions (organic) | Clicks (organic) | Clicks (sponsored) | Clicks (total) | Reactions (organic) | Reactions (sponsored) | Reactions (total) | Comments (organic) | Comments (sponsored) | Comments (total) | Reposts (organic) | Reposts (sponsored) | Reposts (total) | Engagement rate (organic) | Engagement rate (sponsored) | Engagement rate (total)'.split(
			' | '
		),
	tiktokOverview: '"Date","Video Views","Profile Views","Likes","Comments","Shares"',
	tiktokOverviewWithFollowers: '"Date","Video Views","Profile Views","Likes","Comments","Shares","New followers"',
	tiktokFollowerHistory: '"Date","Followers","Difference in followers from previous day"',
	tiktokGender: '"Gender","Distribution"',
	tiktokTerritories: '"Top territories","Distribution"',
	tiktokContent: '"Video title","Video link","Post time","Views in the last 7 days","Total views","Total likes","Total comments","Total shares"',
	wechat: '时间, 新关注人数, 取消关注人数, 净增关注人数, 累积关注人数'.split(', ').join(',')
};

const END_DAY = dayFromISO('2025-11-25')!;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030');
const BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
const textOf = (bytes: Uint8Array) => utf8.decode(bytes).replace(/^\uFEFF/, '');
const firstLine = (text: string) => text.slice(0, text.search(/\r?\n/));
const csv = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const sheets = (bytes: Uint8Array) => {
	const book = XLSX.read(bytes, { type: 'array' });
	return Object.fromEntries(book.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1, defval: null })]));
};
const numeric = (cell: string) => Number(cell.replaceAll(',', ''));
// vitest's deep equality is slow on hundreds of large byte arrays
const sameBytes = (a: Uint8Array, b: Uint8Array | undefined) => b !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);

let sample: GeneratedFile[] = [];
const named = (pattern: RegExp) => sample.filter((file) => pattern.test(file.name));
const one = (pattern: RegExp) => {
	const matches = named(pattern);
	expect(matches.length, `files matching ${pattern}`).toBeGreaterThan(0);
	return matches[matches.length - 1];
};

beforeAll(async () => {
	sample = await generateWorkspaceFiles({ ...SAMPLE_PRESET, endDay: END_DAY });
}, 120_000);

describe('determinism', () => {
	const options = { seed: 5, accounts: 40, years: 1, endDay: dayFromISO('2025-04-15')!, anonymousFiles: true };

	it('writes byte-identical files for the same options, and different ones for another seed', async () => {
		const first = await generateWorkspaceFiles(options);
		const second = await generateWorkspaceFiles(options);
		expect(second.map((file) => file.name)).toEqual(first.map((file) => file.name));
		expect(second.filter((file, i) => !sameBytes(file.bytes, first[i].bytes)).map((file) => file.name)).toEqual([]);
		const other = await generateWorkspaceFiles({ ...options, seed: 6 });
		const byName = new Map(other.map((file) => [file.name, file.bytes]));
		expect(first.filter((file) => sameBytes(file.bytes, byName.get(file.name))).map((file) => file.name)).toEqual([]);
	}, 60_000);

	it('writes the early-2025 X Premium content header for exports made before mid-2025', async () => {
		const files = await generateWorkspaceFiles({ ...options, accounts: 1 });
		const content = files.find((file) => file.name.startsWith('account_analytics_content_'))!;
		const text = textOf(content.bytes);
		expect(firstLine(text)).toBe(REFERENCE.xContentEarly2025);
		expect(text).toContain('\r\n');
		// JS toDateString() style, unquoted
		expect(csv(text)[1][1]).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} 2025$/);
		// the anonymous overview file only in workspaces that ask for it
		const overview = files.find((file) => file.name === 'account_overview_analytics.csv')!;
		const overviewText = textOf(overview.bytes);
		expect(firstLine(overviewText)).toBe(REFERENCE.xOverview);
		expect(overviewText.split('\n')[1]).toMatch(/^"Tue, Apr 15, 2025",\d+,/);
		expect(overviewText.endsWith('\n')).toBe(false);
		expect(sample.some((file) => file.name.startsWith('account_overview_analytics'))).toBe(false);
	}, 30_000);
});

describe('file names', () => {
	const PATTERNS = [
		/^tweet_activity_metrics_\w+_\d{8}_\d{8}_en\.csv$/,
		/^daily_tweet_activity_metrics_\w+_\d{8}_\d{8}_en\.csv$/,
		/^account_analytics_content_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}( \(\d+\))?\.csv$/,
		/^(Content|Date|Geography) \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} .+\.zip$/,
		/^Facebook Insights Data Export - .+ - \d{4}-\d{2}-\d{2} - \d{4}-\d{2}-\d{2}\.csv$/,
		/^[A-Z][a-z]{2}-\d{2}-\d{4}_[A-Z][a-z]{2}-\d{2}-\d{4}_\d{16}\.csv$/,
		/^Meta Insights - (Facebook|Instagram) - .+ - \d{4}-\d{2}-\d{2} - \d{4}-\d{2}-\d{2}\.zip$/,
		/^[a-z0-9-]+_(followers|content|visitors)_\d{13}\.xlsx$/,
		/^Overview_\d{4}-\d{2}-\d{2}_\d{10}_[\w.]+\.zip$/,
		/^(Followers|Content)_[\w.]+\.zip$/,
		/^.+_用户分析_\d{8}_\d{8}\.csv$/
	];

	it('follows the platforms’ own naming, with no duplicates', () => {
		expect(sample.length).toBeGreaterThan(300);
		expect(sample.filter((file) => !PATTERNS.some((pattern) => pattern.test(file.name))).map((file) => file.name)).toEqual([]);
		expect(new Set(sample.map((file) => file.name)).size).toBe(sample.length);
	});

	it('ends legacy X names on the day after the last day covered', () => {
		const november = one(/^tweet_activity_metrics_ContosoERP_20251101_/);
		expect(november.name).toBe('tweet_activity_metrics_ContosoERP_20251101_20251126_en.csv');
		expect(one(/^tweet_activity_metrics_ContosoERP_20251001_/).name).toBe('tweet_activity_metrics_ContosoERP_20251001_20251101_en.csv');
	});

	it('numbers a second download of the same name like a browser', () => {
		expect(named(/^account_analytics_content_2025-08-28_2025-11-26( \(1\))?\.csv$/).map((file) => file.name)).toEqual([
			'account_analytics_content_2025-08-28_2025-11-26.csv',
			'account_analytics_content_2025-08-28_2025-11-26 (1).csv'
		]);
	});

	it('extends the cast with numbered copies beyond 40 accounts', async () => {
		const files = await generateWorkspaceFiles({ seed: 1, accounts: 42, years: 0.25, endDay: END_DAY });
		expect(files.some((file) => file.name.startsWith('daily_tweet_activity_metrics_ContosoERP2_'))).toBe(true);
		expect(files.some((file) => file.name.includes('_contoso2_followers_') || file.name.startsWith('contoso2_followers_'))).toBe(true);
	}, 30_000);
});

describe('X / Twitter files', () => {
	it('per tweet: no BOM, every field quoted, float counts, promoted "-", newest first, 19-digit ids', () => {
		const file = one(/^tweet_activity_metrics_ContosoERP_20251001_/);
		expect(startsWith(file.bytes, BOM)).toBe(false);
		const text = textOf(file.bytes);
		expect(firstLine(text)).toBe(REFERENCE.xTweetActivity);
		expect(text.endsWith('\n')).toBe(true);
		const rows = csv(text).slice(1);
		expect(rows.length).toBeGreaterThan(10);
		const times = rows.map((row) => row[3]);
		expect([...times].sort().reverse()).toEqual(times);
		for (const row of rows) {
			expect(row[0]).toMatch(/^\d{19}$/);
			expect(row[1]).toBe(`https://twitter.com/ContosoERP/status/${row[0]}`);
			expect(row[3]).toMatch(/^2025-1[01]-\d{2} \d{2}:\d{2} \+0000$/);
			expect(row[4]).toMatch(/^\d+\.0$/);
			expect(row.slice(22)).toEqual(Array(18).fill('-'));
			// engagements are the sum of the interaction columns (media engagements included)
			const parts = [7, 8, 9, 10, 11, 12, 13, 14].map((i) => Number(row[i])).concat([15, 16, 17, 18, 19, 21].map((i) => Number(row[i])));
			expect(Number(row[5])).toBe(parts.reduce((a, b) => a + b, 0));
			expect(Number(row[6])).toBeCloseTo(Number(row[5]) / Number(row[4]), 12);
		}
		// every field quoted on disk, quotes inside texts doubled
		expect(text.split('\n')[1].startsWith('"')).toBe(true);
	});

	it('by day: integers, oldest first, one row per day', () => {
		const file = one(/^daily_tweet_activity_metrics_ContosoERP_20250701_20251126_en\.csv$/);
		const text = textOf(file.bytes);
		expect(firstLine(text)).toBe(REFERENCE.xDailyActivity);
		const rows = csv(text).slice(1);
		expect(rows[0][0]).toBe('2025-07-01');
		expect(rows[rows.length - 1][0]).toBe('2025-11-25');
		expect(rows).toHaveLength(148);
		for (const row of rows) expect(row[2]).toMatch(/^\d+$/);
	});

	it('X Premium content export: late-2025 header, CRLF, x.com links, line breaks flattened', () => {
		const text = textOf(one(/^account_analytics_content_2025-08-28_2025-11-26\.csv$/).bytes);
		expect(firstLine(text)).toBe(REFERENCE.xContentLate2025);
		expect(text.split('\r\n').length).toBeGreaterThan(10);
		const rows = csv(text).slice(1);
		for (const row of rows) {
			expect(row[1]).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, 2025$/);
			expect(row[2]).not.toContain('\n');
			expect(row[3]).toBe(`https://x.com/ContosoERP/status/${row[0]}`);
		}
	});

	it('ContosoERP_News re-posts most @ContosoERP texts word for word (only the t.co links differ)', () => {
		const texts = (handle: string) =>
			new Set(
				named(new RegExp(`^tweet_activity_metrics_${handle}_\\d`)).flatMap((file) =>
					csv(textOf(file.bytes))
						.slice(1)
						.map((row) => row[2].replace(/https:\/\/t\.co\/\w+/g, 'LINK'))
				)
			);
		const erp = texts('ContosoERP');
		const news = [...texts('ContosoERP_News')];
		const copied = news.filter((text) => erp.has(text));
		expect(copied.length / news.length).toBeGreaterThan(0.6);
	});

	it('the abandoned Nordic account has not posted for over a year', () => {
		const times = named(/^tweet_activity_metrics_ContosoNordics_/).flatMap((file) => csv(textOf(file.bytes)).slice(1).map((row) => row[3]));
		expect(times.length).toBeGreaterThan(20);
		const last = times.sort().at(-1)!;
		expect(END_DAY - dayFromISO(last)!).toBeGreaterThan(365);
	});
});

describe('YouTube Studio zips', () => {
	const entries = (name: RegExp) => unzipSync(one(name).bytes);

	it('hold `<Tab> <from>_<to> <Channel>/` with the three CSVs, UTF-8 without BOM', () => {
		const zip = one(/^Content 2022-11-26_2025-11-25 Contoso Learning\.zip$/);
		expect(startsWith(zip.bytes, [0x50, 0x4b, 0x03, 0x04])).toBe(true);
		const files = unzipSync(zip.bytes);
		expect(Object.keys(files).sort()).toEqual(
			['Chart data.csv', 'Table data.csv', 'Totals.csv'].map((name) => `Content 2022-11-26_2025-11-25 Contoso Learning/${name}`)
		);
		for (const bytes of Object.values(files)) expect(startsWith(bytes, BOM)).toBe(false);
	});

	it('Content table: reference header, Total row first, a " -" video id, quoted publish dates', () => {
		const table = entries(/^Content 2022-11-26_2025-11-25 Contoso Learning\.zip$/)['Content 2022-11-26_2025-11-25 Contoso Learning/Table data.csv'];
		const text = textOf(table);
		expect(firstLine(text)).toBe(REFERENCE.youtubeContent);
		const rows = csv(text);
		expect(rows[1].slice(0, 4)).toEqual(['Total', '', '', '']);
		expect(text).toMatch(/\n -[\w-]{10},/);
		expect(text).toMatch(/,"[A-Z][a-z]{2} \d{1,2}, 20\d\d",/);
		// the table lists the loaded videos; the Total row also counts older, unlisted ones
		const listed = rows.slice(2).reduce((sum, row) => sum + Number(row[4]), 0);
		expect(Number(rows[1][4])).toBeGreaterThan(listed);
		const views = rows.slice(2).map((row) => Number(row[4]));
		expect([...views].sort((a, b) => b - a)).toEqual(views);
	});

	it('Date table: subscribers = gained − lost each day, Total = sum of days; the ×10 channel', () => {
		const rowsOf = (pattern: RegExp) => {
			const zip = unzipSync(one(pattern).bytes);
			const key = Object.keys(zip).find((name) => name.endsWith('/Table data.csv'))!;
			return csv(textOf(zip[key]));
		};
		const early = rowsOf(/^Date 2022-11-26_2025-05-26 Contoso Learning\.zip$/);
		const late = rowsOf(/^Date 2024-11-26_2025-11-25 Contoso Learning\.zip$/);
		for (const rows of [early, late]) {
			expect(rows[1][0]).toBe('Total');
			const days = rows.slice(2);
			for (const row of days) expect(Number(row[5])).toBe(Number(row[3]) - Number(row[4]));
			expect(days.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(Number(rows[1][1]));
		}
		// the two exports overlap for half a year and agree on every shared day
		const earlyByDay = new Map(early.slice(2).map((row) => [row[0], row.join()]));
		const shared = late.slice(2).filter((row) => earlyByDay.has(row[0]));
		expect(shared.length).toBeGreaterThan(150);
		for (const row of shared) expect(row.join()).toBe(earlyByDay.get(row[0]));
		const firstYear = early.slice(2).filter((row) => row[0] < '2023-11-26');
		const viewsOf = (rows: string[][]) => rows.reduce((sum, row) => sum + Number(row[1]), 0);
		expect(viewsOf(late.slice(2)) / viewsOf(firstYear)).toBeGreaterThan(6);
	});

	it('Geography table: countries of the channel’s audience, Chinese titles on the Chinese channel', () => {
		const geo = entries(/^Geography .+ Contoso 中文\.zip$/);
		const rows = csv(textOf(geo[Object.keys(geo).find((name) => name.endsWith('Table data.csv'))!]));
		expect(rows[0]).toEqual(['Geography', 'Views', 'Watch time (hours)', 'Average view duration', 'Subscribers']);
		expect(rows[1][0]).toBe('Total');
		expect(rows[2][0]).toBe('Taiwan');
		expect(rows[1][3]).toMatch(/^\d+:\d{2}:\d{2}$/);
		const content = entries(/^Content .+ Contoso 中文\.zip$/);
		expect(textOf(content[Object.keys(content).find((name) => name.endsWith('Table data.csv'))!])).toMatch(/[\u4e00-\u9fff]/);
	});
});

describe('Facebook and Instagram files', () => {
	it('legacy page-level CSV: no BOM, CRLF, description row, M/D/YYYY, likes add up', () => {
		for (const file of named(/^Facebook Insights Data Export - Contoso Germany - /)) {
			expect(startsWith(file.bytes, BOM)).toBe(false);
			const text = textOf(file.bytes);
			const lines = text.split('\r\n');
			expect(lines[0]).toBe(REFERENCE.facebookPageLevel);
			expect(lines[1].startsWith(REFERENCE.facebookDescriptionStart)).toBe(true);
			const rows = csv(text).slice(2);
			expect(rows[0][0]).toMatch(/^\d{1,2}\/\d{1,2}\/20\d\d$/);
			for (let i = 1; i < rows.length; i++) {
				const [lifetime, gained, lost] = [1, 2, 3].map((c) => Number(rows[i][c]));
				expect(lifetime).toBeGreaterThanOrEqual(0);
				expect(lifetime).toBe(Number(rows[i - 1][1]) + gained - lost);
			}
		}
		// consecutive exports of this page overlap by two weeks
		const names = named(/^Facebook Insights Data Export - Contoso Germany - /).map((file) => file.name);
		expect(names).toContain('Facebook Insights Data Export - Contoso Germany - 2023-06-17 - 2023-12-13.csv');
		expect(names).toContain('Facebook Insights Data Export - Contoso Germany - 2023-11-30 - 2024-05-27.csv');
	});

	it('Business Suite post exports: UTF-8 BOM, Date = Lifetime, Impressions before 2025 and Views after', () => {
		const facebook = named(/^[A-Z][a-z]{2}-\d{2}-\d{4}_/).filter((file) => textOf(file.bytes).startsWith('"Post ID","Page ID"'));
		const instagram = named(/^[A-Z][a-z]{2}-\d{2}-\d{4}_/).filter((file) => textOf(file.bytes).startsWith('"Post ID","Account ID"'));
		expect(facebook.length).toBeGreaterThan(10);
		expect(instagram.length).toBeGreaterThan(10);
		for (const file of [...facebook, ...instagram]) expect(startsWith(file.bytes, BOM)).toBe(true);
		const recent = facebook.find((file) => file.name.startsWith('Jul-01-2025_Nov-25-2025_'))!;
		expect(firstLine(textOf(recent.bytes))).toBe(REFERENCE.facebookPosts);
		// exported on 1 July 2024, before Meta renamed Impressions to Views
		const older = facebook.find((file) => file.name.startsWith('Jan-01-2024_Jun-30-2024_'))!;
		expect(firstLine(textOf(older.bytes))).toBe(REFERENCE.facebookPosts.replace(',Views,', ',Impressions,'));
		const igRecent = instagram.find((file) => file.name.startsWith('Jul-01-2025_'))!;
		const igText = textOf(igRecent.bytes);
		expect(firstLine(igText)).toBe(REFERENCE.instagramPosts);
		expect(igText).toContain(',"Lifetime",');
		const row = csv(textOf(recent.bytes))[1];
		expect(row[0]).toMatch(/^\d{16}$/);
		expect(row[6]).toMatch(/^\d{2}\/\d{2}\/2025 \d{2}:\d{2}$/);
		expect(row[16]).toBe('Lifetime');
	});

	it('Business Suite daily files: UTF-16LE with BOM, sep=, line, metric title, quoted values', () => {
		const zip = unzipSync(one(/^Meta Insights - Facebook - Contoso Germany - 2025-01-01 - 2025-11-25\.zip$/).bytes);
		expect(Object.keys(zip)).toEqual(['Follows.csv', 'Views.csv', 'Interactions.csv', 'Link clicks.csv', 'Visits.csv']);
		const follows = zip['Follows.csv'];
		expect([follows[0], follows[1]]).toEqual([0xff, 0xfe]);
		const text = new TextDecoder('utf-16le').decode(follows.slice(2));
		expect(text.startsWith('sep=,\n"Facebook follows"\n"Date","Primary"\n"2025-01-01T00:00:00","')).toBe(true);
		expect(text.trim().split('\n')).toHaveLength(3 + 329);
		const instagram = unzipSync(one(/^Meta Insights - Instagram - contoso\.dach - /).bytes);
		const igFollows = new TextDecoder('utf-16le').decode(instagram['Follows.csv'].slice(2));
		expect(igFollows.split('\n')[1]).toBe('"Instagram follows"');
		expect(igFollows).not.toMatch(/,"0"\n/);
	});
});

describe('LinkedIn workbooks', () => {
	it('followers: six sheets, header on row 1, daily totals = sponsored + organic + invited', () => {
		const book = sheets(one(/^contoso_followers_\d{13}\.xlsx$/).bytes);
		expect(Object.keys(book)).toEqual(['New followers', 'Location', 'Job function', 'Seniority', 'Industry', 'Company size']);
		expect(book['New followers'][0]).toEqual(REFERENCE.linkedinNewFollowers);
		for (const row of book['New followers'].slice(1) as [string, number, number, number, number][]) {
			expect(row[0]).toMatch(/^\d{2}\/\d{2}\/20\d\d$/);
			const [, sponsored, organic, invited, total] = row;
			expect(Math.min(sponsored, organic, invited)).toBeGreaterThanOrEqual(0);
			expect(total).toBe(sponsored + organic + invited);
		}
		expect(book.Industry[0]).toEqual(['Industry', 'Total followers']);
		expect(book['Company size'][0]).toEqual(['Company size', 'Total followers']);
	});

	it('content: description on row 1, header on row 2, All posts with activity links', () => {
		const book = sheets(one(/^contoso-erp_content_\d{13}\.xlsx$/).bytes);
		expect(Object.keys(book)).toEqual(['Metrics', 'All posts']);
		expect(book.Metrics[0].filter((cell) => cell !== null)).toHaveLength(1);
		expect(book.Metrics[1]).toEqual(REFERENCE.linkedinMetrics);
		expect(book['All posts'][1].slice(0, 6)).toEqual(['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date']);
		expect(String(book['All posts'][2][1])).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d{19}$/);
	});

	it('demographics differ between pages (ERP vs CRM vs Partners)', () => {
		const topIndustry = (vanity: string) => sheets(one(new RegExp(`^${vanity}_followers_`)).bytes).Industry[1][0];
		const topJob = (vanity: string) => sheets(one(new RegExp(`^${vanity}_followers_`)).bytes)['Job function'][1][0];
		expect(new Set([topIndustry('contoso-erp'), topIndustry('contoso-crm'), topIndustry('contoso-partners')]).size).toBe(3);
		expect(topJob('contoso-crm')).toBe('Sales');
	});

	it('fewer impressions at weekends', () => {
		const metrics = sheets(one(/^contoso_content_\d{13}\.xlsx$/).bytes).Metrics.slice(2) as [string, number][];
		const mean = (rows: [string, number][]) => rows.reduce((sum, row) => sum + row[1], 0) / rows.length;
		const weekday = (row: [string, number]) => {
			const [month, date, year] = row[0].split('/');
			return weekdayOfDay(dayFromISO(`${year}-${month}-${date}`)!);
		};
		expect(mean(metrics.filter((row) => weekday(row) >= 5))).toBeLessThan(0.7 * mean(metrics.filter((row) => weekday(row) < 5)));
	});
});

describe('TikTok zips', () => {
	it('Overview: stored entry, UTF-8 BOM, all quoted, year-less dates, no trailing newline, undefined last day', () => {
		const zip = one(/^Overview_2025-10-01_\d{10}_contoso\.zip$/);
		// local file header: compression method 0 (stored)
		expect([zip.bytes[8], zip.bytes[9]]).toEqual([0, 0]);
		const overview = unzipSync(zip.bytes)['Overview.csv'];
		expect(startsWith(overview, BOM)).toBe(true);
		const text = textOf(overview);
		expect(firstLine(text)).toBe(REFERENCE.tiktokOverviewWithFollowers);
		expect(text.endsWith('\n')).toBe(false);
		const lines = text.split('\n');
		expect(lines[1]).toMatch(/^"October 1","\d+","\d+","\d+","\d+","\d+","-?\d+"$/);
		expect(lines.at(-1)).toBe('"November 1","undefined","undefined","undefined","undefined","undefined","undefined"');
		const older = unzipSync(one(/^Overview_2024-03-01_\d{10}_contoso\.zip$/).bytes)['Overview.csv'];
		expect(firstLine(textOf(older))).toBe(REFERENCE.tiktokOverview);
	});

	it('Followers: history adds up with the Overview net follows; gender and territories as fractions', () => {
		const zip = unzipSync(one(/^Followers_contoso\.zip$/).bytes);
		expect(Object.keys(zip).sort()).toEqual(['FollowerGender.csv', 'FollowerHistory.csv', 'FollowerTopTerritories.csv']);
		const history = csv(textOf(zip['FollowerHistory.csv']));
		expect(history[0].map((cell) => `"${cell}"`).join(',')).toBe(REFERENCE.tiktokFollowerHistory);
		expect(firstLine(textOf(zip['FollowerGender.csv']))).toBe(REFERENCE.tiktokGender);
		expect(firstLine(textOf(zip['FollowerTopTerritories.csv']))).toBe(REFERENCE.tiktokTerritories);
		const net = new Map(
			csv(textOf(unzipSync(one(/^Overview_2025-11-01_\d{10}_contoso\.zip$/).bytes)['Overview.csv']))
				.slice(1)
				.map((row) => [row[0], row[6]])
		);
		const rows = history.slice(1);
		expect(rows.at(-1)![0]).toBe('November 25');
		for (let i = 1; i < rows.length; i++) {
			const followers = Number(rows[i][1]);
			expect(followers).toBeGreaterThanOrEqual(0);
			// TikTok's "difference" column holds tomorrow minus today
			expect(Number(rows[i - 1][2])).toBe(followers - Number(rows[i - 1][1]));
			if (net.has(rows[i][0]) && net.get(rows[i][0]) !== 'undefined') expect(followers - Number(rows[i - 1][1])).toBe(Number(net.get(rows[i][0])));
		}
	});

	it('Content: the 15 latest videos, with TikTok links', () => {
		const rows = csv(textOf(unzipSync(one(/^Content_contoso\.zip$/).bytes)['Content.csv']));
		expect(rows[0].map((cell) => `"${cell}"`).join(',')).toBe(REFERENCE.tiktokContent);
		expect(rows).toHaveLength(16);
		for (const row of rows.slice(1)) expect(row[1]).toMatch(/^https:\/\/www\.tiktok\.com\/@contoso\/video\/\d{19}$/);
	});
});

describe('WeChat user analysis', () => {
	it('GB18030 CSV whose running total is start + Σ net, never negative', () => {
		const files = named(/^Contoso中国_用户分析_/);
		expect(files.length).toBeGreaterThanOrEqual(4);
		for (const file of files) {
			expect([...file.bytes.slice(0, 4)]).toEqual([0xca, 0xb1, 0xbc, 0xe4]); // 时间
			const text = gb18030.decode(file.bytes);
			expect(firstLine(text)).toBe(REFERENCE.wechat);
			const rows = csv(text).slice(1);
			for (let i = 0; i < rows.length; i++) {
				const [gained, lost, net, total] = rows[i].slice(1).map(numeric);
				expect(net).toBe(gained - lost);
				expect(total).toBeGreaterThanOrEqual(0);
				if (i > 0) expect(total).toBe(numeric(rows[i - 1][4]) + net);
			}
			expect(text).toMatch(/,"\d{1,3},\d{3}"\r\n/);
		}
	});
});

describe('the story across platforms', () => {
	it('Contoso Connect 2025 shows up on X, Facebook and Instagram', () => {
		const mentions = (files: GeneratedFile[]) => files.some((file) => textOf(file.bytes).includes('Contoso Connect 2025'));
		expect(mentions(named(/^tweet_activity_metrics_/))).toBe(true);
		expect(mentions(named(/^Jul-01-2025_/))).toBe(true);
	});

	it('keeps posts exactly at postsTotal across every post-bearing file', async () => {
		const files = await generateWorkspaceFiles({ seed: 9, accounts: 40, years: 1, endDay: END_DAY, postsTotal: 6_000 });
		const ids = new Set<string>();
		for (const file of files) {
			if (/^(tweet_activity_metrics_|account_analytics_content_)/.test(file.name)) {
				for (const row of csv(textOf(file.bytes)).slice(1)) ids.add(`x:${row[0]}`);
			} else if (/^[A-Z][a-z]{2}-\d{2}-\d{4}_/.test(file.name)) {
				for (const row of csv(textOf(file.bytes)).slice(1)) ids.add(`meta:${row[0]}`);
			} else if (/_content_\d{13}\.xlsx$/.test(file.name)) {
				for (const row of sheets(file.bytes)['All posts'].slice(2)) ids.add(`li:${row[1]}`);
			} else if (/^Content \d/.test(file.name)) {
				const zip = unzipSync(file.bytes);
				const table = zip[Object.keys(zip).find((name) => name.endsWith('Table data.csv'))!];
				for (const row of csv(textOf(table)).slice(2)) ids.add(`yt:${row[0].trim()}`);
			} else if (/^Content_/.test(file.name)) {
				for (const row of csv(textOf(unzipSync(file.bytes)['Content.csv'])).slice(1)) ids.add(`tt:${row[1]}`);
			}
		}
		expect(ids.size).toBe(6_000);
	}, 60_000);
});

describe('options', () => {
	it.each([
		[{ accounts: 0 }, 'accounts'],
		[{ years: 0 }, 'years'],
		[{ postsTotal: 1.5 }, 'postsTotal'],
		[{ seed: 0.5 }, 'seed']
	])('rejects %o', async (override, word) => {
		await expect(generateWorkspaceFiles({ seed: 1, accounts: 1, years: 1, endDay: END_DAY, ...override })).rejects.toThrow(word);
	});
});

describe('sampleAccountProfiles', () => {
	const profiles = sampleAccountProfiles(SAMPLE_PRESET);

	it('declares the 40 accounts with their inventory fields, some without an owner', () => {
		expect(profiles).toHaveLength(40);
		expect(new Set(profiles.map((profile) => accountIdOf(profile.account))).size).toBe(40);
		expect(new Set(profiles.map((profile) => profile.account.platform))).toEqual(
			new Set(['x', 'linkedin', 'youtube', 'facebook', 'instagram', 'tiktok', 'wechat'])
		);
		const ownerless = profiles.filter((profile) => !('owner' in profile));
		expect(ownerless.length).toBeGreaterThanOrEqual(5);
		for (const profile of profiles) {
			expect(profile.segments.every((segment) => ['end users', 'buyers', 'solution partners'].includes(segment))).toBe(true);
			expect(profile.purpose.length).toBeGreaterThan(10);
			expect(profile.regions).toHaveLength(1);
		}
		const erp = profiles.find((profile) => profile.account.handle === 'ContosoERP')!;
		const news = profiles.find((profile) => profile.account.handle === 'ContosoERP_News')!;
		expect(news.segments).toEqual(erp.segments);
		expect(profiles.filter((profile) => profile.regions[0] === 'China').every((profile) => ['wechat', 'youtube'].includes(profile.account.platform))).toBe(true);
	});
});

describe('sampleAccountOfFile', () => {
	it.each([
		['Meta Insights - Facebook - Contoso Germany - 2025-01-01 - 2025-11-25.zip/Follows.csv', { platform: 'facebook', displayName: 'Contoso Germany' }],
		['Meta Insights - Instagram - contoso.dach - 2024-11-25 - 2025-11-25.zip', { platform: 'instagram', handle: 'contoso.dach' }],
		['Contoso中国_用户分析_20250101_20251125.csv', { platform: 'wechat', displayName: 'Contoso中国' }],
		['Contoso企业服务_用户分析_20250101_20251125 (1).csv', { platform: 'wechat', displayName: 'Contoso企业服务' }],
		['tweet_activity_metrics_ContosoERP_20251001_20251101_en.csv', null],
		['Follows.csv', null]
	])('%s', (name, expected) => {
		expect(sampleAccountOfFile(name)).toEqual(expected);
	});

	it('names only accounts of the cast for the sample’s anonymous files', () => {
		const ids = new Set(profilesIds());
		for (const file of sample) {
			const ref = sampleAccountOfFile(file.name);
			if (ref) expect(ids.has(accountIdOf(ref)!), file.name).toBe(true);
		}
	});
});

function profilesIds(): string[] {
	return sampleAccountProfiles(SAMPLE_PRESET).map((profile) => accountIdOf(profile.account)!);
}
