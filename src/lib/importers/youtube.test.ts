import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import { tabulateText } from './tabulate';
import { studioFolderOf, youtubeChartData, youtubeTableData, youtubeTotals } from './youtube';

const NOW = new Date('2026-08-01T12:00:00Z');
const parse = (importer: typeof youtubeTotals, fixture: string, inner?: string) => importer.parse(contextOf(loadTable(fixture, inner), NOW));
const score = (importer: typeof youtubeTotals, fixture: string, inner?: string) => importer.detect(sampleOf(loadTable(fixture, inner)));
const ZIP = 'youtube/Content 2024-01-01_2025-06-30 Chorus Demo.zip';

describe('studioFolderOf', () => {
	it('reads tab, range and channel from the zip folder', () => {
		expect(studioFolderOf('Geography 2021-08-22_2025-10-17 Polylog.zip', 'x.zip/Geography 2021-08-22_2025-10-17 Polylog/Table data.csv')).toEqual({
			tab: 'Geography',
			from: dayFromYMD(2021, 8, 22),
			to: dayFromYMD(2025, 10, 17),
			channel: 'Polylog'
		});
		expect(studioFolderOf('Viewership by Date 2024-01-01_2024-12-31 My Channel, Inc.')?.channel).toBe('My Channel, Inc.');
		expect(studioFolderOf('Totals.csv')).toBeNull();
	});
});

describe('YouTube Table data — Content', () => {
	it('is detected as a Table data file, not as Chart data or Totals', () => {
		expect(score(youtubeTableData, 'youtube/table-data-content.csv')).toBeGreaterThan(0.9);
		expect(score(youtubeTableData, ZIP, 'Table data.csv')).toBeGreaterThan(0.95);
		expect(score(youtubeTotals, 'youtube/table-data-content.csv')).toBe(0);
		expect(score(youtubeChartData, 'youtube/table-data-content.csv')).toBe(0);
	});

	it('drops the Total row, trims ` -HHGH-TTqYM`, reads every metric', () => {
		const result = parse(youtubeTableData, 'youtube/table-data-content.csv');
		expect(result.rowCount).toBe(3);
		expect(result.posts.map((post) => post.postId)).toEqual(['6xFxE92I6Nk', 'Gu83gy01gi4', '-HHGH-TTqYM']);
		expect(result.posts[0]).toMatchObject({
			platform: 'youtube',
			text: 'Is PHP the new JavaScript?',
			day: dayFromYMD(2024, 9, 27),
			publishedAt: null,
			link: 'https://www.youtube.com/watch?v=6xFxE92I6Nk'
		});
		expect(result.posts[0].metrics).toEqual({
			views: 27102,
			watch_time_hours: 1981.735,
			followers_net: 305,
			revenue: 56.827,
			impressions: 332014,
			click_through_rate: 0.0502,
			average_view_duration: 263
		});
		expect(result.issues).toEqual([]);
	});

	it('keeps never-published videos without a day, and empty cells missing', () => {
		const [, unpublished, negative] = parse(youtubeTableData, 'youtube/table-data-content.csv').posts;
		expect(unpublished.day).toBeNull();
		expect(unpublished.metrics).toEqual({ views: 4, watch_time_hours: 0.0596, followers_net: 0, impressions: 0, average_view_duration: 53 });
		expect(negative.metrics.followers_net).toBe(-2);
		expect(negative.metrics.click_through_rate).toBe(0.0071);
		expect(negative.text).toBe("Make a Landing Page Functional: Show, Don't Tell");
	});

	it('takes the channel and the export end from the zip folder', () => {
		const result = parse(youtubeTableData, ZIP, 'Table data.csv');
		expect(result.account).toEqual({ platform: 'youtube', displayName: 'Chorus Demo' });
		expect(result.posts[0].account).toEqual({ platform: 'youtube', displayName: 'Chorus Demo' });
		expect(result.coversUntil).toBe(dayFromYMD(2025, 6, 30));
		expect(parse(youtubeTableData, 'youtube/table-data-content.csv').account).toBeNull();
	});

	it('reads the newer `Thumbnail impressions` naming', () => {
		const [first] = parse(youtubeTableData, 'youtube/table-data-thumbnail.csv').posts;
		expect(first.metrics).toMatchObject({ impressions: 500000, click_through_rate: 0.045, likes: 1200, views: 40000 });
	});

	it('reads a French export with space-grouped thousands and decimal commas', () => {
		expect(score(youtubeTableData, 'youtube/table-data-french.csv')).toBeGreaterThan(0.7);
		const result = parse(youtubeTableData, 'youtube/table-data-french.csv');
		expect(result.posts).toHaveLength(1);
		expect(result.posts[0]).toMatchObject({
			postId: 'xYz987AbC12',
			day: dayFromYMD(2026, 9, 28),
			metrics: { views: 20310, average_view_duration: 31 }
		});
	});
});

