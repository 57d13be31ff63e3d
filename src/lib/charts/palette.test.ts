import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../domain/model';
import { contrastRatio, heatColor, PLATFORM_COLORS, SERIES_COLORS, seriesStyle, THEME_COLORS, withAlpha, type ChartTheme } from './palette';

const themes: ChartTheme[] = ['light', 'dark'];

describe('palette', () => {
	it.each(themes)('keeps every %s series colour at 3:1 contrast or better against the chart surface', (theme) => {
		for (const color of SERIES_COLORS[theme]) {
			expect(contrastRatio(color, THEME_COLORS[theme].surface), color).toBeGreaterThanOrEqual(3);
		}
	});

	it.each(themes)('gives every platform its own %s colour', (theme) => {
		const colors = PLATFORMS.map((platform) => PLATFORM_COLORS[theme][platform]);
		expect(new Set(colors).size).toBe(PLATFORMS.length);
	});

	it('repeats colours with a dash pattern past the palette', () => {
		expect(seriesStyle(0, 'light')).toEqual({ color: '#0072B2', dash: [] });
		expect(seriesStyle(6, 'light')).toEqual({ color: '#0072B2', dash: [6, 3] });
		expect(seriesStyle(13, 'light')).toEqual({ color: '#D55E00', dash: [2, 3] });
		expect(seriesStyle(7, 'dark')).toEqual({ color: '#56B4E9', dash: [6, 3] });
	});

	it('adds alpha and maps intensity to the heat ramp', () => {
		expect(withAlpha('#0072B2', 0.35)).toBe('rgba(0, 114, 178, 0.35)');
		expect(heatColor(0, 'light')).toBe('#FFFFE5');
		expect(heatColor(1, 'light')).toBe('#662506');
		expect(heatColor(Number.NaN, 'dark')).toBe('#30230C');
	});

	it('computes WCAG contrast', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
	});
});
