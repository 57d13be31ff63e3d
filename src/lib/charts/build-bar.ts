/**
 * Horizontal bars comparing categories — engagement by angle (story vs product) or by topic — with
 * each bar's sample size in its label. Bars resting on fewer posts than `minSample` are drawn faded
 * and flagged in the table, so a topic with two lucky posts does not read as the winner.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { MetricUnit } from '../domain/metrics';
import { valueFormatter, type ChartTable } from './build-shared';
import { SERIES_COLORS, THEME_COLORS, withAlpha, type ChartTheme } from './palette';

export interface BarCategory {
	key?: string;
	label: string;
	value: number | null;
	/** Posts (or items) behind the value. */
	n?: number;
}

export interface BarChartInput {
	categories: BarCategory[];
	/** What a bar measures, for the axis and the table: `Median engagements per post`. */
	valueLabel: string;
	unit?: MetricUnit;
	theme: ChartTheme;
	/** 'desc' (default): largest first; 'none': as given. */
	sort?: 'desc' | 'none';
	minSample?: number;
	locale?: string;
}

export interface BarChart {
	config: ChartConfiguration<'bar', (number | null)[], string>;
	table: ChartTable;
}

/** story and product keep the first two colours wherever they appear; other categories share the rest in turn. */
function categoryColors(keys: string[], theme: ChartTheme): string[] {
	const palette = SERIES_COLORS[theme];
	let other = 0;
	return keys.map((key) => {
		if (key === 'story') return palette[0];
		if (key === 'product') return palette[1];
		return palette[2 + (other++ % (palette.length - 2))];
	});
}

export function buildBarChart(input: BarChartInput): BarChart {
	const locale = input.locale ?? 'en';
	const format = valueFormatter(input.unit ?? 'count', locale);
	const formatTick = valueFormatter(input.unit ?? 'count', locale, true);
	const minSample = input.minSample ?? 5;
	const colors = THEME_COLORS[input.theme];
	const categories = [...input.categories];
	if ((input.sort ?? 'desc') === 'desc') {
		// missing values last; ties by label for a stable order
		categories.sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) || a.label.localeCompare(b.label));
	}
	const few = (category: BarCategory) => category.n !== undefined && category.n < minSample;
	const labels = categories.map((category) => (category.n === undefined ? category.label : `${category.label} (n = ${category.n})`));
	const baseColors = categoryColors(
		categories.map((category) => category.key ?? category.label.toLowerCase()),
		input.theme
	);
	const background = categories.map((category, index) => (few(category) ? withAlpha(baseColors[index], 0.3) : baseColors[index]));

	const config: ChartConfiguration<'bar', (number | null)[], string> = {
		type: 'bar',
		data: {
			labels,
			datasets: [{ label: input.valueLabel, data: categories.map((category) => category.value), backgroundColor: background, borderWidth: 0 }]
		},
		options: {
			indexAxis: 'y',
			animation: false,
			maintainAspectRatio: false,
			scales: {
				x: {
					beginAtZero: true,
					title: { display: true, text: input.valueLabel, color: colors.mutedText },
					ticks: { color: colors.mutedText, callback: (value) => formatTick(Number(value)) },
					grid: { color: colors.grid }
				},
				y: { ticks: { color: colors.text }, grid: { display: false } }
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'bar'>) => {
							const category = categories[item.dataIndex];
							const value = category?.value;
							const base = `${input.valueLabel}: ${value === null || value === undefined ? 'no data' : format(value)}`;
							return category && few(category) ? `${base} — only ${category.n} posts, too few to compare` : base;
						}
					}
				}
			}
		}
	};

	const table: ChartTable = {
		caption: input.valueLabel,
		columns: ['Category', input.valueLabel, 'Posts'],
		rows: categories.map((category) => ({
			key: category.key ?? category.label,
			label: category.label,
			values: [category.value, category.n ?? null],
			text: [
				category.value === null ? '–' : `${format(category.value)}${few(category) ? ' (too few posts)' : ''}`,
				category.n === undefined ? '–' : String(category.n)
			]
		})),
		footnotes: [`Faded bars and “too few posts” rest on fewer than ${minSample} posts.`]
	};
	return { config, table };
}