describe('YouTube Table data — other dimensions', () => {
	it('turns traffic sources into a views breakdown', () => {
		const result = parse(youtubeTableData, 'youtube/table-data-traffic-source.csv');
		const views = result.breakdowns.find((b) => b.measure === 'views');
		expect(views).toEqual({
			account: null,
			dimension: 'traffic_source',
			asOf: dayFromYMD(2026, 8, 1),
			unit: 'count',
			measure: 'views',
			entries: [
				{ key: 'YouTube search', value: 310588 },
				{ key: 'Suggested videos', value: 120000 },
				{ key: 'Direct or unknown', value: 59092 }
			]
		});
		expect(result.breakdowns.find((b) => b.measure === 'watch_time_hours')?.entries[0]).toEqual({ key: 'YouTube search', value: 8153.1893 });
		expect(result.series).toEqual([]);
	});

	it('reads percentage columns as shares', () => {
		const age = parse(youtubeTableData, 'youtube/table-data-viewer-age.csv');
		const views = age.breakdowns.find((b) => b.measure === 'views')!;
		expect(views.dimension).toBe('age');
		expect(views.unit).toBe('share');
		expect(views.entries[0]).toEqual({ key: '13–17 years', value: 0.0061 });
		const gender = parse(youtubeTableData, 'youtube/table-data-viewer-gender.csv');
		expect(gender.breakdowns[0]).toMatchObject({ dimension: 'gender', entries: [{ key: 'Female', value: 0.3356 }, { key: 'Male', value: 0.6644 }] });
	});

	it('keys cities by name and reads subscription status', () => {
		const cities = parse(youtubeTableData, 'youtube/table-data-cities.csv');
		expect(cities.breakdowns[0]).toMatchObject({ dimension: 'city', entries: [{ key: 'New York, NY, USA', value: 2015694 }, { key: 'Paris, France', value: 812000 }] });
		const status = parse(youtubeTableData, 'youtube/table-data-subscription-status.csv');
		expect(status.breakdowns[0].entries).toEqual([
			{ key: 'Not subscribed', value: 90632572 },
			{ key: 'Subscribed', value: 9693195 }
		]);
	});

	it('dates a geography breakdown by the end of the exported range', () => {
		const result = parse(youtubeTableData, 'youtube/Geography 2021-08-22_2025-10-17 Polylog.zip', 'Table data.csv');
		expect(result.account).toEqual({ platform: 'youtube', displayName: 'Polylog' });
		expect(result.breakdowns[0]).toMatchObject({ dimension: 'country', asOf: dayFromYMD(2025, 10, 17), entries: [{ key: 'US', value: 3000 }, { key: 'DE', value: 2000 }] });
		expect(result.coversUntil).toBe(dayFromYMD(2025, 10, 17));
	});

	it('reads a Date-dimension table as daily series without its Total row', () => {
		expect(score(youtubeTableData, 'youtube/table-data-date.csv')).toBeGreaterThan(score(youtubeTotals, 'youtube/table-data-date.csv'));
		const result = parse(youtubeTableData, 'youtube/table-data-date.csv');
		expect(result.rowCount).toBe(2);
		expect(valueOn(result, 'views', '2025-01-01')).toBe(400);
		expect(valueOn(result, 'watch_time_hours', '2025-01-02')).toBe(30.25);
		expect(valueOn(result, 'followers_net', '2025-01-02')).toBe(6);
		expect(valueOn(result, 'average_view_duration', '2025-01-01')).toBe(182);
		expect(result.issues).toEqual([]);
	});
});

