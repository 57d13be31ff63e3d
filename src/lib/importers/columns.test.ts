import { fileMessage } from './messages';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import type { ParsedPost } from '../domain/model';
import {
	acceptPost,
	plainlyValidPost,
	postSchema,
	baseName,
	defineColumns,
	importResult,
	IssueLog,
	locateColumns,
	nameSegments,
	normalizeHeader,
	presentColumns,
	resolveHeaderIndex,
	SeriesBuilder
} from './columns';
import { tabulateText } from './tabulate';

const NOW = new Date(2026, 6, 1, 12);

describe('normalizeHeader', () => {
	it.each([
		['\uFEFFPost ID', 'post id'],
		['  Impressions   click-through rate (%) ', 'impressions click-through rate (%)'],
		[' "Total Viewers"', 'total viewers'],
		['ツイートID', 'ツイートid'],
		['Impressões (orgânicas)', 'impressões (orgânicas)']
	])('%j → %j', (input, expected) => {
		expect(normalizeHeader(input)).toBe(expected);
	});

	it('compares composed and decomposed accents alike', () => {
		expect(normalizeHeader('Impressões'.normalize('NFD'))).toBe(normalizeHeader('Impressões'));
	});
});

describe('locating columns by name', () => {
	const columns = defineColumns({ id: ['Tweet id', 'ツイートID'], likes: ['likes', 'favorites'], views: ['Views'] });

	it('matches any alias, case-insensitively, wherever the column sits', () => {
		expect(locateColumns(['time', 'FAVORITES', 'ツイートID'], columns)).toEqual({ likes: 1, id: 2 });
	});

	it('takes the first of repeated names', () => {
		expect(locateColumns(['Views', 'x', 'Views'], columns)).toEqual({ views: 0 });
	});

	it('lists present keys from normalized headers', () => {
		expect([...presentColumns(['tweet id', 'views'], columns)].sort()).toEqual(['id', 'views']);
	});
});

describe('names', () => {
	it('splits containers, folders and sheets', () => {
		expect(baseName('a.zip/Content 2024-01-01_2024-12-31 X/Totals.csv')).toBe('Totals.csv');
		expect(baseName('acme_content_1.xls › All posts')).toBe('acme_content_1.xls');
		expect(nameSegments('a.zip', 'a.zip/inner/b.csv')).toEqual(['a.zip', 'a.zip', 'inner', 'b.csv']);
	});
});

describe('resolveHeaderIndex', () => {
	it('moves past a one-cell description to the row that fits', () => {
		const { table } = tabulateText('Aggregated metrics for all posts by date\nDate,Impressions (organic)\n08/22/2026,5\n', 'Metrics.csv', 'utf-8');
		expect(resolveHeaderIndex(table, 0, (row) => row.includes('date'))).toBe(1);
		expect(resolveHeaderIndex(table, 1, (row) => row.includes('date'))).toBe(1);
		expect(resolveHeaderIndex(table, 0, (row) => row.includes('nothing'))).toBe(0);
	});
});

describe('IssueLog', () => {
	it('keeps 20 issues of a kind and summarises the rest', () => {
		const log = new IssueLog();
		for (let line = 2; line < 102; line++) log.error(fileMessage('x.badDate', { cell: `day ${line}` }), line, 'bad-date');
		log.warning(fileMessage('mapping.noRows'), 5);
		const issues = log.list();
		expect(issues).toHaveLength(22);
		expect(issues[0]).toEqual({
			line: 2,
			severity: 'error',
			message: 'Row skipped: “day 2” is not a date.',
			code: 'x.badDate',
			params: { cell: 'day 2' }
		});
		expect(issues[19].line).toBe(21);
		expect(issues[20]).toEqual({ line: 5, severity: 'warning', message: 'The file has column names but no data rows.', code: 'mapping.noRows', params: {} });
		expect(issues[21]).toEqual({
			severity: 'error',
			message: '…and 80 more rows with the same problem.',
			code: 'row.more',
			params: { count: 80 }
		});
		expect(log.errorCount).toBe(20);
	});
});

