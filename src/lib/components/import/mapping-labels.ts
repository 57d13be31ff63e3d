/**
 * Words for the codes the column mapper shows (what a column looks like, how a metric adds up,
 * which date order), in the active language. One key per code; mapping-labels.test.ts proves
 * every code has its message.
 */
import type { MetricSemantics } from '$lib/domain/metrics';
import type { ColumnKind } from '$lib/importers/mapping';
import type { DateFormat } from '$lib/schemas/mapping-preset';
import { t } from '$lib/i18n/i18n.svelte';

export function columnKindLabel(kind: ColumnKind): string {
	return t(`import:mapping.kind.${kind}`);
}

export function semanticsLabel(semantics: MetricSemantics): string {
	return t(`import:mapping.semantics.${semantics}`);
}

export function dateFormatLabel(format: DateFormat): string {
	return t(`import:mapping.dateFormat.${format}`);
}
