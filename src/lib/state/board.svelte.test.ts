import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/database';
import { addManualAccount, listDecisions } from '$lib/db/queries';
import { BoardState } from './board.svelte';

async function until(condition: () => boolean) {
	for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	if (!condition()) throw new Error('timed out waiting for the board');
}

const ids = ['linkedin:acme careers', 'x:acmecorp', 'youtube:acme tv'];

describe('BoardState (real IndexedDB)', () => {
	let board: BoardState;
	let stop: () => void;

	beforeEach(async () => {
		const database = db();
		await Promise.all([database.accounts.clear(), database.decisions.clear(), database.decisionHistory.clear()]);
		await addManualAccount(database, { platform: 'linkedin', displayName: 'Acme Careers' });
		await addManualAccount(database, { platform: 'x', handle: 'AcmeCorp' });
		await addManualAccount(database, { platform: 'youtube', displayName: 'Acme TV' });
		stop = $effect.root(() => {
			board = new BoardState();
			// what the page reads, so the live queries are subscribed
			$effect(() => {
				void board.columns;
				void board.summary;
				void board.recommendations;
				void board.historyByAccount;
			});
		});
		flushSync();
		await until(() => board.summary?.accounts.before === 3);
	});

	afterEach(() => stop());

	it('shows a move at once, before it is stored, and keeps it once stored', async () => {
		const stored = board.move(ids[1], 'keep', 0);
		flushSync();
		// the write has not finished: the card and the plan already follow
		expect(board.columnOf(ids[1])).toBe('keep');
		expect(board.columns.keep).toEqual([ids[1]]);
		expect(board.summary?.accounts.keep).toBe(1);
		expect(await stored).toEqual({ position: 1, of: 1 });
		await until(() => board.historyOf(ids[1]).length === 1);
		expect(board.columnOf(ids[1])).toBe('keep');
		expect((await listDecisions(db())).map(({ accountId, column }) => [accountId, column])).toEqual([[ids[1], 'keep']]);
	});

	it('asks before the page is left while a move it shows is being stored, and not after', async () => {
		const leavingAsks = () => {
			const event = new Event('beforeunload', { cancelable: true });
			window.dispatchEvent(event);
			return event.defaultPrevented;
		};
		expect(leavingAsks()).toBe(false);
		const stored = board.move(ids[2], 'retire', 0, { rationale: 'No owner' });
		flushSync();
		expect(board.columnOf(ids[2])).toBe('retire');
		expect(leavingAsks()).toBe(true);
		await stored;
		expect(leavingAsks()).toBe(false);
	});

	it('takes a move back when its write fails', async () => {
		await board.move(ids[0], 'keep', 0);
		const refused = board.move(ids[0], 'merge', 0, { mergeTargetId: ids[0], rationale: 'into itself' });
		flushSync();
		expect(board.columnOf(ids[0])).toBe('merge');
		await expect(refused).rejects.toThrow(RangeError);
		flushSync();
		expect(board.columnOf(ids[0])).toBe('keep');
		expect(board.summary?.accounts.merge).toBe(0);
	});

	it('hands the cards that a move does not change the same objects as before', async () => {
		await board.move(ids[0], 'keep', 0);
		await until(() => board.historyOf(ids[0]).length === 1);
		const decision = board.decisionById.get(ids[0]);
		const history = board.historyOf(ids[0]);
		const untouched = board.historyOf(ids[2]);
		await board.move(ids[1], 'retire', 0, { rationale: 'Dormant' });
		await until(() => board.historyOf(ids[1]).length === 1);
		expect(board.decisionById.get(ids[0])).toBe(decision);
		expect(board.historyOf(ids[0])).toBe(history);
		expect(board.historyOf(ids[2])).toBe(untouched);
		expect(board.columnOf(ids[1])).toBe('retire');
	});
});
