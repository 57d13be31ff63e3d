import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import {
	checkTagRule,
	containsKeyword,
	extractHashtags,
	matchKeywords,
	tagPost,
	topicStats,
	type TagRule
} from './topics';
import type { AnalyticsPost } from './types';

describe('extractHashtags', () => {
	it('finds tags in any script, folds case and width, and keeps each once', () => {
		const text = 'Launch day! #Launch #launch #ProductHunt, #Café #春节快乐 #東京オリンピック2020 ＃ＡＩ #data_science.';
		expect(extractHashtags(text)).toEqual(['launch', 'producthunt', 'café', '春节快乐', '東京オリンピック2020', 'ai', 'data_science']);
	});

	it('skips numbers, URL fragments, HTML entities and hashes inside words', () => {
		expect(extractHashtags('#2024 example.com/#anchor &#39;quoted&#39; C#sharp issue#12 #1st')).toEqual(['1st']);
	});

	it('reads Weibo’s #topic# form when asked', () => {
		expect(extractHashtags('#春节快乐#大家好#双十一# and #more', { pairedHashes: true })).toEqual(['春节快乐', '双十一', 'more']);
		// without the option the same text reads as single-hash tags
		expect(extractHashtags('#春节快乐#大家好', {})).toEqual(['春节快乐']);
	});
});

describe('keywords', () => {
	it.each<[string, string, boolean, boolean]>([
		['Big LAUNCH today', 'launch', false, true],
		['Big LAUNCH today', 'launch', true, false],
		['We launched the Launchpad', 'launch', false, false], // whole words only in spaced scripts
		['Our new feature ships', 'new feature', false, true],
		['新产品发布会今天开始', '发布', false, true], // no spaces in Chinese: anywhere
		['今日はＡＩの話', 'ai', false, true], // full-width folds
		['삼성은 오늘', '삼성', false, true],
		['(launch)', 'launch', false, true],
		['relaunch', 'launch', false, false],
		['', 'launch', false, false],
		['anything', '  ', false, false]
	])('%s contains %s (case-sensitive %s): %s', (text, keyword, caseSensitive, expected) => {
		expect(containsKeyword(text, keyword, caseSensitive)).toBe(expected);
	});

	it('lists the keywords found', () => {
		expect(matchKeywords('Pricing and onboarding tips', ['onboarding', 'pricing', 'hiring'])).toEqual(['onboarding', 'pricing']);
	});
});

describe('tagging rules', () => {
	const rules: TagRule[] = [
		{ id: 'r1', label: 'story', kind: 'keyword', pattern: 'behind the scenes, our team' },
		{ id: 'r2', label: 'product', kind: 'hashtag', pattern: '#launch, release' },
		{ id: 'r3', label: 'video', kind: 'postType', pattern: 'Video, IG reel' },
		{ id: 'r4', label: 'product', kind: 'keyword', pattern: 'Pro', caseSensitive: true }
	];

	it('gives each matching rule’s label once, in rule order', () => {
		const tagging = tagPost({ text: 'Meet our team behind the new #Release', type: 'ig reel' }, rules);
		expect(tagging).toEqual({ tags: ['story', 'product', 'video'], source: 'rules', matchedRuleIds: ['r1', 'r2', 'r3'], ruleTags: ['story', 'product', 'video'] });
	});

	it('honours case sensitivity for keywords', () => {
		expect(tagPost({ text: 'Chorus Pro is here' }, rules).tags).toEqual(['product']);
		expect(tagPost({ text: 'a pro tip' }, rules).tags).toEqual([]);
	});

	it('lets manual tags override the rules, an empty list included', () => {
		const post = { text: 'Behind the scenes', type: 'Photo' };
		expect(tagPost(post, rules, ['product', ' product ', 'hiring'])).toMatchObject({ tags: ['product', 'hiring'], source: 'manual', ruleTags: ['story'] });
		expect(tagPost(post, rules, []).tags).toEqual([]);
		expect(tagPost(post, rules, null).tags).toEqual(['story']);
	});

	it('explains what is wrong with a rule instead of matching everything', () => {
		expect(checkTagRule({ id: 'x', label: 'story', kind: 'keyword', pattern: ' , ' })).toBe('missingPattern');
		expect(checkTagRule({ id: 'x', label: ' ', kind: 'keyword', pattern: 'a' })).toBe('missingLabel');
		expect(checkTagRule({ id: 'x', label: 'year', kind: 'hashtag', pattern: '#2024' })).toBe('hashtagWithoutLetter');
		expect(tagPost({ text: 'anything' }, [{ id: 'x', label: 'story', kind: 'keyword', pattern: '' }]).tags).toEqual([]);
	});

	it('separates alternatives by the commas Chinese typing gives as well (， and 、)', () => {
		const rule: TagRule = { id: 'p', label: '产品', kind: 'keyword', pattern: '新功能，上线、demo' };
		expect(tagPost({ text: '今天正式上线' }, [rule]).tags).toEqual(['产品']);
		expect(tagPost({ text: 'Watch the demo' }, [rule]).tags).toEqual(['产品']);
		expect(tagPost({ text: '新功能，上线' }, [{ ...rule, pattern: '，、' }]).tags).toEqual([]);
	});
});

describe('topicStats', () => {
	const post = (id: string, date: string | null, text: string, engagements?: number): AnalyticsPost => ({
		postId: id,
		accountId: 'x:a',
		publishedAt: null,
		day: date ? dayFromISO(date) : null,
		text,
		metrics: engagements === undefined ? {} : { engagements }
	});
	const posts = [
		post('1', '2024-01-05', '#ai #launch', 10),
		post('2', '2024-01-20', '#AI again #ai', 30),
		post('3', '2024-03-02', '#ai', 20),
		post('4', '2024-03-03', '#launch'),
		post('5', null, '#ai', 1000)
	];

	it('counts posts per topic and month, with the median per post and its sample size', () => {
		const stats = topicStats(posts, (p) => extractHashtags(p.text));
		expect(stats.months).toEqual(['2024-01', '2024-02', '2024-03']);
		expect(stats.topics).toEqual([
			{ topic: 'ai', posts: 3, byMonth: [2, 0, 1], medianPerformance: 20, n: 3 },
			{ topic: 'launch', posts: 2, byMonth: [1, 0, 1], medianPerformance: 10, n: 1 }
		]);
	});

	it('keeps to a range and copes with no posts', () => {
		const march = topicStats(posts, (p) => extractHashtags(p.text), { range: { from: dayFromISO('2024-03-01')!, to: dayFromISO('2024-03-31')! } });
		expect(march.topics.map((t) => [t.topic, t.posts])).toEqual([
			['ai', 1],
			['launch', 1]
		]);
		expect(topicStats([], () => [])).toEqual({ metric: 'engagements', months: [], monthStarts: [], topics: [] });
	});
});
