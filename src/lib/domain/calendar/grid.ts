/**
 * The days each calendar view shows. Weeks start on Monday (ISO 8601), as the teams plan them;
 * a month grid is the whole weeks that hold the month's first and last day.
 */
import { addMonths, firstDayOfMonthSerial, mondayOfWeek, monthSerialOfDay } from '../analytics/calendar';
import type { DayRange } from '../analytics/types';
import type { DayNumber } from '../days';

export const CALENDAR_VIEWS = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export function isCalendarView(value: unknown): value is CalendarView {
	return typeof value === 'string' && (CALENDAR_VIEWS as readonly string[]).includes(value);
}

/** The agenda lists four weeks at a time: a month's worth of plan that still fits one screen. */
export const AGENDA_WEEKS = 4;

export interface MonthGrid {
	/** First and last day of the month itself. */
	month: DayRange;
	/** Monday-first weeks of seven days covering the month; days outside it belong to the neighbours. */
	weeks: DayNumber[][];
}

export function monthRange(day: DayNumber): DayRange {
	const serial = monthSerialOfDay(day);
	return { from: firstDayOfMonthSerial(serial), to: firstDayOfMonthSerial(serial + 1) - 1 };
}

export function monthGrid(day: DayNumber): MonthGrid {
	const month = monthRange(day);
	const weeks: DayNumber[][] = [];
	for (let monday = mondayOfWeek(month.from); monday <= month.to; monday += 7) {
		weeks.push(Array.from({ length: 7 }, (_, offset) => monday + offset));
	}
	return { month, weeks };
}

export function weekDays(day: DayNumber): DayNumber[] {
	const monday = mondayOfWeek(day);
	return Array.from({ length: 7 }, (_, offset) => monday + offset);
}

/** Every day the view shows around `anchor`. */
export function visibleRange(view: CalendarView, anchor: DayNumber): DayRange {
	switch (view) {
		case 'month': {
			const { weeks } = monthGrid(anchor);
			return { from: weeks[0][0], to: weeks[weeks.length - 1][6] };
		}
		case 'week': {
			const monday = mondayOfWeek(anchor);
			return { from: monday, to: monday + 6 };
		}
		case 'agenda': {
			const monday = mondayOfWeek(anchor);
			return { from: monday, to: monday + AGENDA_WEEKS * 7 - 1 };
		}
	}
}

/**
 * The anchor `steps` views later (negative: earlier). A month step keeps the day of the month where
 * it can (31 January + 1 month = 28/29 February), so paging back returns near where one started.
 */
export function shiftAnchor(view: CalendarView, anchor: DayNumber, steps: number): DayNumber {
	switch (view) {
		case 'month':
			return addMonths(anchor, steps);
		case 'week':
			return anchor + steps * 7;
		case 'agenda':
			return anchor + steps * AGENDA_WEEKS * 7;
	}
}

export function isInMonth(day: DayNumber, month: DayRange): boolean {
	return day >= month.from && day <= month.to;
}
