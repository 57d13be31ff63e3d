/**
 * Exporting the plan: a CSV (one row per account, for a spreadsheet or a tracker) and a Markdown
 * document (summary, decisions, and a closing checklist per retired or merged account) that prints
 * cleanly. The CSV goes through the app's one CSV writer, which quotes per RFC 4180 and neutralises
 * formula injection; the Markdown escapes user text so a handle, an owner or a rationale can neither
 * add markup nor inject HTML.
 */
import { isoFromDay, type DayNumber } from '../days';
import { csvFileName, tableToCsv, type CsvOptions } from '../analytics/csv';
import type { AccountFacts } from './facts';
import { accountLabel, formatCount, formatCountRange, formatRate, joinWords, platformLabel } from './format';
import type { PlanSummary } from './plan';
import type { Recommendation } from './recommend';
import { REACH_METHOD_TEXT } from './reach';
import { columnOf, type BoardAccount, type BoardColumn, type DecisionMap } from './types';

export interface PlanExportInput {
	accounts: readonly BoardAccount[];
	decisions: DecisionMap;
	facts?: Readonly<Record<string, AccountFacts | undefined>>;
	recommendations?: Readonly<Record<string, Recommendation | undefined>>;
	summary?: PlanSummary;
	/** The export date. */
	today: DayNumber;
	title?: string;
}

export const CHECKLIST_STEPS = [
	{ id: 'announce', title: 'Announce the move' },
	{ id: 'bio-link', title: 'Point the bio link to the surviving account' },
	{ id: 'credentials', title: 'Hand over credentials' },
	{ id: 'archive', title: 'Archive content' },
	{ id: 'close', title: 'Close' }
] as const;
export type ChecklistStepId = (typeof CHECKLIST_STEPS)[number]['id'];

export interface ChecklistItem {
	step: ChecklistStepId;
	title: string;
	/** What to do for this account, in plain words. */
	detail: string;
}

const COLUMN_WORDS: Record<BoardColumn, string> = { keep: 'Keep', merge: 'Merge', retire: 'Retire', undecided: 'Undecided' };
const COLUMN_ORDER: Record<BoardColumn, number> = { keep: 0, merge: 1, retire: 2, undecided: 3 };

/**
 * Where a closing account's followers should go: its merge target, else the kept account on the
 * same platform with the largest audience, else the largest kept account.
 */
export function survivingAccountFor(account: BoardAccount, input: PlanExportInput): BoardAccount | null {
	const byId = new Map(input.accounts.map((one) => [one.id, one]));
	const decision = input.decisions[account.id];
	if (decision?.column === 'merge' && decision.mergeTargetId) {
		const target = byId.get(decision.mergeTargetId);
		if (target && target.id !== account.id) return target;
	}
	const audience = (one: BoardAccount) => input.facts?.[one.id]?.audience?.value ?? -1;
	const kept = input.accounts
		.filter((one) => one.id !== account.id && columnOf(input.decisions, one.id) === 'keep')
		.sort((a, b) => Number(b.platform === account.platform) - Number(a.platform === account.platform) || audience(b) - audience(a));
	return kept[0] ?? null;
}

/** The closing steps for a retired or merged account; empty for accounts that stay. */
export function accountChecklist(account: BoardAccount, input: PlanExportInput): ChecklistItem[] {
	const column = columnOf(input.decisions, account.id);
	if (column !== 'retire' && column !== 'merge') return [];
	const name = accountLabel(account);
	const survivor = survivingAccountFor(account, input);
	const there = survivor ? accountLabel(survivor) + (survivor.url ? ` (${survivor.url})` : '') : 'the account that stays';
	const admins = account.admins.filter((admin) => admin.trim() !== '');
	const holders = [account.owner?.trim() ? `owner ${account.owner.trim()}` : 'no owner on record', ...(admins.length > 0 ? [`admins ${joinWords(admins, 6)}`] : [])];
	const detail: Record<ChecklistStepId, string> = {
		announce:
			column === 'merge'
				? `Post on ${name} that it moves to ${there}, and pin the post.`
				: `Post on ${name} that it closes${survivor ? ` and where to follow instead: ${there}` : ''}, and pin the post.`,
		'bio-link': `Change the bio and profile link of ${name} to ${there}.`,
		credentials: `Move the login and admin rights of ${name} (${holders.join('; ')}) to the team's password store, and remove people who left.`,
		archive: `Download the account's data export and analytics of ${name} and file them with this plan.`,
		close:
			column === 'merge'
				? `Once followers have moved, close ${name} or lock it, keeping the handle so nobody can impersonate it.`
				: `Close ${name} on the announced date, or lock it, keeping the handle so nobody can impersonate it.`
	};
	return CHECKLIST_STEPS.map((step) => ({ step: step.id, title: step.title, detail: detail[step.id] }));
}

