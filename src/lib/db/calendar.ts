/**
 * Editorial calendar items in the `calendarItems` table: every read and write of them goes through
 * here. Drafts are checked with the calendar's own rules (domain/calendar/items.ts) before they are
 * stored, records are checked against their schema on the way out, and each write counts as one
 * workspace change in the same transaction (see meta.ts).
 *
 * Linking: a published post became one planned item, so linking a post to an item takes it off any
 * other item, and an item that gets its first post is marked published.
 */
import { checkDraft, cleanDraft, compareItems, type ItemDraft } from '../domain/calendar/items';
import type { DayNumber } from '../domain/days';
import { calendarItemRecordSchema, type CalendarItemRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { newId } from './ids';
import { countWorkspaceChange } from './meta';

function checkRecord(record: unknown): CalendarItemRecord {
	const result = calendarItemRecordSchema.safeParse(record);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const id = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
	throw new StoredDataError('calendarItems', id, `${issue.path.join('.') || 'record'}: ${issue.message}`);
}

/** A cleaned draft, or a RangeError naming what is wrong (the dialog checks first; this is the guard). */
function usableDraft(draft: ItemDraft): ItemDraft {
	const clean = cleanDraft(draft);
	const problems = checkDraft(clean);
	if (problems.length > 0) throw new RangeError(problems[0].message);
	return clean;
}

/** Every item, by day (undated ideas last), then title. */
export async function listCalendarItems(database: ChorusDatabase): Promise<CalendarItemRecord[]> {
	return (await database.calendarItems.toArray()).map(checkRecord).sort(compareItems);
}

/** Items planned for days `from`..`to` (inclusive), through the day index. */
export async function listCalendarItemsBetween(database: ChorusDatabase, from: DayNumber, to: DayNumber): Promise<CalendarItemRecord[]> {
	return (await database.calendarItems.where('day').between(from, to, true, true).toArray()).map(checkRecord).sort(compareItems);
}

export async function getCalendarItem(database: ChorusDatabase, id: string): Promise<CalendarItemRecord | undefined> {
	const record = await database.calendarItems.get(id);
	return record ? checkRecord(record) : undefined;
}

async function write(database: ChorusDatabase, record: CalendarItemRecord): Promise<CalendarItemRecord> {
	const checked = calendarItemRecordSchema.parse(record);
	await database.calendarItems.put(checked);
	await countWorkspaceChange(database);
	return checked;
}

export async function createCalendarItem(database: ChorusDatabase, draft: ItemDraft, now: Date = new Date()): Promise<CalendarItemRecord> {
	const at = now.toISOString();
	const record: CalendarItemRecord = { id: newId(), ...usableDraft(draft), linkedPostIds: [], createdAt: at, updatedAt: at };
	return database.transaction('rw', database.calendarItems, database.meta, () => write(database, record));
}

/** Applies the changed fields of a draft; null when there is no such item. */
export async function updateCalendarItem(
	database: ChorusDatabase,
	id: string,
	changes: Partial<ItemDraft>,
	now: Date = new Date()
): Promise<CalendarItemRecord | null> {
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		const stored = await getCalendarItem(database, id);
		if (!stored) return null;
		const { id: _id, linkedPostIds, createdAt, updatedAt: _updatedAt, ...current } = stored;
		const draft = usableDraft({ ...(current as ItemDraft), ...changes });
		return write(database, { id, ...draft, linkedPostIds, createdAt, updatedAt: now.toISOString() });
	});
}

/**
 * Moves an item to another day (drag and drop, Alt+arrow keys). An undated idea dropped on a day
 * stays an idea; it is dated now, that is all.
 */
export async function moveCalendarItem(database: ChorusDatabase, id: string, day: DayNumber, now: Date = new Date()): Promise<CalendarItemRecord | null> {
	if (!Number.isInteger(day)) throw new RangeError('An item moves to a whole calendar day.');
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		const stored = await getCalendarItem(database, id);
		if (!stored) return null;
		if (stored.day === day) return stored;
		return write(database, { ...stored, day, updatedAt: now.toISOString() });
	});
}

/**
 * A copy to plan the next one like it: same fields on the same day (or `day`), a new id, no linked
 * posts, and not yet published.
 */
export async function duplicateCalendarItem(
	database: ChorusDatabase,
	id: string,
	options: { day?: DayNumber | null; now?: Date } = {}
): Promise<CalendarItemRecord | null> {
	const at = (options.now ?? new Date()).toISOString();
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		const stored = await getCalendarItem(database, id);
		if (!stored) return null;
		const day = options.day === undefined ? stored.day : options.day;
		const status = stored.status === 'published' ? 'planned' : stored.status;
		return write(database, {
			...stored,
			id: newId(),
			day,
			status: day === null ? 'idea' : status,
			linkedPostIds: [],
			createdAt: at,
			updatedAt: at
		});
	});
}

export async function deleteCalendarItem(database: ChorusDatabase, id: string): Promise<boolean> {
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		if (!(await database.calendarItems.get(id))) return false;
		await database.calendarItems.delete(id);
		await countWorkspaceChange(database);
		return true;
	});
}

/** Puts a deleted item back exactly as it was (the "Undo" after a delete). */
export async function restoreCalendarItem(database: ChorusDatabase, record: CalendarItemRecord): Promise<CalendarItemRecord> {
	return database.transaction('rw', database.calendarItems, database.meta, () => write(database, record));
}

/**
 * Links published posts (`${accountId}|${postId}` keys) to an item. The posts leave any other item
 * they were linked to, and the item becomes published. Null when there is no such item.
 */
export async function linkPostsToItem(
	database: ChorusDatabase,
	id: string,
	postKeys: readonly string[],
	now: Date = new Date()
): Promise<CalendarItemRecord | null> {
	const at = now.toISOString();
	const keys = [...new Set(postKeys)];
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		const stored = await getCalendarItem(database, id);
		if (!stored) return null;
		const taken = new Set(keys);
		for (const other of (await database.calendarItems.toArray()).map(checkRecord)) {
			if (other.id === id || !other.linkedPostIds.some((key) => taken.has(key))) continue;
			await database.calendarItems.put({ ...other, linkedPostIds: other.linkedPostIds.filter((key) => !taken.has(key)), updatedAt: at });
		}
		const linkedPostIds = [...new Set([...stored.linkedPostIds, ...keys])];
		const status = keys.length > 0 && stored.day !== null ? 'published' : stored.status;
		return write(database, { ...stored, linkedPostIds, status, updatedAt: at });
	});
}

/** Takes a post off an item; the item keeps its status (it was published, whatever it links to now). */
export async function unlinkPostFromItem(
	database: ChorusDatabase,
	id: string,
	postKey: string,
	now: Date = new Date()
): Promise<CalendarItemRecord | null> {
	return database.transaction('rw', database.calendarItems, database.meta, async () => {
		const stored = await getCalendarItem(database, id);
		if (!stored) return null;
		if (!stored.linkedPostIds.includes(postKey)) return stored;
		return write(database, { ...stored, linkedPostIds: stored.linkedPostIds.filter((key) => key !== postKey), updatedAt: now.toISOString() });
	});
}
