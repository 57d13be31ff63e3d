import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { getMeta } from './meta';
import { deleteTagRule, listPostTags, listTagRules, saveTagRule, setPostTags } from './tags';
import { dispose, freshDatabase } from './test-support';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

describe('tag rules', () => {
	it('adds rules at the end of the list, edits in place and deletes, counting each change', async () => {
		const story = await saveTagRule(database, { label: ' story ', kind: 'keyword', pattern: 'behind the scenes, our team' });
		const product = await saveTagRule(database, { label: 'product', kind: 'hashtag', pattern: '#launch' });
		let rules = await listTagRules(database);
		expect(rules.map((rule) => [rule.label, rule.order])).toEqual([
			['story', 1],
			['product', 2]
		]);

		await saveTagRule(database, { id: story, label: 'story', kind: 'keyword', pattern: 'customer story' });
		rules = await listTagRules(database);
		expect(rules[0]).toMatchObject({ id: story, pattern: 'customer story', order: 1 });

		expect(await deleteTagRule(database, product)).toBe(true);
		expect(await deleteTagRule(database, product)).toBe(false);
		expect((await listTagRules(database)).map((rule) => rule.id)).toEqual([story]);
		expect(await getMeta(database, 'changesSinceSnapshot')).toBe(4);
	});

	it('refuses a stored rule of the wrong shape rather than tagging with it', async () => {
		await database.tagRules.put({ id: 'broken', label: 'x', kind: 'regex' });
		await expect(listTagRules(database)).rejects.toBeInstanceOf(StoredDataError);
	});
});

describe('manual post tags', () => {
	it('keeps an account’s tags apart from another’s, and null hands the post back to the rules', async () => {
		await setPostTags(database, 'x:acme', '1', [' story ', 'story', '', 'launch']);
		await setPostTags(database, 'x:acme', '2', []);
		await setPostTags(database, 'x:acmecorp', '1', ['product']);
		const acme = await listPostTags(database, 'x:acme');
		expect(Object.fromEntries(acme)).toEqual({ '1': ['story', 'launch'], '2': [] });

		await setPostTags(database, 'x:acme', '1', null);
		expect(Object.fromEntries(await listPostTags(database, 'x:acme'))).toEqual({ '2': [] });
		expect(Object.fromEntries(await listPostTags(database, 'x:acmecorp'))).toEqual({ '1': ['product'] });
	});
});
