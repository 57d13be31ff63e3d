/**
 * The editorial calendar page's state: the stored items, accounts, board decisions, posts, tag
 * rules and manual tags (each one Dexie liveQuery), the view (month / week / agenda, anchor day,
 * filters, tab, kept in the URL), and every action a person takes on items.
 *
 * Posts can number 300,000, so nothing here walks all of them on a redraw: they are indexed by day
 * once per change of the posts table, and the calendar reads only the days it shows. Tagging every
 * post for the strategy view runs in slices between frames (`TaggingJob`), only while that view is
 * open, and keeps each post's prepared text so editing a rule only re-runs the matching.
 *
 * ## Usage
 * ```svelte
 * const calendar = setCalendar(new CalendarState());   // the page, during initialisation
 * calendar.connectUrl();
 * const calendar = getCalendar();                      // any component below it
 * await calendar.move(item.id, item.day + 1, 'keyboard');
 * ```
 */
import { createContext, onMount, untrack } from 'svelte';
import { page } from '$app/state';
import { replaceState } from '$app/navigation';
import {
	createCalendarItem,
	deleteCalendarItem,
	duplicateCalendarItem,
	linkPostsToItem,
	listCalendarItems,
	moveCalendarItem,
	restoreCalendarItem,
	unlinkPostFromItem,
	updateCalendarItem
} from '$lib/db/calendar';
import { db } from '$lib/db/database';
import { toStorageError } from '$lib/db/errors';
import { getAllPosts, listDecisions } from '$lib/db/queries';
import { listTagRules, type StoredTagRule } from '$lib/db/tags';
import type { PostTagging } from '$lib/domain/analytics/topics';
import { accountLabel } from '$lib/domain/board/format';
import { calendarToIcs, icsFileName } from '$lib/domain/calendar/ics';
import { calendarCsv } from '$lib/domain/calendar/export-csv';
import { shiftAnchor, visibleRange, type CalendarView } from '$lib/domain/calendar/grid';
import {
	checkDraft,
	cleanDraft,
	DEFAULT_SEGMENTS,
	distinctValues,
	itemMatchesFilter,
	type ItemDraft,
	type ItemFilter,
	type PlannedItem
} from '$lib/domain/calendar/items';
import {
	buildPostIndex,
	itemsByLinkedPost,
	linkedPerformance,
	linkedPostKey,
	suggestPosts,
	type LinkedPerformance,
	type PostIndex,
	type PostSuggestion
} from '$lib/domain/calendar/match';
import { prepareText, tagPrepared, type PreparedText } from '$lib/domain/calendar/tagging';
import { csvFileName } from '$lib/domain/analytics/csv';
import { isoFromDay, todayDay, type DayNumber } from '$lib/domain/days';
import type { AccountRecord, CalendarItemRecord, StoredPost } from '$lib/schemas/db-records';
import { calendarSearch, parseCalendarQuery, type CalendarTab } from '$lib/components/calendar/calendar-query';
import {
	accountIdsInColumn,
	changedTagKeys,
	indexById,
	itemsByDayIn,
	postsByDayIn,
	postsTakenByOthers,
	readAllManualTags,
	spokenDay
} from '$lib/components/calendar/calendar-data';
import { csvWords, draftProblemText, icsWords } from '$lib/components/calendar/calendar-labels';
import { t } from '$lib/i18n/i18n.svelte';
import { platformLabel } from '$lib/i18n/labels';
import { downloadFile } from './download';
import { formatCount } from './format';
import { Live } from './live.svelte';
import { workspace } from './workspace.svelte';

export interface Notice {
	kind: 'success' | 'error';
	text: string;
	/** Offered as an "Undo" button next to the notice. */
	undo?: () => Promise<void>;
}

export interface TaggedPost {
	post: StoredPost;
	tagging: PostTagging;
}

/**
 * Tags every post in slices of a few milliseconds, yielding to the browser between slices, so the
 * page stays responsive while 300,000 posts are tagged. Prepared texts survive across runs as long
 * as the post objects do (until the next import re-reads the posts).
 */
