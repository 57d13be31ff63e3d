/**
 * Problems found in files, snapshots and storage, in the active language. The pure core reports
 * each one as a code with its values plus an English message; the code picks the catalogue
 * message, and the English text stands in for any code a catalogue does not (yet) have.
 */
import { hasMessage, t } from './i18n.svelte';

export interface CodedMessage {
	message: string;
	code?: string;
	params?: Record<string, string | number>;
}

export function issueText(issue: CodedMessage): string {
	const key = issue.code ? `issues:${issue.code}` : null;
	return key && hasMessage(key) ? t(key, issue.params) : issue.message;
}
