import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { crc32 } from '../domain/crc32';
import { isJunkEntry, listZipPaths, openZip, verifyZip, type OpenZipResult, type ZipEntry } from './archive';

interface RawEntry {
	name: string | Uint8Array;
	data: Uint8Array;
	method?: number;
	flags?: number;
	/** Override what the headers declare. */
	declaredSize?: number;
	crc?: number;
	/** Write sizes as 0xFFFFFFFF with the real values in a zip64 extra field. */
	zip64?: boolean;
	/** Point the central record at another entry's local header (overlap). */
	pointAt?: number;
}

/** A zip written by hand, so tests control every header field. */
function buildZip(entries: RawEntry[]): Uint8Array {
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	const offsets: number[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = typeof entry.name === 'string' ? strToU8(entry.name) : entry.name;
		const method = entry.method ?? 8;
		const body = method === 8 ? deflateSync(entry.data) : entry.data;
		const size = entry.declaredSize ?? entry.data.length;
		const crc = entry.crc ?? crc32(entry.data);
		const extra = entry.zip64 ? new Uint8Array(20) : new Uint8Array(0);
		if (entry.zip64) {
			const ev = new DataView(extra.buffer);
			ev.setUint16(0, 0x0001, true);
			ev.setUint16(2, 16, true);
			ev.setUint32(4, size, true);
			ev.setUint32(12, body.length, true);
		}
		const local = new Uint8Array(30 + name.length + body.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(6, entry.flags ?? 0, true);
		lv.setUint16(8, method, true);
		lv.setUint32(14, crc, true);
		lv.setUint32(18, body.length, true);
		lv.setUint32(22, size, true);
		lv.setUint16(26, name.length, true);
		local.set(name, 30);
		local.set(body, 30 + name.length);
		offsets.push(offset);
		const central = new Uint8Array(46 + name.length + extra.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(8, entry.flags ?? 0, true);
		cv.setUint16(10, method, true);
		cv.setUint32(16, crc, true);
		cv.setUint32(20, entry.zip64 ? 0xffffffff : body.length, true);
		cv.setUint32(24, entry.zip64 ? 0xffffffff : size, true);
		cv.setUint16(28, name.length, true);
		cv.setUint16(30, extra.length, true);
		cv.setUint32(42, entry.pointAt !== undefined ? offsets[entry.pointAt] : offset, true);
		central.set(name, 46);
		central.set(extra, 46 + name.length);
		if (entry.pointAt === undefined) {
			locals.push(local);
			offset += local.length;
		}
		centrals.push(central);
	}
	const directorySize = centrals.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, centrals.length, true);
	ev.setUint16(10, centrals.length, true);
	ev.setUint32(12, directorySize, true);
	ev.setUint32(16, offset, true);
	const out = new Uint8Array(offset + directorySize + 22);
	let at = 0;
	for (const part of [...locals, ...centrals, end]) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

const csv = (text: string) => strToU8(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function opened(result: OpenZipResult): { entries: ZipEntry[]; skipped: { entry: string; reason: string }[] } {
	if (!result.ok) throw new Error(`expected the zip to open: ${result.message}`);
	return result;
}

function readAll(entry: ZipEntry): string {
	const read = entry.read();
	if (!read.ok) throw new Error(read.reason);
	return decode(read.bytes);
}

describe('crc32', () => {
	it('matches the standard check value', () => {
		expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array(0))).toBe(0);
	});
});

describe('openZip: reading', () => {
	it('reads deflated and stored entries written by fflate, on demand', () => {
		const zip = zipSync({
			'Content 2021-08-22_2025-10-17 Channel/Table data.csv': csv('Content,Views\nTotal,5\n'),
			'Content 2021-08-22_2025-10-17 Channel/Totals.csv': [csv('Date,Views\n2025-02-27,16481\n'), { level: 0 }]
		});
		const { entries, skipped } = opened(openZip(zip, 'yt.zip'));
		expect(skipped).toEqual([]);
		expect(entries.map((entry) => entry.path)).toEqual([
			'Content 2021-08-22_2025-10-17 Channel/Table data.csv',
			'Content 2021-08-22_2025-10-17 Channel/Totals.csv'
		]);
		expect(entries.map(readAll)).toEqual(['Content,Views\nTotal,5\n', 'Date,Views\n2025-02-27,16481\n']);
	});

	it('drops folders, __MACOSX resource forks and .DS_Store silently', () => {
		const zip = zipSync({
			'Overview/': new Uint8Array(0),
			'Overview/Overview.csv': csv('"Date","Video Views"\n'),
			'__MACOSX/Overview/._Overview.csv': csv('junk'),
			'Overview/.DS_Store': csv('junk')
		});
		const { entries, skipped } = opened(openZip(zip, 'tt.zip'));
		expect(entries.map((entry) => entry.path)).toEqual(['Overview/Overview.csv']);
		expect(skipped).toEqual([]);
		expect(isJunkEntry('a/._b.csv')).toBe(true);
		expect(isJunkEntry('a/b.csv')).toBe(false);
	});

	it('decodes names: UTF-8 (flagged or not) and CP437 for legacy tools', () => {
		const zip = buildZip([
			{ name: 'Données 时间.csv', data: csv('a'), flags: 0x0800 },
			{ name: 'Vidéos.csv', data: csv('b') },
			{ name: new Uint8Array([0x52, 0x81, 0x63, 0x6b, 0x2e, 0x63, 0x73, 0x76]), data: csv('c') }
		]);
		expect(opened(openZip(zip, 'n.zip')).entries.map((entry) => entry.path)).toEqual(['Données 时间.csv', 'Vidéos.csv', 'Rück.csv']);
	});

	it('uses the zip64 extra field when sizes overflow 32 bits', () => {
		const zip = buildZip([{ name: 'Totals.csv', data: csv('Date,Views\n2025-01-01,1\n'), zip64: true }]);
		const [entry] = opened(openZip(zip, 'z64.zip')).entries;
		expect(entry.size).toBe(24);
		expect(readAll(entry)).toBe('Date,Views\n2025-01-01,1\n');
	});

	it('lists entry paths for sniffing, or null without a readable directory', () => {
		expect(listZipPaths(zipSync({ 'xl/workbook.xml': csv('<w/>') }))).toEqual(['xl/workbook.xml']);
		expect(listZipPaths(csv('PK\x03\x04 not really'))).toBeNull();
	});

	it('skips password-protected and unsupported-method entries with reasons, keeping the rest', () => {
		const zip = buildZip([
			{ name: 'secret.csv', data: csv('x'), flags: 0x0001, method: 0 },
			{ name: 'bzip.csv', data: csv('y'), method: 12 },
			{ name: 'ok.csv', data: csv('Date,Views\n') }
		]);
		const { entries, skipped } = opened(openZip(zip, 'mixed.zip'));
		expect(entries.map((entry) => entry.path)).toEqual(['ok.csv']);
		expect(skipped).toMatchObject([
			{ entry: 'secret.csv', reason: 'is password-protected; unzip it with the password and import the files inside.' },
			{ entry: 'bzip.csv', reason: 'is compressed with BZIP2, which Chorus cannot unpack; unzip it yourself and import the file directly.' }
		]);
	});
});

describe('openZip: damaged and hostile archives', () => {
	const damaged = 'x.zip: the zip is incomplete or damaged — download it again.';

	it('reports a truncated zip (no central directory) as incomplete', () => {
		const zip = zipSync({ 'Totals.csv': csv('Date,Views\n'.repeat(50)) });
		expect(openZip(zip.subarray(0, zip.length - 30), 'x.zip')).toMatchObject({ ok: false, problem: 'damaged', message: damaged });
	});

	it('reports a directory pointing past the end of the file as damaged', () => {
		const zip = buildZip([{ name: 'a.csv', data: csv('Date\n') }]);
		const view = new DataView(zip.buffer);
		view.setUint32(zip.length - 22 + 16, 999_999, true);
		expect(openZip(zip, 'x.zip')).toMatchObject({ ok: false, problem: 'damaged', message: damaged });
	});

	it('reports an empty zip', () => {
		expect(openZip(buildZip([]), 'e.zip')).toMatchObject({
			ok: false,
			problem: 'empty',
			message: 'e.zip is an empty zip: there are no files inside. Download the export again.'
		});
	});

	it('refuses more entries than the limit', () => {
		const zip = buildZip([1, 2, 3, 4].map((i) => ({ name: `${i}.csv`, data: csv('a') })));
		expect(openZip(zip, 'many.zip', { limits: { maxEntries: 3 } })).toMatchObject({
			ok: false,
			problem: 'too-many',
			message: 'many.zip holds 4 files; Chorus opens zips of up to 3. Unzip it and import the export files themselves.'
		});
	});

	it('refuses an entry whose compression ratio only a bomb reaches, before inflating it', () => {
		const zip = buildZip([{ name: 'Table data.csv', data: new Uint8Array(4 * 1024 * 1024) }]);
		const result = openZip(zip, 'bomb.zip');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem).toBe('bomb');
		expect(result.message).toMatch(
			/^bomb\.zip: Table data\.csv would expand \d+× \(\d+ KB → 4 MB\), which real exports never do: this looks like a zip bomb\. Chorus refused to unpack it to protect your browser\./
		);
	});

	it('refuses an entry larger than the per-file limit', () => {
		const zip = buildZip([{ name: 'big.csv', data: csv('Date,Views\n'.repeat(100)) }]);
		expect(openZip(zip, 'big.zip', { limits: { maxEntryBytes: 500 } })).toMatchObject({
			ok: false,
			problem: 'bomb',
			message: expect.stringContaining('big.zip: big.csv would unpack to 1 KB, more than the 500 bytes Chorus reads per file.')
		});
	});

	it('refuses when the entries together exceed the total budget, shared with nested zips', () => {
		const zip = buildZip([
			{ name: 'a.csv', data: csv('x'.repeat(600)) },
			{ name: 'b.csv', data: csv('y'.repeat(600)) }
		]);
		expect(openZip(zip, 'two.zip', { limits: { maxInflatedBytes: 1000 } })).toMatchObject({
			ok: false,
			problem: 'bomb',
			message: expect.stringContaining('its files would unpack to 1 KB in total, more than the 1000 bytes Chorus unpacks from one zip.')
		});
		const budget = { remaining: 1000 };
		const one = buildZip([{ name: 'a.csv', data: csv('x'.repeat(600)) }]);
		expect(openZip(one, 'first.zip', { budget }).ok).toBe(true);
		expect(budget.remaining).toBe(400);
		expect(openZip(one, 'second.zip', { budget }).ok).toBe(false);
	});

	it('refuses overlapping entries (one stream counted many times)', () => {
		const data = csv('Date,Views\n2025-01-01,1\n'.repeat(40));
		const zip = buildZip([
			{ name: 'a.csv', data },
			{ name: 'b.csv', data, pointAt: 0 }
		]);
		expect(openZip(zip, 'overlap.zip')).toMatchObject({
			ok: false,
			problem: 'bomb',
			message: expect.stringContaining('overlap.zip: its entries overlap each other, a trick zip bombs use to unpack the same data many times.')
		});
	});

	it('stops inflating when an entry unpacks to more than its header declares', () => {
		const data = csv('Date,Views\n2025-01-01,1\n'.repeat(100));
		const zip = buildZip([{ name: 'liar.csv', data, declaredSize: 50 }]);
		const [entry] = opened(openZip(zip, 'liar.zip')).entries;
		const read = entry.read();
		expect(read).toMatchObject({ ok: false, fatal: true });
		expect(!read.ok && read.reason).toContain('liar.zip: liar.csv unpacks to more than the 50 bytes its header declares: the zip is built to mislead.');
	});

	it('reports a checksum mismatch or broken deflate data as a damaged entry, not a bomb', () => {
		const data = csv('Date,Views\n2025-01-01,1\n');
		const badCrc = buildZip([{ name: 'a.csv', data, crc: 12345 }]);
		expect(opened(openZip(badCrc, 'c.zip')).entries[0].read()).toMatchObject({
			ok: false,
			fatal: false,
			reason: 'is damaged inside the zip (checksum mismatch); download the zip again.'
		});
		const broken = buildZip([{ name: 'b.csv', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, declaredSize: 10 }]);
		// overwrite the deflate stream with an invalid block type
		broken.set([0xff, 0xff, 0xff], 30 + 'b.csv'.length);
		expect(opened(openZip(broken, 'b.zip')).entries[0].read()).toMatchObject({ ok: false, fatal: false });
	});
});

