import { describe, expect, it } from 'vitest';
import { tagPost, type TaggablePost, type TagRule } from '../analytics/topics';
import { isAngleTag, postAngle, prepareText, STARTER_RULES, tagPrepared, topicTags, type PostAngle } from './tagging';

const RULES: TagRule[] = [
	{ id: 'r1', label: 'story', kind: 'hashtag', pattern: '#CustomerStory' },
	{ id: 'r2', label: 'story', kind: 'keyword', pattern: 'customer story, case study' },
	{ id: 'r3', label: 'product', kind: 'keyword', pattern: 'Release', caseSensitive: true },
	{ id: 'r4', label: 'product', kind: 'keyword', pattern: 'now available, 发布' },
	{ id: 'r5', label: 'video', kind: 'postType', pattern: 'Video, IG reel' },
	{ id: 'r6', label: 'ai', kind: 'hashtag', pattern: 'ai' },
	{ id: 'r7', label: 'broken', kind: 'keyword', pattern: ' , ' }
];

const POSTS: TaggablePost[] = [
	{ text: 'Customer Story: how Fabrikam closed the books #CustomerStory' },
	{ text: 'CASE STUDY — Ｆａｂｒｉｋａｍ', type: 'Photo' },
	{ text: 'New Release notes', type: 'Video' },
	{ text: 'new release notes (lower case does not match the case-sensitive rule)' },
	{ text: 'Now available in all regions ＃ＡＩ', type: 'ig reel' },
	{ text: '新产品发布会今天开始' },
	{ text: 'Nothing to see here' },
	{ text: '#春节快乐#大家好 a Weibo post' },
	{ text: '' }
];

describe('tagging prepared texts', () => {
	it.each(POSTS.map((post, index) => [index, post] as const))('gives the same tags as tagPost for post %i', (_index, post) => {
		expect(tagPrepared(post, prepareText(post.text), RULES)).toEqual(tagPost(post, RULES));
		expect(tagPrepared(post, prepareText(post.text), RULES, ['Topic A', ' topic A ', ''])).toEqual(tagPost(post, RULES, ['Topic A', ' topic A ', '']));
		expect(tagPrepared(post, prepareText(post.text), RULES, [])).toEqual(tagPost(post, RULES, []));
	});

	it('reads Weibo’s paired hashes when asked, like tagPost does', () => {
		const post = { text: '#春节快乐#大家好 #AI#' };
		const rules: TagRule[] = [{ id: 'w', label: 'festival', kind: 'hashtag', pattern: '春节快乐' }];
		expect(tagPrepared(post, prepareText(post.text, true), rules)).toEqual(tagPost(post, rules, null, { pairedHashes: true }));
		expect(tagPrepared(post, prepareText(post.text, true), rules).tags).toEqual(['festival']);
	});

	it('tags the expected labels', () => {
		expect(tagPrepared(POSTS[0], prepareText(POSTS[0].text), RULES).tags).toEqual(['story']);
		expect(tagPrepared(POSTS[2], prepareText(POSTS[2].text), RULES).tags).toEqual(['product', 'video']);
		expect(tagPrepared(POSTS[3], prepareText(POSTS[3].text), RULES).tags).toEqual([]);
		expect(tagPrepared(POSTS[4], prepareText(POSTS[4].text), RULES).tags).toEqual(['product', 'video', 'ai']);
	});

	it('ships starter rules that the rules engine accepts', () => {
		for (const rule of STARTER_RULES) {
			expect(tagPost({ text: 'x' }, [{ ...rule, id: 's' }]).matchedRuleIds).toEqual([]);
		}
		const tagged = tagPost({ text: 'Customer story: Fabrikam #CustomerStory. Also new in Contoso ERP: e-invoicing.' }, STARTER_RULES.map((rule, index) => ({ ...rule, id: String(index) })));
		expect(tagged.tags).toEqual(['story', 'product']);
	});
});

describe('angles', () => {
	it.each<[string[], string | null, PostAngle]>([
		[['story'], null, 'story'],
		[['Product', 'ai'], null, 'product'],
		[['STORY', 'product'], null, 'both'],
		[['ai'], null, 'untagged'],
		[[], 'product', 'product'],
		[['ai'], 'both', 'both'],
		// tags win over the plan
		[['story'], 'product', 'story'],
		[[], 'tutorial', 'untagged']
	])('%j with a planned angle of %s is %s', (tags, planned, expected) => {
		expect(postAngle(tags, planned)).toBe(expected);
	});

	it('separates topics from the two angle tags', () => {
		expect(topicTags(['Story', 'ai', 'product', 'ERP'])).toEqual(['ai', 'ERP']);
		expect(isAngleTag(' Ｓｔｏｒｙ ')).toBe(true);
	});
});
