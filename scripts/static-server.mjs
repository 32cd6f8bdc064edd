// Serves a built dist/ folder as a static host would (the e2e tests use it for the release
// build; the first-load benchmark with --brotli, compressing as a CDN would, quality 11).
// Dev and test tool only.
//
//   node scripts/static-server.mjs --dir target/e2e-site --listen 127.0.0.1:8090 [--brotli]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const OPTIONS = { listen: { type: 'string' }, dir: { type: 'string' }, brotli: { type: 'boolean' } };
const { values: args } = parseArgs({ options: OPTIONS });
const root = path.resolve(args.dir ?? 'dist');
if (!args.listen) {
  console.error('usage: node scripts/static-server.mjs --dir DIR --listen 127.0.0.1:PORT');
  process.exit(2);
}
const [host, port] = args.listen.split(':');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

const compressed = new Map();
function brotli(file, bytes) {
  const key = `${file}:${bytes.length}`;
  if (!compressed.has(key)) {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 };
    compressed.set(key, zlib.brotliCompressSync(bytes, { params }));
  }
  return compressed.get(key);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  const target = file.endsWith(path.sep) || url.pathname === '/' ? path.join(file, 'index.html') : file;
  try {
    let body = await readFile(target);
    const headers = {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (args.brotli && TYPES[path.extname(target)]) {
      headers.vary = 'accept-encoding';
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = brotli(target, body);
        headers['content-encoding'] = 'br';
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(Number(port), host, () => console.log(`static-server: http://${host}:${port}/ serves ${root}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