describe('YouTube Chart data', () => {
	it('is recognised and explained, with no data taken from it', () => {
		expect(score(youtubeChartData, ZIP, 'Chart data.csv')).toBeGreaterThan(0.9);
		expect(score(youtubeChartData, 'youtube/chart-data-traffic-source-resaved.csv')).toBeGreaterThan(0.8);
		const result = parse(youtubeChartData, ZIP, 'Chart data.csv');
		expect(result.series).toEqual([]);
		expect(result.posts).toEqual([]);
		expect(result.rowCount).toBe(2);
		expect(result.issues[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('Totals.csv') });
	});
});

describe('YouTube Totals', () => {
	it('reads net daily subscribers, negative values and gaps', () => {
		expect(score(youtubeTotals, 'youtube/Totals.csv')).toBeGreaterThan(0.9);
		const result = parse(youtubeTotals, 'youtube/Totals.csv');
		expect(result.account).toBeNull();
		expect(valueOn(result, 'followers_net', '2023-04-04')).toBe(0);
		expect(valueOn(result, 'followers_net', '2024-07-09')).toBe(-1);
		expect(valueOn(result, 'followers_net', '2024-07-10')).toBeUndefined();
		expect(valueOn(result, 'followers_net', '2024-07-12')).toBe(5);
		expect(result.coversUntil).toBe(dayFromYMD(2024, 7, 12));
	});

	it('skips the impossible date on line 7 and keeps the other rows', () => {
		const result = parse(youtubeTotals, 'youtube/Totals.csv');
		expect(result.rowCount).toBe(7);
		expect(result.issues).toEqual([expect.objectContaining({ line: 7, severity: 'error', message: expect.stringContaining('2024-02-30') })]);
		expect(result.series[0].days).toHaveLength(5);
	});

	it('reads the channel from the zip folder', () => {
		const result = parse(youtubeTotals, ZIP, 'Totals.csv');
		expect(result.account).toEqual({ platform: 'youtube', displayName: 'Chorus Demo' });
		expect(valueOn(result, 'views', '2025-06-29')).toBe(1720);
	});

	it('accepts Excel re-saves: DD-MM-YYYY with CRLF, M/D/YYYY', () => {
		const dmy = parse(youtubeTotals, 'youtube/totals-views-resaved-dmy.csv');
		expect(valueOn(dmy, 'views', '2025-06-12')).toBe(15000);
		expect(valueOn(dmy, 'views', '2025-06-13')).toBe(16481);
		const mdy = parse(youtubeTotals, 'youtube/totals-resaved-mdy.csv');
		expect(valueOn(mdy, 'views', '2022-01-02')).toBe(130);
		expect(valueOn(mdy, 'followers_net', '2022-01-02')).toBe(-1);
		expect(valueOn(mdy, 'views', '2022-01-13')).toBe(150);
	});

	it('accepts Excel’s d-MMM-yy dates', () => {
		const { table } = tabulateText('Date,Views\r\n9-Jun-26,12\r\n10-Jun-26,30\r\n', 'Totals.csv', 'utf-8');
		expect(youtubeTotals.detect(sampleOf(table))).toBeGreaterThan(0.9);
		const result = youtubeTotals.parse(contextOf(table, NOW));
		expect(valueOn(result, 'views', '2026-06-10')).toBe(30);
		expect(result.issues).toEqual([]);
	});

	it('explains a Totals file whose metric Chorus does not chart', () => {
		const result = parse(youtubeTotals, 'youtube/totals-stayed-to-watch.csv');
		expect(result.series).toEqual([]);
		expect(result.issues[0].message).toContain('Stayed to watch (%)');
	});
});
