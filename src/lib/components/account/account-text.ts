/**
 * The account page's words for things the core hands over as codes: audience dimensions and
 * measures, how a metric is summed up over a period, weekday names, heatmap cell tooltips and what
 * is wrong with a tagging rule. All in the active language (t and Intl read it, so callers in
 * $derived follow a switch).
 */
import type { HeatmapGrid, HeatmapGridCell } from '$lib/charts/build-heatmap';
import type { TagRuleProblem } from '$lib/domain/analytics/topics';
import { METRICS, type MetricKey, type MetricSemantics } from '$lib/domain/metrics';
import type { BreakdownDimension } from '$lib/domain/model';
import { t } from '$lib/i18n/i18n.svelte';
import { metricLabel } from '$lib/i18n/labels';
import { currentLocale, formatCount } from '$lib/state/format';

export function dimensionLabel(dimension: BreakdownDimension): string {
	return t(`account:audience.dimension.${dimension}`);
}

/** What a breakdown counted: the importers use metric keys (followers, views…); anything else shows as given. */
export function measureLabel(measure: string): string {
	return measure in METRICS ? metricLabel(measure as MetricKey) : measure.replaceAll('_', ' ');
}

/** How a metric of these semantics is summed up over a period ("last value", "sum"…). */
export function aggregationLabel(semantics: MetricSemantics): string {
	return t(`account:overview.aggregation.${semantics}`);
}

/** Weekday names, Monday first (the core's 0 = Monday), from Intl: 2024-01-01 was a Monday. */
export function weekdayNames(width: 'long' | 'short', locale: string = currentLocale()): string[] {
	const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
	return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index))));
}

/** The tooltip sentence of one heatmap cell: its slot, value and how many posts it rests on. */
export function heatmapCellTitle(grid: Pick<HeatmapGrid, 'measure' | 'minSample'>, weekday: string, cell: HeatmapGridCell, metric: MetricKey): string {
	const slot = `${weekday} ${cell.from}–${cell.to}`;
	if (!cell.reliable) {
		return cell.n > 0
			? t('account:heatmap.cell.few', { slot, count: cell.n, n: formatCount(cell.n), min: formatCount(grid.minSample) })
			: t('account:heatmap.cell.none', { slot });
	}
	if (grid.measure === 'posts') return t('account:heatmap.cell.posts', { slot, count: cell.value ?? 0, value: cell.text });
	return t('account:heatmap.cell.median', { slot, count: cell.n, n: formatCount(cell.n), value: cell.text, metric: metricLabel(metric).toLowerCase() });
}

export function tagRuleProblemText(problem: TagRuleProblem): string {
	return t(`account:tagRules.problem.${problem}`);
}
