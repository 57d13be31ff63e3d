/**
 * The calendar's words for the codes its core uses (angles, statuses, measures, coverage, draft
 * problems, rule kinds, export headers), in the active language. The core returns codes and
 * values; this is the one place they become text, so each family of keys is listed here and
 * calendar-labels.test.ts can prove every code has its message in every language.
 */
import type { TagRuleKind } from '$lib/domain/analytics/topics';
import type { CoverageStatus } from '$lib/domain/calendar/coverage';
import type { CalendarCsvWords } from '$lib/domain/calendar/export-csv';
import type { CalendarView } from '$lib/domain/calendar/grid';
import type { IcsWords } from '$lib/domain/calendar/ics';
import { type Angle, type DraftProblem, type ItemStatus, isAngle, isItemStatus } from '$lib/domain/calendar/items';
import type { PerformanceMeasure } from '$lib/domain/calendar/strategy';
import type { PostAngle } from '$lib/domain/calendar/tagging';
import { bucketStart } from '$lib/domain/analytics/grain';
import { monthSerialOfDay } from '$lib/domain/analytics/calendar';
import type { DayNumber } from '$lib/domain/days';
import { currentLocale, t } from '$lib/i18n/i18n.svelte';

export type PeriodGrain = 'month' | 'quarter' | 'year';

export const TAG_RULE_KINDS = ['keyword', 'hashtag', 'postType'] as const satisfies readonly TagRuleKind[];

/** A stored angle in words; an angle Chorus does not know is shown as stored. */
export function angleLabel(angle: PostAngle | Angle | string): string {
	return isAngle(angle) || angle === 'untagged' ? t(`calendar:angle.${angle}`) : angle;
}

export function statusLabel(status: ItemStatus | string): string {
	return isItemStatus(status) ? t(`calendar:status.${status}`) : status;
}

export function viewLabel(view: CalendarView): string {
	return t(`calendar:view.${view}`);
}

/** "Median engagement rate per post": the measure as a chart axis or menu names it. */
export function measureLabel(measure: PerformanceMeasure): string {
	return t(`calendar:measure.${measure}.label`);
}

/** "engagement rate": the measure inside a sentence. */
export function measureNoun(measure: PerformanceMeasure): string {
	return t(`calendar:measure.${measure}.noun`);
}

export function grainLabel(grain: PeriodGrain): string {
	return t(`calendar:grain.${grain}`);
}

export function coverageStatusLabel(status: CoverageStatus): string {
	return t(`calendar:coverage.status.${status}`);
}

export function ruleKindLabel(kind: TagRuleKind): string {
	return t(`calendar:rules.kinds.${kind}`);
}

export function ruleKindHint(kind: TagRuleKind): string {
	return t(`calendar:rules.hints.${kind}`);
}

export function draftProblemText(problem: Pick<DraftProblem, 'code' | 'params'>): string {
	return t(`calendar:problem.${problem.code}`, problem.params);
}

/** Values joined as the active language lists them ("a, b" / "a、b"). */
export function joinList(values: readonly string[]): string {
	return values.join(t('common:listSeparator'));
}

const DAY_MS = 86_400_000;

/** 1970-01-05, a Monday: the first column of every week. */
const A_MONDAY: DayNumber = 4;

/** The seven weekday names, Monday first, as the active language abbreviates them ("Mon", "周一"). */
export function weekdayNames(width: 'short' | 'long' = 'short'): string[] {
	const format = new Intl.DateTimeFormat(currentLocale(), { weekday: width, timeZone: 'UTC' });
	return Array.from({ length: 7 }, (_, offset) => format.format((A_MONDAY + offset) * DAY_MS));
}

/** "Q4 2021", "November 2021", "2021"; in Chinese "2021年第4季度", "2021年11月", "2021年". */
export function periodLabel(day: DayNumber, grain: PeriodGrain): string {
	const start = bucketStart(day, grain);
	const locale = currentLocale();
	if (grain === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start * DAY_MS);
	if (grain === 'year') return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(start * DAY_MS);
	const serial = monthSerialOfDay(start);
	const year = Math.floor(serial / 12);
	return t('calendar:period.quarter', { quarter: Math.floor((serial - year * 12) / 3) + 1, year });
}

/** The words an iCalendar export writes, in the active language. */
export function icsWords(): IcsWords {
	return {
		line: (field, value) => t('calendar:export.line', { label: t(`calendar:export.field.${field}`), value }),
		listSeparator: t('common:listSeparator'),
		angle: (angle) => t(`calendar:angle.${angle}`),
		status: (status) => t(`calendar:status.${status}`)
	};
}

/** The words a CSV export writes, in the active language. */
export function csvWords(): CalendarCsvWords {
	return {
		header: (column) => t(`calendar:export.column.${column}`),
		angle: (angle) => t(`calendar:angle.${angle}`),
		status: (status) => t(`calendar:status.${status}`)
	};
}
