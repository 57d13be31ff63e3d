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
