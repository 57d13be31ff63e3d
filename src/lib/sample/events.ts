/**
 * Company events that ripple across accounts: the yearly Contoso Connect conference, product
 * releases, the Analytics Copilot launch, the channel consolidation and the China summit. Each
 * participating account posts about it and sees a bump in impressions and follows on the same days.
 */
import type { DayNumber } from '../domain/days';
import { ANALYTICS_LAUNCH_DAYS_BEFORE_END, CONSOLIDATION_DAYS_BEFORE_END, type CastMember, type EventKind } from './cast';
import { nthWeekdayOfMonth, yearOf } from './calendar';

export interface CompanyEvent {
	id: string;
	kind: EventKind;
	day: DayNumber;
	year: number;
	city: string;
	/** Relative size of the bump it causes. */
	strength: number;
}

const CONNECT_CITIES = ['Amsterdam', 'Seattle', 'Munich', 'Singapore', 'Barcelona', 'Chicago', 'Stockholm', 'London', 'Toronto', 'Sydney'];
const SUMMIT_CITIES = ['Shanghai', 'Shenzhen', 'Beijing'];

export function companyEvents(start: DayNumber, end: DayNumber): CompanyEvent[] {
	const events: CompanyEvent[] = [];
	for (let year = yearOf(start); year <= yearOf(end); year++) {
		const connectCity = CONNECT_CITIES[year % CONNECT_CITIES.length];
		events.push(
			// second Tuesday of October
			{ id: `connect-${year}`, kind: 'connect', day: nthWeekdayOfMonth(year, 10, 1, 2), year, city: connectCity, strength: 1 },
			// first Wednesday of April
			{ id: `erp-release-${year}`, kind: 'erp-release', day: nthWeekdayOfMonth(year, 4, 2, 1), year, city: connectCity, strength: 0.8 },
			// third Thursday of September
			{ id: `crm-release-${year}`, kind: 'crm-release', day: nthWeekdayOfMonth(year, 9, 3, 3), year, city: connectCity, strength: 0.7 },
			// second Thursday of June
			{
				id: `china-summit-${year}`,
				kind: 'china-summit',
				day: nthWeekdayOfMonth(year, 6, 3, 2),
				year,
				city: SUMMIT_CITIES[year % SUMMIT_CITIES.length],
				strength: 0.9
			}
		);
	}
	const launch = end - ANALYTICS_LAUNCH_DAYS_BEFORE_END;
	events.push({ id: 'analytics-launch', kind: 'analytics-launch', day: launch, year: yearOf(launch), city: 'Seattle', strength: 1.5 });
	const consolidation = end - CONSOLIDATION_DAYS_BEFORE_END;
	events.push({ id: 'consolidation', kind: 'consolidation', day: consolidation, year: yearOf(consolidation), city: '', strength: 0.6 });
	return events.filter((event) => event.day >= start && event.day <= end).sort((a, b) => a.day - b.day);
}

export function eventsFor(member: CastMember, events: readonly CompanyEvent[]): CompanyEvent[] {
	return events.filter((event) => member.events.includes(event.kind));
}

/** Attention bump around an event by day offset: a little build-up, the day itself, a tail. */
export function attentionBump(offset: number): number {
	switch (offset) {
		case -2:
			return 0.15;
		case -1:
			return 0.35;
		case 0:
			return 1.8;
		case 1:
			return 0.9;
		case 2:
			return 0.4;
		case 3:
			return 0.2;
		default:
			return 0;
	}
}

/** Extra posting weight around an event: teaser posts the week before, most on the day. */
export function postingBump(offset: number): number {
	if (offset === 0) return 3;
	if (offset === 1 || offset === -1) return 1;
	if (offset >= -7 && offset < -1) return 0.25;
	return 0;
}