function orderedAccounts(input: PlanExportInput): BoardAccount[] {
	return [...input.accounts].sort(
		(a, b) =>
			COLUMN_ORDER[columnOf(input.decisions, a.id)] - COLUMN_ORDER[columnOf(input.decisions, b.id)] ||
			accountLabel(a).localeCompare(accountLabel(b))
	);
}

function mergeTargetOf(account: BoardAccount, input: PlanExportInput): BoardAccount | string | null {
	const decision = input.decisions[account.id];
	if (decision?.column !== 'merge' || !decision.mergeTargetId) return null;
	return input.accounts.find((one) => one.id === decision.mergeTargetId) ?? decision.mergeTargetId;
}

function targetLabel(account: BoardAccount, input: PlanExportInput): string {
	const target = mergeTargetOf(account, input);
	return target === null ? '' : typeof target === 'string' ? target : accountLabel(target);
}

/**
 * The CSV names accounts without the "@": a cell starting with "@" is a formula start, and the
 * writer would prefix every handle with a quote mark.
 */
function csvName(account: BoardAccount): string {
	return account.displayName?.trim() || account.handle?.trim().replace(/^@/, '') || account.id;
}

/** One row per account: decision, rationale, owner, merge target, key facts and the checklist as to-do columns. */
export function planToCsv(input: PlanExportInput, options: CsvOptions = {}): string {
	type Row = { account: BoardAccount; checklist: ChecklistItem[] };
	const rows: Row[] = orderedAccounts(input).map((account) => ({ account, checklist: accountChecklist(account, input) }));
	const fact = (row: Row) => input.facts?.[row.account.id];
	return tableToCsv<Row>(
		[
			{ header: 'Account', value: (row) => csvName(row.account) },
			{ header: 'Handle', value: (row) => row.account.handle?.trim().replace(/^@/, '') ?? '' },
			{ header: 'Platform', value: (row) => platformLabel(row.account.platform) },
			{ header: 'Account ID', value: (row) => row.account.id },
			{ header: 'URL', value: (row) => row.account.url ?? '' },
			{ header: 'Owner', value: (row) => row.account.owner?.trim() ?? '' },
			{ header: 'Admins', value: (row) => row.account.admins.join('; ') },
			{ header: 'Decision', value: (row) => COLUMN_WORDS[columnOf(input.decisions, row.account.id)] },
			{
				header: 'Merge target',
				value: (row) => {
					const target = mergeTargetOf(row.account, input);
					return target === null ? '' : typeof target === 'string' ? target : csvName(target);
				}
			},
			{ header: 'Rationale', value: (row) => input.decisions[row.account.id]?.rationale ?? '' },
			{ header: 'Suggested', value: (row) => input.recommendations?.[row.account.id]?.sentence ?? '' },
			{ header: 'Audience', value: (row) => fact(row)?.audience?.value ?? null },
			{ header: 'Last post', value: (row) => (fact(row)?.lastPostDay == null ? '' : isoFromDay(fact(row)!.lastPostDay!)) },
			{
				header: 'Posts per week',
				value: (row) => {
					const rate = fact(row)?.postsPerWeek;
					return rate === null || rate === undefined ? null : Math.round(rate * 100) / 100;
				}
			},
			...CHECKLIST_STEPS.map((step) => ({
				header: step.title,
				value: (row: Row) => row.checklist.find((item) => item.step === step.id)?.detail ?? ''
			}))
		],
		rows,
		options
	);
}

