/**
 * The reader behind every "one row per day" export (X by-day and overview, YouTube Totals, TikTok
 * Overview, LinkedIn Metrics, Meta daily files, WeChat): one date column, some metric columns.
 * Date order (M/D vs D/M) and the decimal separator are decided once per file, not per cell.
 */
import type { DayNumber } from '../domain/days';
import { METRICS, type MetricKey } from '../domain/metrics';
import type { AccountRef, SeriesPoints } from '../domain/model';
import { cellAt, dataRowsAfter, IssueLog, SeriesBuilder, type DataRow } from './columns';
import { implausibleDayReason, plausibleDays } from './limits';
import type { Table } from './types';
import { fileMessage } from './messages';
import {
	assignYears,
	inferDateOrder,
	inferDecimalHint,
	isMissing,
	parseCount,
	parseDateTime,
	parseDuration,
	parseMonthDay,
	parseNumber,
	parseRate,
	type DecimalHint,
	type YearAnchor
} from './values';

/** How a metric cell is written: a count, a plain number, a fraction (`0.045` or `4.5%`), a percent number (`5.02`), `H:MM:SS`. */
export type ValueKind = 'count' | 'number' | 'fraction' | 'percent' | 'duration';

export interface MetricColumn {
	metric: MetricKey;
	column: number;
	kind: ValueKind;
	/** The header as written, for messages. */
	header: string;
}

/** Read one cell by kind; null for missing or unreadable. */
export function readValue(text: string | undefined, kind: ValueKind, hint: DecimalHint | null): number | null {
	if (text === undefined) return null;
	switch (kind) {
		case 'count':
			return parseCount(text, hint);
		case 'number':
			return parseNumber(text, hint);
		case 'fraction':
			return parseRate(text, { hint });
		case 'percent':
			return parseRate(text, { percent: true, hint });
		case 'duration':
			return parseDuration(text);
	}
}

/** The decimal separator of a file, from a sample of its metric cells. */
export function decimalHintOf(rows: readonly DataRow[], columns: readonly number[]): DecimalHint | null {
	const sample: string[] = [];
	for (const { row } of rows.slice(0, 400)) for (const column of columns) if (row[column] !== undefined) sample.push(row[column]);
	return inferDecimalHint(sample);
}

/**
 * 2^53 − 1 as the messages show it. Worked out once: toLocaleString builds a number formatter on
 * every call, and this is asked for every value of every file (it was most of the parse worker's
 * time, docs/performance.md, "Import").
 */
const SAFE_LIMIT_SHOWN = Number.MAX_SAFE_INTEGER.toLocaleString('en-US');

/**
 * Why a number read from a cell cannot be a value of `metric` (values for the `implausible.*` messages), or null.
 * A day's flow may be negative: platforms correct earlier days that way (TikTok's deleted comments,
 * YouTube's removed spam views, a net follower loss). A level (total followers), a count of
 * distinct people or a rate never is. Beyond 2^53 a double no longer holds every whole number, so
 * such a figure is already wrong, and no platform counts anything near it.
 */
export function implausibleValueReason(metric: MetricKey, value: number): { implausible: 'tooLarge' | 'negative'; metric: MetricKey; limit: string } | null {
	const { semantics } = METRICS[metric];
	if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return { implausible: 'tooLarge', metric, limit: SAFE_LIMIT_SHOWN };
	if (value < 0 && semantics !== 'flow') return { implausible: 'negative', metric, limit: SAFE_LIMIT_SHOWN };
	return null;
}

