/**
 * Property tests for the cell converters: whatever a cell holds they never throw, and every way
 * the platforms (and the spreadsheet programs that re-save their files) write a number or a date
 * reads back to the value that was written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromDay, ymdFromDay } from '../domain/days';
import { neutraliseFormula, toCsv } from '../domain/analytics/csv';
import { tabulateText } from './tabulate';
import {
	excelSerialToDay,
	inferDecimalHint,
	isMissing,
	parseCount,
	parseDateTime,
	parseDay,
	parseDuration,
	parseMonthDay,
	parseNumber,
	parseRate,
	type DecimalHint
} from './values';

const RUNS = { numRuns: 300 };

/** Days from 2000-01-01 to 2099-12-31, the range analytics can cover. */
const analyticsDay = fc.integer({ min: 10957, max: 47481 });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('converters never throw', () => {
	it('on any text, each returns a value of its type or null', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.constantFrom<DecimalHint | null>('dot', 'comma', null), (text, hint) => {
				for (const value of [parseNumber(text, hint), parseCount(text, hint), parseRate(text, { hint }), parseDuration(text)]) {
					expect(value === null || Number.isFinite(value)).toBe(true);
				}
				const date = parseDateTime(text, { allowSerial: true });
				expect(date === null || Number.isInteger(date.day)).toBe(true);
				const monthDay = parseMonthDay(text);
				expect(monthDay === null || (monthDay.month >= 1 && monthDay.month <= 12)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('numbers round-trip through the ways exports write them', () => {
	it('a whole count, grouped as in English, German, French, Swiss or not at all', () => {
		fc.assert(
			fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), (count) => {
				const plain = String(count);
				expect(parseCount(plain)).toBe(count);
				expect(parseCount(count.toLocaleString('en-US'), 'dot')).toBe(count);
				expect(parseCount(count.toLocaleString('de-DE'), 'comma')).toBe(count);
				// French groups with a narrow no-break space, Swiss with an apostrophe
				expect(parseCount(count.toLocaleString('fr-FR'))).toBe(count);
				expect(parseCount(count.toLocaleString('de-CH'))).toBe(count);
				expect(parseNumber(`"${plain}.0"`.slice(1, -1))).toBe(count);
			}),
			RUNS
		);
	});

	it('a decimal, with a decimal point or a decimal comma when the file says which', () => {
		fc.assert(
			fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 1, max: 99 }), (whole, hundredths) => {
				const value = Number(`${whole < 0 ? '-' : ''}${Math.abs(whole)}.${pad(hundredths)}`);
				const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
				expect(parseNumber(value.toLocaleString('en-US', options), 'dot')).toBe(value);
				expect(parseNumber(value.toLocaleString('de-DE', options), 'comma')).toBe(value);
				expect(parseNumber(value.toLocaleString('sv-SE', options), 'comma')).toBe(value);
				expect(parseNumber(String(value))).toBe(value);
			}),
			RUNS
		);
	});

	it('a rate, as a fraction, a percentage with a sign, or a number in a (%) column', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000 }), (basisPoints) => {
				const percent = basisPoints / 100;
				const fraction = Number(`${percent}e-2`);
				expect(parseRate(`${percent}%`)).toBe(fraction);
				expect(parseRate(String(percent), { percent: true })).toBe(fraction);
				expect(parseRate(String(fraction))).toBe(fraction);
			}),
			RUNS
		);
	});

	it('a duration as H:MM:SS, M:SS or seconds', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 99 * 3600 }), (seconds) => {
				const clock = `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
				expect(parseDuration(clock)).toBe(seconds);
				expect(parseDuration(String(seconds))).toBe(seconds);
				if (seconds < 3600) expect(parseDuration(`${Math.floor(seconds / 60)}:${pad(seconds % 60)}`)).toBe(seconds);
			}),
			RUNS
		);
	});
});

describe('dates round-trip through the ways exports write them', () => {
	it('ISO, ISO with a time and offset, M/D/YYYY, D.M.YYYY, “Mon D, YYYY”, compact and Excel serials', () => {
		fc.assert(
			fc.property(analyticsDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
				const { year, month, day: date } = ymdFromDay(day);
				const time = `${pad(hour)}:${pad(minute)}`;
				expect(parseDay(isoFromDay(day))).toBe(day);
				expect(parseDateTime(`${isoFromDay(day)} ${time} +0000`)).toEqual({ day, time });
				expect(parseDateTime(`${isoFromDay(day)}T${time}:00`)).toEqual({ day, time: `${time}:00` });
				expect(parseDay(`${month}/${date}/${year}`, { order: 'MDY' })).toBe(day);
				expect(parseDay(`${pad(date)}.${pad(month)}.${year}`, { order: 'DMY' })).toBe(day);
				expect(parseDay(`${MONTHS[month - 1]} ${date}, ${year}`)).toBe(day);
				expect(parseDay(`${year}${pad(month)}${pad(date)}`)).toBe(day);
				expect(excelSerialToDay(day + 25569)).toBe(day);
				expect(parseDay(String(day + 25569), { allowSerial: true })).toBe(day);
			}),
			RUNS
		);
	});

	it('a day that does not exist is never rolled over into the next month', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }), (year, month, date) => {
				const real = new Date(Date.UTC(year, month - 1, date)).getUTCMonth() === month - 1;
				const parsed = parseDay(`${year}-${pad(month)}-${pad(date)}`);
				expect(parsed === null).toBe(!real);
				if (parsed !== null) expect(isoFromDay(parsed)).toBe(`${year}-${pad(month)}-${pad(date)}`);
			}),
			RUNS
		);
	});
});

describe('CSV written by Chorus reads back through the import tabulator', () => {
	const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '=', '+', '-', '@', 'é', '中'), maxLength: 12 });

	it('every cell comes back as written, formula starts neutralised', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
				(grid) => {
					const text = toCsv(grid, { bom: false });
					const { table } = tabulateText(text, 'round-trip.csv', 'utf-8');
					expect(table.rows).toEqual(grid.map((row) => row.map(neutraliseFormula)));
				}
			),
			RUNS
		);
	});

	it('a neutralised cell never starts a formula, and only plain numbers keep a leading sign', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				const safe = neutraliseFormula(text);
				if (/^[=+\-@\t\r＝＋－＠]/.test(safe)) expect(safe).toMatch(/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/);
				expect(safe.endsWith(text)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('isMissing', () => {
	// the definition before its digit fast path: the fast path must not change a single answer
	const MARKERS = new Set(['', '-', '--', '–', '—', 'undefined', 'null', 'n/a', 'nan', '#n/a']);
	const reference = (text: string | null | undefined) => text == null || MARKERS.has(text.trim().toLowerCase());
	const cell = fc.oneof(
		fc.string(),
		fc.constantFrom(...MARKERS, ' N/A ', '\tNaN', '0', '1 ', '9-', '5,0', '\u00a0-', 'Undefined', null, undefined),
		fc.tuple(fc.constantFrom('', ' ', '\t', '0', '7', '#', '-'), fc.string()).map(([head, tail]) => head + tail)
	);
	it('answers as the plain marker lookup did, for any cell', () => {
		fc.assert(fc.property(cell, (text) => isMissing(text) === reference(text)), { numRuns: 2000 });
		expect(isMissing(' 12 ')).toBe(false);
	});
});

describe('inferDecimalHint', () => {
	// the definition before its fast path for cells with neither `,` nor `.`: same answers for any column
	const GROUPING = /[\s\u00a0\u202f\u2009'’]/g;
	const MINUS = /^[-\u2212\u2012\u2013]/;
	function reference(values: string[]): string | null {
		let comma = 0;
		let dot = 0;
		for (const raw of values) {
			const text = raw.trim().replace(GROUPING, '').replace(/%$/, '').replace(MINUS, '');
			if (/^\d+,\d{1,2}$/.test(text) || /^\d+,\d{4,}$/.test(text) || /\d\.\d{3},\d+$/.test(text)) comma++;
			else if (/^\d+\.\d{1,2}$/.test(text) || /^\d+\.\d{4,}$/.test(text) || /\d,\d{3}\.\d+$/.test(text)) dot++;
		}
		return comma > dot ? 'comma' : dot > comma ? 'dot' : null;
	}
	const cell = fc.oneof(
		fc.string(),
		fc.stringMatching(/^[-\u2212 ]?\d{1,7}([.,]\d{1,5})?([.,]\d{1,4})?%?$/),
		fc.constantFrom('62,1', '5.02', '1.234,5', '1,234.5', '1 234,56', '12', '-4', '7%', ' 3,25 ', '1’234.5')
	);
	it('answers as before for any column of cells', () => {
		fc.assert(fc.property(fc.array(cell, { maxLength: 30 }), (values) => inferDecimalHint(values) === reference(values)), { numRuns: 2000 });
		expect(inferDecimalHint(['12', '62,1'])).toBe('comma');
	});
});

describe('the plain-decimal shortcut of number parsing', () => {
	// canonicalNumber before its shortcut for `261.0`-shaped cells, as the reference
	const GROUPING = /[\s\u00a0\u202f\u2009'’]/g;
	const MINUS = /^[-\u2212\u2012\u2013]/;
	const MARKERS = new Set(['', '-', '--', '–', '—', 'undefined', 'null', 'n/a', 'nan', '#n/a']);
	function reference(text: string, hint: DecimalHint | null | undefined, integral: boolean): string | null {
		if (/^-?\d{1,15}$/.test(text)) return text;
		let body = text.trim();
		if (MARKERS.has(body.toLowerCase())) return null;
		let sign = '';
		if (body.startsWith('+')) body = body.slice(1);
		else if (MINUS.test(body)) {
			sign = '-';
			body = body.slice(1);
		}
		body = body.replace(GROUPING, '');
		if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(body)) return sign + body.replace(',', '.');
		if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(body)) return null;
		const dots = body.split('.').length - 1;
		const commas = body.split(',').length - 1;
		let decimal: '.' | ',' | null;
		if (hint === 'comma') decimal = ',';
		else if (hint === 'dot') decimal = '.';
		else if (dots > 0 && commas > 0) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
		else if (commas === 1) decimal = /^[1-9]\d{0,2},\d{3}$/.test(body) ? null : ',';
		else if (dots === 1) decimal = integral && /^[1-9]\d{0,2}\.\d{3}$/.test(body) ? null : '.';
		else decimal = null;
		const grouping = decimal === ',' ? '.' : decimal === '.' ? ',' : commas > 0 ? ',' : '.';
		let integer = body;
		let fraction = '';
		if (decimal && body.includes(decimal)) {
			const at = body.indexOf(decimal);
			if (at !== body.lastIndexOf(decimal)) return null;
			integer = body.slice(0, at);
			fraction = body.slice(at + 1);
			if (!/^\d+$/.test(fraction)) return null;
		}
		if (integer.includes(grouping)) {
			if (!new RegExp(`^[1-9]\\d{0,2}(?:\\${grouping}\\d{3})+$`).test(integer)) return null;
			integer = integer.split(grouping).join('');
		}
		if (!/^\d*$/.test(integer) || (integer === '' && fraction === '')) return null;
		return `${sign}${integer || '0'}${fraction ? `.${fraction}` : ''}`;
	}
	const asNumber = (canonical: string | null) => {
		if (canonical === null) return null;
		const value = Number(canonical);
		return Number.isFinite(value) ? value : null;
	};
	const cell = fc.oneof(
		fc.stringMatching(/^-?\d{1,17}\.\d{1,20}$/),
		fc.stringMatching(/^[-\u2212+ ]?[0-9]{1,4}[.,][0-9]{1,4}([.,][0-9]{1,4})?$/),
		fc.constantFrom('261.0', '1.234', '-1.234', '01.5', '0.011494252873563218', '1.000', '999.999', '1000.000', '-0.0', ' 2.5'),
		fc.string()
	);
	const hint = fc.constantFrom<DecimalHint | null | undefined>(undefined, null, 'dot', 'comma');
	it('reads every cell as before, with every hint', () => {
		fc.assert(
			fc.property(cell, hint, (text, h) =>
				Object.is(parseNumber(text, h), asNumber(reference(text, h, false))) && Object.is(parseCount(text, h), asNumber(reference(text, h, true)))
			),
			{ numRuns: 4000 }
		);
		expect(parseCount('1.234')).toBe(1234);
	});
});

