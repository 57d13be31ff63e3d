import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AccountFacts } from './facts';
import type { PlanSummary } from './plan';
import { accountChecklist, escapeMarkdown, planFileName, planToCsv, planToMarkdown, survivingAccountFor, type PlanExportInput } from './plan-export';
import { day, makeAccount } from './test-fixtures';

const today = day('2026-11-26');

const erp = makeAccount({ id: 'linkedin:contosoerp', handle: 'ContosoERP', url: 'https://www.linkedin.com/company/contosoerp', owner: 'Ann Lee' });
const news = makeAccount({ id: 'linkedin:contoso_news', handle: 'contoso_news', owner: 'Bo' });
const old = makeAccount({ id: 'linkedin:contoso_old', handle: 'contoso_old', owner: '=HYPERLINK("http://evil.example","x")', admins: ['kim', 'lu'] });
const campus = makeAccount({ id: 'x:contoso_campus', handle: 'contoso_campus', owner: '' });
const blog = makeAccount({ id: 'blog:stories', handle: '', displayName: 'Contoso | Stories <b>', owner: 'Cy' });

function facts(value: number, lastPostDay: number | null, postsPerWeek: number | null): AccountFacts {
	return {
		accountId: '',
		today,
		audience: { value, day: today, derived: false, source: 'followers', how: '' },
		engagement: null,
		postsPerWeek,
		postsPerWeekSource: 'posts',
		lastPostDay,
		daysSinceLastPost: null,
		monthsSinceLastPost: null,
		hasPostData: true,
		postDataUntil: lastPostDay,
		weeklyEngagement: [],
		weeklyEngagementSource: null
	};
}

const input: PlanExportInput = {
	accounts: [old, campus, erp, news, blog],
	decisions: {
		'linkedin:contosoerp': { column: 'keep', rationale: 'Main channel, SMB + ERP' },
		'linkedin:contoso_news': { column: 'keep' },
		'linkedin:contoso_old': {
			column: 'merge',
			mergeTargetId: 'linkedin:contosoerp',
			rationale: '| evil <script>alert(1)</script>\n# not a heading, "quoted", -1'
		},
		'x:contoso_campus': { column: 'retire', rationale: '-cmd' }
	},
	facts: {
		'linkedin:contosoerp': facts(12_000, day('2026-11-20'), 2.345),
		'linkedin:contoso_news': facts(30_000, day('2026-11-25'), 5),
		'linkedin:contoso_old': facts(1200, day('2025-09-03'), 0),
		'x:contoso_campus': facts(640, null, null)
	},
	today
};

describe('checklist', () => {
	it('names the merge target as the surviving account', () => {
		expect(survivingAccountFor(old, input)?.id).toBe('linkedin:contosoerp');
		const checklist = accountChecklist(old, input);
		expect(checklist.map((item) => item.title)).toEqual([
			'Announce the move',
			'Point the bio link to the surviving account',
			'Hand over credentials',
			'Archive content',
			'Close'
		]);
		expect(checklist[1].detail).toBe(
			'Change the bio and profile link of @contoso_old to @ContosoERP (https://www.linkedin.com/company/contosoerp).'
		);
		expect(checklist[2].detail).toContain('owner =HYPERLINK("http://evil.example","x"); admins kim and lu');
	});
	it('points a retired account to the biggest kept account, same platform first', () => {
		// no kept account on X: the largest kept account overall
		expect(survivingAccountFor(campus, input)?.id).toBe('linkedin:contoso_news');
		expect(accountChecklist(campus, input)[0].detail).toBe(
			'Post on @contoso_campus that it closes and where to follow instead: @contoso_news, and pin the post.'
		);
	});
	it('is empty for accounts that stay', () => {
		expect(accountChecklist(erp, input)).toEqual([]);
		expect(accountChecklist(blog, input)).toEqual([]);
	});
});

describe('CSV export', () => {
	const csv = planToCsv(input, { bom: false });
	const rows = Papa.parse<string[]>(csv.trim()).data;

	it('has a row per account, in Keep, Merge, Retire, Undecided order', () => {
		expect(rows[0].slice(0, 14)).toEqual([
			'Account',
			'Handle',
			'Platform',
			'Account ID',
			'URL',
			'Owner',
			'Admins',
			'Decision',
			'Merge target',
			'Rationale',
			'Suggested',
			'Audience',
			'Last post',
			'Posts per week'
		]);
		// names without "@", which a spreadsheet would take for a formula start
		expect(rows.slice(1).map((row) => [row[0], row[1], row[7]])).toEqual([
			['contoso_news', 'contoso_news', 'Keep'],
			['contosoerp', 'ContosoERP', 'Keep'],
			['contoso_old', 'contoso_old', 'Merge'],
			['contoso_campus', 'contoso_campus', 'Retire'],
			['Contoso | Stories <b>', '', 'Undecided']
		]);
		expect(rows[2].slice(11, 14)).toEqual(['12000', '2026-11-20', '2.35']);
		expect(rows[4].slice(11, 14)).toEqual(['640', '', '']);
	});
	it('neutralises formulas and quotes per RFC 4180', () => {
		const merged = rows[3];
		expect(merged[5]).toBe(`'=HYPERLINK("http://evil.example","x")`);
		expect(merged[8]).toBe('contosoerp');
		expect(merged[9]).toBe('| evil <script>alert(1)</script>\n# not a heading, "quoted", -1');
		expect(rows[4][9]).toBe(`'-cmd`);
		expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
		expect(csv.endsWith('\r\n')).toBe(true);
	});
	it('fills the checklist columns for closing accounts only', () => {
		expect(rows[0].slice(14)).toEqual(['Announce the move', 'Point the bio link to the surviving account', 'Hand over credentials', 'Archive content', 'Close']);
		expect(rows[1].slice(14).every((cell) => cell === '')).toBe(true);
		expect(rows[3].slice(14).every((cell) => cell.length > 20)).toBe(true);
	});
	it('starts with a byte-order mark by default, for Excel', () => {
		expect(planToCsv(input).startsWith('\uFEFF')).toBe(true);
	});
});

