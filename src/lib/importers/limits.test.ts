import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_ENTRY_BYTES, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_LINE_CHARS } from './limits';

describe('limits', () => {
	it('keeps the bounds consistent with each other', () => {
		expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
		expect(MAX_INFLATED_BYTES).toBe(512 * 1024 * 1024);
		expect(MAX_ENTRY_BYTES).toBeLessThanOrEqual(MAX_INFLATED_BYTES);
		expect(MAX_LINE_CHARS).toBe(1024 * 1024);
	});

	it.each([
		[0, '0 bytes'],
		[1, '1 byte'],
		[1023, '1023 bytes'],
		[1024, '1 KB'],
		[52_922, '52 KB'],
		[1024 * 1024, '1 MB'],
		[5.5 * 1024 * 1024, '5.5 MB'],
		[20 * 1024 * 1024, '20 MB'],
		[MAX_INFLATED_BYTES, '512 MB']
	])('formatBytes(%d) = %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});
