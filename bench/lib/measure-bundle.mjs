// Initial JavaScript of the first page: every script build/index.html loads before anything is
// clicked (its modulepreload links, the modules its inline bootstrap imports, and everything those
// import statically), gzipped with zlib's default level (what most servers send), from the files in
// build/, not estimates. Dynamic `import()`s are not followed: they load later, on demand.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

function gzipSize(bytes) {
	return gzipSync(bytes).length;
}

/** The initial JS of one prerendered page of the build. */
export function measureInitialJs(buildDir, page = 'index.html') {
	const htmlPath = join(buildDir, page);
	if (!existsSync(htmlPath)) throw new Error(`${htmlPath} does not exist: build the site first (npm run build).`);
	const html = readFileSync(htmlPath, 'utf8');
	const pageDir = dirname(htmlPath);
	const entries = new Set();
	for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(match[0]);
		if (href) entries.add(normalize(join(pageDir, href[1])));
	}
	const preloaded = new Set(entries);
	for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
		for (const imported of match[1].matchAll(DYNAMIC_IMPORT)) entries.add(normalize(join(pageDir, imported[1])));
	}
	const files = new Map();
	const queue = [...entries];
	while (queue.length > 0) {
		const path = queue.shift();
		if (files.has(path)) continue;
		const bytes = readFileSync(path);
		files.set(path, { bytes: bytes.length, gzip: gzipSize(bytes) });
		const text = bytes.toString('utf8');
		for (const imported of text.matchAll(STATIC_IMPORT)) queue.push(normalize(join(dirname(path), imported[1])));
	}
	const list = [...files].map(([path, size]) => ({ file: relative(buildDir, path), ...size, preloaded: preloaded.has(path) }));
	list.sort((a, b) => b.gzip - a.gzip);
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
		.map((match) => /href="([^"]+)"/.exec(match[0])?.[1])
		.filter(Boolean)
		.map((href) => readFileSync(normalize(join(pageDir, href))));
	return {
		page,
		files: list,
		jsBytes: list.reduce((sum, file) => sum + file.bytes, 0),
		jsGzipBytes: list.reduce((sum, file) => sum + file.gzip, 0),
		cssGzipBytes: css.reduce((sum, bytes) => sum + gzipSize(bytes), 0),
		notPreloaded: list.filter((file) => !file.preloaded).map((file) => file.file)
	};
}