describe('openZip: small entries inflate in one pass, large ones streamed, with the same verdicts', () => {
	/** Bytes deflate cannot shrink, so the compressed size is about the data's: a large entry. */
	function noise(length: number, seed: number): Uint8Array {
		const bytes = new Uint8Array(length);
		let state = seed;
		for (let index = 0; index < length; index++) {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			bytes[index] = state >>> 24;
		}
		return bytes;
	}
	const sizes = { small: 4_000, large: 300_000 };

	for (const [kind, length] of Object.entries(sizes)) {
		const data = noise(length, length);
		const readOne = (entry: RawEntry) => opened(openZip(buildZip([entry]), `${kind}.zip`)).entries[0].read();

		it(`${kind}: an honest entry reads back whole`, () => {
			if (kind === 'large') expect(deflateSync(data).length).toBeGreaterThan(128 * 1024);
			const read = readOne({ name: 'a.bin', data });
			expect(read.ok && read.bytes.length === length && read.bytes.every((byte, index) => byte === data[index])).toBe(true);
			const stored = readOne({ name: 'a.bin', data, method: 0 });
			expect(stored.ok && stored.bytes.length).toBe(length);
		});

		it(`${kind}: more bytes than declared is refused as misleading, also from a stored deflate block`, () => {
			expect(readOne({ name: 'a.bin', data, declaredSize: length - 1 })).toMatchObject({ ok: false, fatal: true });
			// level 0 writes stored blocks, copied in whole rather than byte by byte
			const storedBlocks = deflateSync(data, { level: 0 });
			const zip = buildZip([{ name: 'a.bin', data: storedBlocks, method: 0, declaredSize: length - 10 }]);
			// the body is the deflate stream, the method says deflate
			new DataView(zip.buffer).setUint16(8, 8, true);
			const directory = zip.length - 22 - (46 + 'a.bin'.length);
			new DataView(zip.buffer).setUint16(directory + 10, 8, true);
			expect(opened(openZip(zip, `${kind}.zip`)).entries[0].read()).toMatchObject({ ok: false, fatal: true });
		});

		it(`${kind}: fewer bytes than declared, or deflate data cut short, is a damaged entry`, () => {
			expect(readOne({ name: 'a.bin', data, declaredSize: length + 1 })).toMatchObject({ ok: false, fatal: false });
			const zip = buildZip([{ name: 'a.bin', data }]);
			const body = 30 + 'a.bin'.length;
			const compressed = new DataView(zip.buffer).getUint32(18, true);
			// the second half of the deflate stream zeroed: a cut-off download
			zip.fill(0, body + (compressed >> 1), body + compressed);
			expect(opened(openZip(zip, `${kind}.zip`)).entries[0].read()).toMatchObject({ ok: false });
		});
	}

	it('an empty entry reads as empty', () => {
		const zip = buildZip([{ name: 'empty.csv', data: new Uint8Array(0) }]);
		const read = opened(openZip(zip, 'e.zip')).entries[0].read();
		expect(read.ok && read.bytes.length).toBe(0);
	});
});

