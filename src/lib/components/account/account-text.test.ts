import { afterEach, describe, expect, it } from 'vitest';
import { buildHeatmapGrid } from '$lib/charts/build-heatmap';
import { postingHeatmap } from '$lib/domain/analytics/cadence';
import { checkTagRule, type TagRuleProblem } from '$lib/domain/analytics/topics';
import { dayFromISO } from '$lib/domain/days';
import type { MetricSemantics } from '$lib/domain/metrics';
import { BREAKDOWN_DIMENSIONS } from '$lib/domain/model';
import { hasMessage, i18n } from '$lib/i18n/i18n.svelte';
import { LOCALES } from '$lib/i18n/locales';
import { aggregationLabel, dimensionLabel, heatmapCellTitle, measureLabel, tagRuleProblemText, weekdayNames } from './account-text';

const SEMANTICS: MetricSemantics[] = ['level', 'flow', 'unique', 'ratio'];
const PROBLEMS: TagRuleProblem[] = ['missingLabel', 'missingPattern', 'hashtagWithoutLetter'];

afterEach(() => i18n.set('en'));

describe('account page words for the core’s codes', () => {
	it('has a message for every breakdown dimension, metric semantics and tag rule problem in every language', () => {
		for (const locale of LOCALES) {
			i18n.set(locale);
			for (const dimension of BREAKDOWN_DIMENSIONS) expect(hasMessage(`account:audience.dimension.${dimension}`), `${locale} ${dimension}`).toBe(true);
			for (const semantics of SEMANTICS) expect(hasMessage(`account:overview.aggregation.${semantics}`), `${locale} ${semantics}`).toBe(true);
			for (const problem of PROBLEMS) expect(hasMessage(`account:tagRules.problem.${problem}`), `${locale} ${problem}`).toBe(true);
		}
		// the codes the core gives are the ones listed here
		expect(checkTagRule({ id: 'x', label: '', kind: 'keyword', pattern: 'a' })).toBe('missingLabel');
	});

	it('words them in the active language', () => {
		i18n.set('en');
		expect(dimensionLabel('job_function')).toBe('Job function');
		expect(aggregationLabel('level')).toBe('last value');
		expect(measureLabel('followers')).toBe('Followers');
		expect(measureLabel('some_measure')).toBe('some measure');
		expect(tagRuleProblemText('missingPattern')).toMatch(/Type what to look for/);
		i18n.set('zh-CN');
		expect(dimensionLabel('seniority')).toBe('职级');
		expect(measureLabel('followers')).toBe('粉丝数');
		expect(tagRuleProblemText('missingLabel')).toMatch(/标签名称/);
	});

	it('names weekdays Monday first, from Intl', () => {
		expect(weekdayNames('long', 'en')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
		expect(weekdayNames('short', 'en')[0]).toBe('Mon');
		expect(weekdayNames('long', 'zh-CN')).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']);
	});

	it('writes a heatmap cell’s tooltip with its slot, value and sample size', () => {
		const day = (iso: string) => dayFromISO(iso)!;
		const mondays = ['2024-03-18', '2024-03-25', '2024-04-01', '2024-04-08', '2024-04-15'];
		const posts = [
			...mondays.map((iso, index) => ({ postId: iso, accountId: 'x:a', publishedAt: `${iso}T09:00`, day: day(iso), text: '', metrics: { engagements: [10, 20, 30, 40, 50][index] } })),
			{ postId: 'w', accountId: 'x:a', publishedAt: '2024-03-20T08:00', day: day('2024-03-20'), text: '', metrics: { engagements: 500 } }
		];
		const grid = buildHeatmapGrid(postingHeatmap(posts), { theme: 'light' });
		const names = weekdayNames('long', 'en');
		i18n.set('en');
		expect(heatmapCellTitle(grid, names[0], grid.rows[0].cells[9], 'engagements')).toBe('Monday 09:00–09:59: median engagements per post 30 (5 posts).');
		expect(heatmapCellTitle(grid, names[2], grid.rows[2].cells[8], 'engagements')).toBe('Wednesday 08:00–08:59: only 1 post with data — too few to compare (at least 5).');
		expect(heatmapCellTitle(grid, names[6], grid.rows[6].cells[0], 'engagements')).toBe('Sunday 00:00–00:59: no posts.');
		const counts = buildHeatmapGrid(postingHeatmap(posts), { theme: 'light', measure: 'posts' });
		expect(heatmapCellTitle(counts, names[2], counts.rows[2].cells[8], 'engagements')).toBe('Wednesday 08:00–08:59: 1 post published.');
		i18n.set('zh-CN');
		expect(heatmapCellTitle(grid, weekdayNames('long', 'zh-CN')[0], grid.rows[0].cells[9], 'engagements')).toBe('星期一 09:00–09:59：每帖互动次数中位数 30（5 条帖子）。');
	});
});
