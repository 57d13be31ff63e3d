import { describe, expect, it } from 'vitest';
import { COVERAGE_STATUSES } from '$lib/domain/calendar/coverage';
import { CALENDAR_CSV_COLUMNS } from '$lib/domain/calendar/export-csv';
import { CALENDAR_VIEWS } from '$lib/domain/calendar/grid';
import { ICS_DESCRIPTION_FIELDS } from '$lib/domain/calendar/ics';
import { DRAFT_PROBLEMS, emptyDraft, checkDraft } from '$lib/domain/calendar/items';
import { PERFORMANCE_MEASURES } from '$lib/domain/calendar/strategy';
import { POST_ANGLES } from '$lib/domain/calendar/tagging';
import { checkTagRule, type TagRuleProblem } from '$lib/domain/analytics/topics';
import { dayFromISO } from '$lib/domain/days';
import { resources } from '$lib/i18n/catalogue';
import { i18n } from '$lib/i18n/i18n.svelte';
import { LOCALES } from '$lib/i18n/locales';
import { CALENDAR_TABS } from './calendar-query';
import { draftProblemText, icsWords, csvWords, periodLabel, TAG_RULE_KINDS, weekdayNames } from './calendar-labels';
import { spokenDay } from './calendar-data';
import { marked } from './marked';

/** A message of the calendar namespace by dotted key, plural forms folded (`x` finds `x_one` / `x_other`). */
function has(locale: (typeof LOCALES)[number], key: string): boolean {
	let node: unknown = resources[locale].calendar;
	const parts = key.split('.');
	for (const [index, part] of parts.entries()) {
		if (!node || typeof node !== 'object') return false;
		const record = node as Record<string, unknown>;
		if (index === parts.length - 1) return typeof record[part] === 'string' || typeof record[`${part}_other`] === 'string';
		node = record[part];
	}
	return false;
}

const RULE_PROBLEMS: TagRuleProblem[] = [
	checkTagRule({ id: 'a', label: ' ', kind: 'keyword', pattern: 'x' })!,
	checkTagRule({ id: 'b', label: 'story', kind: 'keyword', pattern: ' , ' })!,
	checkTagRule({ id: 'c', label: 'year', kind: 'hashtag', pattern: '#2024' })!
];

describe('calendar words', () => {
	// every family of keys the calendar builds from a code (t(`calendar:angle.${angle}`) …)
	const families: [string, readonly string[]][] = [
		['angle', POST_ANGLES],
		['status', ['idea', 'planned', 'published']],
		['view', CALENDAR_VIEWS],
		['toolbar.previous', CALENDAR_VIEWS],
		['toolbar.next', CALENDAR_VIEWS],
		['tab', CALENDAR_TABS],
		['measure', PERFORMANCE_MEASURES.map((measure) => `${measure}.label`)],
		['measure', PERFORMANCE_MEASURES.map((measure) => `${measure}.noun`)],
		['grain', ['month', 'quarter', 'year']],
		['coverage.status', COVERAGE_STATUSES],
		['problem', DRAFT_PROBLEMS],
		['rules.kinds', TAG_RULE_KINDS],
		['rules.hints', TAG_RULE_KINDS],
		['rules.problem', RULE_PROBLEMS],
		['export.field', ICS_DESCRIPTION_FIELDS],
		['export.column', CALENDAR_CSV_COLUMNS]
	];
	for (const locale of LOCALES) {
		it(`has a message for every code in ${locale}`, () => {
			const missing = families.flatMap(([family, codes]) => codes.map((code) => `${family}.${code}`)).filter((key) => !has(locale, key));
			expect(missing).toEqual([]);
		});
	}

	it('follows the active language in names of days, periods, problems and exports', () => {
		const day = dayFromISO('2021-11-23')!;
		try {
			i18n.set('en');
			expect(spokenDay(day)).toBe('Tuesday, November 23, 2021');
			expect(weekdayNames()).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
			expect(periodLabel(day, 'quarter')).toBe('Q4 2021');
			expect(periodLabel(day, 'month')).toBe('November 2021');
			expect(icsWords().line('angle', icsWords().angle('both'))).toBe('Angle: Story + product');
			expect(csvWords().header('segments')).toBe('Audience segments');
			const [problem] = checkDraft({ ...emptyDraft(day), title: '' });
			expect(draftProblemText(problem)).toBe(problem.message);

			i18n.set('zh-CN');
			expect(spokenDay(day)).toBe('2021年11月23日星期二');
			expect(weekdayNames()[0]).toBe('周一');
			expect(weekdayNames()[6]).toBe('周日');
			expect(periodLabel(day, 'quarter')).toBe('2021年第4季度');
			expect(periodLabel(day, 'month')).toBe('2021年11月');
			expect(icsWords().line('status', icsWords().status('planned'))).toBe('状态：已计划');
			expect(icsWords().listSeparator).toBe('、');
			expect(csvWords().header('date')).toBe('日期');
		} finally {
			i18n.set('en');
		}
	});

	it('splits a sentence at its bracketed words', () => {
		expect(marked('Press [+] on a day or [New item].')).toEqual([
			{ text: 'Press ', mark: null },
			{ text: '+', mark: 0 },
			{ text: ' on a day or ', mark: null },
			{ text: 'New item', mark: 1 },
			{ text: '.', mark: null }
		]);
		expect(marked('no marks')).toEqual([{ text: 'no marks', mark: null }]);
	});
});
