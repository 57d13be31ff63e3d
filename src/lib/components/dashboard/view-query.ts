/**
 * The dashboard's view (range, grain, metric, accounts, layout, rolling averages, year-over-year) as
 * a URL query and back, so a link or bookmark reopens the same view. Values read from a URL are
 * never trusted: anything unknown falls back to the default, and defaults are left out of the query
 * so links stay short.
 */
import { dayFromISO, isoFromDay } from '../../domain/days';
import { GRAINS, type Grain } from '../../domain/analytics/grain';
import { PERIOD_PRESETS, type PeriodPreset } from '../../domain/analytics/periods';
import { ROLLING_WINDOWS } from '../../domain/analytics/rolling';
import type { DayRange } from '../../domain/analytics/types';
import { isMetricKey, type MetricKey } from '../../domain/metrics';
import { PLATFORMS, type Platform } from '../../domain/model';

export const CHART_LAYOUTS = ['total', 'accounts', 'platforms', 'stacked'] as const;
export type ChartLayout = (typeof CHART_LAYOUTS)[number];

export interface ViewState {
	preset: PeriodPreset;
	/** Only for the 'custom' preset. */
	custom: DayRange | null;
	/** null: chosen from the range's length (see autoGrain). */
	grain: Grain | null;
	/** null: the page's default metric. */
	metric: MetricKey | null;
	/** Chosen platforms; empty with no accounts chosen = every account. */
	platforms: Platform[];
	/** Chosen accounts (ids); takes precedence over platforms. */
	accounts: string[];
	layout: ChartLayout;
	/** Rolling windows in days (7, 28, 90); null: the default for the grain. */
	rolling: number[] | null;
	yearOverYear: boolean;
}

/** The whole history by default: the point of the dashboard is the long term. */
export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
	preset: 'all-time',
	custom: null,
	grain: null,
	metric: null,
	platforms: [],
	accounts: [],
	layout: 'total',
	rolling: null,
	yearOverYear: false
});

export function defaultView(): ViewState {
	return { ...DEFAULT_VIEW, platforms: [], accounts: [] };
}

const PRESET_CODES: Record<PeriodPreset, string> = {
	'last-90-days': '90d',
	'last-12-months': '12m',
	'year-to-date': 'ytd',
	'all-time': 'all',
	custom: 'custom'
};

function presetFromCode(code: string | null): PeriodPreset | null {
	if (code === null) return null;
	const found = PERIOD_PRESETS.find((preset) => PRESET_CODES[preset] === code || preset === code);
	return found ?? null;
}

const list = (value: string | null) =>
	(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');

/** Reads a view from a query; whatever is missing or unreadable takes its default. */
export function parseViewQuery(params: URLSearchParams): ViewState {
	const view = defaultView();
	const preset = presetFromCode(params.get('range'));
	if (preset === 'custom') {
		const from = dayFromISO(params.get('from') ?? '');
		const to = dayFromISO(params.get('to') ?? '');
		if (from !== null && to !== null) {
			view.preset = 'custom';
			view.custom = { from: Math.min(from, to), to: Math.max(from, to) };
		}
	} else if (preset) view.preset = preset;

	const grain = params.get('grain');
	if (grain && (GRAINS as readonly string[]).includes(grain)) view.grain = grain as Grain;

	const metric = params.get('metric');
	if (metric && isMetricKey(metric)) view.metric = metric;

	view.platforms = [...new Set(list(params.get('platforms')).filter((p): p is Platform => (PLATFORMS as readonly string[]).includes(p)))];
	view.accounts = [...new Set(list(params.get('accounts')))];

	const layout = params.get('layout');
	if (layout && (CHART_LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as ChartLayout;

	const rolling = params.get('rolling');
	if (rolling === 'none') view.rolling = [];
	else if (rolling !== null) {
		const windows = list(rolling)
			.map(Number)
			.filter((days) => (ROLLING_WINDOWS as readonly number[]).includes(days));
		if (windows.length > 0) view.rolling = [...new Set(windows)].sort((a, b) => a - b);
	}

	view.yearOverYear = params.get('yoy') === '1';
	return view;
}

/** The query for a view, leaving defaults out; `base` keeps unrelated parameters (an account id). */
export function viewQuery(view: ViewState, base?: URLSearchParams): URLSearchParams {
	const params = new URLSearchParams(base);
	for (const key of ['range', 'from', 'to', 'grain', 'metric', 'platforms', 'accounts', 'layout', 'rolling', 'yoy']) params.delete(key);
	if (view.preset === 'custom' && view.custom) {
		params.set('range', 'custom');
		params.set('from', isoFromDay(view.custom.from));
		params.set('to', isoFromDay(view.custom.to));
	} else if (view.preset !== 'custom' && view.preset !== DEFAULT_VIEW.preset) params.set('range', PRESET_CODES[view.preset]);
	if (view.grain !== null) params.set('grain', view.grain);
	if (view.metric) params.set('metric', view.metric);
	if (view.accounts.length > 0) params.set('accounts', view.accounts.join(','));
	else if (view.platforms.length > 0) params.set('platforms', view.platforms.join(','));
	if (view.layout !== DEFAULT_VIEW.layout) params.set('layout', view.layout);
	if (view.rolling !== null) params.set('rolling', view.rolling.length ? view.rolling.join(',') : 'none');
	if (view.yearOverYear) params.set('yoy', '1');
	return params;
}

/** `?a=1` or '' for an empty query. */
export function queryString(params: URLSearchParams): string {
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The view a URL's `search` (`?range=12m…`) describes. */
export function parseViewSearch(search: string): ViewState {
	return parseViewQuery(new URLSearchParams(search));
}

/** The `search` for a view, keeping the other parameters of `currentSearch` (an account id). */
export function viewSearch(view: ViewState, currentSearch: string): string {
	return queryString(viewQuery(view, new URLSearchParams(currentSearch)));
}
