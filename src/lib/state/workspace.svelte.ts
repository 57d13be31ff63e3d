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
import { Live } from './live.svelte';

class Workspace {
	// Separate live queries, so that what changes often (the bookkeeping, on every edit) does not
	// re-read what is large (every import record), and only the Workspace page counts the posts.
	readonly #overview = new Live(() => workspaceOverview(db()));
	readonly #bookkeeping = new Live(() => snapshotBookkeeping(db()));
	/** Stored posts: reads every post, so only a view that shows the number should ask. */
	postCount = new Live(() => countStoredPosts(db()));
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
