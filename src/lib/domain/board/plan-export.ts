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
import { columnOf, type BoardAccount, type BoardColumn, type DecisionMap, type Range } from './types';

export interface PlanExportInput {
	accounts: readonly BoardAccount[];
	decisions: DecisionMap;
	facts?: Readonly<Record<string, AccountFacts | undefined>>;
	recommendations?: Readonly<Record<string, Recommendation | undefined>>;
	summary?: PlanSummary;
	/** The export date. */
	today: DayNumber;
	title?: string;
	/** The words of the export, in the language it is written in; English when left out. */
	words?: PlanWords;
}

export type PlanCsvColumn =
	| 'account'
	| 'handle'
	| 'platform'
	| 'accountId'
	| 'url'
	| 'owner'
	| 'admins'
	| 'decision'
	| 'mergeTarget'
	| 'rationale'
	| 'suggested'
	| 'audience'
	| 'lastPost'
	| 'postsPerWeek';

export type PlanSummaryRow = 'accounts' | 'platforms' | 'audience' | 'segments' | 'postsPerWeek';

/** What a checklist step says for one account. */
export interface ChecklistContext {
	column: 'merge' | 'retire';
	name: string;
	/** The surviving account (with its address), or null when no account stays. */
	there: string | null;
	owner: string | null;
	admins: string[];
}

/**
 * Every word of the plan export. The core writes English (ENGLISH_PLAN_WORDS); the interface passes
 * the active language's words, so a plan exported from a Chinese screen reads in Chinese. Numbers and
 * dates come through here too: each language formats them its own way.
 */
