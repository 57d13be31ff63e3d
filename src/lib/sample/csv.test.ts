import { describe, expect, it } from 'vitest';
import { csvRow, csvText, decimal, fraction } from './csv';

describe('csvRow', () => {
	it.each([
		['all', ['a', 'b c', 'say "hi"'], '"a","b c","say ""hi"""'],
		['minimal', ['a', 'b c', 'x,y', 'line\nbreak'], 'a,b c,"x,y","line\nbreak"'],
		['spaced', ['Post ID', 'Title', 'N/A', 'Reactions, Comments'], '"Post ID",Title,N/A,"Reactions, Comments"']
	] as const)('%s quoting', (quote, cells, expected) => {
		expect(csvRow(cells, { quote, eol: '\n', trailingNewline: false })).toBe(expected);
	});

	it('lets a format force quotes on chosen cells', () => {
		expect(csvRow(['Lifetime', '12'], { quote: 'spaced', forceQuote: (cell) => cell === 'Lifetime', eol: '\n', trailingNewline: false })).toBe('"Lifetime",12');
	});

	it('joins rows with the line ending and an optional final one', () => {
		const rows = [['a'], ['b']];
		expect(csvText(rows, { quote: 'minimal', eol: '\r\n', trailingNewline: true })).toBe('a\r\nb\r\n');
		expect(csvText(rows, { quote: 'all', eol: '\n', trailingNewline: false })).toBe('"a"\n"b"');
	});
});

describe('number formats', () => {
	it.each([
		[80048.66512, 4, '80048.6651'],
		[5.0249, 2, '5.02'],
		[100, 2, '100'],
		[0.05961, 4, '0.0596']
	])('decimal(%d, %d) = %s', (value, places, expected) => {
		expect(decimal(value, places)).toBe(expected);
	});

	it.each([
		[5, 1777, '0.0028137310073157004'],
		[161, 9535, '0.01688515993707394'],
		[13, 1088, '0.011948529411764705'],
		[0, 50, '0.0'],
		[3, 0, '0.0'],
		[7, 7, '1.0']
	])('fraction(%d, %d) = %s, as X writes engagement rates', (numerator, denominator, expected) => {
		expect(fraction(numerator, denominator)).toBe(expected);
	});
});
