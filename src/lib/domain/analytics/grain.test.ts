import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import {
	bucketEnd,
	bucketFrame,
	bucketIndexOf,
	bucketKey,
	bucketLabel,
	bucketLength,
	bucketStart,
	type Grain
} from './grain';

const day = (iso: string) => dayFromISO(iso)!;

describe('grain buckets', () => {
	it.each<[string, Grain, string, string, number, string, string]>([
		['2024-03-20', 'day', '2024-03-20', '2024-03-20', 1, '2024-03-20', 'Mar 20, 2024'],
		['2024-03-20', 'week', '2024-03-18', '2024-03-24', 7, '2024-W12', 'Week of Mar 18, 2024'],
		['2021-01-03', 'week', '2020-12-28', '2021-01-03', 7, '2020-W53', 'Week of Dec 28, 2020'],
		['2024-02-29', 'month', '2024-02-01', '2024-02-29', 29, '2024-02', 'February 2024'],
		['2023-02-10', 'month', '2023-02-01', '2023-02-28', 28, '2023-02', 'February 2023'],
		['2024-05-15', 'quarter', '2024-04-01', '2024-06-30', 91, '2024-Q2', 'Q2 2024'],
		['2024-12-31', 'quarter', '2024-10-01', '2024-12-31', 92, '2024-Q4', 'Q4 2024'],
		['2024-07-04', 'year', '2024-01-01', '2024-12-31', 366, '2024', '2024']
	])('%s by %s: %s … %s (%i days), key %s, label %s', (iso, grain, start, end, length, key, label) => {
		const d = day(iso);
		expect(isoFromDay(bucketStart(d, grain))).toBe(start);
		expect(isoFromDay(bucketEnd(d, grain))).toBe(end);
		expect(bucketLength(d, grain)).toBe(length);
		expect(bucketKey(d, grain)).toBe(key);
		expect(bucketLabel(d, grain, 'en')).toBe(label);
	});

	it('frames a range into whole calendar buckets, the outer ones sticking out', () => {
		const frame = bucketFrame({ from: day('2024-01-10'), to: day('2024-03-05') }, 'month');
		expect(frame.count).toBe(3);
		expect([...frame.starts].map(isoFromDay)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
		expect([...frame.ends].map(isoFromDay)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
	});

	it('frames weeks from the Monday on or before the range start', () => {
		// 2024-01-03 is a Wednesday; 2024-01-15 a Monday
		const frame = bucketFrame({ from: day('2024-01-03'), to: day('2024-01-15') }, 'week');
		expect([...frame.starts].map(isoFromDay)).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
		expect(bucketIndexOf(frame, day('2024-01-14'))).toBe(1);
		expect(bucketIndexOf(frame, day('2023-12-31'))).toBe(-1);
	});

	it('frames quarters and years across year ends', () => {
		const quarters = bucketFrame({ from: day('2023-11-01'), to: day('2024-04-01') }, 'quarter');
		expect([...quarters.starts].map(isoFromDay)).toEqual(['2023-10-01', '2024-01-01', '2024-04-01']);
		const years = bucketFrame({ from: day('2019-06-01'), to: day('2021-01-01') }, 'year');
		expect([...years.starts].map(isoFromDay)).toEqual(['2019-01-01', '2020-01-01', '2021-01-01']);
	});

	it('gives an empty frame for an empty range', () => {
		expect(bucketFrame({ from: 10, to: 9 }, 'day').count).toBe(0);
	});
});
