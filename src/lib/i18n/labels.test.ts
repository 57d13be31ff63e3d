import { describe, expect, it } from 'vitest';
import { METRICS, type MetricKey } from '$lib/domain/metrics';
import { PLATFORMS, PLATFORM_LABELS } from '$lib/domain/model';
import { importers } from '$lib/importers';
import { i18n } from './i18n.svelte';
import { formatLabel, metricDescription, metricLabel, platformLabel, segmentLabel } from './labels';
import { DEFAULT_SEGMENTS } from '$lib/domain/calendar/items';

describe('data labels', () => {
	it('give every metric and platform a name in each language, English matching the core', () => {
		i18n.set('en');
		for (const metric of Object.keys(METRICS) as MetricKey[]) {
			expect(metricLabel(metric)).toBe(METRICS[metric].label);
			expect(metricDescription(metric)).toBe(METRICS[metric].description);
		}
		for (const platform of PLATFORMS) expect(platformLabel(platform)).toBe(PLATFORM_LABELS[platform]);
		for (const importer of importers) expect(formatLabel(importer.id, 'stored')).toBe(importer.label);
		expect(formatLabel('mapped:my-preset', 'My preset')).toBe('My preset');
		for (const segment of DEFAULT_SEGMENTS) expect(segmentLabel(segment)).toBe(segment);
		expect(segmentLabel('Buyers')).toBe('Buyers');
		expect(segmentLabel('Resellers in Asia')).toBe('Resellers in Asia');

		i18n.set('zh-CN');
		expect(metricLabel('followers')).toBe('粉丝数');
		expect(platformLabel('wechat')).toBe('微信');
		for (const segment of DEFAULT_SEGMENTS) expect(segmentLabel(segment)).toMatch(/[\u4e00-\u9fff]/);
		expect(segmentLabel('Buyers')).toBe('采购决策者');
		expect(segmentLabel('Resellers in Asia')).toBe('Resellers in Asia');
		for (const importer of importers) expect(formatLabel(importer.id, 'stored')).toMatch(/[\u4e00-\u9fff]/);
		for (const metric of Object.keys(METRICS) as MetricKey[]) expect(metricLabel(metric)).not.toBe(`data:metric.${metric}.label`);
		i18n.set('en');
	});
});
