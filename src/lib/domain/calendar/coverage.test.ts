import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { segmentCoverage } from './coverage';

const day = (iso: string) => dayFromISO(iso)!;

describe('segment coverage', () => {
	const items = [
		{ day: day('2021-11-23'), segments: ['end users', 'buyers'], angle: 'story' },
		{ day: day('2021-12-01'), segments: ['End Users'], angle: 'product' },
		{ day: day('2021-11-30'), segments: [], angle: 'both' },
		// after the three weeks, and undated: not in the horizon
		{ day: day('2021-12-13'), segments: ['buyers'], angle: 'story' },
		{ day: null, segments: ['solution partners'], angle: 'story' },
		// the Sunday before the horizon starts
		{ day: day('2021-11-21'), segments: ['solution partners'], angle: 'story' }
	];

	it('counts items per segment and week from the Monday of the first week, and flags what the plan neglects', () => {
		const coverage = segmentCoverage(items, { from: day('2021-11-24'), weeks: 3, segments: ['end users', 'buyers', 'solution partners'] });
		expect(coverage.weekStarts).toEqual([day('2021-11-22'), day('2021-11-29'), day('2021-12-06')]);
		expect(coverage.items).toBe(3);
		expect(coverage.withoutSegment).toBe(1);
		expect(coverage.withoutSegmentPerWeek).toEqual([0, 1, 0]);
		expect(coverage.rows).toEqual([
			// two of three weeks covered: served
			{ segment: 'end users', perWeek: [1, 1, 0], total: 2, story: 1, product: 1, both: 0, weeksWithout: 1, status: 'served' },
			// one of three weeks: thin
			{ segment: 'buyers', perWeek: [1, 0, 0], total: 1, story: 1, product: 0, both: 0, weeksWithout: 2, status: 'thin' },
			{ segment: 'solution partners', perWeek: [0, 0, 0], total: 0, story: 0, product: 0, both: 0, weeksWithout: 3, status: 'neglected' }
		]);
	});

	it('adds segments that only items name, and counts an item of both angles once', () => {
		const coverage = segmentCoverage([{ day: day('2021-11-22'), segments: ['analysts'], angle: 'both' }], { from: day('2021-11-22'), weeks: 1 });
		expect(coverage.rows).toEqual([
			{ segment: 'analysts', perWeek: [1], total: 1, story: 0, product: 0, both: 1, weeksWithout: 0, status: 'served' }
		]);
	});

	it('treats a horizon of less than a week as one week', () => {
		expect(segmentCoverage([], { from: day('2021-11-22'), weeks: 0 }).weekStarts).toEqual([day('2021-11-22')]);
	});
});
