/**
 * Live views of the stored workspace that several pages share. Each `Live` subscribes only while a
 * page reads it, and re-runs when this tab or another tab writes.
 */
import { db } from '$lib/db/database';
import {
	countStoredPosts,
	listAccounts,
	listImports,
	snapshotBookkeeping,
	workspaceOverview,
	type WorkspaceSummary
} from '$lib/db/queries';
import { canReadInWorker, countPostsInWorker } from '$lib/db/post-reads';
import { Live } from './live.svelte';

async function countPosts(): Promise<number> {
	const database = db();
	if (!canReadInWorker()) return countStoredPosts(database);
	// while in the live query's scope: reading the keys is what makes it re-run when posts change
	await database.posts.toCollection().primaryKeys();
	try {
		return await countPostsInWorker(database.name);
	} catch {
		// no worker after all (blocked, crashed): count on the page
		return countStoredPosts(database);
	}
}

class Workspace {
	// Separate live queries, so that what changes often (the bookkeeping, on every edit) does not
	// re-read what is large (every import record), and only the Workspace page counts the posts.
	readonly #overview = new Live(() => workspaceOverview(db()));
	readonly #bookkeeping = new Live(() => snapshotBookkeeping(db()));
	/**
	 * Stored posts. Counting reads every post, so only a view that shows the number should ask, and
	 * where there are workers the counting happens in one (db/post-reads.ts): for 300,000 posts it
	 * was seconds of the page's thread, in the way of whatever the person did next.
	 */
	postCount = new Live(() => countPosts());
	accounts = new Live(() => listAccounts(db()));
	imports = new Live(() => listImports(db()));

	/** The workspace at a glance, without the post count (see postCount). */
	readonly summary: { readonly current: Omit<WorkspaceSummary, 'posts'> | undefined } = this.#combined();

	#combined() {
		const overview = this.#overview;
		const bookkeeping = this.#bookkeeping;
		return {
			get current() {
				const data = overview.current;
				const counts = bookkeeping.current;
				return data && counts ? { ...data, ...counts } : undefined;
			}
		};
	}
}

export const workspace = new Workspace();
