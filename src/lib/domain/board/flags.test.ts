import { describe, expect, it } from 'vitest';
import type { AccountFacts } from './facts';
import {
	declaredOverlap,
	findDeclaredOverlaps,
	findDuplicateContent,
	hasOwner,
	normalizePostText,
	portfolioFlags,
	type AccountFlag
} from './flags';
import { day, makeAccount, makeInput, makePost, seededRandom } from './test-fixtures';
import type { BoardPost } from './types';

const today = day('2026-11-26');

function facts(accountId: string, overrides: Partial<AccountFacts> = {}): AccountFacts {
	return {
		accountId,
		today,
		audience: { value: 50_000, day: today, derived: false, source: 'followers', how: '' },
		engagement: null,
		postsPerWeek: 2,
		postsPerWeekSource: 'posts',
		lastPostDay: today - 3,
		daysSinceLastPost: 3,
		monthsSinceLastPost: 0,
		hasPostData: true,
		postDataUntil: today - 3,
		weeklyEngagement: [],
		weeklyEngagementSource: null,
		...overrides
	};
}

function flagsOf(flags: AccountFlag[], code: AccountFlag['code']) {
	return flags.filter((flag) => flag.code === code);
}

describe('dormant', () => {
	const inputs = [makeInput({ id: 'x:a' })];
	it.each([
		{ days: 89, expected: null },
		{ days: 90, expected: { severity: 'warning', message: 'Dormant: no post for 90 days (last on 2026-08-28).' } },
		{ days: 449, expected: { severity: 'critical', message: 'Dormant: no post for 14 months (last on 2025-09-03).' } }
	])('after $days days without a post', ({ days, expected }) => {
		const lastPostDay = today - days;
		const report = portfolioFlags(inputs, {
			'x:a': facts('x:a', { lastPostDay, daysSinceLastPost: days, monthsSinceLastPost: days === 449 ? 14 : 2 })
		});
		const dormant = flagsOf(report.byAccount['x:a'], 'dormant');
		if (expected === null) expect(dormant).toEqual([]);
		else expect(dormant).toEqual([expect.objectContaining({ ...expected, lastPostDay, daysSinceLastPost: days })]);
	});
	it('says "no post data" instead of dormant when nothing about posting was imported', () => {
		const report = portfolioFlags(inputs, {
			'x:a': facts('x:a', { hasPostData: false, lastPostDay: null, daysSinceLastPost: null, postDataUntil: null })
		});
		expect(report.byAccount['x:a'].map((flag) => flag.code)).toEqual(['no-post-data']);
	});
	it('is dormant when the post data holds no post at all', () => {
		const report = portfolioFlags(inputs, {
			'x:a': facts('x:a', { lastPostDay: null, daysSinceLastPost: null, monthsSinceLastPost: null, postDataUntil: today - 10 })
		});
		expect(flagsOf(report.byAccount['x:a'], 'dormant')[0]).toMatchObject({
			lastPostDay: null,
			postDataUntil: today - 10,
			message: 'No post in the imported data (the data reaches 2026-11-16).'
		});
	});
});

describe('no owner', () => {
	it.each([
		['', false],
		['  ', false],
		['TBD', false],
		['n/a', false],
		['Dana Lee', true]
	])('owner %j → has owner: %s', (owner, expected) => {
		expect(hasOwner({ owner })).toBe(expected);
	});
	it('mentions the admins when there are some', () => {
		const report = portfolioFlags(
			[makeInput({ id: 'x:a', owner: '', admins: ['kim@contoso.example'] }), makeInput({ id: 'x:b', owner: 'unknown' })],
			{ 'x:a': facts('x:a'), 'x:b': facts('x:b') }
		);
		expect(flagsOf(report.byAccount['x:a'], 'no-owner')[0]).toMatchObject({
			severity: 'warning',
			hasAdmins: true,
			admins: ['kim@contoso.example'],
			message: 'No owner on record (admins: kim@contoso.example).'
		});
		expect(flagsOf(report.byAccount['x:b'], 'no-owner')[0].message).toBe(
			'No owner and no admins on record: nobody is known to hold the login.'
		);
	});
});

