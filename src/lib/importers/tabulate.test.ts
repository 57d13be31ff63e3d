import { describe, expect, it } from 'vitest';
import { tabulateText } from './tabulate';

describe('tabulateText', () => {
	it('keeps the line each row starts on, across quoted newlines', () => {
		const text = '"id","text"\n"1","one\nline two"\n"2","x"\n';
		const { table } = tabulateText(text, 'a.csv', 'utf-8');
		expect(table.rows).toEqual([
			['id', 'text'],
			['1', 'one\nline two'],
			['2', 'x']
		]);
		expect(table.lineOf).toEqual([1, 2, 4]);
	});

	it('handles CRLF line endings and skips blank lines', () => {
		const { table } = tabulateText('a,b\r\n1,2\r\n\r\n3,4\r\n', 'a.csv', 'utf-8');
		expect(table.rows).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
		expect(table.lineOf).toEqual([1, 2, 4]);
	});

	it('honours an Excel sep= hint and keeps it as a preamble row', () => {
		const { table } = tabulateText('sep=,\n"Facebook follows"\n"Date","Primary"\n"2025-08-01T00:00:00","20"\n', 'f.csv', 'utf-16le');
		expect(table.rows[0]).toEqual(['sep=', '']);
		expect(table.rows[2]).toEqual(['Date', 'Primary']);
	});

	it('sniffs semicolons written by comma-decimal locales', () => {
		const { table } = tabulateText('Date;Views\n2024-01-01;1,5\n', 'a.csv', 'utf-8');
		expect(table.rows[1]).toEqual(['2024-01-01', '1,5']);
	});

	it('reports malformed quoting with a line number', () => {
		const { issues } = tabulateText('a,b\n1,"unterminated\n2,3\n', 'a.csv', 'utf-8');
		expect(issues.length).toBeGreaterThan(0);
		expect(issues[0].line).toBe(2);
		expect(issues[0].message).toMatch(/quot/i);
	});
});
