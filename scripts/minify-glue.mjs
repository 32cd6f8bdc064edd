// Minifies the JS glue wasm-bindgen wrote into a release build (trunk's own minify leaves it
// as it is), and rewrites its Subresource Integrity hash in index.html to match.
// Usage: node scripts/minify-glue.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
const glue = readdirSync(dir).filter((name) => name.endsWith('.js'));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one .js in ${dir}/, found ${glue.length}`);
  process.exit(1);
}
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const file = join(dir, glue[0]);
const before = readFileSync(file);
const { code } = transformSync(before.toString(), { minify: true, format: 'esm' });
const html = join(dir, 'index.html');
const page = readFileSync(html, 'utf8');
if (!page.includes(sri(before))) {
  console.error(`minify-glue: index.html has no integrity hash for ${glue[0]}`);
  process.exit(1);
}
writeFileSync(file, code);
writeFileSync(html, page.replaceAll(sri(before), sri(code)));
console.log(`minify-glue: ${glue[0]} ${before.length} -> ${code.length} bytes`);
