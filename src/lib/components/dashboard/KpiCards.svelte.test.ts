import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartOf } from '$lib/charts/chart.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import KpiCards from './KpiCards.svelte';
import { computeDashboardKpis, type KpiInput, type KpiResult } from './kpi-work';
import type { StoredSeries } from './series';

const stored = (metric: StoredSeries['metric'], values: number[]): StoredSeries => ({
	accountId: 'a',
	metric,
	startDay: 100,
	values: Float64Array.from(values),
	sources: new Uint32Array(values.length)
});
const accounts = [{ id: 'a', platform: 'x' as const, displayName: 'A' }];
const range = { from: 100, to: 103 };
// as the worker answers: a structured copy, so equal cards are new objects with the same data
const answer = (input: KpiInput): KpiResult => structuredClone(computeDashboardKpis(input));

async function until(condition: () => boolean) {
	for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

function show(result: { current: KpiResult }) {
	const target = document.createElement('div');
	document.body.append(target);
	const component = mount(KpiCards, {
		target,
		props: {
			get kpis() {
				return result.current.set;
			},
			get audience() {
				return result.current.audience;
			},
			theme: 'light'
		}
	});
	flushSync();
	return {
		target,
		card: (id: string) => target.querySelector(`[data-testid=kpi-${id}]`)!,
		close() {
			unmount(component);
			target.remove();
		}
	};
}

describe('KpiCards', () => {
	afterEach(() => i18n.set('en'));

	it('redraws only the sparklines whose data changed, shows every new figure, and follows a language switch', async () => {
		const first = answer({ series: [stored('impressions', [1, 2, 3, 4]), stored('posts_published', [1, 0, 1, 0])], accounts, range });
		const result = $state({ current: first });
		const shown = show(result);
		await until(() => shown.target.querySelectorAll('canvas').length === 5);
		const chartIn = (id: string) => chartOf(shown.card(id).querySelector('canvas')!)!;
		const impressionsUpdate = vi.spyOn(chartIn('impressions'), 'update');
		const postsUpdate = vi.spyOn(chartIn('posts_published'), 'update');
		expect(shown.card('posts_published').querySelector('[data-testid=kpi-value]')?.textContent).toBe('2');
		const impressionsBefore = shown.card('impressions').textContent;

		// the same impressions, more posts: only the posts card has new figures
		result.current = answer({ series: [stored('impressions', [1, 2, 3, 4]), stored('posts_published', [1, 1, 1, 0])], accounts, range });
		flushSync();
		expect(shown.card('posts_published').querySelector('[data-testid=kpi-value]')?.textContent).toBe('3');
		expect(postsUpdate).toHaveBeenCalledTimes(1);
		expect(impressionsUpdate).not.toHaveBeenCalled();
		expect(shown.card('impressions').textContent).toBe(impressionsBefore);

		// new impressions: that card follows, with its sparkline
		result.current = answer({ series: [stored('impressions', [1, 2, 3, 9]), stored('posts_published', [1, 1, 1, 0])], accounts, range });
		flushSync();
		expect(shown.card('impressions').querySelector('[data-testid=kpi-value]')?.textContent).toBe('15');
		expect(impressionsUpdate).toHaveBeenCalledTimes(1);
		expect(postsUpdate).toHaveBeenCalledTimes(1);

		// the words of a card that was kept are said again in the new language
		const englishLabel = shown.card('impressions').querySelector('h3')?.textContent;
		await i18n.set('zh-CN');
		flushSync();
		const chineseLabel = shown.card('impressions').querySelector('h3')?.textContent;
		expect(chineseLabel).not.toBe(englishLabel);
		expect(chineseLabel).toMatch(/[\u4e00-\u9fff]/);
		expect(shown.card('posts_published').querySelector('h3')?.textContent).toMatch(/[\u4e00-\u9fff]/);
		shown.close();
	});

	it('says on the card why a comparison is blank, once when both have the same reason, in the active language', async () => {
		// the series begin with the period: nothing to compare with before it, nor a year earlier
		const result = $state({ current: answer({ series: [stored('impressions', [1, 2, 3, 4])], accounts, range }) });
		const shown = show(result);
		const why = () => shown.card('impressions').querySelector('[data-testid=kpi-not-compared]')?.textContent?.trim();
		expect(shown.card('impressions').querySelector('.changes')!.textContent).toContain('—');
		expect(why()).toBe('Not compared: No data in the compared period.');
		// a card with no value says so itself; no reason for its comparisons
		expect(shown.card('engagements').querySelector('[data-testid=kpi-not-compared]')).toBeNull();
		await i18n.set('zh-CN');
		flushSync();
		expect(why()).toBe('未作对比：对比时段没有数据。');
		shown.close();
	});

	it('gives each blank comparison its own reason when they differ', async () => {
		// 400 days of impressions, the period the last 4 of them: a year earlier is covered, the previous 4 days too,
		// but the value a year earlier is 0, so there is no relative change against it
		const values = Array.from({ length: 400 }, (_, day) => (day === 400 - 365 - 2 || day === 400 - 365 - 3 || day === 400 - 365 - 4 || day === 400 - 365 - 1 ? 0 : 5));
		const late = { from: 100 + 396, to: 100 + 399 };
		const result = $state({ current: answer({ series: [stored('impressions', values)], accounts, range: late }) });
		const shown = show(result);
		const lines = [...shown.card('impressions').querySelectorAll('[data-testid=kpi-not-compared] p')].map((line) => line.textContent?.trim());
		expect(lines).toEqual(['Not compared with a year earlier: The compared period’s value is 0, so there is no relative change.']);
		shown.close();
	});
});
