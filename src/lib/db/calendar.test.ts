import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft, type ItemDraft } from '../domain/calendar/items';
import {
	createCalendarItem,
	deleteCalendarItem,
	duplicateCalendarItem,
	getCalendarItem,
	linkPostsToItem,
	listCalendarItems,
	listCalendarItemsBetween,
	moveCalendarItem,
	restoreCalendarItem,
	unlinkPostFromItem,
	updateCalendarItem
} from './calendar';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { getMeta } from './meta';
import { day, dispose, freshDatabase } from './test-support';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

const MONDAY = day('2021-11-22');
const T0 = new Date('2021-11-01T10:00:00.000Z');
const T1 = new Date('2021-11-02T10:00:00.000Z');

function draft(fields: Partial<ItemDraft> = {}): ItemDraft {
	return { ...emptyDraft(MONDAY), title: 'Fabrikam closes the books', accountIds: ['x:contosoerp'], segments: ['buyers'], ...fields };
}

describe('calendar items', () => {
	it('creates a cleaned item, lists items by day with undated ideas last, and counts each change', async () => {
		const planned = await createCalendarItem(database, draft({ title: '  Fabrikam   closes the books ', segments: ['buyers', 'Buyers '] }), T0);
		expect(planned).toMatchObject({
			title: 'Fabrikam closes the books',
			segments: ['buyers'],
			status: 'planned',
			day: MONDAY,
			linkedPostIds: [],
			createdAt: T0.toISOString(),
			updatedAt: T0.toISOString()
		});
		await createCalendarItem(database, draft({ title: 'Someday', day: null, status: 'idea' }), T0);
		await createCalendarItem(database, draft({ title: 'Earlier', day: MONDAY - 3 }), T0);
		expect((await listCalendarItems(database)).map((item) => item.title)).toEqual(['Earlier', 'Fabrikam closes the books', 'Someday']);
		expect((await listCalendarItemsBetween(database, MONDAY, MONDAY + 6)).map((item) => item.title)).toEqual(['Fabrikam closes the books']);
		expect(await getMeta(database, 'changesSinceSnapshot')).toBe(3);
	});

	it('refuses a draft the calendar rules reject, and stores nothing', async () => {
		await expect(createCalendarItem(database, draft({ title: ' ' }))).rejects.toThrow(/title/);
		await expect(createCalendarItem(database, draft({ day: null, status: 'planned' }))).rejects.toThrow(/needs a date/);
		expect(await listCalendarItems(database)).toEqual([]);
		expect(await getMeta(database, 'changesSinceSnapshot')).toBe(0);
	});

	it('edits fields, keeping the id, links and creation time', async () => {
		const item = await createCalendarItem(database, draft(), T0);
		const edited = await updateCalendarItem(database, item.id, { angle: 'both', owner: ' Jana ', notes: 'Quote\r\nfrom CFO' }, T1);
		expect(edited).toMatchObject({ id: item.id, angle: 'both', owner: 'Jana', notes: 'Quote\nfrom CFO', title: item.title, createdAt: T0.toISOString(), updatedAt: T1.toISOString() });
		expect(await updateCalendarItem(database, 'missing', { title: 'x' })).toBeNull();
		await expect(updateCalendarItem(database, item.id, { link: 'not a link' })).rejects.toThrow(/web address/);
		expect((await getCalendarItem(database, item.id))?.link).toBe('');
	});

	it('moves an item to another day, and leaves a move to the same day unrecorded', async () => {
		const item = await createCalendarItem(database, draft(), T0);
		const moved = await moveCalendarItem(database, item.id, MONDAY + 7, T1);
		expect(moved).toMatchObject({ day: MONDAY + 7, updatedAt: T1.toISOString() });
		const changes = await getMeta(database, 'changesSinceSnapshot');
		await moveCalendarItem(database, item.id, MONDAY + 7);
		expect(await getMeta(database, 'changesSinceSnapshot')).toBe(changes);
		await expect(moveCalendarItem(database, item.id, 1.5)).rejects.toThrow(RangeError);
		expect(await moveCalendarItem(database, 'missing', MONDAY)).toBeNull();
	});

	it('duplicates an item as a new plan without its posts, on the same or another day', async () => {
		const item = await createCalendarItem(database, draft(), T0);
		await linkPostsToItem(database, item.id, ['x:contosoerp|1'], T0);
		const copy = await duplicateCalendarItem(database, item.id, { now: T1 });
		expect(copy).toMatchObject({ title: item.title, day: MONDAY, status: 'planned', linkedPostIds: [], createdAt: T1.toISOString() });
		expect(copy!.id).not.toBe(item.id);
		const nextWeek = await duplicateCalendarItem(database, item.id, { day: MONDAY + 7 });
		expect(nextWeek?.day).toBe(MONDAY + 7);
		const undated = await duplicateCalendarItem(database, item.id, { day: null });
		expect(undated).toMatchObject({ day: null, status: 'idea' });
		expect(await listCalendarItems(database)).toHaveLength(4);
	});

	it('deletes an item and can put it back exactly as it was', async () => {
		const item = await createCalendarItem(database, draft(), T0);
		expect(await deleteCalendarItem(database, item.id)).toBe(true);
		expect(await deleteCalendarItem(database, item.id)).toBe(false);
		expect(await listCalendarItems(database)).toEqual([]);
		await restoreCalendarItem(database, item);
		expect(await listCalendarItems(database)).toEqual([item]);
	});

	it('links posts once, moves a post away from another item, marks the item published, and unlinks', async () => {
		const first = await createCalendarItem(database, draft({ title: 'First' }), T0);
		const second = await createCalendarItem(database, draft({ title: 'Second', status: 'idea' }), T0);
		await linkPostsToItem(database, first.id, ['x:a|1', 'x:a|2', 'x:a|1'], T0);
		expect((await getCalendarItem(database, first.id))).toMatchObject({ linkedPostIds: ['x:a|1', 'x:a|2'], status: 'published' });

		const linked = await linkPostsToItem(database, second.id, ['x:a|2'], T1);
		expect(linked).toMatchObject({ linkedPostIds: ['x:a|2'], status: 'published' });
		expect((await getCalendarItem(database, first.id))?.linkedPostIds).toEqual(['x:a|1']);

		const unlinked = await unlinkPostFromItem(database, first.id, 'x:a|1', T1);
		expect(unlinked).toMatchObject({ linkedPostIds: [], status: 'published' });
		expect(await linkPostsToItem(database, 'missing', ['x:a|3'])).toBeNull();
	});

	it('reports a stored record that does not have the calendar item shape', async () => {
		await database.calendarItems.put({ id: 'broken', title: 3 } as never);
		await expect(listCalendarItems(database)).rejects.toThrow(StoredDataError);
	});
});
