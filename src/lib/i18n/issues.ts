/**
 * Problems found in files, snapshots and storage, in the active language. The pure core reports
 * each one as a code with its values plus an English message; the code picks the catalogue
 * message, and the English text stands in for any code a catalogue does not (yet) have.
 *
 * A value may itself be a coded message (or a list of them, e.g. the reasons each entry of a zip
 * was skipped): it is worded in the same language before it is put into the sentence.
 */
import { flatParams, type CodedMessage } from '$lib/domain/coded-message';
import { hasMessage, t } from './i18n.svelte';

export type { CodedMessage };

export function issueText(issue: CodedMessage): string {
	const key = issue.code ? `issues:${issue.code}` : null;
	// a message with plural forms exists only as `key_one` / `key_other`
	const known = key !== null && (hasMessage(key) || hasMessage(`${key}_other`));
	return known ? t(key, flatParams(issue.params, issueText)) : issue.message;
}
