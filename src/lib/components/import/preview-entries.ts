/**
 * The import preview's cards as one flat list, in the order the files were dropped: one card per
 * file that could not be read or was not recognised, one per table a file yielded, one per entry
 * of a zip that was skipped, one per table of a zip no importer knew. The windowed list
 * (ImportPreview.svelte) draws only the cards near the viewport, so it needs them as a list it can
 * index rather than the outcomes' nesting.
 */
import type { ParsedFile } from '$lib/domain/model';
import type { ErrorOutcome, FileOutcome, ParsedOutcome, UnrecognisedOutcome, UnrecognisedTable } from '$lib/importers/pipeline';
import { choiceKey } from '$lib/state/import-session.svelte';

type Skipped = ParsedOutcome['skipped'][number];

export type PreviewEntry = {
	/** Unique in the drop and stable while the drop's outcomes are the same. */
	key: string;
	/** What the name filter matches: the card's file name and the dropped file's (a zip's) name, lower case. */
	search: string;
} & (
	| { kind: 'error'; outcome: ErrorOutcome }
	| { kind: 'unrecognised-file'; outcome: UnrecognisedOutcome }
	| { kind: 'parsed'; outcome: ParsedOutcome; parsed: ParsedFile; choiceKey: string }
	| { kind: 'skipped'; outcome: ParsedOutcome; skipped: Skipped }
	| { kind: 'unrecognised-table'; outcome: ParsedOutcome; unknown: UnrecognisedTable }
);

const searchText = (name: string, outcome: FileOutcome) => (name === outcome.name ? name : `${name}\n${outcome.name}`).toLowerCase();

export function previewEntries(outcomes: readonly FileOutcome[]): PreviewEntry[] {
	const entries: PreviewEntry[] = [];
	outcomes.forEach((outcome, outcomeIndex) => {
		if (outcome.outcome === 'error') entries.push({ key: `${outcomeIndex}:e`, search: searchText(outcome.name, outcome), kind: 'error', outcome });
		else if (outcome.outcome === 'unrecognised')
			entries.push({ key: `${outcomeIndex}:u`, search: searchText(outcome.name, outcome), kind: 'unrecognised-file', outcome });
		else {
			outcome.parsed.forEach((parsed, index) =>
				entries.push({
					key: `${outcomeIndex}:p${index}`,
					search: searchText(parsed.fileName, outcome),
					kind: 'parsed',
					outcome,
					parsed,
					choiceKey: choiceKey(outcomeIndex, parsed.fileName)
				})
			);
			outcome.skipped.forEach((skipped, index) =>
				entries.push({ key: `${outcomeIndex}:s${index}`, search: searchText(skipped.entry, outcome), kind: 'skipped', outcome, skipped })
			);
			outcome.unrecognised.forEach((unknown, index) =>
				entries.push({ key: `${outcomeIndex}:t${index}`, search: searchText(unknown.table.fileName, outcome), kind: 'unrecognised-table', outcome, unknown })
			);
		}
	});
	return entries;
}

/** The name a card shows as its heading. */
export function entryName(entry: PreviewEntry): string {
	switch (entry.kind) {
		case 'parsed':
			return entry.parsed.fileName;
		case 'skipped':
			return entry.skipped.entry;
		case 'unrecognised-table':
			return entry.unknown.table.fileName;
		default:
			return entry.outcome.name;
	}
}
