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
import { issueText } from '$lib/i18n/issues';
import { t } from '$lib/i18n/i18n.svelte';
import { formatCount } from './format';
import { activity } from './activity.svelte';

/** Words are made when read, so a status or an error on screen follows a language switch. */
type Text = () => string;

/** A failure whose reason is already worded for the person (in the active language). */
class SampleFailure extends Error {
	constructor(readonly reason: Text) {
		super(reason());
	}
}

class SampleLoader {
	running = $state(false);
	#status = $state.raw<Text | null>(null);
	#error = $state.raw<Text | null>(null);

	get status(): string {
		return this.#status?.() ?? '';
	}

	get error(): string | null {
		return this.#error?.() ?? null;
	}

	async load(): Promise<boolean> {
		this.running = true;
		this.#error = null;
		activity.start('sample', 'common:activity.sample');
		try {
			this.#status = () => t('home:sample.writing');
			// lazy: the generator (and the spreadsheet writer it uses) is not part of the first page
			const sample = await import('$lib/sample');
			const files = await sample.generateWorkspaceFiles({ ...sample.SAMPLE_PRESET, endDay: todayDay() - 1 });
			this.#status = () => t('home:sample.reading', { count: files.length, formatted: formatCount(files.length) });
			const outcomes = await parseInWorker(
				files.map((file) => new File([file.bytes as BlobPart], file.name)),
				{
					onProgress: (progress) =>
						(this.#status = () =>
							t('home:sample.readingFile', {
								file: progress.file,
								index: formatCount(progress.fileIndex + 1),
								total: formatCount(progress.fileCount)
							}))
				}
			);
			const items: ImportItem[] = [];
			const problems: Text[] = [];
			for (const outcome of outcomes) {
				if (outcome.outcome !== 'parsed') {
					problems.push(() => `${outcome.name}: ${issueText(outcome)}`);
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
			if (problems.length > 0)
				throw new SampleFailure(() =>
					t('home:sample.unrecognised', { files: problems.map((problem) => problem()).join(t('common:listSeparator')) })
				);
			this.#status = () => t('home:sample.saving');
			const result = await commitImport(db(), items);
			if (!result.ok) {
				const failure = result.error;
				throw new SampleFailure(() => issueText(failure));
			}
			this.#status = () => t('home:sample.profiles');
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
			this.#status = () => t('home:sample.done');
			return true;
		} catch (error) {
			const reason: Text =
				error instanceof SampleFailure ? error.reason : () => (error instanceof Error ? error.message : String(error));
			this.#error = () => t('home:sample.failed', { reason: reason() });
			return false;
		} finally {
			this.running = false;
			activity.end('sample');
		}
	}
}

export const sampleLoader = new SampleLoader();
