// A plain static file server for the production build, like any directory-index host.
//   node tests/serve.mjs           serves build/ under /deep/sub/path/ (the e2e tests use this, to prove
//                                  the build does not depend on its base path)
//   node tests/serve.mjs --root    serves build/ at / (what `npm start` uses)
// PORT and PREFIX may be set in the environment.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../build/', import.meta.url));
const atRoot = process.argv.includes('--root');
const PREFIX = process.env.PREFIX ?? (atRoot ? '/' : '/deep/sub/path/');
const PORT = Number(process.env.PORT ?? (atRoot ? 4180 : 4173));
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv',
	'.zip': 'application/zip',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.xls': 'application/vnd.ms-excel',
	'.woff2': 'font/woff2'
};

const server = createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (!url.pathname.startsWith(PREFIX)) {
		res.writeHead(404).end('outside the served prefix');
		return;
	}
	const relative = normalize(decodeURIComponent(url.pathname.slice(PREFIX.length)));
	if (relative.startsWith('..')) {
		res.writeHead(400).end('bad path');
		return;
	}
	let file = join(ROOT, relative);
	try {
		if ((await stat(file)).isDirectory()) {
			if (!url.pathname.endsWith('/')) {
				res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		const body = await readFile(file);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		});
		res.end(body);
	} catch {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	}
});

server.listen(PORT, '127.0.0.1', () => {
	console.log(`Chorus is served at http://127.0.0.1:${PORT}${PREFIX}  (Ctrl+C to stop)`);
});
