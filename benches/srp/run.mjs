// Times the app's SRP client math (Rust → wasm) against amazon-cognito-identity-js in the same
// headless Chromium page, on the same inputs (tests/fixtures/srp/vectors.json), many iterations
// each, interleaved. Prints median milliseconds and the ratio, and writes reports/srp-bench.md.
//   node benches/srp/run.mjs SITE_DIR [ITERATIONS]
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import zlib from 'node:zlib';

const [site = 'target/bench-site', iterations = '40'] = process.argv.slice(2);
const N = Number(iterations);
const vectors = JSON.parse(readFileSync('tests/fixtures/srp/vectors.json', 'utf8')).vectors;
const server = spawn('node', ['scripts/static-server.mjs', '--dir', site, '--listen', '127.0.0.1:8099'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:8099/');
  await page.waitForFunction(() => window.benchReady === true);
  const result = await page.evaluate(({ vectors, N }) => {
    // Correctness first: the same signature as the fixture's independent implementation.
    for (const v of vectors) {
      if (window.rustSrp(v) !== v.expected.signature) throw new Error(`signature mismatch for ${v.userId}`);
      const key = Array.from(window.jsSrp(v), (b) => b.toString(16).padStart(2, '0')).join('');
      if (key !== v.expected.hkdf) throw new Error(`amazon-cognito-identity-js key mismatch for ${v.userId}`);
    }
    const times = { rust: [], js: [], steps: [] };
    const time = (f, v) => {
      const t0 = performance.now();
      f(v);
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i += 1) for (const v of vectors) { window.rustSrp(v); window.jsSrp(v); }
    for (let i = 0; i < N; i += 1) {
      const v = vectors[i % vectors.length];
      times.rust.push(time(window.rustSrp, v));
      times.js.push(time(window.jsSrp, v));
      times.steps.push(Array.from(window.rustSteps(v)));
    }
    return times;
  }, { vectors, N });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rust = median(result.rust);
  const js = median(result.js);
  const step = (i) => median(result.steps.map((s) => s[i]));
  const [setup, bigA, gX, bigS, whole] = [0, 1, 2, 3, 4].map(step);
  const rest = whole - bigA - gX - bigS;
  const share = (ms) => `${ms.toFixed(2)} | ${((100 * ms) / whole).toFixed(0)} %`;
  const wasm = readFileSync(path.join(site, 'pkg', 'srp_bench_bg.wasm'));
  const brotli = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const version = (await browser.version());
  const lines = [
    '# SRP benchmark',
    '',
    `Made by \`bash scripts/bench-srp.sh\`: ${N} interleaved iterations each, same inputs, one headless Chromium ${version} page.`,
    'One iteration is a sign-in\'s client math: A = g^a mod N, then S, the HKDF key (and, for the app, the claim signature).',
    '',
    '| implementation | median ms |',
    '| --- | ---: |',
    `| this app (Rust, src/cognito/bignum.rs, wasm32 release) | ${rust.toFixed(2)} |`,
    `| amazon-cognito-identity-js 6.3.21 | ${js.toFixed(2)} |`,
    '',
    `Ratio: amazon-cognito-identity-js takes ${(js / rust).toFixed(1)}× as long.`,
    '',
    'Where this app\'s time goes (medians of the same iterations, each step timed on its own in the wasm module):',
    '',
    '| step | median ms | share |',
    '| --- | ---: | ---: |',
    `| A = g^a (1024-bit a: squarings and doublings) | ${share(bigA)} |`,
    `| g^x (256-bit x: squarings and doublings) | ${share(gX)} |`,
    `| S = (B − k·g^x)^(a + u·x) (1025-bit exponent, 5-bit sliding window) | ${share(bigS)} |`,
    `| the rest: hashing (SHA-256, HMAC, HKDF), k·g^x, conversions, the Montgomery constants twice (${setup.toFixed(2)} ms each) | ${share(rest)} |`,
    `| the whole sign-in's math | ${whole.toFixed(2)} | 100 % |`,
    '',
    `The SRP code alone (this benchmark's wasm module: SRP, SHA-256, HMAC, big numbers) is ${(wasm.length / 1024).toFixed(1)} KB, ${(brotli / 1024).toFixed(1)} KB brotli.`,
    '',
  ];
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/srp-bench.md', lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  server.kill();
}