describe('verifyZip (for workbooks SheetJS unpacks itself)', () => {
	it('accepts a sound zip and uses up its share of the budget', () => {
		const budget = { remaining: 10_000 };
		expect(verifyZip(buildZip([{ name: 'xl/workbook.xml', data: csv('<workbook/>') }]), 'book.xlsx', { budget })).toMatchObject({ ok: true });
		expect(budget.remaining).toBe(10_000 - '<workbook/>'.length);
	});

	it('calls a lying entry hostile and a damaged one not', () => {
		const data = csv('<sheetData>'.repeat(100));
		const liar = verifyZip(buildZip([{ name: 'xl/worksheets/sheet1.xml', data, declaredSize: 20 }]), 'liar.xlsx');
		expect(liar).toMatchObject({ ok: false, hostile: true });
		expect(verifyZip(buildZip([{ name: 'xl/workbook.xml', data, crc: 1 }]), 'bad.xlsx')).toMatchObject({
			ok: false,
			hostile: false,
			message: 'bad.xlsx: xl/workbook.xml is damaged inside the zip (checksum mismatch); download the zip again.'
		});
		const bomb = verifyZip(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4 * 1024 * 1024) }]), 'bomb.xlsx');
		expect(bomb).toMatchObject({ ok: false, hostile: true, message: expect.stringContaining('looks like a zip bomb') });
	});
});

