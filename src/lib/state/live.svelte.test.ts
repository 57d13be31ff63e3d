import { Dexie, type EntityTable } from 'dexie';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Live } from './live.svelte';

interface Note {
	id: number;
	text: string;
}

function openNotes() {
	const database = new Dexie(`live-test-${Math.random()}`) as Dexie & { notes: EntityTable<Note, 'id'> };
	database.version(1).stores({ notes: '++id' });
	return database;
}

async function until(condition: () => boolean) {
	for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('Live', () => {
	it('emits the query result, and again after a write (real IndexedDB)', async () => {
		const database = openNotes();
		await database.notes.add({ id: 1, text: 'first' });
		const live = new Live(() => database.notes.toArray());
		let seen: Note[] | undefined;
		const stop = $effect.root(() => {
			$effect(() => {
				seen = live.current;
			});
		});
		flushSync();
		await until(() => seen?.length === 1);
		expect(seen?.map((note) => note.text)).toEqual(['first']);
		expect(live.loaded).toBe(true);

		await database.notes.add({ id: 2, text: 'second' });
		await until(() => seen?.length === 2);
		expect(seen?.map((note) => note.text)).toEqual(['first', 'second']);
		stop();
		database.close();
	});

	it('does not query while nothing reads it', async () => {
		const database = openNotes();
		let runs = 0;
		const live = new Live(() => {
			runs++;
			return database.notes.count();
		});
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(runs).toBe(0);
		// read outside any effect: no subscription is kept either
		expect(live.current).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(runs).toBe(0);
		database.close();
	});
});
