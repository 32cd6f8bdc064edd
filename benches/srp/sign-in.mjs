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
  // The first request after the click is InitiateAuth with SRP_A (A is computed in the tasks
  // up to the one that sends it); the second answers PASSWORD_VERIFIER (the claim: g^x, S, the
  // signature, computed in the tasks after the first was sent). The math runs in slices, each
  // in the task of a timer firing (the app's pause is setTimeout); its first slice is the first
  // such task after the click that takes over 2 ms (a task that only draws a frame is no math).
  const [initiate, answer] = later('ResourceSendRequest');
  const paint = later('Paint')[0];
  const aTask = holding(initiate);
  const claimTask = holding(answer);
  const during = tasks.filter((t) => t.ts >= clickTask.ts);
  const between = (from, to) => during.filter((t) => t.ts > from.ts && t.ts <= to.ts);
  const aTasks = between(clickTask, aTask);
  const claimTasks = between(aTask, claimTask);
  const timers = later('TimerFire');
  const firesTimer = (t) => timers.some((e) => t.ts <= e.ts && e.ts <= t.ts + t.dur);
  const firstMath = aTasks.find((t) => t.dur > 2000 && firesTimer(t)) ?? aTask;
  const ms = (us) => us / 1000;
  const longest = (ts) => ms(Math.max(...ts.map((t) => t.dur)));
  return {
    clickToPaint: ms(paint.ts - click.ts),
    paintedBeforeMath: paint.ts < firstMath.ts,
    click: ms(clickTask.dur),
    a: longest(aTasks),
    claim: longest(claimTasks),
    longest: longest(during),
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
    // Click → signed in, timed in the page: from the click's event to the token panel's
    // username in the DOM (two round trips to the local Cognito, the math, and the pauses).
    const signedIn = page.evaluate(
      () =>
        new Promise((resolve) => {
          let start;
          addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
          new MutationObserver((_, observer) => {
            if (document.querySelector('[data-testid="info-username"]')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }).observe(document.body, { childList: true, subtree: true });
        }),
    );
    // The click is a plain input event sent through CDP: Playwright's own click runs its
    // hit-target checks inside the page (a forced layout, elementsFromPoint), which the trace
    // would count as the app's.
    const box = await page.getByTestId('sign-in').boundingBox();
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
    await browser.startTracing(page, { categories: CATEGORIES });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
    await page.getByTestId('info-username').waitFor();
    const total = await signedIn;
    results.push({ ...analyse(await browser.stopTracing()), total });
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
  row('the longest task computing A = g^a (up to sending InitiateAuth)', 'a'),
  row('the longest task computing the claim: g^x, S, the signature (up to answering PASSWORD_VERIFIER)', 'claim'),
  row('the longest task from the click to signed in', 'longest'),
  row('click → signed in (the token panel shows the user)', 'total'),
  '',
  `The busy button painted before the math started in ${results.filter((r) => r.paintedBeforeMath).length} of ${results.length} sign-ins; tasks over 50 ms: ${results.reduce((n, r) => n + r.over50, 0)} in all.`,
  '',
];
appendFileSync('reports/srp-bench.md', lines.join('\n'));
console.log(lines.join('\n'));
