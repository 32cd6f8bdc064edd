// The release bundle's size, raw and brotli (as a static host would serve it), per kind of
// file. Writes a Markdown table and fails when the brotli total is over the budget. Given the
// named twin of the wasm that scripts/build-release.sh leaves, adds where its bytes go.
//
//   node scripts/size-report.mjs dist reports/bundle-size.md [target/size/named.wasm]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { breakdown } from './wasm-breakdown.mjs';

// The bundle plus 2 KB: 159.3 for the first full Leptos + serde build, 150.8 since. Lower it
// with each lever that wins bytes back, raise it only knowingly (docs/size.md).
const BUDGET_BROTLI_BYTES = 152.8 * 1024;
const [dir = 'dist', out = 'reports/bundle-size.md', twin] = process.argv.slice(2);
const KINDS = { '.html': 'html', '.js': 'js', '.wasm': 'wasm', '.css': 'css' };

const rows = readdirSync(dir)
  .filter((name) => KINDS[path.extname(name)])
  .map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    const brotli = zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    return { kind: KINDS[path.extname(name)], name, raw: bytes.length, brotli };
  })
  .sort((a, b) => b.brotli - a.brotli);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
const within = total.brotli <= BUDGET_BROTLI_BYTES;
const lines = [
  '# Release bundle size',
  '',
  `Measured by \`node scripts/size-report.mjs\` on \`${dir}/\` (brotli quality 11).`,
  '',
  '| kind | file | raw | brotli |',
  '| --- | --- | ---: | ---: |',
  ...rows.map((r) => `| ${r.kind} | ${r.name} | ${kb(r.raw)} | ${kb(r.brotli)} |`),
  `| **total** | | **${kb(total.raw)}** | **${kb(total.brotli)}** |`,
  '',
  `Budget: ${kb(BUDGET_BROTLI_BYTES)} brotli — ${within ? 'within' : 'OVER'} budget.`,
  '',
];
const wasm = rows.find((r) => r.kind === 'wasm');
if (!wasm) {
  console.error(`size-report: no .wasm in ${dir}/ — was the release build made?`);
  process.exit(1);
}
if (twin) lines.push(...breakdown(twin, path.join(dir, wasm.name)));
writeFileSync(out, lines.join('\n'));
if (!within) {
  console.error(`size-report: ${kb(total.brotli)} brotli is over the ${kb(BUDGET_BROTLI_BYTES)} budget`);
  process.exit(1);
}
