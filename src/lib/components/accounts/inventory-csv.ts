/**
 * The inventory as a spreadsheet: export every account with its declared fields and computed facts,
 * and read an audit spreadsheet back in. Columns are matched by name (any case, with common
 * aliases), never by position. A row updates the account it names (by account ID, else platform and
 * handle, else platform and name) and adds the others as accounts entered by hand.
 *
 * An empty cell (or "-") leaves the field as it is: a blank in an audit sheet means "not known",
 * and treating it as "clear this" would wipe what someone typed in Chorus.
 *
 * The file is an interchange format (an audit spreadsheet goes out and comes back), so the export
 * writes the same English headers, platform names and flag names in every language, and the import
 * reads both the English and the Chinese header names (docs/board.md).
 */
import { csvFileName, tableToCsv } from '$lib/domain/analytics/csv';
import type { AccountFacts, AccountFlag } from '$lib/domain/board';
import { isoFromDay, type DayNumber } from '$lib/domain/days';
import { PLATFORM_LABELS, PLATFORMS, accountIdOf, type Platform, type RowIssue } from '$lib/domain/model';
import { cellAt, defineColumns, isBlankRow, locateColumns, normalizeHeader } from '$lib/importers/columns';
import { decodeText } from '$lib/importers/decode';
import { tabulateText } from '$lib/importers/tabulate';
import type { AccountEdit, ManualAccountInput } from '$lib/db/queries';
import type { AccountListField, AccountRecord } from '$lib/schemas/db-records';