export interface PlanWords {
	column(column: BoardColumn): string;
	platform(platform: BoardAccount['platform']): string;
	count(value: number): string;
	countRange(range: Pick<Range, 'low' | 'high'>): string;
	rate(value: number): string;
	day(day: DayNumber): string;
	list(items: string[]): string;
	csvHeader(column: PlanCsvColumn): string;
	stepTitle(step: ChecklistStepId): string;
	stepDetail(step: ChecklistStepId, context: ChecklistContext): string;
	/** The recommendation as one line ("Retire: no post for 14 months, …"). */
	suggestion(recommendation: Recommendation): string;
	/** The summary's problems, one line each. */
	problems(summary: PlanSummary): string[];
	title: string;
	intro(today: DayNumber): string;
	summaryHeading: string;
	before: string;
	after: string;
	summaryRow(row: PlanSummaryRow): string;
	decisionsLine(counts: Record<BoardColumn, number>): string;
	platformsLine(after: string[], dropped: string[]): string;
	atRiskLine(range: string): string;
	migratingLine(count: string, unique: string): string;
	unknownSizeLine(count: number): string;
	/** Each lost segment as "label (family)". */
	segmentsLostLine(segments: string[]): string;
	segmentLost(segment: PlanSummary['segments']['lost'][number]): string;
	ownersLine(owners: string[]): string;
	ownerGroup(owner: string, count: number): string;
	noOwner: string;
	toFix(problem: string): string;
	decisionsHeading: string;
	decisionsHeaders: [string, string, string, string, string, string];
	checklistsHeading: string;
	checklistHeading(name: string, platform: string, column: string, target: string): string;
	ownerLine(owner: string): string;
	addressLine(url: string): string;
	rationaleLine(rationale: string | null): string;
	suggestedLine(suggested: string): string;
	/** One checklist line after its box, from escaped title and detail: "**Close:** Close @x…". */
	checklistItem(title: string, detail: string): string;
	methodHeading: string;
	method: string;
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

const CSV_HEADERS: Record<PlanCsvColumn, string> = {
	account: 'Account',
	handle: 'Handle',
	platform: 'Platform',
	accountId: 'Account ID',
	url: 'URL',
	owner: 'Owner',
	admins: 'Admins',
	decision: 'Decision',
	mergeTarget: 'Merge target',
	rationale: 'Rationale',
	suggested: 'Suggested',
	audience: 'Audience',
	lastPost: 'Last post',
	postsPerWeek: 'Posts per week'
};

const SUMMARY_ROWS: Record<PlanSummaryRow, string> = {
	accounts: 'Accounts',
	platforms: 'Platforms',
	audience: 'Audience (summed)',
	segments: 'Segments covered',
	postsPerWeek: 'Posts per week'
};

/** The plan export in English: the default, and what the tests read. */
export const ENGLISH_PLAN_WORDS: PlanWords = {
	column: (column) => COLUMN_WORDS[column],
	platform: platformLabel,
	count: formatCount,
	countRange: formatCountRange,
	rate: formatRate,
	day: isoFromDay,
	list: (items) => items.join(', '),
	csvHeader: (column) => CSV_HEADERS[column],
	stepTitle: (step) => CHECKLIST_STEPS.find((one) => one.id === step)!.title,
	stepDetail: (step, { column, name, there, owner, admins }) => {
		const place = there ?? 'the account that stays';
		const holders = [owner ? `owner ${owner}` : 'no owner on record', ...(admins.length > 0 ? [`admins ${joinWords(admins, 6)}`] : [])];
		switch (step) {
			case 'announce':
				return column === 'merge'
					? `Post on ${name} that it moves to ${place}, and pin the post.`
					: `Post on ${name} that it closes${there ? ` and where to follow instead: ${there}` : ''}, and pin the post.`;
			case 'bio-link':
				return `Change the bio and profile link of ${name} to ${place}.`;
			case 'credentials':
				return `Move the login and admin rights of ${name} (${holders.join('; ')}) to the team's password store, and remove people who left.`;
			case 'archive':
				return `Download the account's data export and analytics of ${name} and file them with this plan.`;
			case 'close':
				return column === 'merge'
					? `Once followers have moved, close ${name} or lock it, keeping the handle so nobody can impersonate it.`
					: `Close ${name} on the announced date, or lock it, keeping the handle so nobody can impersonate it.`;
		}
	},
	suggestion: (recommendation) => recommendation.sentence,
	problems: (summary) => summary.problems,
	title: 'Consolidation plan',
	intro: (today) =>
		`Exported from Chorus on ${isoFromDay(today)}. Audience figures are summed follower counts; figures about unique reach are estimates with a range, not counts.`,
	summaryHeading: 'Summary',
	before: 'Before',
	after: 'After',
	summaryRow: (row) => SUMMARY_ROWS[row],
	decisionsLine: (counts) => `Decisions: ${counts.keep} keep, ${counts.merge} merge, ${counts.retire} retire, ${counts.undecided} undecided.`,
	platformsLine: (after, dropped) =>
		`Platforms after the plan: ${after.join(', ') || 'none'}${dropped.length > 0 ? ` (dropped: ${dropped.join(', ')})` : ''}.`,
	atRiskLine: (range) => `Audience at risk (retired accounts' followers the remaining accounts do not reach, estimated): ${range}.`,
	migratingLine: (count, unique) =>
		`Audience asked to move (merged accounts): ${count}, of which an estimated ${unique} is not reached by the remaining accounts.`,
	unknownSizeLine: (count) => `${count} closing account(s) have no follower numbers and are missing from these figures.`,
	segmentsLostLine: (segments) => `Segments that lose their last channel: ${segments.join(', ')}.`,
	segmentLost: (segment) => `${segment.label} (${segment.familyLabel.toLowerCase()})`,
	ownersLine: (owners) => `Owners affected: ${owners.join(', ')}.`,
	ownerGroup: (owner, count) => `${owner} (${count})`,
	noOwner: 'no owner on record',
	toFix: (problem) => `To fix: ${problem}`,
	decisionsHeading: 'Decisions',
	decisionsHeaders: ['Account', 'Platform', 'Owner', 'Decision', 'Merge target', 'Rationale'],
	checklistsHeading: 'Checklists',
	checklistHeading: (name, platform, column, target) => `${name} (${platform}): ${column}${target ? ` into ${target}` : ''}`,
	ownerLine: (owner) => `Owner: ${owner}`,
	addressLine: (url) => `Address: ${url}`,
	rationaleLine: (rationale) => `Rationale: ${rationale ?? 'none recorded'}`,
	suggestedLine: (suggested) => `Suggested by the rules: ${suggested}`,
	checklistItem: (title, detail) => `**${title}:** ${detail}`,
	methodHeading: 'How unique reach is estimated',
	method: REACH_METHOD_TEXT
};
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
	const words = input.words ?? ENGLISH_PLAN_WORDS;
	const survivor = survivingAccountFor(account, input);
	const context: ChecklistContext = {
		column,
		name: accountLabel(account),
		there: survivor ? accountLabel(survivor) + (survivor.url ? ` (${survivor.url})` : '') : null,
		owner: account.owner?.trim() || null,
		admins: account.admins.filter((admin) => admin.trim() !== '')
	};
	return CHECKLIST_STEPS.map((step) => ({ step: step.id, title: words.stepTitle(step.id), detail: words.stepDetail(step.id, context) }));
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
	const words = input.words ?? ENGLISH_PLAN_WORDS;
	const header = words.csvHeader;
	const suggested = (id: string) => {
		const recommendation = input.recommendations?.[id];
		return recommendation ? words.suggestion(recommendation) : '';
	};
	return tableToCsv<Row>(
		[
			{ header: header('account'), value: (row) => csvName(row.account) },
			{ header: header('handle'), value: (row) => row.account.handle?.trim().replace(/^@/, '') ?? '' },
			{ header: header('platform'), value: (row) => words.platform(row.account.platform) },
			{ header: header('accountId'), value: (row) => row.account.id },
			{ header: header('url'), value: (row) => row.account.url ?? '' },
			{ header: header('owner'), value: (row) => row.account.owner?.trim() ?? '' },
			{ header: header('admins'), value: (row) => row.account.admins.join('; ') },
			{ header: header('decision'), value: (row) => words.column(columnOf(input.decisions, row.account.id)) },
			{
				header: header('mergeTarget'),
				value: (row) => {
					const target = mergeTargetOf(row.account, input);
					return target === null ? '' : typeof target === 'string' ? target : csvName(target);
				}
			},
			{ header: header('rationale'), value: (row) => input.decisions[row.account.id]?.rationale ?? '' },
			{ header: header('suggested'), value: (row) => suggested(row.account.id) },
			{ header: header('audience'), value: (row) => fact(row)?.audience?.value ?? null },
			// ISO dates in the CSV in every language: spreadsheets read them as dates
			{ header: header('lastPost'), value: (row) => (fact(row)?.lastPostDay == null ? '' : isoFromDay(fact(row)!.lastPostDay!)) },
			{
				header: header('postsPerWeek'),
				value: (row) => {
					const rate = fact(row)?.postsPerWeek;
					return rate === null || rate === undefined ? null : Math.round(rate * 100) / 100;
				}
			},
			...CHECKLIST_STEPS.map((step) => ({
				header: words.stepTitle(step.id),
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
	const words = input.words ?? ENGLISH_PLAN_WORDS;
	const lines: string[] = [];
	const title = input.title?.trim() ? escapeMarkdown(input.title) : words.title;
	lines.push(`# ${title}`, '');
	lines.push(words.intro(input.today), '');

	const summary = input.summary;
	if (summary) {
		lines.push(`## ${words.summaryHeading}`, '');
		lines.push(
			...table(
				['', words.before, words.after],
				[
					[words.summaryRow('accounts'), words.count(summary.accounts.before), words.count(summary.accounts.after)],
					[words.summaryRow('platforms'), words.count(summary.platforms.before.length), words.count(summary.platforms.after.length)],
					[words.summaryRow('audience'), words.count(summary.audience.before), words.count(summary.audience.kept)],
					[words.summaryRow('segments'), words.count(summary.segments.before), words.count(summary.segments.after)],
					[words.summaryRow('postsPerWeek'), words.rate(summary.workload.before), words.rate(summary.workload.after)]
				],
				['l', 'r', 'r']
			),
			''
		);
		const facts = [
			words.decisionsLine(summary.accounts),
			words.platformsLine(summary.platforms.after.map(words.platform), summary.platforms.dropped.map(words.platform)),
			words.atRiskLine(words.countRange(summary.audience.atRisk)),
			words.migratingLine(words.count(summary.audience.migrating), words.countRange(summary.audience.migratingUnique))
		];
		if (summary.audience.unknownSizeClosing > 0) facts.push(words.unknownSizeLine(summary.audience.unknownSizeClosing));
		if (summary.segments.lost.length > 0) {
			facts.push(words.segmentsLostLine(summary.segments.lost.map((row) => escapeMarkdown(words.segmentLost(row)))));
		}
		if (summary.ownersAffected.length > 0) {
			facts.push(
				words.ownersLine(
					summary.ownersAffected.map((group) => words.ownerGroup(group.owner ? escapeMarkdown(group.owner) : words.noOwner, group.accountIds.length))
				)
			);
		}
		for (const problem of words.problems(summary)) facts.push(words.toFix(escapeMarkdown(problem)));
		lines.push(...facts.map((fact) => `- ${fact}`), '');
	}

	const accounts = orderedAccounts(input);
	lines.push(`## ${words.decisionsHeading}`, '');
	lines.push(
		...table(
			words.decisionsHeaders,
			accounts.map((account) => [
				escapeMarkdown(accountLabel(account)),
				words.platform(account.platform),
				escapeMarkdown(account.owner?.trim() || '—'),
				words.column(columnOf(input.decisions, account.id)),
				escapeMarkdown(targetLabel(account, input)),
				escapeMarkdown(input.decisions[account.id]?.rationale ?? '')
			])
		),
		''
	);

	const closing = accounts.filter((account) => accountChecklist(account, input).length > 0);
	if (closing.length > 0) {
		lines.push(`## ${words.checklistsHeading}`, '');
		for (const account of closing) {
			const column = columnOf(input.decisions, account.id);
			const target = targetLabel(account, input);
			lines.push(
				`### ${words.checklistHeading(escapeMarkdown(accountLabel(account)), words.platform(account.platform), words.column(column), target ? escapeMarkdown(target) : '')}`,
				''
			);
			lines.push(`${words.ownerLine(escapeMarkdown(account.owner?.trim() || words.noOwner))}  `);
			if (account.url) lines.push(`${words.addressLine(escapeMarkdown(account.url))}  `);
			const rationale = input.decisions[account.id]?.rationale?.trim();
			lines.push(`${words.rationaleLine(rationale ? escapeMarkdown(rationale) : null)}  `);
			const recommendation = input.recommendations?.[account.id];
			if (recommendation) lines.push(`${words.suggestedLine(escapeMarkdown(words.suggestion(recommendation)))}  `);
			lines.push('');
			for (const item of accountChecklist(account, input)) lines.push(`- [ ] ${words.checklistItem(escapeMarkdown(item.title), escapeMarkdown(item.detail))}`);
			lines.push('');
		}
	}

	lines.push(`## ${words.methodHeading}`, '', words.method, '');
	return lines.join('\n');
}

/** `chorus-consolidation-plan-2026-11-26.csv` / `.md`. */
export function planFileName(today: DayNumber, extension: 'csv' | 'md'): string {
	return csvFileName('chorus-consolidation-plan', isoFromDay(today)).replace(/\.csv$/, `.${extension}`);
}
