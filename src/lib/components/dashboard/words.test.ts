import { afterEach, describe, expect, it } from 'vitest';
import { COMBINATION_NOTES, type MembershipChange } from '$lib/domain/analytics/aggregate';
import { dayFromISO } from '$lib/domain/days';
import { followersFromAvailable } from '$lib/domain/analytics/derive';
import { GRAINS } from '$lib/domain/analytics/grain';
import type { DailyValues } from '$lib/domain/analytics/types';
import type { MetricKey, MetricSemantics } from '$lib/domain/metrics';
import { i18n } from '$lib/i18n/i18n.svelte';
import { CHART_LAYOUTS } from './view-query';
import { computeKpis, KPI_IDS } from '$lib/domain/analytics/kpi';
import { combinationNote, followersText, kpiFormula, kpiLabel, kpiNote, kpiReason, layoutLabel, membershipNotes, rollingTooShort, seriesWords } from './words';
import { ENGLISH_SERIES_WORDS } from './series';

const N = Number.NaN;
const series = (metric: MetricKey, startDay: number, values: number[]): DailyValues => ({
	accountId: 'a',
	metric,
	startDay,
	values: Float64Array.from(values)
});

afterEach(() => i18n.set('en'));

describe('dashboard words', () => {
	it('word follower totals as the core explains them, in English', () => {
		const results = [
			followersFromAvailable({}),
			followersFromAvailable({ followers: series('followers', 0, [10, 11]) }),
			followersFromAvailable({ followers_net: series('followers_net', 0, [1, 2]) }),
			followersFromAvailable({ followers_gained: series('followers_gained', 0, [1, 2]) }),
			followersFromAvailable({ followers: series('followers', 0, [N, N, 100, N, N, 120, N]), followers_net: series('followers_net', 0, [1, 2, 3, 4, 5, 6, 7]) }),
			followersFromAvailable({ followers: series('followers', 2, [50]), followers_gained: series('followers_gained', 0, [5, 5, 5]) }),
			followersFromAvailable({ followers: series('followers', 0, [50, N, N, N]), followers_net: series('followers_net', 0, [1, N, 2, N]) })
		];
		i18n.set('en');
		for (const result of results) expect(followersText(result)).toBe(result.explanation);
		i18n.set('zh-CN');
		expect(followersText(results[4])).toBe('有报告值的日子使用报告的总数；其余 5 天根据每日粉丝净变化推算，以最近的报告总数为基准。');
	});

	it('word how accounts are added up, and the small words, as the English defaults do', () => {
		i18n.set('en');
		for (const semantics of ['flow', 'level', 'unique', 'ratio'] as MetricSemantics[]) {
			expect(combinationNote(semantics, 31)).toBe(COMBINATION_NOTES[semantics](31));
		}
		const words = seriesWords();
		expect(words.list(['a', 'b'], 3)).toBe(ENGLISH_SERIES_WORDS.list(['a', 'b'], 3));
		expect(words.list(['a', 'b'], 0)).toBe(ENGLISH_SERIES_WORDS.list(['a', 'b'], 0));
		expect(words.undoneImport(7)).toBe(ENGLISH_SERIES_WORDS.undoneImport(7));
		expect(words.noteOfMany('n', 'a, b')).toBe(ENGLISH_SERIES_WORDS.noteOfMany('n', 'a, b'));
		expect(words.engagementsFromParts).toBe(ENGLISH_SERIES_WORDS.engagementsFromParts);
		expect(words.total).toBe(ENGLISH_SERIES_WORDS.total);
	});

	it('word the KPI cards as the core does in English', () => {
		i18n.set('en');
		const account = (id: string, platform: 'x' | 'youtube', seriesByMetric: Partial<Record<MetricKey, DailyValues>>) => ({
			accountId: id,
			platform,
			label: id,
			series: seriesByMetric
		});
		const flat = (metric: MetricKey, value: number) => series(metric, 0, Array.from({ length: 400 }, () => value));
		const sets = [
			computeKpis([], { range: { from: 300, to: 389 } }),
			computeKpis(
				[
					account('A', 'x', { impressions: flat('impressions', 10), engagements: flat('engagements', 1), followers: flat('followers', 5) }),
					account('B', 'youtube', { views: flat('views', 10), likes: flat('likes', 1), followers_net: flat('followers_net', 1) })
				],
				{ range: { from: 300, to: 389 } }
			)
		];
		for (const set of sets) {
			for (const id of KPI_IDS) {
				const card = set.cards[id];
				expect(kpiLabel(card)).toBe(card.label);
				expect(kpiFormula(card)).toBe(card.formula);
				expect(card.noteItems.map(kpiNote)).toEqual(card.notes);
				expect(kpiReason(card.vsPrevious)).toBe(card.vsPrevious.reason);
				expect(kpiReason(card.vsLastYear)).toBe(card.vsLastYear.reason);
			}
		}
	});

	it('has every layout and grain phrase in Chinese', () => {
		i18n.set('zh-CN');
		for (const layout of CHART_LAYOUTS) expect(layoutLabel(layout)).not.toMatch(/dashboard:|[A-Za-z]{3}/);
		for (const grain of GRAINS) expect(rollingTooShort(7, grain)).not.toMatch(/dashboard:|[A-Za-z]{3}/);
		expect(seriesWords().list(['甲', '乙'], 3)).toBe('甲、乙 等另外 3 个');
	});
});

