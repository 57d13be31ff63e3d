import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/database';
import { importers } from '$lib/importers/index';
import { readFiles } from '$lib/importers/pipeline';
import overview from '../../../tests/fixtures/x/account_overview_analytics.csv?raw';
import overviewCopy from '../../../tests/fixtures/x/account_overview_analytics (1).csv?raw';
import { choiceKey, ImportSession } from './import-session.svelte';

// Two X overview files (X names no account in them) and a third copy under another name: three
// cards that each wait for an account.
const FILES = [
	{ name: 'account_overview_analytics.csv', text: overview },
	{ name: 'account_overview_analytics (1).csv', text: overviewCopy },
	{ name: 'other_overview.csv', text: overviewCopy.replace(/\r?\n[^\n]*\s*$/, '\n') }
];
const keys = FILES.map((file, index) => choiceKey(index, file.name));

describe('ImportSession after an account choice (real IndexedDB)', () => {
	let session: ImportSession;
	let stop: () => void;
	/** How often each card's plan was read by an effect, as a card of the preview reads it. */
	let reads: number[];

	beforeEach(async () => {
		await db().delete();
		await db().open();
		const outcomes = await readFiles(
			FILES.map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) })),
			{ registry: importers }
		);
		expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['parsed', 'parsed', 'parsed']);
		reads = keys.map(() => 0);
		stop = $effect.root(() => {
			session = new ImportSession();
			keys.forEach((key, index) => {
				$effect(() => {
					void session.plannedFor(key);
					reads[index]++;
				});
			});
		});
		session.outcomes = outcomes;
		await session.replan();
		flushSync();
	});

	afterEach(() => stop());

	it('tells only the card whose plan changed, and keeps the other files as they were', async () => {
		expect(keys.map((key) => session.plannedFor(key)?.status)).toEqual(['needs-account', 'needs-account', 'needs-account']);
		const itemsBefore = session.items;
		const plannedBefore = keys.map((key) => session.plannedFor(key));
		const readsBefore = [...reads];

		await session.chooseAccount(keys[1], { platform: 'x', handle: 'ContosoCloud' });
		flushSync();

		expect(session.plannedFor(keys[1])?.status).toBe('ready');
		expect(reads[1]).toBeGreaterThan(readsBefore[1]);
		// the other cards' plans are the same objects, and their effects did not run again
		expect(session.plannedFor(keys[0])).toBe(plannedBefore[0]);
		expect(session.plannedFor(keys[2])).toBe(plannedBefore[2]);
		expect([reads[0], reads[2]]).toEqual([readsBefore[0], readsBefore[2]]);
		// the items handed to the planner: new only for the file whose choice changed
		expect(session.items[0]).toBe(itemsBefore[0]);
		expect(session.items[2]).toBe(itemsBefore[2]);
		expect(session.items[1]).not.toBe(itemsBefore[1]);
		expect(session.items[1].accountOverride).toEqual({ platform: 'x', handle: 'ContosoCloud' });
		expect(session.plan?.totals.needsAccount).toBe(2);
	});

	it('keeps what was typed in a chooser per file, until a new drop', () => {
		let seen = '';
		const stopDraft = $effect.root(() => {
			$effect(() => {
				seen = session.accountDraft(keys[1]).handle;
			});
		});
		expect(session.accountDraft(keys[1])).toEqual({ handle: '', alsoForOthers: false });
		session.setAccountDraft(keys[1], { handle: 'Contoso', alsoForOthers: true });
		flushSync();
		// read again as a chooser drawn again reads it, and told to what shows it
		expect(session.accountDraft(keys[1])).toEqual({ handle: 'Contoso', alsoForOthers: true });
		expect(seen).toBe('Contoso');
		expect(session.accountDraft(keys[0]).handle).toBe('');

		session.reset();
		flushSync();
		expect(session.accountDraft(keys[1])).toEqual({ handle: '', alsoForOthers: false });
		expect(seen).toBe('');
		stopDraft();
	});

	it('follows a choice taken back and a new drop', async () => {
		await session.chooseAccount(keys[0], { platform: 'x', handle: 'ContosoCloud' });
		await session.chooseAccount(keys[0], null);
		flushSync();
		expect(session.plannedFor(keys[0])?.status).toBe('needs-account');
		expect(session.items[0].accountOverride).toBeUndefined();

		session.reset();
		flushSync();
		expect(keys.map((key) => session.plannedFor(key))).toEqual([undefined, undefined, undefined]);
		expect(session.items).toEqual([]);
	});
});
