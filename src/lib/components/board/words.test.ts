import { afterEach, describe, expect, it } from 'vitest';
import {
	BOARD_COLUMNS,
	CHECKLIST_STEPS,
	ENGAGEMENT_FORMULAS,
	PHRASE_CODES,
	REACH_FAMILIES,
	RECOMMENDATION_RULES,
	planToMarkdown,
	type AccountFlag,
	type PlanCsvColumn,
	type PlanSummaryRow
} from '$lib/domain/board';
import { resources, type Messages } from '$lib/i18n/catalogue';
import { i18n } from '$lib/i18n/i18n.svelte';
import { LOCALES } from '$lib/i18n/locales';
import { FLAG_LABELS, LIST_FIELDS, TEXT_FIELDS } from '$lib/components/accounts/inventory-csv';
import { makeAccount } from '$lib/domain/board/test-fixtures';
import { flagText, listText, phraseText, planWords, reachAnswerText } from './words';

/** The message at a dotted path, or its plural "other" form. */
function message(locale: string, namespace: string, key: string): string | undefined {
	let node: Messages | string | undefined = resources[locale as (typeof LOCALES)[number]][namespace];
	const parts = key.split('.');
	for (const [index, part] of parts.entries()) {
		if (typeof node !== 'object' || node === null) return undefined;
		const next: Messages | string | undefined = node[part] ?? (index === parts.length - 1 ? node[`${part}_other`] : undefined);
		node = next;
	}
	return typeof node === 'string' ? node : undefined;
}

const families: Record<string, readonly string[]> = {
	'board:phrase': PHRASE_CODES,
	'board:column': BOARD_COLUMNS,
	'board:columnHelp': BOARD_COLUMNS,
	'board:suggestion': ['keep', 'merge', 'retire', 'review'],
	'board:trend': ['up', 'flat', 'down', 'unknown'],
	'board:confidence': ['low', 'medium', 'high'],
	'board:family': REACH_FAMILIES,
	'board:rule': RECOMMENDATION_RULES.map((rule) => rule.id),
	'board:flag': (Object.keys(FLAG_LABELS) as AccountFlag['code'][]).map((code) => `${code}.label`),
	'board:fact.audienceHow': ['followers', 'followers+changes', 'breakdown'],
	'board:fact.formula': Object.keys(ENGAGEMENT_FORMULAS),
	'board:coverage.kind': ['segment', 'region', 'language', 'audience'],
	'board:export.csv': [
		'account',
		'handle',
		'platform',
		'accountId',
		'url',
		'owner',
		'admins',
		'decision',
		'mergeTarget',
		'rationale',
		'suggested',
		'audience',
		'lastPost',
		'postsPerWeek'
	] satisfies PlanCsvColumn[],
	'board:export.row': ['accounts', 'platforms', 'audience', 'segments', 'postsPerWeek'] satisfies PlanSummaryRow[],
	'board:export.step': CHECKLIST_STEPS.map((step) => `${step.id}.title`),
	'accounts:field': [...TEXT_FIELDS, ...LIST_FIELDS],
	'accounts:table.fact': ['audience', 'share', 'engagement', 'postsPerWeek', 'lastPost', 'flags'],
	'accounts:import.match': ['id', 'handle', 'name'],
	'accounts:issue': ['empty', 'noHeaders', 'noPlatformColumn', 'noNameColumn', 'unknownPlatform', 'noPlatform', 'noName', 'duplicate', 'noRows']
};

describe('dynamic message keys', () => {
	for (const [prefix, codes] of Object.entries(families)) {
		it(`${prefix}: every code has a message in every language`, () => {
			const [namespace, path] = prefix.split(':');
			for (const locale of LOCALES) {
				const missing = codes.filter((code) => message(locale, namespace, `${path}.${code}`) === undefined);
				expect(missing, locale).toEqual([]);
			}
		});
	}
});

describe('the board in Chinese', () => {
	afterEach(() => i18n.set('en'));
	const labelOf = (id: string) => (id === 'x:erp' ? '@ContosoERP' : id);

	it('words a phrase of the core, formatting its values for the language', () => {
		const phrase = { code: 'reason.coveredAll', values: { accounts: { accounts: ['x:erp', 'x:crm'] } } } as const;
		expect(phraseText(phrase, labelOf)).toBe('Its segments are all covered by @ContosoERP and x:crm');
		i18n.set('zh-CN');
		expect(phraseText(phrase, labelOf)).toBe('它的所有细分人群都已由 @ContosoERP和x:crm 覆盖');
		expect(phraseText({ code: 'silence.months', count: 14 }, labelOf)).toBe('已 14 个月未发帖');
		expect(listText(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a、b、c、d和另外 2 项');
	});

	it('names countries and languages in the active language', () => {
		const phrase = {
			code: 'reason.onlyChannel',
			values: { segments: { categories: [{ family: 'geography', key: 'DE', label: 'Germany' }, { family: 'language', key: 'ja', label: 'Japanese' }] } }
		} as const;
		expect(phraseText(phrase, labelOf)).toBe('Only channel left for Germany and Japanese');
		i18n.set('zh-CN');
		expect(phraseText(phrase, labelOf)).toBe('是德国和日语仅剩的渠道');
	});

	it('words flags and the reach answer', () => {
		const flag: AccountFlag = { code: 'tiny-audience', severity: 'info', audience: 900, portfolioShare: 0.009, message: '' };
		expect(flagText(flag, { platform: 'x' }, labelOf)).toBe("Tiny audience: 900 followers, 1% of the portfolio's audience.");
		i18n.set('zh-CN');
		expect(flagText(flag, { platform: 'x' }, labelOf)).toBe('受众极小：900 位粉丝，占整体受众的 1%。');
		expect(
			reachAnswerText(
				{ accountId: 'x:erp', against: [], status: 'nothing-kept', uniqueShare: null, uniqueAudience: null, basis: [], notes: [], confidence: 'high', topUniqueSegments: [] },
				'@ContosoERP'
			)
		).toBe('“保留”列中还没有账号，因此 @ContosoERP 触达的所有人目前都算作独有触达。');
	});

	it('writes the plan export in the active language', () => {
		const erp = makeAccount({ id: 'x:erp', handle: 'ContosoERP', owner: '李娜' });
		const old = makeAccount({ id: 'x:old', handle: 'ContosoOld', owner: '' });
		const input = {
			accounts: [erp, old],
			decisions: { 'x:erp': { column: 'keep' as const }, 'x:old': { column: 'retire' as const, rationale: '两年没有发帖' } },
			today: 20_600
		};
		i18n.set('zh-CN');
		const markdown = planToMarkdown({ ...input, words: planWords(labelOf) });
		expect(markdown).toMatch(/^# 账号整合方案\n/);
		expect(markdown).toContain('| 账号 | 平台 | 负责人 | 决定 | 合并目标 | 理由 |');
		expect(markdown).toContain('### @ContosoOld（X / Twitter）：停用');
		expect(markdown).toContain('- [ ] **把简介链接指向保留的账号：**将 @ContosoOld 的简介和主页链接改为 @ContosoERP。');
		expect(markdown).toContain('## 独有触达是如何估算的');
		expect(markdown).not.toMatch(/Rationale|Owner:|Checklists/);
	});
});