describe('tiny audience', () => {
	const withAudience = (id: string, value: number) =>
		facts(id, { audience: { value, day: today, derived: false, source: 'followers', how: '' } });
	it('needs fewer than 1,000 followers and less than 2% of the portfolio', () => {
		const inputs = [makeInput({ id: 'x:small' }), makeInput({ id: 'x:mid' }), makeInput({ id: 'x:big' })];
		const report = portfolioFlags(inputs, {
			'x:small': withAudience('x:small', 900),
			'x:mid': withAudience('x:mid', 1500),
			'x:big': withAudience('x:big', 97_600)
		});
		expect(flagsOf(report.byAccount['x:small'], 'tiny-audience')).toEqual([
			expect.objectContaining({ audience: 900, portfolioShare: 0.009, message: "Tiny audience: 900 followers, 1% of the portfolio's audience." })
		]);
		expect(flagsOf(report.byAccount['x:mid'], 'tiny-audience')).toEqual([]);
	});
	it('is not tiny when it is a large part of a small portfolio', () => {
		const report = portfolioFlags([makeInput({ id: 'x:a' }), makeInput({ id: 'x:b' })], {
			'x:a': withAudience('x:a', 900),
			'x:b': withAudience('x:b', 900)
		});
		expect(flagsOf(report.byAccount['x:a'], 'tiny-audience')).toEqual([]);
	});
	it('follows configured thresholds', () => {
		const report = portfolioFlags(
			[makeInput({ id: 'x:a' }), makeInput({ id: 'x:b' })],
			{ 'x:a': withAudience('x:a', 4000), 'x:b': withAudience('x:b', 396_000) },
			{ tinyAudience: 5000 }
		);
		expect(flagsOf(report.byAccount['x:a'], 'tiny-audience')).toHaveLength(1);
	});
	it('flags an unknown audience separately', () => {
		const report = portfolioFlags([makeInput({ id: 'x:a' })], { 'x:a': facts('x:a', { audience: null }) });
		expect(report.byAccount['x:a'].map((flag) => flag.code)).toEqual(['no-audience-data']);
	});
});

describe('duplicate content', () => {
	const launch = 'Our new ERP release is out: faster month-end closing for every finance team.';
	const webinar = 'Join the webinar on Thursday to see the new planning board in action, live.';

	it('normalises case, links and whitespace', () => {
		expect(normalizePostText('  Big NEWS:\n\tsee https://t.co/AbC and www.contoso.example/x  today ')).toBe('big news: see and today');
	});
	it('pairs accounts that published the same text, counting each text once per pair', () => {
		const report = findDuplicateContent([
			{ accountId: 'a', posts: [makePost(1, {}, launch), makePost(2, {}, `${webinar} https://lnkd.in/abc`), makePost(3, {}, launch)] },
			{ accountId: 'b', posts: [makePost(4, {}, launch.toUpperCase()), makePost(5, {}, webinar.replace(/ /g, '  '))] },
			{ accountId: 'c', posts: [makePost(6, {}, `${launch} https://t.co/x`), makePost(7, {}, 'Happy holidays from all of us!')] },
			{ accountId: 'd', posts: [makePost(8, {}, 'Happy holidays from all of us!')] }
		]);
		expect(report.map(({ a, b, sharedTexts }) => ({ a, b, sharedTexts }))).toEqual([
			{ a: 'a', b: 'b', sharedTexts: 2 },
			{ a: 'a', b: 'c', sharedTexts: 1 },
			{ a: 'b', b: 'c', sharedTexts: 1 }
		]);
		expect(report[1].examples).toEqual([
			expect.objectContaining({ text: launch, dayA: 1, dayB: 6 })
		]);
	});
	it('flags both accounts and names the partner', () => {
		const inputs = [
			makeInput({ id: 'linkedin:contosoerp' }, { posts: [makePost(1, {}, launch)] }),
			makeInput({ id: 'x:contoso_old' }, { posts: [makePost(2, {}, launch)] })
		];
		const report = portfolioFlags(inputs, { 'linkedin:contosoerp': facts('linkedin:contosoerp'), 'x:contoso_old': facts('x:contoso_old') });
		const flag = flagsOf(report.byAccount['x:contoso_old'], 'duplicate-content')[0];
		expect(flag.message).toBe('Publishes the same text as @contosoerp (1 post).');
		expect(flag).toMatchObject({ partners: [{ accountId: 'linkedin:contosoerp', sharedTexts: 1 }] });
	});
	it('handles 300,000 posts with a hash map', () => {
		const random = seededRandom(3);
		const shared = Array.from({ length: 2000 }, (_, index) => `Shared announcement number ${index} about the quarterly product roadmap.`);
		const sharedBy: Set<number>[] = [];
		const accounts = Array.from({ length: 40 }, (_, account) => {
			const posts: BoardPost[] = [];
			sharedBy.push(new Set());
			for (let index = 0; index < 7500; index++) {
				const pick = Math.floor(random() * shared.length);
				if (index < 50) sharedBy[account].add(pick);
				const text =
					index < 50
						? `${shared[pick]} https://t.co/${account}x${index}`
						: `Account ${account} post ${index}: a unique update about topic ${Math.floor(random() * 1e9)} for our followers.`;
				posts.push({ postId: `${account}-${index}`, day: index, text, metrics: {} });
			}
			return { accountId: `acct${account}`, posts };
		});
		const pairs = findDuplicateContent(accounts);
		expect(accounts.reduce((sum, account) => sum + account.posts.length, 0)).toBe(300_000);
		// the expected pairs, counted the slow way on the shared texts only
		const expected = new Map<string, number>();
		for (let a = 0; a < 40; a++) {
			for (let b = a + 1; b < 40; b++) {
				const common = [...sharedBy[a]].filter((pick) => sharedBy[b].has(pick)).length;
				if (common > 0) expected.set(`acct${a}|acct${b}`, common);
			}
		}
		expect(expected.size).toBeGreaterThan(100);
		expect(new Map(pairs.map((pair) => [`${pair.a}|${pair.b}`, pair.sharedTexts]))).toEqual(expected);
	});
});

