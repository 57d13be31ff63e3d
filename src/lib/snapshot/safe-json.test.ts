import { describe, expect, it } from 'vitest';
import { findUnsafeJson, MAX_NESTING } from './safe-json';

describe('findUnsafeJson', () => {
	it.each([
		['__proto__ at the top', '{"__proto__":{"polluted":true}}', '__proto__', '__proto__'],
		['__proto__ deep in a table', '{"content":{"accounts":[{"id":"a"},{"id":"b","__proto__":{}}]}}', '__proto__', 'content.accounts[1].__proto__'],
		['constructor in a record', '{"meta":[{"key":"k","value":{"constructor":{"prototype":{}}}}]}', 'constructor', 'meta[0].value.constructor'],
		['prototype', '{"a":[[{"prototype":1}]]}', 'prototype', 'a[0][0].prototype'],
		['a key escaped as \\u005f', '{"x":{"\\u005f_proto__":1}}', '__proto__', 'x.__proto__']
	])('finds %s', (_name, json, key, path) => {
		expect(findUnsafeJson(JSON.parse(json))).toEqual({ problem: 'key', key, path });
	});

	it('accepts the words as values, and clean data', () => {
		expect(findUnsafeJson(JSON.parse('{"text":"constructor","tags":["__proto__","prototype"],"n":[1,2,null]}'))).toBeNull();
		expect(findUnsafeJson(null)).toBeNull();
	});

	it('stops at nesting deeper than any snapshot, without walking (or overflowing on) the rest', () => {
		let deep: unknown = { prototype: 1 };
		for (let i = 0; i < 200_000; i++) deep = [deep];
		expect(findUnsafeJson({ content: deep })).toEqual({ problem: 'depth', path: `content${'[0]'.repeat(MAX_NESTING - 1)}` });
		let fine: unknown = 1;
		for (let i = 0; i < MAX_NESTING - 1; i++) fine = [fine];
		expect(findUnsafeJson({ a: fine })).toBeNull();
	});
});
