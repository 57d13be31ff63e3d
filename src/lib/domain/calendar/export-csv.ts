/**
 * The editorial calendar as a spreadsheet: one row per item, lists joined with "; " so a cell
 * stays one value per item, and the linked posts' performance beside the plan. Cells go through
 * the shared safe CSV writer (formula neutralisation, UTF-8 BOM for Excel).
 */
import { tableToCsv, type CsvColumn } from '../analytics/csv';
import { isoFromDay } from '../days';
import { ANGLE_LABELS, isAngle, isItemStatus, STATUS_LABELS, type PlannedItem } from './items';
import type { LinkedPerformance } from './match';

export interface CalendarCsvOptions {
	accountName?: (accountId: string) => string;
	performance?: (item: PlannedItem) => LinkedPerformance | null;
}

export function calendarCsv(items: readonly PlannedItem[], options: CalendarCsvOptions = {}): string {
	const name = options.accountName ?? ((id: string) => id);
	const performance = (item: PlannedItem) => options.performance?.(item) ?? null;
	const columns: CsvColumn<PlannedItem>[] = [
		{ header: 'Date', value: (item) => (item.day === null ? '' : isoFromDay(item.day)) },
		{ header: 'Title', value: (item) => item.title },
		{ header: 'Angle', value: (item) => (isAngle(item.angle) ? ANGLE_LABELS[item.angle] : item.angle) },
		{ header: 'Status', value: (item) => (isItemStatus(item.status) ? STATUS_LABELS[item.status] : item.status) },
		{ header: 'Audience segments', value: (item) => item.segments.join('; ') },
		{ header: 'Product lines', value: (item) => item.productLines.join('; ') },
		{ header: 'Accounts', value: (item) => item.accountIds.map(name).join('; ') },
		{ header: 'Owner', value: (item) => item.owner },
		{ header: 'Link', value: (item) => item.link },
		{ header: 'Notes', value: (item) => item.notes },
		{ header: 'Linked posts', value: (item) => item.linkedPostIds.length },
		{ header: 'Impressions', value: (item) => performance(item)?.impressions },
		{ header: 'Engagements', value: (item) => performance(item)?.engagements },
		{ header: 'Engagement rate', value: (item) => performance(item)?.engagementRate },
		{ header: 'Created', value: (item) => item.createdAt },
		{ header: 'Updated', value: (item) => item.updatedAt },
		{ header: 'ID', value: (item) => item.id }
	];
	return tableToCsv(columns, items);
}
