/**
 * Live views of the stored workspace that several pages share. Each `Live` subscribes only while a
 * page reads it, and re-runs when this tab or another tab writes.
 */
import { db } from '$lib/db/database';
import { listAccounts, listImports, workspaceSummary } from '$lib/db/queries';
import { Live } from './live.svelte';

class Workspace {
	summary = new Live(() => workspaceSummary(db()));
	accounts = new Live(() => listAccounts(db()));
	imports = new Live(() => listImports(db()));
}

export const workspace = new Workspace();
