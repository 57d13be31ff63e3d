/**
 * Counts what a database asks IndexedDB for, per table: the records written by each kind of write
 * and the keys read one by one (Dexie's `bulkGet`). For the storage tests that check how many
 * requests a step makes (IndexedDB's cost is per request: docs/performance.md). Not imported by app
 * code.
 */
import type { ChorusDatabase } from './database';

export interface RequestCounts {
	/** `table add|put|delete` → records written (or keys deleted). */
	writes: Map<string, number>;
	/** table → the keys read by key (`getMany`), in order. */
	keysRead: Map<string, unknown[]>;
	/** Every write request as `table add|put|delete`, in the order they were made. */
	writeOrder: string[];
}

/** Call before the database's first query: Dexie takes middleware when it opens. */
export function countRequests(database: ChorusDatabase): RequestCounts {
	const counts: RequestCounts = { writes: new Map(), keysRead: new Map(), writeOrder: [] };
	database.use({
		stack: 'dbcore',
		name: 'request-counter',
		create(down) {
			return {
				...down,
				table(name) {
					const table = down.table(name);
					return {
						...table,
						mutate(request) {
							const size = 'values' in request ? request.values.length : 'keys' in request ? request.keys.length : 1;
							const key = `${name} ${request.type}`;
							counts.writes.set(key, (counts.writes.get(key) ?? 0) + size);
							counts.writeOrder.push(key);
							return table.mutate(request);
						},
						getMany(request) {
							counts.keysRead.set(name, [...(counts.keysRead.get(name) ?? []), ...request.keys]);
							return table.getMany(request);
						}
					};
				}
			};
		}
	});
	return counts;
}

export function resetCounts(counts: RequestCounts): void {
	counts.writes.clear();
	counts.keysRead.clear();
	counts.writeOrder.length = 0;
}
