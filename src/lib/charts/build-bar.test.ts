import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildBarChart } from './build-bar';

describe('buildBarChart', () => {
	const { config, table } = buildBarChart({
		categories: [
			{ key: 'product', label: 'Product', value: 40, n: 12 },
			{ key: 'story', label: 'Story', value: 55, n: 30 },
			{ label: 'Hiring', value: 90, n: 2 },
			{ label: 'Events', value: null, n: 0 }
		],
		valueLabel: 'Median engagements per post',
		theme: 'light'
	});

	it('sorts bars largest first with the sample size in each label, missing last', () => {
		expect(config.data.labels).toEqual(['Hiring (n = 2)', 'Story (n = 30)', 'Product (n = 12)', 'Events (n = 0)']);
		expect(config.data.datasets[0].data).toEqual([90, 55, 40, null]);
		expect(config.options!.indexAxis).toBe('y');
	});

	it('keeps story and product in their colours and fades bars with too few posts', () => {
		// Hiring and Events take the next colours in turn (green, reddish purple); Hiring has 2 posts, Events 0
		expect(config.data.datasets[0].backgroundColor).toEqual(['rgba(0, 158, 115, 0.3)', '#0072B2', '#D55E00', 'rgba(204, 121, 167, 0.3)']);
	});

	it('says so in the tooltip and the table', () => {
		const label = config.options!.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'bar'>) => string;
		expect(label({ dataIndex: 0 } as TooltipItem<'bar'>)).toBe('Median engagements per post: 90 — only 2 posts, too few to compare');
		expect(label({ dataIndex: 1 } as TooltipItem<'bar'>)).toBe('Median engagements per post: 55');
		expect(table.rows.map((row) => row.text)).toEqual([
			['90 (too few posts)', '2'],
			['55', '30'],
			['40', '12'],
			['–', '0']
		]);
	});

	it('keeps the given order when asked', () => {
		const chart = buildBarChart({ categories: [{ label: 'B', value: 1 }, { label: 'A', value: 2 }], valueLabel: 'x', theme: 'dark', sort: 'none' });
		expect(chart.config.data.labels).toEqual(['B', 'A']);
	});
});