/** A cell as quoted in a message: one line, at most 40 characters. */
export function shownCell(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/**
 * Read metric cells of one row into a builder (or a record for posts), warning once per kind
 * about text where a number belongs, and about numbers the metric cannot have (a negative total
 * or rate, anything past 2^53). A missing cell is simply skipped.
 */
export function readMetricCells(
	row: readonly string[],
	line: number,
	metrics: readonly MetricColumn[],
	hint: DecimalHint | null,
	issues: IssueLog,
	store: (metric: MetricKey, value: number) => void
): void {
	for (const { metric, column, kind, header } of metrics) {
		const text = cellAt(row, column);
		if (text === undefined || isMissing(text)) continue;
		const value = readValue(text, kind, hint);
		if (value === null) {
			issues.warning(fileMessage('row.notNumber', { cell: shownCell(text), column: header }), line, `not-number:${header}`);
			continue;
		}
		const implausible = implausibleValueReason(metric, value);
		if (implausible) {
			issues.warning(fileMessage('row.implausible', { cell: shownCell(text), column: header, ...implausible }), line, `implausible:${header}`);
			continue;
		}
		store(metric, value);
	}
}

export interface DailyTableSpec {
	table: Table;
	/** The import moment: rows dated after it (or before 2000) are refused, see plausibleDays. */
	now: Date;
	headerIndex: number;
	account: AccountRef | null;
	dateColumn: number;
	dateHeader: string;
	metrics: readonly MetricColumn[];
	/** Rows that are not data (a YouTube `Total` row, a Facebook description row). */
	skipRow?: (row: readonly string[]) => boolean;
	/** For year-less dates (TikTok): where the year comes from. */
	yearAnchor?: YearAnchor;
	allowSerialDates?: boolean;
}

export interface DailyTableResult {
	series: SeriesPoints[];
	rowCount: number;
	issues: IssueLog;
	/** Each data row's day, in file order (null for rows that were skipped). */
	days: { day: DayNumber | null; row: readonly string[]; line: number }[];
	lastDay: DayNumber | null;
}

export function readDailyTable(spec: DailyTableSpec): DailyTableResult {
	const issues = new IssueLog();
	const rows = dataRowsAfter(spec.table, spec.headerIndex).filter(({ row }) => !spec.skipRow?.(row));
	const builder = new SeriesBuilder(spec.account);
	const hint = decimalHintOf(
		rows,
		spec.metrics.map((metric) => metric.column)
	);
	const dateCells = rows.map(({ row }) => cellAt(row, spec.dateColumn) ?? '');

	let days: (DayNumber | null)[];
	if (spec.yearAnchor) {
		days = assignYears(dateCells.map(parseMonthDay), spec.yearAnchor);
		// a file may also carry full dates (a re-save): take those as they are
		days = days.map((day, index) => day ?? parseDateTime(dateCells[index])?.day ?? null);
	} else {
		const order = inferDateOrder(dateCells);
		days = dateCells.map((cell) => parseDateTime(cell, { order, allowSerial: spec.allowSerialDates })?.day ?? null);
	}

	const range = plausibleDays(spec.now);
	const seen: DailyTableResult['days'] = [];
	rows.forEach(({ row, line }, index) => {
		let day = days[index];
		const cell = dateCells[index];
		const outside = day === null ? null : implausibleDayReason(day, range);
		if (outside) {
			issues.error(fileMessage('row.dateOutside', { cell: shownCell(cell), column: spec.dateHeader, ...outside }), line, 'date-range');
			day = null;
		}
		seen.push({ day, row, line });
		if (day === null) {
			if (outside) return;
			issues.error(
				cell === ''
					? fileMessage('row.dateEmpty', { column: spec.dateHeader })
					: fileMessage('row.notDate', { cell: shownCell(cell), column: spec.dateHeader }),
				line,
				'bad-date'
			);
			return;
		}
		readMetricCells(row, line, spec.metrics, hint, issues, (metric, value) => builder.add(metric, day, value));
	});
	return { series: builder.build(), rowCount: rows.length, issues, days: seen, lastDay: builder.lastDay ?? maxDay(seen.map((entry) => entry.day)) };
}

function maxDay(days: readonly (DayNumber | null)[]): DayNumber | null {
	let last: DayNumber | null = null;
	for (const day of days) if (day !== null && (last === null || day > last)) last = day;
	return last;
}

/** Map present columns to metrics: `[key, metric, kind]` triples against located columns. */
export function metricColumns<K extends string>(
	located: Partial<Record<K, number>>,
	headers: readonly string[],
	mapping: readonly (readonly [K, MetricKey, ValueKind])[]
): MetricColumn[] {
	const result: MetricColumn[] = [];
	const taken = new Set<MetricKey>();
	for (const [key, metric, kind] of mapping) {
		const column = located[key];
		// the first listed column for a metric wins (e.g. `Impressions (total)` before `(organic)`)
		if (column === undefined || taken.has(metric)) continue;
		taken.add(metric);
		result.push({ metric, column, kind, header: headers[column]?.trim() ?? key });
	}
	return result;
}