export const TEXT_FIELDS = ['handle', 'displayName', 'url', 'owner', 'purpose', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const LIST_FIELDS = ['admins', 'segments', 'productLines', 'regions', 'languages'] as const satisfies readonly AccountListField[];
export type EditableField = TextField | AccountListField;

// i18n-exempt: the file's English header names (the screen names fields with t('accounts:field.…'))
export const FIELD_LABELS: Record<EditableField, string> = {
	handle: 'Handle',
	displayName: 'Display name',
	url: 'URL',
	owner: 'Owner',
	admins: 'Admins',
	segments: 'Segments',
	productLines: 'Product lines',
	regions: 'Regions',
	languages: 'Languages',
	purpose: 'Purpose',
	notes: 'Notes'
};

// i18n-exempt: header names the import matches, in both languages; they are read, not shown
/**
 * Header names the import reads: English first (what the export writes), then the Chinese names a
 * team in China gives the same columns (the Chinese interface's own column names among them).
 */
const COLUMNS = defineColumns({
	accountId: ['account id', 'chorus id', 'id', '账号 id', '账号id', 'chorus 账号 id'],
	platform: ['platform', 'network', 'social network', 'channel type', '平台', '社交平台', '渠道'],
	handle: ['handle', 'username', 'user name', 'account handle', '@handle', 'vanity name', '用户名', '账号名', '账号 handle'],
	url: ['url', 'link', 'profile url', 'profile link', 'address', '链接', '主页链接', '网址', '地址'],
	displayName: ['display name', 'name', 'account name', 'page name', 'channel name', 'account', '显示名称', '名称', '账号名称', '账号'],
	owner: ['owner', 'account owner', 'owner (person or team)', 'responsible', 'team', '负责人', '负责人（个人或团队）', '负责团队'],
	admins: ['admins', 'admin', 'admin access', 'who holds admin access', 'administrators', '管理员', '管理权限'],
	segments: ['segments', 'audience segments', 'segment', 'customer segments', '细分人群', '客户细分', '受众细分'],
	productLines: ['product lines', 'product line', 'products', '产品线', '产品'],
	regions: ['regions', 'region', 'markets', 'countries', '地区', '区域', '市场', '国家/地区'],
	languages: ['languages', 'language', '语言'],
	purpose: ['purpose', 'goal', 'objective', '定位', '用途', '目标'],
	notes: ['notes', 'note', 'comments', 'comment', '备注', '说明']
});
type ColumnKey = keyof typeof COLUMNS;

// i18n-exempt: platform names as spreadsheets spell them; read, not shown
const PLATFORM_ALIASES: Record<string, Platform> = {
	twitter: 'x',
	'x (twitter)': 'x',
	'x/twitter': 'x',
	'twitter / x': 'x',
	yt: 'youtube',
	fb: 'facebook',
	'facebook page': 'facebook',
	ig: 'instagram',
	insta: 'instagram',
	'linked in': 'linkedin',
	'linkedin page': 'linkedin',
	'tik tok': 'tiktok',
	douyin: 'tiktok',
	weixin: 'wechat',
	'wechat official account': 'wechat',
	微信: 'wechat',
	微博: 'weibo',
	website: 'blog',
	newsletter: 'other'
};

/** "X / Twitter", "twitter", "LinkedIn", "微信" → the platform; null when it is none Chorus knows. */
export function parsePlatform(text: string): Platform | null {
	const key = normalizeHeader(text);
	if (key === '') return null;
	for (const platform of PLATFORMS) {
		if (key === platform || key === normalizeHeader(PLATFORM_LABELS[platform])) return platform;
	}
	return PLATFORM_ALIASES[key] ?? null;
}

// a cell that was neutralised on export ('=SUM…) reads back as its original text
const NEUTRALISED = /^'(?=[=+\-@\t\r＝＋－＠])/;
const MISSING = new Set(['', '-', '—', '–']);

function cellValue(row: readonly string[], index: number | undefined): string | undefined {
	const raw = cellAt(row, index);
	if (raw === undefined) return undefined;
	const text = raw.replace(NEUTRALISED, '').trim();
	return MISSING.has(text) ? undefined : text;
}

/** A `;`-separated cell (line breaks count as separators too), trimmed, blanks and repeats dropped. */
export function splitList(text: string): string[] {
	return [...new Set(text.split(/[;\n\r]+/).map((entry) => entry.trim()).filter((entry) => entry !== ''))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	const set = new Set(a);
	return b.every((entry) => set.has(entry));
}

export interface FieldChange {
	field: EditableField;
	before: string;
	after: string;
}

export type InventoryChange =
	| {
			kind: 'update';
			line: number;
			accountId: string;
			/** How the row was matched to the account, in plain words. */
			matchedBy: string;
			/** The same as a code, for the interface to word: by account ID, platform and handle, or platform and name. */
			match: 'id' | 'handle' | 'name';
			edit: AccountEdit;
			fields: FieldChange[];
	  }
	| { kind: 'add'; line: number; accountId: string; input: ManualAccountInput; fields: FieldChange[] }
	| { kind: 'unchanged'; line: number; accountId: string };

export interface InventoryImportPlan {
	changes: InventoryChange[];
	issues: RowIssue[];
	/** Headers recognised, as the file spells them. */
	recognised: string[];
	/** Headers left aside (computed columns of an export, or unknown ones). */
	ignored: string[];
	encoding: string;
}

const PLATFORM_NAMES = PLATFORMS.map((platform) => PLATFORM_LABELS[platform]).join(', ');
// i18n-exempt: the English fallback beside the code (CsvImportPanel words `match` with t)
const MATCH_WORDS = { id: 'account ID', handle: 'platform and handle', name: 'platform and name' } as const;

// i18n-exempt: each problem's English text beside its code, as the core's issues carry one (CsvImportPanel words the code)
const ENGLISH = {
	empty: 'The file is empty: it needs a header row (Platform, Handle, Owner, …) and one row per account.',
	noPlatformColumn: (found: string) =>
		`No “Platform” column found (the header row reads: ${found || 'nothing'}). Add a Platform column, or an Account ID column from a Chorus export.`,
	noNameColumn: 'No “Handle” or “Display name” column found: Chorus needs one of them to tell the accounts apart.',
	unknownPlatform: (platform: string) => `Platform “${platform}” is not one Chorus knows: use one of ${PLATFORM_NAMES}. The row was left out.`,
	noPlatform: 'No platform on this row: fill in the Platform column. The row was left out.',
	noName: 'This row has neither a handle nor a name, so Chorus cannot tell which account it is: fill in Handle or Display name. The row was left out.',
	duplicate: (earlier: number) => `Same account as line ${earlier}; only line ${earlier} is used.`,
	noRows: 'The file has a header row but no account rows.'
};

function listText(values: readonly string[]): string {
	return values.join('; ');
}

/** Reads an audit spreadsheet (CSV bytes in any encoding Excel writes) against the inventory. */
export function planInventoryImport(bytes: Uint8Array, fileName: string, existing: readonly AccountRecord[]): InventoryImportPlan {
	const decoded = decodeText(bytes);
	const { table, issues: readIssues } = tabulateText(decoded.text, fileName, decoded.encoding);
	const issues: RowIssue[] = [...readIssues];
	const empty = (message: string, code: string, params?: RowIssue['params']): InventoryImportPlan => ({
		changes: [],
		issues: [...issues, { severity: 'error', message, code, ...(params ? { params } : {}) }],
		recognised: [],
		ignored: [],
		encoding: decoded.encoding
	});

	const headerIndex = table.rows.findIndex((row) => !isBlankRow(row) && !/^\s*"?sep=/i.test(row[0] ?? ''));
	if (headerIndex === -1) {
		return empty(ENGLISH.empty, 'inventory.empty');
	}
	const headers = table.rows[headerIndex];
	const at = locateColumns(headers, COLUMNS);
	const keys = Object.keys(at) as ColumnKey[];
	const used = new Set(keys.map((key) => at[key]!));
	const recognised = keys.map((key) => headers[at[key]!].trim());
	const ignored = headers.map((header, index) => (used.has(index) ? '' : header.trim())).filter((header) => header !== '');
	if (at.platform === undefined && at.accountId === undefined) {
		const found = headers.map((header) => header.trim()).filter(Boolean).join(', ');
		return {
			...empty(
				ENGLISH.noPlatformColumn(found),
				found ? 'inventory.noPlatformColumn' : 'inventory.noHeaders',
				{ headers: found }
			),
			recognised,
			ignored
		};
	}
	if (at.handle === undefined && at.displayName === undefined && at.accountId === undefined) {
		return {
			...empty(ENGLISH.noNameColumn, 'inventory.noNameColumn'),
			recognised,
			ignored
		};
	}

	const byId = new Map(existing.map((account) => [account.id, account]));
	const plain = (text: string) => text.trim().replace(/^@/, '').toLowerCase();
	const byHandle = new Map<string, AccountRecord>();
	const byName = new Map<string, AccountRecord>();
	for (const account of existing) {
		if (account.handle) byHandle.set(`${account.platform}|${plain(account.handle)}`, account);
		byName.set(`${account.platform}|${account.displayName.trim().toLowerCase()}`, account);
	}
	const claimed = new Map<string, number>();
	const changes: InventoryChange[] = [];

	for (let index = headerIndex + 1; index < table.rows.length; index++) {
		const row = table.rows[index];
		const line = table.lineOf[index];
		if (isBlankRow(row)) continue;
		const value = (key: ColumnKey) => cellValue(row, at[key]);

		const idCell = value('accountId');
		const platformCell = value('platform');
		const fromId = idCell ? byId.get(idCell) : undefined;
		let platform: Platform;
		if (platformCell !== undefined) {
			const parsed = parsePlatform(platformCell);
			if (!parsed) {
				issues.push({
					line,
					severity: 'error',
					message: ENGLISH.unknownPlatform(platformCell),
					code: 'inventory.unknownPlatform',
					params: { platform: platformCell }
				});
				continue;
			}
			platform = parsed;
		} else if (fromId) {
			platform = fromId.platform;
		} else {
			issues.push({ line, severity: 'error', message: ENGLISH.noPlatform, code: 'inventory.noPlatform' });
			continue;
		}

		const handle = value('handle')?.replace(/^@/, '');
		const displayName = value('displayName');
		let match: AccountRecord | undefined;
		let matchedBy: 'id' | 'handle' | 'name' = 'name';
		if (fromId && fromId.platform === platform) {
			match = fromId;
			matchedBy = 'id';
		} else if (handle && byHandle.has(`${platform}|${plain(handle)}`)) {
			match = byHandle.get(`${platform}|${plain(handle)}`);
			matchedBy = 'handle';
		} else {
			const derived = accountIdOf({ platform, handle, displayName });
			if (derived && byId.has(derived)) {
				match = byId.get(derived);
				matchedBy = handle ? 'handle' : 'name';
			} else if (displayName && (!handle || !byName.get(`${platform}|${displayName.toLowerCase()}`)?.handle)) {
				match = byName.get(`${platform}|${displayName.toLowerCase()}`);
				matchedBy = 'name';
			}
		}

		const fields: FieldChange[] = [];
		const edit: AccountEdit = {};
		const text = (field: TextField): string | undefined => (field === 'handle' ? handle : field === 'displayName' ? displayName : value(field));
		for (const field of TEXT_FIELDS) {
			const next = text(field);
			if (next === undefined) continue;
			const before = match ? (match[field] ?? '') : '';
			// a handle's case is how the platform spells it; the match already ignored it
			if (next === before || (field === 'handle' && plain(next) === plain(before))) continue;
			edit[field] = next;
			fields.push({ field, before, after: next });
		}
		for (const field of LIST_FIELDS) {
			const cell = value(field);
			if (cell === undefined) continue;
			const next = splitList(cell);
			const before = match ? match[field] : [];
			if (sameList(next, before)) continue;
			edit[field] = next;
			fields.push({ field, before: listText(before), after: listText(next) });
		}

		const accountId = match?.id ?? accountIdOf({ platform, handle, displayName });
		if (!accountId) {
			issues.push({
				line,
				severity: 'error',
				message: ENGLISH.noName,
				code: 'inventory.noName'
			});
			continue;
		}
		const earlier = claimed.get(accountId);
		if (earlier !== undefined) {
			issues.push({
				line,
				severity: 'warning',
				message: ENGLISH.duplicate(earlier),
				code: 'inventory.duplicate',
				params: { earlier }
			});
			continue;
		}
		claimed.set(accountId, line);

		if (match) {
			changes.push(
				fields.length === 0
					? { kind: 'unchanged', line, accountId }
					: { kind: 'update', line, accountId, matchedBy: MATCH_WORDS[matchedBy], match: matchedBy, edit, fields }
			);
		} else {
			const { handle: _handle, externalId: _externalId, ...rest } = edit;
			changes.push({ kind: 'add', line, accountId, input: { platform, ...rest, ...(handle ? { handle } : {}) }, fields });
		}
	}
	if (changes.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
		issues.push({ severity: 'warning', message: ENGLISH.noRows, code: 'inventory.noRows' });
	}
	return { changes, issues, recognised, ignored, encoding: decoded.encoding };
}

/** What the inventory export knows beyond the stored fields. */
export interface InventoryFacts {
	facts?: Readonly<Record<string, AccountFacts | undefined>>;
	shares?: Readonly<Record<string, number | null | undefined>>;
	flags?: Readonly<Record<string, readonly AccountFlag[] | undefined>>;
}

// i18n-exempt: flag names in the exported file, English in every language like its headers (the screen uses board:flag.…)
export const FLAG_LABELS: Record<AccountFlag['code'], string> = {
	dormant: 'Dormant',
	'no-post-data': 'No post data',
	'no-owner': 'No owner',
	'tiny-audience': 'Tiny audience',
	'no-audience-data': 'No audience data',
	'duplicate-content': 'Duplicate content',
	overlap: 'Overlap'
};

const round = (value: number, digits: number) => Number(value.toFixed(digits));

// i18n-exempt: the file is an interchange format, with the same English headers in every language (docs/board.md)
/**
 * The inventory as CSV: the declared fields first, named as the import reads them back, then the
 * computed facts (which the import ignores).
 */
export function inventoryToCsv(accounts: readonly AccountRecord[], known: InventoryFacts = {}): string {
	const fact = (account: AccountRecord) => known.facts?.[account.id];
	return tableToCsv<AccountRecord>(
		[
			{ header: 'Platform', value: (account) => PLATFORM_LABELS[account.platform] },
			{ header: 'Handle', value: (account) => account.handle ?? '' },
			{ header: 'Display name', value: (account) => account.displayName },
			{ header: 'URL', value: (account) => account.url },
			{ header: 'Owner', value: (account) => account.owner },
			{ header: 'Admins', value: (account) => listText(account.admins) },
			{ header: 'Segments', value: (account) => listText(account.segments) },
			{ header: 'Product lines', value: (account) => listText(account.productLines) },
			{ header: 'Regions', value: (account) => listText(account.regions) },
			{ header: 'Languages', value: (account) => listText(account.languages) },
			{ header: 'Purpose', value: (account) => account.purpose },
			{ header: 'Notes', value: (account) => account.notes },
			{ header: 'Account ID', value: (account) => account.id },
			{ header: 'Added', value: (account) => (account.origin === 'manual' ? 'by hand' : 'from an import') },
			{ header: 'Audience size', value: (account) => fact(account)?.audience?.value ?? null },
			{
				header: 'Share of portfolio audience (%)',
				value: (account) => {
					const share = known.shares?.[account.id];
					return share === null || share === undefined ? null : round(share * 100, 2);
				}
			},
			{
				header: 'Engagement rate, 90 days (%)',
				value: (account) => {
					const rate = fact(account)?.engagement?.rate;
					return rate === undefined ? null : round(rate * 100, 3);
				}
			},
			{ header: 'Engagement trend', value: (account) => fact(account)?.engagement?.trend ?? '' },
			{
				header: 'Posts per week',
				value: (account) => {
					const rate = fact(account)?.postsPerWeek;
					return rate === null || rate === undefined ? null : round(rate, 2);
				}
			},
			{ header: 'Last post', value: (account) => dayText(fact(account)?.lastPostDay) },
			{ header: 'Months since last post', value: (account) => fact(account)?.monthsSinceLastPost ?? null },
			{
				header: 'Flags',
				value: (account) => (known.flags?.[account.id] ?? []).map((flag) => FLAG_LABELS[flag.code]).join('; ')
			}
		],
		accounts
	);
}

function dayText(day: DayNumber | null | undefined): string {
	return day === null || day === undefined ? '' : isoFromDay(day);
}

/** `chorus-account-inventory-2026-11-26.csv` */
export function inventoryFileName(today: DayNumber): string {
	return csvFileName('chorus-account-inventory', isoFromDay(today));
}