describe('SeriesBuilder and importResult', () => {
	it('records values, skips gaps, and reports the last day', () => {
		const builder = new SeriesBuilder({ platform: 'x', handle: 'a' });
		builder.add('impressions', 10, 5);
		builder.add('impressions', 12, null);
		builder.add('likes', 11, 0);
		expect(builder.lastDay).toBe(11);
		const result = importResult({ account: null, series: builder.build(), rowCount: 3, issues: [] });
		expect(result.series).toEqual([
			{ account: { platform: 'x', handle: 'a' }, metric: 'impressions', days: [10], values: [5] },
			{ account: { platform: 'x', handle: 'a' }, metric: 'likes', days: [11], values: [0] }
		]);
		expect(result.coversUntil).toBe(11);
	});
});

describe('acceptPost', () => {
	const post = (overrides: Partial<ParsedPost>): ParsedPost => ({
		platform: 'x',
		postId: '1465712230054432768',
		account: null,
		publishedAt: '2021-11-30T16:00',
		day: dayFromYMD(2021, 11, 30),
		text: '',
		metrics: { impressions: 1 },
		...overrides
	});

	it('keeps a well-formed post', () => {
		const posts: ParsedPost[] = [];
		const log = new IssueLog();
		acceptPost(post({}), posts, log, 2, NOW);
		expect(posts).toHaveLength(1);
		expect(log.list()).toEqual([]);
	});

	it.each([
		['a damaged id', { postId: '1.46E+18' }, 'postId'],
		['an empty id', { postId: ' ' }, 'postId'],
		['a NaN metric', { metrics: { impressions: Number.NaN } }, 'metrics'],
		['a malformed publishedAt', { publishedAt: '30/11/2021' }, 'publishedAt']
	])('rejects %s with an issue on its line', (_, overrides, field) => {
		const posts: ParsedPost[] = [];
		const log = new IssueLog();
		acceptPost(post(overrides), posts, log, 9, NOW);
		expect(posts).toEqual([]);
		expect(log.list()).toMatchObject([{ line: 9, severity: 'error', message: expect.stringContaining(field) }]);
	});

	it('rejects a post dated after the import, naming the date', () => {
		const posts: ParsedPost[] = [];
		const log = new IssueLog();
		acceptPost(post({ day: dayFromYMD(2099, 1, 1), publishedAt: '2099-01-01T09:00' }), posts, log, 4, NOW);
		expect(posts).toEqual([]);
		expect(log.list()).toMatchObject([
			{
				line: 4,
				severity: 'error',
				message:
					"Row skipped: the post's date 2099-01-01 is after 2027-12-31, and analytics cannot cover days that have not happened: check the date in the file, and this computer's clock."
			}
		]);
	});
});

describe('plainlyValidPost', () => {
	const post = fc.record({
		platform: fc.constant('x' as const),
		postId: fc.oneof(fc.stringMatching(/^\d{1,19}$/), fc.string(), fc.constantFrom(' ', '1.22158E+17', ' 12 ', '\u00a0', "'123")),
		account: fc.constant(null),
		publishedAt: fc.oneof(fc.constant(null), fc.constantFrom('2024-01-02T03:04', '2024-01-02T03:04:05', '2024-01-02 03:04', '2024-1-2T03:04'), fc.string()),
		day: fc.oneof(fc.constant(null), fc.integer({ min: 10_000, max: 30_000 }), fc.double(), fc.constantFrom(2 ** 53, -0, Number.NaN, Infinity)),
		text: fc.string(),
		metrics: fc.dictionary(fc.constantFrom('likes', 'views', 'shares'), fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity)))
	});
	it('says yes only to posts the schema accepts, and to the usual ones', () => {
		fc.assert(
			fc.property(post, (candidate) => !plainlyValidPost(candidate as ParsedPost) || postSchema.safeParse(candidate).success),
			{ numRuns: 3000 }
		);
		const usual = { platform: 'x', postId: '814929147119307902', account: null, publishedAt: '2016-12-30T20:20', day: 17165, text: 'Hi', metrics: { impressions: 261, engagement_rate: 0.0115 } };
		expect(plainlyValidPost(usual as ParsedPost)).toBe(true);
		expect(postSchema.safeParse(usual).success).toBe(true);
	});
});

