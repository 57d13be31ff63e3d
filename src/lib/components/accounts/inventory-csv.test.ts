import { describe, expect, it } from 'vitest';
import type { AccountFacts } from '$lib/domain/board';
import { dayFromISO } from '$lib/domain/days';
import type { AccountRecord } from '$lib/schemas/db-records';
import { inventoryFileName, inventoryToCsv, parsePlatform, planInventoryImport, splitList } from './inventory-csv';

function account(overrides: Partial<AccountRecord> & Pick<AccountRecord, 'id' | 'platform'>): AccountRecord {
	return {
		handle: null,
		displayName: overrides.id,
		externalId: null,
		url: '',
		owner: '',
		admins: [],
		segments: [],
		productLines: [],
		regions: [],
		languages: [],
		purpose: '',
		notes: '',
		origin: 'import',
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z',
		editedAt: null,
		...overrides
	};
}

const erp = account({ id: 'x:contosoerp', platform: 'x', handle: 'ContosoERP', displayName: 'Contoso ERP', owner: 'Dana', segments: ['Buyers'] });
const page = account({ id: 'facebook:contoso retail', platform: 'facebook', displayName: 'Contoso Retail' });
const inventory = [erp, page];

const bytes = (text: string) => new TextEncoder().encode(text);
const plan = (text: string, existing = inventory) => planInventoryImport(bytes(text), 'audit.csv', existing);

describe('parsePlatform', () => {
	it.each([
		['X / Twitter', 'x'],
		['twitter', 'x'],
		[' LinkedIn ', 'linkedin'],
		['YouTube', 'youtube'],
		['微信', 'wechat'],
		['Other', 'other'],
		['Myspace', null],
		['', null]
	])('%s → %s', (text, expected) => {
		expect(parsePlatform(text)).toBe(expected);
	});
});

describe('splitList', () => {
	it('splits on semicolons and line breaks, trimming and dropping blanks and repeats', () => {
		expect(splitList(' End users ;Buyers;; buyers\nPartners; Buyers ')).toEqual(['End users', 'Buyers', 'buyers', 'Partners']);
	});
});

