/// <reference lib="webworker" />
/**
 * Reads of stored posts off the page's thread (see post-reads.ts for why). The page gets only the
 * answer: days as transferred arrays, or a number. Plain IndexedDB rather than Dexie: a handful of
 * gets and one cursor need no more, and Dexie would clone every record it returns.
 */
import { referencedLayerIds } from './merged-posts';
import { PostsShapeError, postCountOf, postDaysOf, type PostReadReply, type PostReadRequest } from './post-reads';

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

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/**
 * A row may name the post layers its posts are (merged-posts.ts): those layers are read in the same
 * transaction, so no undo can come between a row and its layer.
 */
async function daysOf(transaction: IDBTransaction, accountIds: readonly string[]) {
	const posts = transaction.objectStore('posts');
	const records = await Promise.all(accountIds.map((accountId) => requestResult(posts.get(accountId))));
	const layerIds = referencedLayerIds(records);
	const layerStore = transaction.objectStore('postLayers');
	const layers = await Promise.all(layerIds.map((layerId) => requestResult(layerStore.get(layerId))));
	const layerById = new Map(layerIds.map((layerId, index) => [layerId, layers[index]]));
	return accountIds.map((accountId, index) => postDaysOf(accountId, records[index], (layerId) => layerById.get(layerId)));
}

/** One record at a time, so at most one account's posts are alive in the worker at once. */
function countAll(store: IDBObjectStore): Promise<number> {
	return new Promise((resolve, reject) => {
		let count = 0;
		const request = store.openCursor();
		request.onerror = () => reject(request.error);
		request.onsuccess = () => {
			const cursor = request.result;
			if (!cursor) return resolve(count);
			count += postCountOf(cursor.value);
			cursor.continue();
		};
	});
}

scope.onmessage = async (event: MessageEvent<PostReadRequest>) => {
	const question = event.data;
	const { requestId } = question;
	try {
		const database = await openDatabase(question.databaseName);
		try {
			const transaction = database.transaction(['posts', 'postLayers'], 'readonly');
			if (question.kind === 'count') {
				// a row that names its layers holds its `count`: the layers need not be read
				const reply: PostReadReply = { requestId, ok: true, count: await countAll(transaction.objectStore('posts')) };
				scope.postMessage(reply);
			} else {
				const days = await daysOf(transaction, question.accountIds);
				const reply: PostReadReply = { requestId, ok: true, days };
				scope.postMessage(reply, days.map((entry) => entry.days.buffer as ArrayBuffer));
			}
		} finally {
			database.close();
		}
	} catch (error) {
		const reply: PostReadReply = {
			requestId,
			ok: false,
			message: error instanceof Error ? error.message : String(error),
			stored: error instanceof PostsShapeError ? { key: error.key, problem: error.problem } : undefined
		};
		scope.postMessage(reply);
	}
};
