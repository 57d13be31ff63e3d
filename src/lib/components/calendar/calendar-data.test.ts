import { afterEach, describe, expect, it } from 'vitest';
import { buildPostIndex, type MatchablePost } from '$lib/domain/calendar/match';
import { dayFromISO } from '$lib/domain/days';
import { addManualAccount } from '$lib/db/queries';
import { setPostTags } from '$lib/db/tags';
import { dispose, freshDatabase } from '$lib/db/test-support';
import type { ChorusDatabase } from '$lib/db/database';
import {
	accountIdsInColumn,
	changedTagKeys,
	itemsByDayIn,
	plannedItemByPost,
	postsByDayIn,
	postsTakenByOthers,
	readAllManualTags,
	ruleMatchCounts,
	spokenDay
} from './calendar-data';

const D = dayFromISO('2021-11-22')!;

describe('calendar lookups', () => {
	it('names a day in full', () => {
		expect(spokenDay(D + 1)).toBe('Tuesday, November 23, 2021');
	});

	it('groups the items of a range by day and leaves out the rest', () => {
		const items = [{ id: 'a', day: D }, { id: 'b', day: D + 7 }, { id: 'c', day: null }, { id: 'd', day: D }];
		expect([...itemsByDayIn(items, { from: D, to: D + 6 })]).toEqual([[D, [items[0], items[3]]]]);
	});

	it('lists the posts of each day that pass the filter', () => {
		const post = (id: string, day: number, accountId = 'x:a'): MatchablePost => ({ postId: id, accountId, day, publishedAt: null, text: '', metrics: {} });
		const index = buildPostIndex([post('1', D), post('2', D, 'x:b'), post('3', D + 1, 'x:b'), post('4', D + 9)]);
		const byDay = postsByDayIn(index, { from: D, to: D + 6 }, (one) => one.accountId === 'x:a');
		expect([...byDay.keys()]).toEqual([D]);
		expect(byDay.get(D)!.map((one) => one.postId)).toEqual(['1']);
	});

	it('finds the Keep accounts, the posts other items took, the item behind each post and rule match counts', () => {
		expect([...accountIdsInColumn([{ accountId: 'a', column: 'keep' }, { accountId: 'b', column: 'retire' }], 'keep')]).toEqual(['a']);
		expect([...postsTakenByOthers(new Map([['k1', 'one'], ['k2', 'two']]), 'one')]).toEqual(['k2']);
		const first = { id: 'one', linkedPostIds: ['k1'] };
		expect(plannedItemByPost([first, { id: 'two', linkedPostIds: ['k1', 'k2'] }]).get('k1')).toBe(first);
		expect([...ruleMatchCounts([{ tagging: { matchedRuleIds: ['r1', 'r2'] } }, { tagging: { matchedRuleIds: ['r1'] } }])]).toEqual([
			['r1', 2],
			['r2', 1]
		]);
	});

	it('tells which posts had their hand tags added, changed or removed', () => {
		const before = new Map([['a', ['story']], ['b', ['product']], ['c', []]]);
		const after = new Map([['a', ['story']], ['b', ['story']], ['d', ['ai']]]);
		expect([...changedTagKeys(before, after)].sort()).toEqual(['b', 'c', 'd']);
	});
});

describe('manual tags of the whole workspace', () => {
	let database: ChorusDatabase;
	afterEach(async () => {
		await dispose(database);
	});

	it('reads every account’s hand tags under account and post id', async () => {
		database = freshDatabase();
		await addManualAccount(database, { platform: 'x', handle: 'ContosoERP' });
		await addManualAccount(database, { platform: 'linkedin', handle: 'contoso' });
		await setPostTags(database, 'x:contosoerp', '1', ['story']);
		await setPostTags(database, 'linkedin:contoso', '9', []);
		expect([...(await readAllManualTags(database))].sort()).toEqual([
			['linkedin:contoso|9', []],
			['x:contosoerp|1', ['story']]
		]);
	});
});
