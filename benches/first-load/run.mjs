// The first-load benchmark: this app's release build against a React 18 + Amplify v6 page,
// both served brotli-compressed by one local server, loaded interleaved in one headless
// Chromium, a fresh context with the cache off for every load, under three profiles. Measures
// navigation start -> the username input visible and enabled, the bytes transferred, and the
// JS heap once it is there. Writes the medians (and min/max) to reports/first-load.md.
// Started by scripts/bench-first-load.sh, which builds both pages and starts the server.
//
//   node benches/first-load/run.mjs BASE_URL LOADS
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';

const [base, loads = '15'] = process.argv.slice(2);
const N = Number(loads);
const PAGES = [
  { name: 'this app (Rust)', url: `${base}/` },
  { name: 'React 18 + Amplify v6', url: `${base}/react/` },
];
const PROFILES = [
  { name: 'none', cpu: 1, network: null },
  { name: '4× CPU', cpu: 4, network: null },
  // 1.6 Mbps down, 750 kbps up, 150 ms round trip: Lighthouse's "slow 4G".
  {
    name: '4× CPU + 1.6 Mbps / 150 ms',
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
  },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-quic', '--no-first-run'],
});

/** One load of `url` under `profile`: { ms, ready, bytes, heap }. */
async function load(url, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  // Looked for at every frame from the document's start, in the page itself: the first frame
  // with a usable username field, and the first with the page's own script running it (this
  // app's own form in place of index.html's early one; the React page has none, so the same).
  await context.addInitScript(() => {
    const look = () => {
      const input = document.querySelector('input#username');
      const usable = input && !input.disabled && input.getBoundingClientRect().height > 0;
      if (usable && window.fieldAt === undefined) window.fieldAt = performance.now();
      if (usable && !document.getElementById('early-sign-in')) window.readyAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(url, { waitUntil: 'commit' });
  // Milliseconds from navigation start (performance's time origin).
  const found = await page.waitForFunction(
    () => window.readyAt !== undefined && { field: window.fieldAt, ready: window.readyAt },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const { field, ready } = await found.jsonValue();
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { ms: field, ready, bytes, heap: usedSize };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [
  '# First load: this app against React 18 + Amplify v6',
  '',
  `Made by \`bash scripts/bench-first-load.sh\`: ${N} loads of each page per profile, interleaved, in one`,
  'headless Chromium, a fresh browser context with the cache off for each load; both pages served',
  'brotli-compressed (quality 11) by one local server. Time: from navigation start to the first frame',
  'with the username input visible and enabled (looked for at every frame from the document\'s start).',
  '"Its script running it": the first frame with the page\'s own script in charge of the field — for',
  'this app, its own form in place of the sign-in form index.html draws before it arrives (typing',
  'there is kept, and a sign-in sent there is carried out when the app comes); for the React page',
  'the same frame. Bytes: everything transferred (headers included). Heap: the JS heap once the',
  'app is there (wasm memory is not part of it).',
  '',
];
let goalMet = true;
try {
  for (const profile of PROFILES) {
    for (const page of PAGES) await load(page.url, profile); // warm the server's compression
    const results = PAGES.map(() => []);
    for (let i = 0; i < N; i++) {
      const order = i % 2 ? [1, 0] : [0, 1];
      for (const p of order) results[p].push(await load(PAGES[p].url, profile));
    }
    lines.push(`## Profile: ${profile.name}`, '',
      '| page | median time | min – max | its script running it (median) | bytes (median) | JS heap (median) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |');
    const medians = results.map((r) => median(r.map((x) => x.ms)));
    const ready = results.map((r) => median(r.map((x) => x.ready)));
    results.forEach((r, p) => {
      const ms = r.map((x) => x.ms);
      lines.push(`| ${PAGES[p].name} | **${Math.round(medians[p])} ms** | ${Math.round(Math.min(...ms))} – ${Math.round(Math.max(...ms))} ms | ${Math.round(ready[p])} ms | ${kb(median(r.map((x) => x.bytes)))} | ${kb(median(r.map((x) => x.heap)))} |`);
    });
    const met = medians[0] <= medians[1];
    goalMet &&= met;
    lines.push('', `This app's median is ${(medians[0] / medians[1]).toFixed(2)}× the React page's: goal (≤ 1×) ${met ? 'met' : 'not met'}. `
      + `Its own form, in place of index.html's early one, is there at ${(ready[0] / ready[1]).toFixed(2)}× the React page's time.`, '');
    console.log(`${profile.name}: ${medians.map((m) => `${Math.round(m)} ms`).join(' vs ')} (script running it: ${ready.map((m) => `${Math.round(m)} ms`).join(' vs ')})`);
  }
} finally {
  await browser.close();
}
lines.push(`Goal in every profile: ${goalMet ? 'met' : 'not met'}.`, '');
mkdirSync('reports', { recursive: true });
writeFileSync('reports/first-load.md', lines.join('\n'));
console.log(lines.join('\n'));