describe('Markdown export', () => {
	it.each([
		['plain words', 'plain words'],
		['a | b', 'a \\| b'],
		['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
		['# heading', '\\# heading'],
		['- item', '\\- item'],
		['+ item', '\\+ item'],
		['1. first', '1\\. first'],
		['two\nlines\r\n> quote', 'two lines &gt; quote'],
		['*bold* _em_ [link](x) `code`', '\\*bold\\* \\_em\\_ \\[link\\](x) \\`code\\`'],
		['R&D', 'R&amp;D']
	])('escapes %j', (text, expected) => {
		expect(escapeMarkdown(text)).toBe(expected);
	});

	const summary: PlanSummary = {
		accounts: { before: 5, after: 3, keep: 2, merge: 1, retire: 1, undecided: 1 },
		platforms: { before: ['blog', 'linkedin', 'x'], after: ['blog', 'linkedin'], dropped: ['x'] },
		audience: {
			before: 43_840,
			kept: 42_000,
			migrating: 1200,
			migratingUnique: { low: 0, mid: 100, high: 300 },
			atRisk: { low: 200, mid: 400, high: 640 },
			unknownSizeClosing: 0
		},
		segments: { before: 6, after: 5, lost: [{ id: 'segment:students', family: 'segment', key: 'students <3', label: 'Students <3', familyLabel: 'Customer segment' }] },
		workload: { before: 7.345, after: 7.345, accountsWithoutData: 2 },
		ownersAffected: [
			{ owner: '=HYPERLINK("http://evil.example","x")', accountIds: ['linkedin:contoso_old'] },
			{ owner: '', accountIds: ['x:contoso_campus'] }
		],
		problems: [],
		problemPhrases: []
	};
	const markdown = planToMarkdown({ ...input, summary });
	const lines = markdown.split('\n');

	it('summarises the plan before and after', () => {
		expect(lines[0]).toBe('# Consolidation plan');
		expect(markdown).toContain('| Accounts | 5 | 3 |');
		expect(markdown).toContain('| Platforms | 3 | 2 |');
		expect(markdown).toContain('| Audience (summed) | 44k | 42k |');
		expect(markdown).toContain('- Audience at risk (retired accounts\' followers the remaining accounts do not reach, estimated): 200–640.');
		expect(markdown).toContain('- Segments that lose their last channel: Students &lt;3 (customer segment).');
		expect(markdown).toContain('- Owners affected: \\=HYPERLINK("http://evil.example","x") (1), no owner on record (1).');
	});
	it('lists every decision in a table whose cells cannot break out', () => {
		const row = lines.find((line) => line.startsWith('| @contoso\\_old |'));
		expect(row).toBe(
			'| @contoso\\_old | LinkedIn | \\=HYPERLINK("http://evil.example","x") | Merge | @ContosoERP | \\| evil &lt;script&gt;alert(1)&lt;/script&gt; \\# not a heading, "quoted", -1 |'
		);
		expect(lines.find((line) => line.startsWith('| Contoso'))).toBe('| Contoso \\| Stories &lt;b&gt; | Blog | Cy | Undecided |   |   |');
		const tableRows = lines.filter((line) => line.startsWith('| @') || line.startsWith('| Contoso'));
		// an unescaped pipe would add a column
		for (const line of tableRows) expect(line.split(/(?<!\\)\|/).length).toBe(8);
		expect(markdown).not.toMatch(/<script|<b>/);
	});
	it('has a checklist per closing account', () => {
		expect(markdown).toContain('### @contoso\\_old (LinkedIn): Merge into @ContosoERP');
		expect(markdown).toContain('### @contoso\\_campus (X / Twitter): Retire');
		expect(markdown).toContain('- [ ] **Announce the move:** Post on @contoso\\_old that it moves to @ContosoERP (https://www.linkedin.com/company/contosoerp), and pin the post.');
		expect(lines.filter((line) => line.startsWith('- [ ] ')).length).toBe(10);
		expect(markdown).toContain('Rationale: \\-cmd  ');
	});
	it('states the reach method', () => {
		expect(markdown).toContain('## How unique reach is estimated');
	});
});

describe('file names', () => {
	it('dates the plan', () => {
		expect(planFileName(today, 'csv')).toBe('chorus-consolidation-plan-2026-11-26.csv');
		expect(planFileName(today, 'md')).toBe('chorus-consolidation-plan-2026-11-26.md');
	});
});
