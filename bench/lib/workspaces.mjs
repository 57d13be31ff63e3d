// The benchmark workspaces: the sample generator's real-format export files, written to a cache
// directory so that the browser can be handed file paths (as a person picks files), plus the same
// data as plain CSV texts for the floor measurement.
//
// The generator is TypeScript inside the app (src/lib/sample); Vite's module runner loads it here,
// so the benchmark runs exactly the code the app's "Try with sample data" runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// bench/.tmp is git-ignored
const CACHE_ROOT = process.env.CHORUS_BENCH_CACHE ?? join(ROOT, 'bench/.tmp/workspaces');
// bump when the cache layout or the floor-table extraction changes
const CACHE_FORMAT = 2;

/** Every file under a directory, sorted, as paths relative to the repository. */
function filesUnder(directory) {
	const out = [];
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(path));
		else if (!entry.name.endsWith('.test.ts')) out.push(path);
	}
	return out.sort();
}

/** A hash of the generator's source and the options: the cache is reused only for the same bytes. */
function cacheKey(options) {
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ CACHE_FORMAT, options }));
	const sources = [...filesUnder(join(ROOT, 'src/lib/sample')), ...filesUnder(join(ROOT, 'src/lib/domain')).filter((path) => !path.includes('/analytics/') && !path.includes('/board/'))];
	for (const path of sources) {
		hash.update(relative(ROOT, path));
		hash.update(readFileSync(path));
	}
	return hash.digest('hex').slice(0, 16);
}

let generatorModule;
async function loadGenerator() {
	if (!generatorModule) {
		const { runnerImport } = await import('vite');
		const { module } = await runnerImport(join(ROOT, 'src/lib/sample/index.ts'), {
			configFile: false,
			root: ROOT,
			logLevel: 'error'
		});
		generatorModule = module;
	}
	return generatorModule;
}

// --- the same data as CSV text, for the floor ------------------------------------------------

function decode(bytes) {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// WeChat's exports are GB18030
		return new TextDecoder('gb18030').decode(bytes);
	}
}

function isZip(bytes) {
	return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function isOle(bytes) {
	return bytes[0] === 0xd0 && bytes[1] === 0xcf;
}

/** Every table in one file as CSV text: zip entries opened (zips in zips too), workbook sheets written as CSV. */
function tablesOf(name, bytes) {
	const lower = name.toLowerCase();
	if (lower.endsWith('.xlsx') || lower.endsWith('.xls') || lower.endsWith('.ods') || isOle(bytes)) {
		const workbook = XLSX.read(bytes, { type: 'array', dense: true });
		return workbook.SheetNames.map((sheet) => ({ name: `${name} › ${sheet}`, text: XLSX.utils.sheet_to_csv(workbook.Sheets[sheet]) }));
	}
	if (isZip(bytes)) {
		const entries = unzipSync(bytes);
		return Object.entries(entries)
			.filter(([path, data]) => !path.endsWith('/') && data.length > 0)
			.flatMap(([path, data]) => tablesOf(`${name}/${path}`, data));
	}
	return [{ name, text: decode(bytes) }];
}

function safeName(index, name) {
	return `${String(index).padStart(5, '0')}-${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80)}`;
}

/** Where the cache keeps file `index` of a workspace: one folder per file keeps the export's own name. */
function filePath(dir, index, name) {
	return join(dir, 'files', String(index).padStart(5, '0'), name);
}

function tablePath(dir, index, name) {
	return join(dir, 'tables', `${safeName(index, name)}.csv`);
}

/**
 * The files of one benchmark size, generated once and cached.
 * @returns {Promise<{ size: string, dir: string, files: { name: string, path: string, bytes: number }[],
 *   tables: { name: string, path: string, chars: number }[], totalBytes: number, overviewHandle: string | null,
 *   accounts: number, years: number, postsTotal: number | null, generatedMs: number | null }>}
 */
export async function workspaceFiles(size, { endDay, log = () => {} }) {
	const generator = await loadGenerator();
	const preset = generator.BENCHMARK_WORKSPACES[size];
	if (!preset) throw new Error(`Unknown workspace size "${size}" (small, medium or large).`);
	const options = { ...preset, endDay };
	const dir = join(CACHE_ROOT, `${size}-${cacheKey(options)}`);
	const manifestPath = join(dir, 'manifest.json');
	if (existsSync(manifestPath)) {
		// paths are remade from this checkout's cache folder: a cache made in another checkout (a worktree
		// since removed) names files that are no longer there
		const cached = JSON.parse(readFileSync(manifestPath, 'utf8'));
		const files = cached.files.map((file, index) => ({ ...file, path: filePath(dir, index, file.name) }));
		const tables = cached.tables.map((table, index) => ({ ...table, path: tablePath(dir, index, table.name) }));
		return { ...cached, files, tables, dir, generatedMs: null };
	}

	log(`generating the ${size} workspace (${preset.accounts} accounts, ${preset.years} years)…`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'files'), { recursive: true });
	mkdirSync(join(dir, 'tables'), { recursive: true });
	const started = performance.now();
	const generated = await generator.generateWorkspaceFiles(options);
	const generatedMs = performance.now() - started;

	const files = generated.map((file, index) => {
		const path = filePath(dir, index, file.name);
		mkdirSync(dirname(path));
		writeFileSync(path, file.bytes);
		return { name: file.name, path, bytes: file.bytes.length };
	});
	const tables = [];
	for (const file of generated) {
		for (const table of tablesOf(file.name, file.bytes)) {
			const path = tablePath(dir, tables.length, table.name);
			writeFileSync(path, table.text);
			tables.push({ name: table.name, path, chars: table.text.length });
		}
	}
	const profiles = generator.sampleAccountProfiles(preset);
	const overview = profiles.find((profile) => profile.account.platform === 'x');
	const manifest = {
		size,
		options,
		files,
		tables,
		totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
		overviewHandle: overview?.account.handle ?? null,
		accounts: preset.accounts,
		years: preset.years,
		postsTotal: preset.postsTotal ?? null
	};
	writeFileSync(manifestPath, JSON.stringify(manifest));
	return { ...manifest, dir, generatedMs };
}

/** Removes cached workspaces of the same size made from other generator code or options (tens of MB each). */
export function pruneCache(size, keepDir) {
	if (!existsSync(CACHE_ROOT)) return;
	for (const entry of readdirSync(CACHE_ROOT)) {
		const path = join(CACHE_ROOT, entry);
		if (entry.startsWith(`${size}-`) && path !== keepDir && statSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
	}
}

/**
 * Whose data a sample file is, for the files whose content cannot say (the generator's own
 * answer, as the in-app sample uses it): what the benchmark types into the import preview.
 */
export async function sampleAccountResolver() {
	const generator = await loadGenerator();
	return (fileName) => generator.sampleAccountOfFile(fileName);
}
