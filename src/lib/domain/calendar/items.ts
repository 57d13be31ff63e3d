/**
 * Planned items of the editorial calendar: what one is made of, what makes a draft usable, and
 * the filters the calendar offers. The stored record (`CalendarItemRecord` in schemas/db-records.ts)
 * fits `PlannedItem` as is; `angle` and `status` are plain strings there, so everything here reads
 * them through `isAngle` / `isItemStatus` instead of trusting them.
 */
import type { DayNumber } from '../days';

/** Story: how a customer solved a problem. Product: what a product does. Both: a story with the product woven in. */
export const ANGLES = ['story', 'product', 'both'] as const;
export type Angle = (typeof ANGLES)[number];

export const ITEM_STATUSES = ['idea', 'planned', 'published'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * How an export words an item's angle and status. The core names no angle or status itself: the
 * interface passes these in the active language, so a file reads like the screen it came from.
 */
export interface ItemWords {
	angle: (angle: Angle) => string;
	status: (status: ItemStatus) => string;
}

/** The angle's words, or the stored value itself when it is not an angle Chorus knows. */
export function angleWord(words: ItemWords, angle: string): string {
	return isAngle(angle) ? words.angle(angle) : angle;
}

export function statusWord(words: ItemWords, status: string): string {
	return isItemStatus(status) ? words.status(status) : status;
}

/** The audiences the consolidated team writes for; offered before anyone has typed a segment. */
export const DEFAULT_SEGMENTS = ['end users', 'buyers', 'solution partners'] as const;

export function isAngle(value: unknown): value is Angle {
	return typeof value === 'string' && (ANGLES as readonly string[]).includes(value);
}

export function isItemStatus(value: unknown): value is ItemStatus {
	return typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value);
}

export interface PlannedItem {
	id: string;
	title: string;
	angle: string;
	segments: string[];
	productLines: string[];
	accountIds: string[];
	owner: string;
	status: string;
	/** null: an idea nobody has put on a day yet. */
	day: DayNumber | null;
	notes: string;
	link: string;
	/** `${accountId}|${postId}` of the published posts this item became (see linkedPostKey). */
	linkedPostIds: string[];
	createdAt: string;
	updatedAt: string;
}

/** What a person edits in the item dialog. */
export interface ItemDraft {
	title: string;
	angle: Angle;
	segments: string[];
	productLines: string[];
	accountIds: string[];
	owner: string;
	status: ItemStatus;
	day: DayNumber | null;
	notes: string;
	link: string;
}

export type DraftField = keyof ItemDraft;

export const DRAFT_PROBLEMS = ['titleMissing', 'titleTooLong', 'angle', 'status', 'dayInvalid', 'plannedNeedsDay', 'publishedNeedsDay', 'link'] as const;
export type DraftProblemCode = (typeof DRAFT_PROBLEMS)[number];

/**
 * What keeps a field from being saved: a code the interface words in the active language, its
 * values, and the English message for errors thrown below the interface (the database layer).
 */
export interface DraftProblem {
	field: DraftField;
	code: DraftProblemCode;
	params?: Record<string, string | number>;
	message: string;
}

export function emptyDraft(day: DayNumber | null = null): ItemDraft {
	return {
		title: '',
		angle: 'story',
		segments: [],
		productLines: [],
		accountIds: [],
		owner: '',
		status: day === null ? 'idea' : 'planned',
		day,
		notes: '',
		link: ''
	};
}

export function draftOf(item: PlannedItem): ItemDraft {
	return {
		title: item.title,
		angle: isAngle(item.angle) ? item.angle : 'story',
		segments: [...item.segments],
		productLines: [...item.productLines],
		accountIds: [...item.accountIds],
		owner: item.owner,
		status: isItemStatus(item.status) ? item.status : 'idea',
		day: item.day,
		notes: item.notes,
		link: item.link
	};
}

/** Trimmed entries, each once (compared without case, first spelling kept), empties dropped. */
export function cleanList(values: readonly string[]): string[] {
	const seen = new Set<string>();
	const kept: string[] = [];
	for (const value of values) {
		const text = value.replace(/\s+/g, ' ').trim();
		const key = text.toLowerCase();
		if (!text || seen.has(key)) continue;
		seen.add(key);
		kept.push(text);
	}
	return kept;
}

