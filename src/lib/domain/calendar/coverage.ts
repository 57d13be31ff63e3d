/**
 * Segment coverage over the plan: for the next weeks of dated items, how many serve each audience
 * segment, week by week, and which segments the plan neglects. The segments to check come from the
 * caller (the team's default segments, the ones on accounts and the ones typed on items), because a
 * segment no item mentions is exactly the one worth flagging.
 */
import { mondayOfWeek } from '../analytics/calendar';
import type { DayNumber } from '../days';
import { cleanList, type PlannedItem } from './items';

export const COVERAGE_STATUSES = ['neglected', 'thin', 'served'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export interface SegmentCoverageRow {
	segment: string;
	/** Items per week, aligned with `weekStarts`. */
	perWeek: number[];
	total: number;
	/** Items by angle; an item of angle "both" counts once, under `both`. */
	story: number;
	product: number;
	both: number;
	/** Weeks of the horizon with no item for the segment. */
	weeksWithout: number;
	/** neglected: no item at all; thin: items in fewer than half of the weeks; served: otherwise. */
	status: CoverageStatus;
}

export interface SegmentCoverage {
	/** Monday of each week of the horizon. */
	weekStarts: DayNumber[];
	rows: SegmentCoverageRow[];
	/** Dated items inside the horizon. */
	items: number;
	/** Items inside the horizon that name no segment. */
	withoutSegment: number;
	/** Items without a segment, per week. */
	withoutSegmentPerWeek: number[];
}

export interface CoverageOptions {
	/** Any day of the first week; the horizon starts on its Monday. */
	from: DayNumber;
	weeks: number;
	/** Segments to report even when no item names them. */
	segments?: readonly string[];
}

const keyOf = (segment: string) => segment.trim().toLowerCase();

export function segmentCoverage(items: readonly Pick<PlannedItem, 'day' | 'segments' | 'angle'>[], options: CoverageOptions): SegmentCoverage {
	const weeks = Math.max(1, Math.floor(options.weeks));
	const start = mondayOfWeek(options.from);
	const end = start + weeks * 7;
	const weekStarts = Array.from({ length: weeks }, (_, index) => start + index * 7);
	const rows = new Map<string, SegmentCoverageRow>();
	const rowFor = (segment: string) => {
		const key = keyOf(segment);
		let row = rows.get(key);
		if (!row) {
			row = { segment, perWeek: new Array<number>(weeks).fill(0), total: 0, story: 0, product: 0, both: 0, weeksWithout: weeks, status: 'neglected' };
			rows.set(key, row);
		}
		return row;
	};
	for (const segment of cleanList(options.segments ?? [])) rowFor(segment);

	let count = 0;
	const withoutSegmentPerWeek = new Array<number>(weeks).fill(0);
	for (const item of items) {
		if (item.day === null || item.day < start || item.day >= end) continue;
		count++;
		const week = Math.floor((item.day - start) / 7);
		const segments = cleanList(item.segments);
		if (segments.length === 0) withoutSegmentPerWeek[week]++;
		for (const segment of segments) {
			const row = rowFor(segment);
			row.perWeek[week]++;
			row.total++;
			if (item.angle === 'story') row.story++;
			else if (item.angle === 'product') row.product++;
			else if (item.angle === 'both') row.both++;
		}
	}
	for (const row of rows.values()) {
		row.weeksWithout = row.perWeek.filter((value) => value === 0).length;
		const covered = weeks - row.weeksWithout;
		row.status = row.total === 0 ? 'neglected' : covered * 2 < weeks ? 'thin' : 'served';
	}
	const ordered = [...rows.values()].sort((a, b) => b.total - a.total || a.segment.localeCompare(b.segment));
	return {
		weekStarts,
		rows: ordered,
		items: count,
		withoutSegment: withoutSegmentPerWeek.reduce((sum, value) => sum + value, 0),
		withoutSegmentPerWeek
	};
}
