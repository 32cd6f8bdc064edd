// Serves a built dist/ folder as a static host would (the e2e tests use it for the release
// build). Dev and test tool only.
//
//   node scripts/static-server.mjs --dir target/e2e-site --listen 127.0.0.1:8090
import http from 'node:http';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const OPTIONS = { listen: { type: 'string' }, dir: { type: 'string' } };
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

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  const target = file.endsWith(path.sep) || url.pathname === '/' ? path.join(file, 'index.html') : file;
  try {
    const body = await readFile(target);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(Number(port), host, () => console.log(`static-server: http://${host}:${port}/ serves ${root}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