/** Splits what someone typed into a list field: commas or semicolons separate entries. */
export function splitList(text: string): string[] {
	return cleanList(text.split(/[,;，；]/));
}

/** A draft as it is stored: text trimmed, lists cleaned, account ids each once. */
export function cleanDraft(draft: ItemDraft): ItemDraft {
	return {
		title: draft.title.replace(/\s+/g, ' ').trim(),
		angle: draft.angle,
		segments: cleanList(draft.segments),
		productLines: cleanList(draft.productLines),
		accountIds: [...new Set(draft.accountIds.filter((id) => id.trim() !== ''))],
		owner: draft.owner.replace(/\s+/g, ' ').trim(),
		status: draft.status,
		day: draft.day,
		notes: draft.notes.replace(/\r\n?/g, '\n').trim(),
		link: draft.link.trim()
	};
}

/** An http(s) address, or null when `text` is not one (a link must open in a browser). */
export function webLink(text: string): URL | null {
	const trimmed = text.trim();
	if (!trimmed) return null;
	try {
		const url = new URL(trimmed);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

export const TITLE_MAX = 200;

/** What keeps a draft from being saved, field by field, in words that say what to do. */
export function checkDraft(draft: ItemDraft): DraftProblem[] {
	const problems: DraftProblem[] = [];
	const title = draft.title.trim();
	if (!title) problems.push({ field: 'title', code: 'titleMissing', message: 'Give the item a title, for example the customer and the problem they solved.' });
	else if (title.length > TITLE_MAX) {
		problems.push({
			field: 'title',
			code: 'titleTooLong',
			params: { max: TITLE_MAX },
			message: `Keep the title under ${TITLE_MAX} characters; put the rest in the notes.`
		});
	}
	if (!isAngle(draft.angle)) problems.push({ field: 'angle', code: 'angle', message: 'Choose the angle: story, product, or both.' });
	if (!isItemStatus(draft.status)) problems.push({ field: 'status', code: 'status', message: 'Choose a status: idea, planned or published.' });
	if (draft.day !== null && !Number.isInteger(draft.day)) problems.push({ field: 'day', code: 'dayInvalid', message: 'The date is not a calendar date.' });
	if (draft.day === null && (draft.status === 'planned' || draft.status === 'published')) {
		problems.push({
			field: 'day',
			code: draft.status === 'planned' ? 'plannedNeedsDay' : 'publishedNeedsDay',
			message: `A ${draft.status} item needs a date. Pick one, or keep it as an idea.`
		});
	}
	if (draft.link.trim() && !webLink(draft.link)) {
		problems.push({ field: 'link', code: 'link', message: 'The link must be a web address starting with https:// (or http://).' });
	}
	return problems;
}

export interface ItemFilter {
	accountId?: string;
	segment?: string;
	productLine?: string;
	owner?: string;
	status?: ItemStatus;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function itemMatchesFilter(item: PlannedItem, filter: ItemFilter): boolean {
	if (filter.accountId && !item.accountIds.includes(filter.accountId)) return false;
	if (filter.segment && !item.segments.some((segment) => same(segment, filter.segment!))) return false;
	if (filter.productLine && !item.productLines.some((line) => same(line, filter.productLine!))) return false;
	if (filter.owner && !same(item.owner, filter.owner)) return false;
	if (filter.status && item.status !== filter.status) return false;
	return true;
}

export function isFilterActive(filter: ItemFilter): boolean {
	return Boolean(filter.accountId || filter.segment || filter.productLine || filter.owner || filter.status);
}

/** By day (undated last), then title, then id: the order of the agenda and of every export. */
export function compareItems(a: PlannedItem, b: PlannedItem): number {
	const dayA = a.day ?? Number.POSITIVE_INFINITY;
	const dayB = b.day ?? Number.POSITIVE_INFINITY;
	if (dayA !== dayB) return dayA - dayB;
	return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/** Distinct values of a list or text field across items and extra sources, sorted, first spelling kept. */
export function distinctValues(...sources: readonly (readonly string[])[]): string[] {
	return cleanList(sources.flat()).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