const INLINE_MARKUP = /[\\`*_[\]|#!~{}]/g;

/**
 * User text made inert in Markdown: no HTML (`&`, `<`, `>` become entities), markup characters
 * backslash-escaped, line breaks flattened (a table cell must stay on one line), and a leading `-`,
 * `+`, `=` or `1.` escaped so the text cannot start a list or a heading.
 */
export function escapeMarkdown(text: string): string {
	const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ').trim();
	const escaped = flat
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(INLINE_MARKUP, (char) => `\\${char}`);
	return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function table(headers: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
	return [
		`| ${headers.join(' | ')} |`,
		`|${headers.map((_, index) => (align[index] === 'r' ? '---:' : '---')).join('|')}|`,
		...rows.map((row) => `| ${row.map((cell) => cell || ' ').join(' | ')} |`)
	];
}

export function planToMarkdown(input: PlanExportInput): string {
	const lines: string[] = [];
	const title = input.title?.trim() ? escapeMarkdown(input.title) : 'Consolidation plan';
	lines.push(`# ${title}`, '');
	lines.push(`Exported from Chorus on ${isoFromDay(input.today)}. Audience figures are summed follower counts; figures about unique reach are estimates with a range, not counts.`, '');

	const summary = input.summary;
	if (summary) {
		lines.push('## Summary', '');
		lines.push(
			...table(
				['', 'Before', 'After'],
				[
					['Accounts', String(summary.accounts.before), String(summary.accounts.after)],
					['Platforms', String(summary.platforms.before.length), String(summary.platforms.after.length)],
					['Audience (summed)', formatCount(summary.audience.before), formatCount(summary.audience.kept)],
					['Segments covered', String(summary.segments.before), String(summary.segments.after)],
					['Posts per week', formatRate(summary.workload.before), formatRate(summary.workload.after)]
				],
				['l', 'r', 'r']
			),
			''
		);
		const facts = [
			`Decisions: ${summary.accounts.keep} keep, ${summary.accounts.merge} merge, ${summary.accounts.retire} retire, ${summary.accounts.undecided} undecided.`,
			`Platforms after the plan: ${summary.platforms.after.map(platformLabel).join(', ') || 'none'}${summary.platforms.dropped.length > 0 ? ` (dropped: ${summary.platforms.dropped.map(platformLabel).join(', ')})` : ''}.`,
			`Audience at risk (retired accounts' followers the remaining accounts do not reach, estimated): ${formatCountRange(summary.audience.atRisk)}.`,
			`Audience asked to move (merged accounts): ${formatCount(summary.audience.migrating)}, of which an estimated ${formatCountRange(summary.audience.migratingUnique)} is not reached by the remaining accounts.`
		];
		if (summary.audience.unknownSizeClosing > 0) {
			facts.push(`${summary.audience.unknownSizeClosing} closing account(s) have no follower numbers and are missing from these figures.`);
		}
		if (summary.segments.lost.length > 0) {
			facts.push(
				`Segments that lose their last channel: ${summary.segments.lost.map((row) => `${escapeMarkdown(row.label)} (${row.familyLabel.toLowerCase()})`).join(', ')}.`
			);
		}
		if (summary.ownersAffected.length > 0) {
			facts.push(
				`Owners affected: ${summary.ownersAffected
					.map((group) => `${group.owner ? escapeMarkdown(group.owner) : 'no owner on record'} (${group.accountIds.length})`)
					.join(', ')}.`
			);
		}
		for (const problem of summary.problems) facts.push(`To fix: ${escapeMarkdown(problem)}`);
		lines.push(...facts.map((fact) => `- ${fact}`), '');
	}

	const accounts = orderedAccounts(input);
	lines.push('## Decisions', '');
	lines.push(
		...table(
			['Account', 'Platform', 'Owner', 'Decision', 'Merge target', 'Rationale'],
			accounts.map((account) => [
				escapeMarkdown(accountLabel(account)),
				platformLabel(account.platform),
				escapeMarkdown(account.owner?.trim() || '—'),
				COLUMN_WORDS[columnOf(input.decisions, account.id)],
				escapeMarkdown(targetLabel(account, input)),
				escapeMarkdown(input.decisions[account.id]?.rationale ?? '')
			])
		),
		''
	);

	const closing = accounts.filter((account) => accountChecklist(account, input).length > 0);
	if (closing.length > 0) {
		lines.push('## Checklists', '');
		for (const account of closing) {
			const column = columnOf(input.decisions, account.id);
			const target = targetLabel(account, input);
			lines.push(
				`### ${escapeMarkdown(accountLabel(account))} (${platformLabel(account.platform)}): ${COLUMN_WORDS[column]}${target ? ` into ${escapeMarkdown(target)}` : ''}`,
				''
			);
			lines.push(`Owner: ${escapeMarkdown(account.owner?.trim() || 'no owner on record')}  `);
			if (account.url) lines.push(`Address: ${escapeMarkdown(account.url)}  `);
			const rationale = input.decisions[account.id]?.rationale?.trim();
			lines.push(`Rationale: ${rationale ? escapeMarkdown(rationale) : 'none recorded'}  `);
			const suggested = input.recommendations?.[account.id]?.sentence;
			if (suggested) lines.push(`Suggested by the rules: ${escapeMarkdown(suggested)}  `);
			lines.push('');
			for (const item of accountChecklist(account, input)) lines.push(`- [ ] **${item.title}:** ${escapeMarkdown(item.detail)}`);
			lines.push('');
		}
	}

	lines.push('## How unique reach is estimated', '', REACH_METHOD_TEXT, '');
	return lines.join('\n');
}

/** `chorus-consolidation-plan-2026-11-26.csv` / `.md`. */
export function planFileName(today: DayNumber, extension: 'csv' | 'md'): string {
	return csvFileName('chorus-consolidation-plan', isoFromDay(today)).replace(/\.csv$/, `.${extension}`);
}