describe('planInventoryImport', () => {
	it('updates the account matched by platform and handle (any case, with or without @), only the fields that differ', () => {
		const result = plan('Platform,Handle,Owner,Segments,Notes\r\nX,@contosoerp,Ana Team,Buyers; Solution partners,\r\n');
		expect(result.issues).toEqual([]);
		expect(result.changes).toEqual([
			{
				kind: 'update',
				line: 2,
				accountId: 'x:contosoerp',
				matchedBy: 'platform and handle',
				match: 'handle',
				edit: { owner: 'Ana Team', segments: ['Buyers', 'Solution partners'] },
				fields: [
					{ field: 'owner', before: 'Dana', after: 'Ana Team' },
					{ field: 'segments', before: 'Buyers', after: 'Buyers; Solution partners' }
				]
			}
		]);
	});

	it('matches columns by name in any order and case, and ignores computed columns', () => {
		const result = plan('Audience size;OWNER;display name;platform\n123;Retail team;Contoso Retail;Facebook\n');
		expect(result.recognised).toEqual(['platform', 'display name', 'OWNER']);
		expect(result.ignored).toEqual(['Audience size']);
		expect(result.changes).toEqual([
			{
				kind: 'update',
				line: 2,
				accountId: 'facebook:contoso retail',
				matchedBy: 'platform and name',
				match: 'name',
				edit: { owner: 'Retail team' },
				fields: [{ field: 'owner', before: '', after: 'Retail team' }]
			}
		]);
	});

	it('adds rows that match no account as accounts entered by hand', () => {
		const result = plan('Platform,Handle,Display name,Owner,Regions\nLinkedIn,contoso-de,Contoso Deutschland,Berlin office,DE;AT;CH\n');
		expect(result.changes).toEqual([
			{
				kind: 'add',
				line: 2,
				accountId: 'linkedin:contoso-de',
				input: {
					platform: 'linkedin',
					handle: 'contoso-de',
					displayName: 'Contoso Deutschland',
					owner: 'Berlin office',
					regions: ['DE', 'AT', 'CH']
				},
				fields: [
					{ field: 'handle', before: '', after: 'contoso-de' },
					{ field: 'displayName', before: '', after: 'Contoso Deutschland' },
					{ field: 'owner', before: '', after: 'Berlin office' },
					{ field: 'regions', before: '', after: 'DE; AT; CH' }
				]
			}
		]);
	});

	it('leaves fields alone when their cell is empty or "-", and reports rows that already match', () => {
		const result = plan('Platform,Handle,Owner,Segments\nX,ContosoERP,-,Buyers\n');
		expect(result.changes).toEqual([{ kind: 'unchanged', line: 2, accountId: 'x:contosoerp' }]);
	});

	it('reads back cells the export neutralised against formulas', () => {
		const result = plan("Platform,Handle,Owner\nX,ContosoERP,'=Team lead\n");
		expect(result.changes[0]).toMatchObject({ kind: 'update', edit: { owner: '=Team lead' } });
	});

	it('explains rows it cannot use, with their line, and keeps the others', () => {
		const result = plan(
			'Platform,Handle,Display name,Owner\n' +
				'Myspace,old,,Tom\n' +
				',nobody,,\n' +
				'X,,,Someone\n' +
				'X,contosoerp,,Ana\n' +
				'x,CONTOSOERP,,Bob\n'
		);
		expect(result.issues).toEqual([
			{
				line: 2,
				severity: 'error',
				message: expect.stringMatching(/^Platform “Myspace” is not one Chorus knows: use one of X \/ Twitter, YouTube/),
				code: 'inventory.unknownPlatform',
				params: { platform: 'Myspace' }
			},
			{
				line: 3,
				severity: 'error',
				message: 'No platform on this row: fill in the Platform column. The row was left out.',
				code: 'inventory.noPlatform'
			},
			{ line: 4, severity: 'error', message: expect.stringContaining('neither a handle nor a name'), code: 'inventory.noName' },
			{ line: 6, severity: 'warning', message: 'Same account as line 5; only line 5 is used.', code: 'inventory.duplicate', params: { earlier: 5 } }
		]);
		expect(result.changes.map((change) => [change.kind, change.line])).toEqual([['update', 5]]);
	});

	it('gives line numbers as an editor shows them when a quoted cell spans lines', () => {
		const result = plan('Platform,Handle,Notes\nX,contosoerp,"first\nsecond"\nMyspace,x,\n');
		expect(result.changes[0]).toMatchObject({ line: 2, edit: { notes: 'first\nsecond' } });
		expect(result.issues[0].line).toBe(4);
	});

	it('refuses a file without a platform column or without a way to name accounts', () => {
		expect(plan('Handle,Owner\nfoo,bar\n').issues[0]).toEqual({
			severity: 'error',
			message: expect.stringContaining('No “Platform” column found (the header row reads: Handle, Owner)'),
			code: 'inventory.noPlatformColumn',
			params: { headers: 'Handle, Owner' }
		});
		expect(plan('Platform,Owner\nX,bar\n').issues[0].message).toMatch(/No “Handle” or “Display name” column/);
		expect(plan('').issues[0].message).toMatch(/The file is empty/);
	});

	it('reads the Chinese header names as well as the English ones', () => {
		const result = plan('平台,用户名,负责人,细分人群,地区,语言,备注\nX,contosoerp,李娜,买家; 终端用户,CN,zh,审计 2026\n微博,contoso_cn,王伟,,,,\n');
		expect(result.recognised).toEqual(['平台', '用户名', '负责人', '细分人群', '地区', '语言', '备注']);
		expect(result.issues).toEqual([]);
		expect(result.changes[0]).toMatchObject({
			kind: 'update',
			accountId: 'x:contosoerp',
			match: 'handle',
			edit: { owner: '李娜', segments: ['买家', '终端用户'], regions: ['CN'], languages: ['zh'], notes: '审计 2026' }
		});
		expect(result.changes[1]).toMatchObject({ kind: 'add', input: { platform: 'weibo', handle: 'contoso_cn', owner: '王伟' } });
	});

	it('round-trips its own export: nothing changes', () => {
		const csv = inventoryToCsv(inventory);
		const result = plan(csv);
		expect(result.issues).toEqual([]);
		expect(result.changes).toEqual([
			{ kind: 'unchanged', line: 2, accountId: 'x:contosoerp' },
			{ kind: 'unchanged', line: 3, accountId: 'facebook:contoso retail' }
		]);
	});
});

describe('inventoryToCsv', () => {
	it('writes declared fields and computed facts, with formula starts neutralised', () => {
		const today = dayFromISO('2026-11-26')!;
		const facts: Record<string, AccountFacts> = {
			'x:contosoerp': {
				accountId: 'x:contosoerp',
				today,
				audience: { value: 1500, day: today, derived: false, source: 'followers', how: '' },
				engagement: null,
				postsPerWeek: 2.345,
				postsPerWeekSource: 'posts',
				lastPostDay: dayFromISO('2026-11-20'),
				daysSinceLastPost: 6,
				monthsSinceLastPost: 0,
				hasPostData: true,
				postDataUntil: today,
				weeklyEngagement: [],
				weeklyEngagementSource: null
			}
		};
		const csv = inventoryToCsv([{ ...erp, owner: '@ops', admins: ['a', 'b'] }], {
			facts,
			shares: { 'x:contosoerp': 0.12345 },
			flags: { 'x:contosoerp': [{ code: 'no-post-data', severity: 'info', message: '' }] }
		});
		const [header, row] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(header).toBe(
			'Platform,Handle,Display name,URL,Owner,Admins,Segments,Product lines,Regions,Languages,Purpose,Notes,Account ID,Added,' +
				'Audience size,Share of portfolio audience (%),"Engagement rate, 90 days (%)",Engagement trend,Posts per week,Last post,Months since last post,Flags'
		);
		expect(row).toBe("X / Twitter,ContosoERP,Contoso ERP,,'@ops,a; b,Buyers,,,,,,x:contosoerp,from an import,1500,12.35,,,2.35,2026-11-20,0,No post data");
	});

	it('names the file by date', () => {
		expect(inventoryFileName(dayFromISO('2026-11-26')!)).toBe('chorus-account-inventory-2026-11-26.csv');
	});
});
