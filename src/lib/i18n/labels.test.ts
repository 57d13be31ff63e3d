import { describe, expect, it } from 'vitest';
import { METRICS, type MetricKey } from '$lib/domain/metrics';
import { PLATFORMS, PLATFORM_LABELS } from '$lib/domain/model';
import { i18n } from './i18n.svelte';
import { metricDescription, metricLabel, platformLabel } from './labels';

describe('data labels', () => {
	it('give every metric and platform a name in each language, English matching the core', () => {
		i18n.set('en');
		for (const metric of Object.keys(METRICS) as MetricKey[]) {
			expect(metricLabel(metric)).toBe(METRICS[metric].label);
			expect(metricDescription(metric)).toBe(METRICS[metric].description);
		}
		for (const platform of PLATFORMS) expect(platformLabel(platform)).toBe(PLATFORM_LABELS[platform]);

		i18n.set('zh-CN');
		expect(metricLabel('followers')).toBe('粉丝数');
		expect(platformLabel('wechat')).toBe('微信');
		for (const metric of Object.keys(METRICS) as MetricKey[]) expect(metricLabel(metric)).not.toBe(`data:metric.${metric}.label`);
		i18n.set('en');
	});
});