class TaggingJob {
	#prepared = new WeakMap<StoredPost, PreparedText>();
	#run = 0;
	done = $state(0);
	total = $state(0);
	running = $state(false);
	result = $state.raw<TaggedPost[] | null>(null);
	#previous: { posts: readonly StoredPost[]; rules: readonly StoredTagRule[]; manual: Map<string, string[]> } | null = null;

	/** Starts (or restarts) tagging; returns a function that stops this run. */
	start(posts: readonly StoredPost[], rules: readonly StoredTagRule[], manual: Map<string, string[]>): () => void {
		const run = ++this.#run;
		const previous = this.#previous;
		const earlier = this.result;
		this.#previous = { posts, rules, manual };
		// only manual tags changed (someone tagged a post by hand): re-tag just those posts
		if (previous && earlier && previous.posts === posts && previous.rules === rules) {
			const changed = changedTagKeys(previous.manual, manual);
			this.result = earlier.map((entry) => {
				const key = linkedPostKey(entry.post);
				return changed.has(key) ? { post: entry.post, tagging: this.#tag(entry.post, rules, manual.get(key)) } : entry;
			});
			return () => {};
		}
		const tagged = new Array<TaggedPost>(posts.length);
		this.total = posts.length;
		this.done = 0;
		this.running = true;
		let next = 0;
		const slice = () => {
			if (run !== this.#run) return;
			const until = performance.now() + 12;
			while (next < posts.length && performance.now() < until) {
				const end = Math.min(posts.length, next + 250);
				for (; next < end; next++) {
					const post = posts[next];
					tagged[next] = { post, tagging: this.#tag(post, rules, manual.get(linkedPostKey(post))) };
				}
			}
			this.done = next;
			if (next < posts.length) {
				setTimeout(slice);
				return;
			}
			this.running = false;
			this.result = tagged;
		};
		setTimeout(slice);
		return () => {
			// a finished run keeps its inputs: the next start may only need to re-tag a few posts
			if (run === this.#run && this.running) {
				this.#run++;
				this.running = false;
				this.#previous = null;
			}
		};
	}

	#tag(post: StoredPost, rules: readonly StoredTagRule[], manual: string[] | undefined): PostTagging {
		let prepared = this.#prepared.get(post);
		if (!prepared) {
			prepared = prepareText(post.text, post.platform === 'weibo');
			this.#prepared.set(post, prepared);
		}
		return tagPrepared(post, prepared, rules, manual);
	}
}

const EMPTY_INDEX = buildPostIndex<StoredPost>([]);

export { spokenDay };

export type EditorRequest =
	| { mode: 'create'; draft: Partial<ItemDraft> }
	| { mode: 'edit'; id: string; record?: CalendarItemRecord };

export class CalendarState {
	readonly today = todayDay();
	view = $state<CalendarView>('month');
	anchor = $state<DayNumber>(todayDay());
	tab = $state<CalendarTab>('plan');
	filter = $state<ItemFilter>({});
	/** Read out by the page's polite live region: moves, saves, deletions. */
	announcement = $state('');
	notice = $state.raw<Notice | null>(null);
	/** The item a move or save should put focus on, once it is drawn on `day`. */
	focusRequest = $state.raw<{ id: string; day: DayNumber | null } | null>(null);
	editor = $state.raw<EditorRequest | null>(null);
	/** The day whose published posts are listed in the posts dialog. */
	postsDay = $state<DayNumber | null>(null);

	readonly tagging = new TaggingJob();

	#items = new Live(() => listCalendarItems(db()));
	#decisions = new Live(() => listDecisions(db()));
	#posts = new Live(() => getAllPosts(db()));
	#rules = new Live(() => listTagRules(db()));
	#manualTags = new Live(() => readAllManualTags(db()));

	get items(): CalendarItemRecord[] | undefined {
		return this.#items.current;
	}

	get itemsError(): unknown {
		return this.#items.error;
	}

	get accounts(): AccountRecord[] | undefined {
		return workspace.accounts.current;
	}

	get posts(): StoredPost[] | undefined {
		return this.#posts.current;
	}

	get postsError(): unknown {
		return this.#posts.error;
	}

	get rules(): StoredTagRule[] | undefined {
		return this.#rules.current;
	}

	get manualTags(): Map<string, string[]> | undefined {
		return this.#manualTags.current;
	}

	readonly accountsById = $derived(indexById(this.accounts ?? []));

	/** Accounts marked Keep on the consolidation board: the ones to suggest as targets. */
	readonly keepAccountIds = $derived(accountIdsInColumn(this.#decisions.current ?? [], 'keep'));

	readonly postIndex: PostIndex<StoredPost> | null = $derived(this.posts ? buildPostIndex(this.posts) : null);

	/** Which item each linked post belongs to. */
	readonly linkedOwners = $derived(itemsByLinkedPost(this.items ?? []));

	readonly range = $derived(visibleRange(this.view, this.anchor));

	readonly filteredItems = $derived((this.items ?? []).filter((item) => itemMatchesFilter(item, this.filter)));

	readonly itemsByDay = $derived(itemsByDayIn(this.filteredItems, this.range));

	readonly undatedItems = $derived(this.filteredItems.filter((item) => item.day === null));

	/** Published posts of the visible days that the filters let through and no item has claimed. */
	readonly postsByDay: ReadonlyMap<DayNumber, StoredPost[]> = $derived.by(() => {
		const index = this.postIndex;
		const hidden = this.filter.status !== undefined && this.filter.status !== 'published';
		return postsByDayIn(index ?? EMPTY_INDEX, hidden ? { from: 0, to: -1 } : this.range, (post) => this.#postVisible(post));
	});

	readonly segmentOptions = $derived(
		distinctValues(
			DEFAULT_SEGMENTS,
			(this.accounts ?? []).flatMap((account) => account.segments),
			(this.items ?? []).flatMap((item) => item.segments)
		)
	);

	readonly productOptions = $derived(
		distinctValues(
			(this.accounts ?? []).flatMap((account) => account.productLines),
			(this.items ?? []).flatMap((item) => item.productLines)
		)
	);

	readonly ownerOptions = $derived(
		distinctValues(
			(this.accounts ?? []).map((account) => account.owner),
			(this.items ?? []).map((item) => item.owner)
		)
	);

	#postVisible(post: StoredPost): boolean {
		if (this.linkedOwners.has(linkedPostKey(post))) return false;
		const { accountId, segment, productLine, owner } = this.filter;
		if (accountId && post.accountId !== accountId) return false;
		if (!segment && !productLine && !owner) return true;
		const account = this.accountsById.get(post.accountId);
		if (!account) return false;
		const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
		if (segment && !account.segments.some((value) => same(value, segment))) return false;
		if (productLine && !account.productLines.some((value) => same(value, productLine))) return false;
		if (owner && !same(account.owner, owner)) return false;
		return true;
	}

	accountName = (accountId: string): string => {
		const account = this.accountsById.get(accountId);
		return account ? accountLabel(account) : accountId;
	};

	/** "@ContosoERP (X / Twitter)": unambiguous when the same handle is on several platforms. */
	accountFullName = (accountId: string): string => {
		const account = this.accountsById.get(accountId);
		return account ? `${accountLabel(account)} (${platformLabel(account.platform)})` : accountId;
	};

	performanceOf = (item: Pick<PlannedItem, 'linkedPostIds'>): LinkedPerformance | null => {
		if (!this.postIndex || item.linkedPostIds.length === 0) return null;
		return linkedPerformance(item.linkedPostIds, this.postIndex);
	};

	suggestionsFor(item: Pick<PlannedItem, 'id' | 'title' | 'day' | 'accountIds' | 'link' | 'linkedPostIds'>): PostSuggestion<StoredPost>[] {
		if (!this.postIndex) return [];
		return suggestPosts(item, this.postIndex, { taken: postsTakenByOthers(this.linkedOwners, item.id) });
	}

	// ───────────────────────────── view ─────────────────────────────

	setView(view: CalendarView) {
		this.view = view;
	}

	/** A notice about the other tab's work would be out of place: switching clears it. */
	setTab(tab: CalendarTab) {
		this.tab = tab;
		this.notice = null;
	}

	page(steps: number) {
		this.anchor = shiftAnchor(this.view, this.anchor, steps);
	}

	goTo(day: DayNumber) {
		this.anchor = day;
	}

	/**
	 * Binds view, anchor, tab and filters to the URL query for the lifetime of the calling component
	 * (call during its initialisation): read when the page opens, written back with replaceState.
	 */
	connectUrl() {
		let ready = false;
		let applied: string | null = null;
		onMount(() => {
			// the router accepts replaceState only once it has started, which is after the first mount
			const timer = setTimeout(() => (ready = true));
			return () => clearTimeout(timer);
		});
		$effect(() => {
			const search = page.url.search;
			untrack(() => {
				if (search === applied) return;
				applied = search;
				const query = parseCalendarQuery(search);
				this.view = query.view;
				this.anchor = query.date ?? this.today;
				this.tab = query.tab;
				this.filter = query.filter;
			});
		});
		$effect(() => {
			const search = calendarSearch(
				{ view: this.view, date: this.anchor === this.today ? null : this.anchor, tab: this.tab, filter: { ...this.filter } },
				location.search
			);
			if (search === location.search) return;
			applied = search;
			// a change before the router started is written on the next change; the view is right either way
			if (ready) replaceState(`${location.pathname}${search}${location.hash}`, page.state);
		});
	}

	// ───────────────────────────── items ─────────────────────────────

	/** `draft`: what was being saved, so a refusal by the database layer can be worded from its code. */
	#fail(error: unknown, draft?: ItemDraft) {
		const { message } = toStorageError(error, 'save');
		let text = message;
		if (error instanceof RangeError) {
			const problem = draft ? checkDraft(cleanDraft(draft))[0] : undefined;
			text = problem ? draftProblemText(problem) : error.message;
		}
		this.notice = { kind: 'error', text };
	}

	#say(text: string, notice = false) {
		this.announcement = text;
		if (notice) this.notice = { kind: 'success', text };
	}

	openCreate(draft: Partial<ItemDraft> = {}) {
		this.editor = { mode: 'create', draft };
	}

	openEdit(id: string) {
		this.editor = { mode: 'edit', id };
	}

	closeEditor() {
		this.editor = null;
	}

	async save(draft: ItemDraft, id?: string): Promise<CalendarItemRecord | null> {
		try {
			const record = id ? await updateCalendarItem(db(), id, draft) : await createCalendarItem(db(), draft);
			if (!record) {
				this.notice = { kind: 'error', text: t('calendar:notice.deletedMeanwhile') };
				return null;
			}
			const title = record.title;
			const text =
				record.day === null
					? id
						? t('calendar:notice.savedIdea', { title })
						: t('calendar:notice.addedIdea', { title })
					: id
						? t('calendar:notice.savedOn', { title, day: spokenDay(record.day) })
						: t('calendar:notice.addedOn', { title, day: spokenDay(record.day) });
			this.#say(text, true);
			this.focusRequest = { id: record.id, day: record.day };
			if (record.day !== null && (record.day < this.range.from || record.day > this.range.to)) this.anchor = record.day;
			return record;
		} catch (error) {
			this.#fail(error, draft);
			return null;
		}
	}

	/** Moves an item to `day`; the view follows when the day is off screen, and focus stays on the item. */
	async move(id: string, day: DayNumber): Promise<boolean> {
		try {
			const record = await moveCalendarItem(db(), id, day);
			if (!record) return false;
			this.focusRequest = { id, day };
			if (day < this.range.from || day > this.range.to) this.anchor = day;
			this.#say(t('calendar:notice.moved', { title: record.title, day: spokenDay(day) }));
			return true;
		} catch (error) {
			this.#fail(error);
			return false;
		}
	}

	async duplicate(id: string): Promise<CalendarItemRecord | null> {
		try {
			const copy = await duplicateCalendarItem(db(), id);
			if (!copy) return null;
			const text =
				copy.day === null
					? t('calendar:notice.duplicatedIdea', { title: copy.title })
					: t('calendar:notice.duplicatedOn', { title: copy.title, day: spokenDay(copy.day) });
			this.#say(text, true);
			// the copy reaches the live list a moment later: hand it to the dialog directly
			this.editor = { mode: 'edit', id: copy.id, record: copy };
			return copy;
		} catch (error) {
			this.#fail(error);
			return null;
		}
	}

	async remove(id: string): Promise<boolean> {
		const record = this.items?.find((item) => item.id === id);
		try {
			if (!record || !(await deleteCalendarItem(db(), id))) return false;
			const text = t('calendar:notice.deleted', { title: record.title });
			this.#say(text);
			this.notice = {
				kind: 'success',
				text,
				undo: async () => {
					await restoreCalendarItem(db(), record);
					this.notice = null;
					this.focusRequest = { id: record.id, day: record.day };
					this.#say(t('calendar:notice.restored', { title: record.title }));
				}
			};
			return true;
		} catch (error) {
			this.#fail(error);
			return false;
		}
	}

	async link(id: string, postKeys: string[]): Promise<boolean> {
		try {
			const record = await linkPostsToItem(db(), id, postKeys);
			if (!record) return false;
			this.#say(t('calendar:notice.linked', { count: postKeys.length, posts: formatCount(postKeys.length), title: record.title }));
			return true;
		} catch (error) {
			this.#fail(error);
			return false;
		}
	}

	async unlink(id: string, postKey: string): Promise<boolean> {
		try {
			const record = await unlinkPostFromItem(db(), id, postKey);
			if (!record) return false;
			this.#say(t('calendar:notice.unlinked', { title: record.title }));
			return true;
		} catch (error) {
			this.#fail(error);
			return false;
		}
	}

	// ───────────────────────────── export ─────────────────────────────

	#linkedSummary = (item: PlannedItem): string | null => {
		const performance = this.performanceOf(item);
		if (!performance || performance.posts === 0) return null;
		const parts = [t('calendar:export.posts', { count: performance.posts, posts: formatCount(performance.posts) })];
		if (performance.impressions !== null) parts.push(t('calendar:export.impressions', { value: formatCount(performance.impressions) }));
		if (performance.engagements !== null) parts.push(t('calendar:export.engagements', { value: formatCount(performance.engagements) }));
		return parts.join(t('common:listSeparator'));
	};

	/** The filtered items as an .ics file; returns how many events it holds and how many ideas it left out. */
	exportIcs(): { events: number; skipped: number } {
		const { text, events, skipped } = calendarToIcs(this.filteredItems, {
			now: Date.now(),
			words: icsWords(),
			calendarName: t('calendar:export.calendarName'),
			accountName: this.accountFullName,
			linkedSummary: this.#linkedSummary
		});
		downloadFile(icsFileName(this.today), text, 'text/calendar;charset=utf-8');
		const items = t('calendar:notice.items', { count: events, items: formatCount(events) });
		this.#say(
			skipped > 0
				? t('calendar:notice.exportedIcsSkipped', { count: skipped, ideas: formatCount(skipped), events: items })
				: t('calendar:notice.exportedIcs', { count: events, items: formatCount(events) }),
			true
		);
		return { events, skipped };
	}

	exportCsv(): number {
		const text = calendarCsv(this.filteredItems, { words: csvWords(), accountName: this.accountFullName, performance: this.performanceOf });
		downloadFile(csvFileName('chorus-calendar', isoFromDay(this.today)), text, 'text/csv;charset=utf-8');
		const count = this.filteredItems.length;
		this.#say(t('calendar:notice.exportedCsv', { count, items: formatCount(count) }), true);
		return this.filteredItems.length;
	}
}

export const [getCalendar, setCalendar] = createContext<CalendarState>();
