/**
 * Engagements where an export has no engagements column: likes + comments + shares (+ clicks where
 * given). X's own "engagements" also counts clicks, profile visits and media views, so the two are
 * not the same number; cards and charts say which one they show.
 */
import type { MetricKey } from '../metrics';
import { hasValues, type AnalyticsPost, type DailyValues } from './types';

export const ENGAGEMENT_COMPONENTS = ['likes', 'comments', 'shares', 'clicks'] as const satisfies readonly MetricKey[];

export const ENGAGEMENT_FALLBACK_NOTE = 'likes + comments + shares (+ clicks where given)';

export const ENGAGEMENT_RATE_FORMULA =
	'Engagement rate = engagements ÷ impressions, each summed over the period on the days where both are known — not an average of daily rates.';

/**
 * Daily likes + comments + shares (+ clicks) from the components an account has; a day counts when
 * at least one component has a value there. Null when the account has none of them.
 */
export function engagementsFromComponents(seriesByMetric: Partial<Record<MetricKey, DailyValues>>): DailyValues | null {
	const parts = ENGAGEMENT_COMPONENTS.map((metric) => seriesByMetric[metric]).filter(hasValues);
	if (parts.length === 0) return null;
	const startDay = Math.min(...parts.map((part) => part.startDay)); // at most four parts
	const endDay = Math.max(...parts.map((part) => part.startDay + part.values.length - 1));
	const values = new Float64Array(endDay - startDay + 1).fill(Number.NaN);
	for (const part of parts) {
		const offset = part.startDay - startDay;
		for (let i = 0; i < part.values.length; i++) {
			const v = part.values[i];
			if (v !== v) continue;
			const current = values[i + offset];
			values[i + offset] = current === current ? current + v : v;
		}
	}
	return { accountId: parts[0].accountId, metric: 'engagements', startDay, values, note: `Engagements = ${ENGAGEMENT_FALLBACK_NOTE}.` };
}

/** The account's engagements series, else one summed from its components; `fromComponents` says which. */
export function engagementsOf(
	seriesByMetric: Partial<Record<MetricKey, DailyValues>>
): { series: DailyValues; fromComponents: boolean } | null {
	const reported = seriesByMetric.engagements;
	if (hasValues(reported)) return { series: reported, fromComponents: false };
	const summed = engagementsFromComponents(seriesByMetric);
	return summed ? { series: summed, fromComponents: true } : null;
}

/**
 * A post's value for `metric`; for 'engagements' without that metric, the sum of the components the
 * post has. Null when missing (never 0).
 */
export function postMetricValue(post: Pick<AnalyticsPost, 'metrics'>, metric: MetricKey): number | null {
	const direct = post.metrics[metric];
	if (typeof direct === 'number' && Number.isFinite(direct)) return direct;
	if (metric !== 'engagements') return null;
	let sum = 0;
	let found = false;
	for (const component of ENGAGEMENT_COMPONENTS) {
		const v = post.metrics[component];
		if (typeof v === 'number' && Number.isFinite(v)) {
			sum += v;
			found = true;
		}
	}
	return found ? sum : null;
}