describe('overlapping declared audience or purpose', () => {
	const erp = makeAccount({ id: 'linkedin:contosoerp', segments: ['SMB', 'ERP buyers'], regions: ['DE'] });
	const erpDe = makeAccount({ id: 'linkedin:contosoerp_de', segments: ['smb'], regions: ['Germany'] });
	const youtube = makeAccount({ id: 'youtube:contoso', segments: ['SMB', 'ERP buyers'], regions: ['de'] });
	const students = makeAccount({ id: 'x:contoso_campus', segments: ['Students'], regions: ['US'] });

	it('computes Jaccard similarity over segments, product lines, regions and languages', () => {
		// {smb, erp buyers, DE} vs {smb, DE}: 2 shared of 3
		expect(declaredOverlap(erp, erpDe)).toMatchObject({ similarity: 2 / 3, sharedTags: ['SMB', 'DE'], samePlatform: true });
		expect(declaredOverlap(erp, students).similarity).toBe(0);
		expect(declaredOverlap(erp, makeAccount({ id: 'x:empty' })).similarity).toBeNull();
	});
	it('compares purpose statements word by word', () => {
		const a = makeAccount({ id: 'x:a', purpose: 'Product news for ERP customers in manufacturing' });
		const b = makeAccount({ id: 'x:b', purpose: 'ERP product news for manufacturing customers' });
		expect(declaredOverlap(a, b)).toMatchObject({ purposeSimilarity: 1, similarity: null });
	});
	it('lists partners, same platform first, and flags them', () => {
		const overlaps = findDeclaredOverlaps([erp, erpDe, youtube, students]);
		expect(overlaps['linkedin:contosoerp'].map((partner) => partner.accountId)).toEqual(['linkedin:contosoerp_de', 'youtube:contoso']);
		expect(overlaps['x:contoso_campus']).toEqual([]);
		const report = portfolioFlags(
			[erp, erpDe, youtube, students].map((account) => ({ account, series: [], posts: [], breakdowns: [] })),
			{}
		);
		expect(flagsOf(report.byAccount['linkedin:contosoerp_de'], 'overlap')[0]).toMatchObject({
			severity: 'warning',
			message: 'Declares the same audience as @contosoerp (smb and Germany), also on LinkedIn; overlaps 1 more.'
		});
	});
});
