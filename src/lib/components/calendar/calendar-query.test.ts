import { describe, expect, it } from 'vitest';
import { dayFromISO } from '$lib/domain/days';
import { calendarSearch, parseCalendarQuery, type CalendarQuery } from './calendar-query';

describe('calendar query', () => {
	it('reads a full query', () => {
		expect(parseCalendarQuery('?view=week&date=2021-11-22&tab=strategy&account=x%3Acontosoerp&segment=buyers&product=ERP&owner=Jana&status=planned')).toEqual({
			view: 'week',
			date: dayFromISO('2021-11-22'),
			tab: 'strategy',
			filter: { accountId: 'x:contosoerp', segment: 'buyers', productLine: 'ERP', owner: 'Jana', status: 'planned' }
		});
	});

	it('falls back to the defaults for anything it does not know', () => {
		expect(parseCalendarQuery('?view=year&date=2021-02-30&tab=other&status=archived&owner=%20')).toEqual({
			view: 'month',
			date: null,
			tab: 'plan',
			filter: {}
		});
	});

	it('writes only what differs from the defaults, keeps foreign parameters, and reads back what it wrote', () => {
		const query: CalendarQuery = { view: 'agenda', date: dayFromISO('2021-11-22'), tab: 'plan', filter: { owner: 'Jana K', status: 'idea' } };
		const search = calendarSearch(query, '?from=board&view=week');
		expect(search).toBe('?from=board&view=agenda&date=2021-11-22&owner=Jana+K&status=idea');
		expect(parseCalendarQuery(search)).toEqual(query);
		expect(calendarSearch({ view: 'month', date: null, tab: 'plan', filter: {} })).toBe('');
	});
});
