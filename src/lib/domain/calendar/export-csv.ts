/**
 * The editorial calendar as a spreadsheet: one row per item, lists joined with "; " so a cell
 * stays one value per item, and the linked posts' performance beside the plan. Cells go through
 * the shared safe CSV writer (formula neutralisation, UTF-8 BOM for Excel).
 */
import { tableToCsv, type CsvColumn } from '../analytics/csv';
import { isoFromDay } from '../days';
import { angleWord, statusWord, type ItemWords, type PlannedItem } from './items';
import type { LinkedPerformance } from './match';

export const CALENDAR_CSV_COLUMNS = [
	'date',
	'title',
	'angle',
	'status',
	'segments',
	'productLines',
	'accounts',
	'owner',
	'link',
	'notes',
	'linkedPosts',
	'impressions',
	'engagements',
	'engagementRate',
	'created',
	'updated',
	'id'
] as const;
export type CalendarCsvColumn = (typeof CALENDAR_CSV_COLUMNS)[number];

/**
 * Headers, angles and statuses are human text and follow the exporter's language. The values stay
 * machine-readable in every language: ISO dates and timestamps, plain numbers, the rate as a
 * fraction, lists joined with "; ".
 */
export interface CalendarCsvWords extends ItemWords {
	header: (column: CalendarCsvColumn) => string;
}

export interface CalendarCsvOptions {
	words: CalendarCsvWords;
	accountName?: (accountId: string) => string;
	performance?: (item: PlannedItem) => LinkedPerformance | null;
}

export function calendarCsv(items: readonly PlannedItem[], options: CalendarCsvOptions): string {
	const { words } = options;
	const name = options.accountName ?? ((id: string) => id);
	const performance = (item: PlannedItem) => options.performance?.(item) ?? null;
	const values: Record<CalendarCsvColumn, CsvColumn<PlannedItem>['value']> = {
		date: (item) => (item.day === null ? '' : isoFromDay(item.day)),
		title: (item) => item.title,
		angle: (item) => angleWord(words, item.angle),
		status: (item) => statusWord(words, item.status),
		segments: (item) => item.segments.join('; '),
		productLines: (item) => item.productLines.join('; '),
		accounts: (item) => item.accountIds.map(name).join('; '),
		owner: (item) => item.owner,
		link: (item) => item.link,
		notes: (item) => item.notes,
		linkedPosts: (item) => item.linkedPostIds.length,
		impressions: (item) => performance(item)?.impressions,
		engagements: (item) => performance(item)?.engagements,
		engagementRate: (item) => performance(item)?.engagementRate,
		created: (item) => item.createdAt,
		updated: (item) => item.updatedAt,
		id: (item) => item.id
	};
	const columns: CsvColumn<PlannedItem>[] = CALENDAR_CSV_COLUMNS.map((column) => ({ header: words.header(column), value: values[column] }));
	return tableToCsv(columns, items);
}