describe('verifyZip hands back the verified entries stored', () => {
	const sheet = csv('<sheetData>' + '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200) + '</sheetData>');
	const book = csv('<workbook/>');

	it('as a zip of stored entries with the same names, contents and checksums', () => {
		const result = verifyZip(buildZip([{ name: 'xl/workbook.xml', data: book }, { name: 'xl/worksheets/sheet1.xml', data: sheet }, { name: 'mimetype', data: csv('x'), method: 0 }]), 'book.xlsx');
		if (!result.ok || !result.unpacked) throw new Error('expected a stored copy');
		const opened = openZip(result.unpacked, 'copy.xlsx');
		if (!opened.ok) throw new Error(opened.message);
		expect(opened.entries.map((entry) => [entry.path, entry.compressedSize, entry.size])).toEqual([
			['xl/workbook.xml', book.length, book.length],
			['xl/worksheets/sheet1.xml', sheet.length, sheet.length],
			['mimetype', 1, 1]
		]);
		// every entry stored (method 0) and read back with its checksum checked
		expect(opened.entries.map((entry) => entry.read())).toEqual([
			{ ok: true, bytes: book },
			{ ok: true, bytes: sheet },
			{ ok: true, bytes: csv('x') }
		]);
		const view = new DataView(result.unpacked.buffer);
		expect([view.getUint16(8, true), view.getUint32(14, true)]).toEqual([0, crc32(book)]);
		// fflate, another reader, agrees
		expect(unzipSync(result.unpacked)).toEqual({ 'xl/workbook.xml': book, 'xl/worksheets/sheet1.xml': sheet, mimetype: csv('x') });
	});

	it('keeps the names of the local headers, which SheetJS reads', () => {
		const zip = buildZip([{ name: 'xl/workbook.xml', data: book }]);
		// the central directory says otherwise; the local header's name is what the library saw
		zip.set(strToU8('xl/wrkbook.xml'), zip.length - 22 - 46 - 'xl/workbook.xml'.length + 46 - 0);
		const result = verifyZip(zip, 'book.xlsx');
		if (!result.ok || !result.unpacked) throw new Error('expected a stored copy');
		expect(Object.keys(unzipSync(result.unpacked))).toEqual(['xl/workbook.xml']);
	});

	it('leaves the original to the library when verification did not read every entry', () => {
		for (const odd of [{ name: 'xl/', data: new Uint8Array(0) }, { name: '__MACOSX/._book', data: csv('junk') }, { name: 'xl/secret.xml', data: book, flags: 1 }, { name: 'xl/old.xml', data: book, method: 12 }]) {
			const result = verifyZip(buildZip([{ name: 'xl/workbook.xml', data: book }, odd]), 'book.xlsx');
			expect(result).toEqual({ ok: true, unpacked: null });
		}
	});

	it('still refuses a workbook that lies about its sizes, before anything is handed back', () => {
		const liar = verifyZip(buildZip([{ name: 'xl/workbook.xml', data: book }, { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 20 }]), 'liar.xlsx');
		expect(liar).toMatchObject({ ok: false, hostile: true });
		expect('unpacked' in liar).toBe(false);
	});
});
