/**
 * "Try with sample data": generates the bundled sample export files (real formats, a fictitious
 * company) and imports them through the same pipeline and the same commit as a person's own files,
 * then fills in the inventory fields the exports cannot carry (owners, segments).
 */
import { db } from '$lib/db/database';
import { commitImport } from '$lib/db/commit';
import type { ImportItem } from '$lib/db/prepare';
import { updateAccount } from '$lib/db/queries';
import { accountIdOf } from '$lib/domain/model';
import { todayDay } from '$lib/domain/days';
import { parseInWorker } from '$lib/workers/parse-client';
import { activity } from './activity.svelte';

class SampleLoader {
	running = $state(false);
	status = $state('');
	error = $state<string | null>(null);

	async load(): Promise<boolean> {
		this.running = true;
		this.error = null;
		activity.start('sample', 'common:activity.sample');
		try {
			this.status = 'Writing the sample export files…';
			// lazy: the generator (and the spreadsheet writer it uses) is not part of the first page
			const sample = await import('$lib/sample');
			const files = await sample.generateWorkspaceFiles({ ...sample.SAMPLE_PRESET, endDay: todayDay() - 1 });
			this.status = `Reading ${files.length} sample export files…`;
			const outcomes = await parseInWorker(
				files.map((file) => new File([file.bytes as BlobPart], file.name)),
				{ onProgress: (progress) => (this.status = `Reading ${progress.file} (${progress.fileIndex + 1} of ${progress.fileCount})…`) }
			);
			const items: ImportItem[] = [];
			const problems: string[] = [];
			for (const outcome of outcomes) {
				if (outcome.outcome !== 'parsed') {
					problems.push(`${outcome.name}: ${outcome.message}`);
					continue;
				}
				for (const parsed of outcome.parsed) {
					// files that cannot name their account get it as a person would choose it in the preview
					const account = parsed.account ? null : sample.sampleAccountOfFile(parsed.fileName);
					items.push({
						parsed,
						fileName: parsed.fileName,
						size: parsed.size ?? outcome.size,
						sha256: parsed.sha256 ?? outcome.sha256,
						...(account ? { accountOverride: account } : {})
					});
				}
			}
			if (problems.length > 0) throw new Error(`some sample files were not recognised: ${problems.join('; ')}`);
			this.status = 'Saving…';
			const result = await commitImport(db(), items);
			if (!result.ok) throw new Error(result.error.message);
			this.status = 'Filling in owners and audience segments…';
			const database = db();
			// one transaction for all 40 edits: one change for the live views instead of forty
			await database.transaction('rw', database.accounts, database.meta, async () => {
				for (const profile of sample.sampleAccountProfiles(sample.SAMPLE_PRESET)) {
					const id = accountIdOf(profile.account);
					if (!id) continue;
					const { account: _account, ...fields } = profile;
					await updateAccount(database, id, fields);
				}
			});
			this.status = 'Done';
			return true;
		} catch (error) {
			this.error = `The sample data could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
			return false;
		} finally {
			this.running = false;
			activity.end('sample');
		}
	}
}

export const sampleLoader = new SampleLoader();