describe('accounts joining and leaving a total, in words', () => {
	const day = (iso: string) => dayFromISO(iso)!;
	const names = new Map([
		['facebook:a', 'Contoso (Facebook)'],
		['facebook:b', 'Contoso Careers'],
		['tiktok:c', 'Contoso (TikTok)']
	]);
	const changes: MembershipChange[] = [
		{ day: day('2025-12-01'), accountId: 'tiktok:c', kind: 'joins', valueDay: day('2025-12-01') },
		{ day: day('2025-06-29'), accountId: 'facebook:a', kind: 'leaves', valueDay: day('2025-05-28') },
		{ day: day('2025-06-29'), accountId: 'facebook:b', kind: 'leaves', valueDay: day('2025-05-28') }
	];

	it('names the accounts, the day they stop counting and their last figure, in date order', () => {
		i18n.set('en');
		expect(membershipNotes([{ label: 'All accounts', changes }], names, { isLevel: true, staleDays: 31 })).toEqual([
			'Contoso (Facebook), Contoso Careers stop counting in the total on Jun 29, 2025: their last figures are from May 28, 2025, and a figure counts for 31 days at most. If they are still active, import their later exports.',
			'Contoso (TikTok) starts counting in the total on Dec 1, 2025, where its data begins.'
		]);
	});

	it('says which platform’s total, a flow’s last day, and how many more changes the chart marks', () => {
		i18n.set('en');
		const notes = membershipNotes([{ label: 'Facebook', platform: 'facebook', changes: changes.slice(1, 2) }, { label: 'TikTok', platform: 'tiktok', changes: changes.slice(0, 1) }], names, {
			isLevel: false,
			staleDays: 31,
			shown: 1
		});
		expect(notes).toEqual([
			'Contoso (Facebook) stops counting in the Facebook total on Jun 29, 2025: its data ends on May 28, 2025. If it is still active, import its later exports.',
			'And 1 more change to the accounts counted, marked on the chart.'
		]);
		expect(membershipNotes([{ label: 'All accounts' }], names, { isLevel: false, staleDays: 31 })).toEqual([]);
	});

	it('speaks Chinese', () => {
		i18n.set('zh-CN');
		const [note] = membershipNotes([{ label: '全部账号', changes: changes.slice(0, 1) }], names, { isLevel: true, staleDays: 31 });
		expect(note).toContain('Contoso (TikTok) 自');
		expect(note).toContain('起计入合计');
	});
});
