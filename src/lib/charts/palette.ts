/**
 * Colours for charts, per theme. Series colours are Okabe–Ito (distinguishable with the common
 * colour-vision deficiencies); platforms get fixed colours from Paul Tol's "muted" (light) and
 * "light" (dark) schemes so a platform keeps its colour across charts — meant for stacked areas,
 * where some of them are too pale for a thin line on white.
 * Past the palette, series repeat their colour with a dash pattern, so 40 accounts stay apart.
 */
import type { Platform } from '../domain/model';

export type ChartTheme = 'light' | 'dark';

export interface ThemeColors {
	text: string;
	mutedText: string;
	grid: string;
	/** Behind the plot (used by exports); matches --surface in app.css. */
	surface: string;
	annotationLine: string;
	annotationFill: string;
	/** North-star target marker. */
	target: string;
	/** Heatmap cells with too few posts to trust. */
	mutedCell: string;
}

export const THEME_COLORS: Record<ChartTheme, ThemeColors> = {
	light: {
		text: '#1b1f24',
		mutedText: '#59636e',
		grid: 'rgba(27, 31, 36, 0.08)',
		surface: '#ffffff',
		annotationLine: '#59636e',
		annotationFill: 'rgba(89, 99, 110, 0.10)',
		target: '#1b1f24',
		mutedCell: '#eef1f5'
	},
	dark: {
		text: '#e7ebf0',
		mutedText: '#a3adb8',
		grid: 'rgba(231, 235, 240, 0.10)',
		surface: '#1a1f25',
		annotationLine: '#a3adb8',
		annotationFill: 'rgba(163, 173, 184, 0.12)',
		target: '#e7ebf0',
		mutedCell: '#232a32'
	}
};

/**
 * Okabe–Ito, ordered so the first few are the most distinct on each background, every colour at
 * least 3:1 against the chart surface (WCAG 1.4.11). On white, Okabe–Ito orange (2.3:1) is darkened
 * in hue to #B36B00 and sky blue (2.3:1) and yellow (1.3:1) are left out.
 */
export const SERIES_COLORS: Record<ChartTheme, readonly string[]> = {
	light: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#B36B00', '#000000'],
	dark: ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#E7EBF0']
};

/** Dash patterns for the second, third … round through the colours. */
const DASHES: readonly number[][] = [[], [6, 3], [2, 3], [8, 3, 2, 3]];

export const PLATFORM_COLORS: Record<ChartTheme, Record<Platform, string>> = {
	light: {
		x: '#332288',
		youtube: '#CC6677',
		facebook: '#88CCEE',
		instagram: '#AA4499',
		linkedin: '#44AA99',
		tiktok: '#882255',
		wechat: '#117733',
		weibo: '#DDCC77',
		blog: '#999933',
		other: '#BBBBBB'
	},
	dark: {
		x: '#EEEEEE',
		youtube: '#EE8866',
		facebook: '#77AADD',
		instagram: '#FFAABB',
		linkedin: '#99DDFF',
		tiktok: '#44BB99',
		wechat: '#BBCC33',
		weibo: '#EEDD88',
		blog: '#AAAA00',
		other: '#888888'
	}
};

/** Sequential ramp for heatmaps (Tol's YlOrBr on light; dark brown → pale yellow on dark), low → high. */
export const HEAT_SCALE: Record<ChartTheme, readonly string[]> = {
	light: ['#FFFFE5', '#FFF7BC', '#FEE391', '#FEC44F', '#FB9A29', '#EC7014', '#CC4C02', '#993404', '#662506'],
	dark: ['#30230C', '#4D3510', '#6E4A12', '#925F13', '#B87514', '#D98F27', '#F0AE4C', '#F8CD7E', '#FDECB7']
};

export interface SeriesStyle {
	color: string;
	dash: number[];
}

export function seriesStyle(index: number, theme: ChartTheme): SeriesStyle {
	const colors = SERIES_COLORS[theme];
	const round = Math.floor(index / colors.length);
	return { color: colors[index % colors.length], dash: [...DASHES[round % DASHES.length]] };
}

export function platformColor(platform: Platform, theme: ChartTheme): string {
	return PLATFORM_COLORS[theme][platform];
}

/** `#RRGGBB` + alpha → `rgba(r, g, b, a)`; other colour strings come back unchanged. */
export function withAlpha(color: string, alpha: number): string {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
	if (!match) return color;
	const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Colour of a 0..1 intensity on the heat ramp. */
export function heatColor(intensity: number, theme: ChartTheme): string {
	const scale = HEAT_SCALE[theme];
	const clamped = Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0));
	return scale[Math.min(scale.length - 1, Math.floor(clamped * scale.length))];
}

/** Relative luminance (WCAG), for picking readable text on a coloured cell. */
export function luminance(hex: string): number {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) return 0;
	const [r, g, b] = match.slice(1).map((part) => {
		const c = parseInt(part, 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#RRGGBB` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}
