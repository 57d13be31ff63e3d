/**
 * Names of things the data model defines (metrics, platforms) in the active language. The core
 * keeps its English names for logs, files and tests; whatever reaches the screen goes through here.
 */
import type { MetricKey } from '$lib/domain/metrics';
import type { Platform } from '$lib/domain/model';
import { t } from './i18n.svelte';

export function metricLabel(metric: MetricKey): string {
	return t(`data:metric.${metric}.label`);
}

/** The plain-words definition shown as a metric's tooltip. */
export function metricDescription(metric: MetricKey): string {
	return t(`data:metric.${metric}.description`);
}

export function platformLabel(platform: Platform | string): string {
	return t(`data:platform.${platform}`, { defaultValue: platform });
}

/**
 * An export format's name (the importer id stored with each import). Formats saved by a mapping
 * preset, or by an older version, keep the label they were stored with.
 */
export function formatLabel(format: string, storedLabel: string): string {
	return t(`data:format.${format}`, { defaultValue: storedLabel });
}

/** The audience segments Chorus suggests, by the name they are stored under (domain/calendar/items.ts). */
const STANDARD_SEGMENTS: Record<string, string> = {
	'end users': 'data:segment.endUsers',
	buyers: 'data:segment.buyers',
	'solution partners': 'data:segment.solutionPartners'
};

/**
 * An audience segment as shown. The standard segments are stored in English (so that accounts,
 * plans and snapshots agree whatever language each person uses) and shown in the active
 * language; segments people typed themselves show as typed.
 */
export function segmentLabel(segment: string): string {
	const standard = segment.trim().toLowerCase();
	const key = STANDARD_SEGMENTS[standard];
	if (!key) return segment;
	const translated = t(key);
	// in a language where the name is the same (English), keep the way it was typed ("Buyers")
	return translated.toLowerCase() === standard ? segment : translated;
}
