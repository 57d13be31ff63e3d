import { describe, expect, it } from 'vitest';
import { PostsShapeError, canReadInWorker, postCountOf, postDaysOf } from './post-reads';

describe('postDaysOf', () => {
	it('gives each post’s day in stored order, NaN for a post without a date', () => {
		const record = { accountId: 'x:a', posts: [{ postId: '1', day: 19000 }, { postId: '2', day: null }, { postId: '3', day: 18990 }] };
		const { accountId, days } = postDaysOf('x:a', record);
		expect(accountId).toBe('x:a');
		expect([...days]).toEqual([19000, Number.NaN, 18990]);
	});

	it('reads an account without stored posts as no days', () => {
		expect(postDaysOf('x:a', undefined).days).toHaveLength(0);
	});

	it('names what is wrong with a record a view would trip over', () => {
		expect(() => postDaysOf('x:a', { accountId: 'x:a', posts: 'many' })).toThrow(PostsShapeError);
		expect(() => postDaysOf('x:a', { accountId: 'x:a', posts: [{ day: 1 }, { day: '2024-01-01' }] })).toThrow('posts.1.day: expected a day or null');
	});

	it('counts a record’s posts, a record without a list of posts as none', () => {
		expect(postCountOf({ accountId: 'x:a', posts: [{ postId: '1' }, { postId: '2' }] })).toBe(2);
		expect(postCountOf({ accountId: 'x:a', posts: [] })).toBe(0);
		expect(postCountOf({ accountId: 'x:b', posts: 'many' })).toBe(0);
		expect(postCountOf(null)).toBe(0);
	});

	it('reads on the page where there are no workers (Node, where these tests run)', () => {
		expect(canReadInWorker()).toBe(typeof Worker !== 'undefined');
	});
});
