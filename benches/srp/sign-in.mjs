// The sign-in click under 4× CPU throttling: the release app signs the demo user in against the
// local Cognito, in a fresh page each time, with a Chrome trace (CDP) of the click. From the
// renderer's main-thread tasks it reports how soon the click paints (the busy button), whether
// that paint comes before the SRP math starts, and the longest task until signed in. Appends to
// reports/srp-bench.md (bench-srp.sh runs it after the math benchmark). A benchmark, not a test.
//   node benches/srp/sign-in.mjs APP_URL [RUNS]
import { chromium } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { DEMO } from '../../scripts/fakecloud.mjs';

const [appUrl, runs = '7'] = process.argv.slice(2);
const THROTTLE = 4;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** What one trace of a click says, in milliseconds. */
function analyse(trace) {
  const events = JSON.parse(trace).traceEvents;
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const onMain = (e) => e.pid === click.pid && e.tid === click.tid;
  const byTime = (a, b) => a.ts - b.ts;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e)).sort(byTime);
  const holding = (e) => tasks.find((t) => t.ts <= e.ts && e.ts <= t.ts + t.dur);
  const clickTask = holding(click);
  const later = (name) => events.filter((e) => e.name === name && e.pid === click.pid && e.ts > click.ts).sort(byTime);
  // The first request after the click is InitiateAuth with SRP_A (A is computed in the task
  // that sends it); the second answers PASSWORD_VERIFIER (the claim: g^x, S, the signature).
  const [initiate, answer] = later('ResourceSendRequest');
  const paint = later('Paint')[0];
  const aTask = holding(initiate);
  const during = tasks.filter((t) => t.ts >= clickTask.ts);
  const ms = (us) => us / 1000;
  return {
    clickToPaint: ms(paint.ts - click.ts),
    paintedBeforeMath: paint.ts < aTask.ts,
    click: ms(clickTask.dur),
    a: ms(aTask.dur),
    claim: ms(holding(answer).dur),
    longest: ms(Math.max(...during.map((t) => t.dur))),
    over50: during.filter((t) => t.dur > 50_000).length,
  };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const results = [];
try {
  for (let i = 0; i < Number(runs); i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(appUrl);
    await page.getByTestId('username').fill(DEMO.user.username);
    await page.getByTestId('password').fill(DEMO.user.password);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.getByTestId('sign-in').click();
    await page.getByTestId('info-username').waitFor();
    results.push(analyse(await browser.stopTracing()));
    await context.close();
  }
} finally {
  await browser.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (label, key) => {
  const xs = results.map((r) => r[key]);
  return `| ${label} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
};
const lines = [
  '',
  '## The sign-in click',
  '',
  `Made by \`benches/srp/sign-in.mjs\`: the release build signs the demo user in against the local Cognito, ${results.length} times, each in a fresh page (the first sign-in after loading: nothing warmed up), CPU throttled ${THROTTLE}× (CDP \`Emulation.setCPUThrottlingRate\`), with a Chrome trace of the click. Tasks are the renderer main thread's.`,
  '',
  '| milliseconds | median | min | max |',
  '| --- | ---: | ---: | ---: |',
  row('click → first paint (the busy button)', 'clickToPaint'),
  row('the click\'s own task', 'click'),
  row('the task computing A = g^a (sends InitiateAuth)', 'a'),
  row('the task computing the claim: g^x, S, the signature (answers PASSWORD_VERIFIER)', 'claim'),
  row('the longest task from the click to signed in', 'longest'),
  '',
  `The busy button painted before the math started in ${results.filter((r) => r.paintedBeforeMath).length} of ${results.length} sign-ins; tasks over 50 ms: ${results.reduce((n, r) => n + r.over50, 0)} in all.`,
  '',
];
appendFileSync('reports/srp-bench.md', lines.join('\n'));
console.log(lines.join('\n'));
