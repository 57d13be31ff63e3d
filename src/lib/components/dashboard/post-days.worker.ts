/// <reference lib="webworker" />
/**
 * Reads the publishing days of some accounts' stored posts, off the page's thread. Posts are stored
 * one record per account (every post with its text and metrics), so knowing their days means
 * reading all of them: for the large workspace that was seconds of deserialising and garbage
 * collection on the page's thread right after the first chart, in the way of the first clicks.
 * Here it costs the page only the days, as transferred arrays. Plain IndexedDB: no Dexie needed
 * for a handful of gets.
 */
import { PostsShapeError, postDaysOf, type PostDaysReply, type PostDaysRequest } from './post-days';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// i18n-exempt: a developer's diagnostic; the page falls back to reading on its own thread and shows nothing of it
const NO_DATABASE = 'No database named';

function openDatabase(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
		// the database did not exist: nothing to read (and nothing must be created here)
		request.onupgradeneeded = () => {
			request.transaction?.abort();
			reject(new Error(`${NO_DATABASE} ${name}.`));
		};
	});
}

scope.onmessage = async (event: MessageEvent<PostDaysRequest>) => {
	const { requestId, databaseName, accountIds } = event.data;
	try {
		const database = await openDatabase(databaseName);
		try {
			const store = database.transaction('posts', 'readonly').objectStore('posts');
			const records = await Promise.all(
				accountIds.map(
					(accountId) =>
						new Promise<unknown>((resolve, reject) => {
							const request = store.get(accountId);
							request.onsuccess = () => resolve(request.result);
							request.onerror = () => reject(request.error);
						})
				)
			);
			const days = accountIds.map((accountId, index) => postDaysOf(accountId, records[index]));
			const reply: PostDaysReply = { requestId, ok: true, days };
			scope.postMessage(reply, days.map((entry) => entry.days.buffer as ArrayBuffer));
		} finally {
			database.close();
		}
	} catch (error) {
		const reply: PostDaysReply = {
			requestId,
			ok: false,
			message: error instanceof Error ? error.message : String(error),
			stored: error instanceof PostsShapeError ? { key: error.key, problem: error.problem } : undefined
		};
		scope.postMessage(reply);
	}
};
