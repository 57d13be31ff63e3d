/**
 * What a parsed file must not contain before anything else looks at it.
 *
 * Keys: assigning `__proto__` replaces an object's prototype, and `constructor` / `prototype` are
 * the other half of the usual prototype-pollution gadgets. `JSON.parse` itself is safe (it makes
 * `__proto__` an own property), but any later copy with spread, `Object.assign` or Zod's record
 * parsing would assign it for real.
 *
 * Depth: the deepest value Chorus writes sits about eight levels down. A file nested thousands of
 * levels deep is not a snapshot, and recursive code after this point (canonical JSON, schema
 * checks) would overflow the stack on it instead of answering with a message.
 *
 * The check runs as one walk over the parsed value rather than as a `JSON.parse` reviver: a
 * reviver is a function call for every value, including every number in the series arrays, while
 * the walk skips arrays of primitives in a tight loop.
 */

export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Far above any real snapshot's nesting, far below what recursion can handle. */
export const MAX_NESTING = 64;

export type UnsafeJson =
	/** `path` is where it is, e.g. `content.accounts[3].__proto__`. */
	| { problem: 'key'; key: string; path: string }
	| { problem: 'depth'; path: string };

function childPath(path: string, key: string | number): string {
	return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** The first forbidden key or too-deep value anywhere in a parsed JSON value, or null. Iterative. */
export function findUnsafeJson(value: unknown, maxNesting: number = MAX_NESTING): UnsafeJson | null {
	const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
	while (stack.length > 0) {
		const { value: current, path, depth } = stack.pop()!;
		if (current === null || typeof current !== 'object') continue;
		if (depth >= maxNesting) return { problem: 'depth', path };
		if (Array.isArray(current)) {
			for (let i = current.length - 1; i >= 0; i--) {
				const item = current[i];
				if (item !== null && typeof item === 'object') stack.push({ value: item, path: childPath(path, i), depth: depth + 1 });
			}
			continue;
		}
		const keys = Object.keys(current);
		for (const key of keys) {
			if (FORBIDDEN_KEYS.includes(key)) return { problem: 'key', key, path: childPath(path, key) };
		}
		for (let i = keys.length - 1; i >= 0; i--) {
			const item = (current as Record<string, unknown>)[keys[i]];
			if (item !== null && typeof item === 'object') stack.push({ value: item, path: childPath(path, keys[i]), depth: depth + 1 });
		}
	}
	return null;
}
