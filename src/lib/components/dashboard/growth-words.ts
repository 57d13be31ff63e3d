/**
 * Growth between two values and its words, remembered: the KPI cards and the accounts table word
 * the same growths again on every re-render (a new KPI answer, a sort, a change of metric and back),
 * and wording one (describeGrowth, then several t() calls and Intl formats) took 70–550 µs in Node
 * and far more on a loaded page; 40 accounts' rows were a 250 ms task in a profile. A growth is kept
 * per its inputs, its words per growth and language, so the numbers and words are the ones the
 * functions give (growth-words.test.ts checks it).
 */
import { describeGrowth, type Growth, type GrowthPoint } from '$lib/domain/analytics/growth';
import { growthChange, growthReason, growthText } from '$lib/i18n/analytics';
import { currentLocale, hasMessage } from '$lib/i18n/i18n.svelte';

const growths = new Map<string, Growth>();
/** Enough for every card and row of a few views; past it the memory starts again. */
const GROWTH_LIMIT = 5000;

const number = (value: number | null | undefined) => (Object.is(value, -0) ? '-0' : String(value));

/** describeGrowth(from, to), the same object for the same inputs. */
export function growthBetween(from: GrowthPoint, to: GrowthPoint): Growth {
	const key = `${from.day}|${number(from.value)}|${to.day}|${number(to.value)}`;
	let growth = growths.get(key);
	if (!growth) {
		if (growths.size >= GROWTH_LIMIT) growths.clear();
		growth = describeGrowth(from, to);
		growths.set(key, growth);
	}
	return growth;
}

type Field = 'text' | 'change' | 'reason';
const words = new WeakMap<Growth, Map<string, Partial<Record<Field, string | undefined>>>>();

function remembered(growth: Growth, field: Field, make: (growth: Growth) => string | undefined): string | undefined {
	// reads the language, so a caller in $derived or markup follows a switch, as t() does
	const locale = currentLocale();
	// the analytics messages still on their way: said now, and not kept (t() says them again when they come)
	if (!hasMessage('analytics:growth.inPeriod')) return make(growth);
	let byLocale = words.get(growth);
	if (!byLocale) words.set(growth, (byLocale = new Map()));
	let entry = byLocale.get(locale);
	if (!entry) byLocale.set(locale, (entry = {}));
	if (!(field in entry)) entry[field] = make(growth);
	return entry[field];
}

/** growthText(growth), remembered per growth and language. */
export function growthTextOf(growth: Growth): string {
	return remembered(growth, 'text', growthText) ?? '';
}

/** growthChange(growth), remembered per growth and language. */
export function growthChangeOf(growth: Growth): string {
	return remembered(growth, 'change', growthChange) ?? '';
}

/** growthReason(growth), remembered per growth and language. */
export function growthReasonOf(growth: Growth): string | undefined {
	return remembered(growth, 'reason', growthReason);
}
