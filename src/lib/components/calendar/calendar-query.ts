/**
 * The calendar page's view in its URL query, so a link or bookmark reopens the same month, view,
 * tab and filters: `?view=week&date=2021-11-22&owner=Jana`. Defaults are left out of the query.
 */
import { isCalendarView, type CalendarView } from '$lib/domain/calendar/grid';
import { isItemStatus, type ItemFilter } from '$lib/domain/calendar/items';
import { dayFromISO, isoFromDay, type DayNumber } from '$lib/domain/days';

export const CALENDAR_TABS = ['plan', 'strategy'] as const;
export type CalendarTab = (typeof CALENDAR_TABS)[number];

export interface CalendarQuery {
	view: CalendarView;
	/** The day the view is anchored on; null: today. */
	date: DayNumber | null;
	tab: CalendarTab;
	filter: ItemFilter;
}

const FILTER_PARAMETERS = { account: 'accountId', segment: 'segment', product: 'productLine', owner: 'owner' } as const;

export function parseCalendarQuery(search: string): CalendarQuery {
	const parameters = new URLSearchParams(search);
	const view = parameters.get('view');
	const tab = parameters.get('tab');
	const status = parameters.get('status');
	const filter: ItemFilter = {};
	for (const [name, field] of Object.entries(FILTER_PARAMETERS)) {
		const value = parameters.get(name)?.trim();
		if (value) filter[field] = value;
	}
	if (isItemStatus(status)) filter.status = status;
	return {
		view: isCalendarView(view) ? view : 'month',
		date: dayFromISO(parameters.get('date') ?? ''),
		tab: tab === 'strategy' ? 'strategy' : 'plan',
		filter
	};
}

/**
 * The query for a view, keeping parameters that are not the calendar's (none today, but a link
 * from elsewhere may carry some). Starts with `?`, or is empty.
 */
export function calendarSearch(query: CalendarQuery, current = ''): string {
	const parameters = new URLSearchParams(current);
	for (const name of ['view', 'date', 'tab', 'status', ...Object.keys(FILTER_PARAMETERS)]) parameters.delete(name);
	if (query.view !== 'month') parameters.set('view', query.view);
	if (query.date !== null) parameters.set('date', isoFromDay(query.date));
	if (query.tab !== 'plan') parameters.set('tab', query.tab);
	for (const [name, field] of Object.entries(FILTER_PARAMETERS)) {
		const value = query.filter[field];
		if (value) parameters.set(name, value);
	}
	if (query.filter.status) parameters.set('status', query.filter.status);
	const text = parameters.toString();
	return text ? `?${text}` : '';
}
