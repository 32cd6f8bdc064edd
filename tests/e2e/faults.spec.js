// The fault matrix: the session must survive every transient fault, end only when Cognito says
// the refresh token is dead, and never be burnt by two tabs. Real Chromium, the real local Cognito;
// faults it cannot produce are injected with route interception. Each row is written to
// reports/fault-matrix.md (fault, expected, observed, refresh requests), then the outage rows'
// refresh requests per tab-minute, before and after the tabs shared their back-off.
import { test, expect } from './fixtures.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AN_HOUR_AND_A_MINUTE, AppPage, COGNITO_URL, DEMO, READ_ONLY_REFRESH, cognito, cognitoAnswer, freshUser, onOperation, signedIn,
} from './app.js';

const REPORT = process.env.FAULT_MATRIX_REPORT ?? path.resolve('reports/fault-matrix.md');
const rows = [];
/** Failing refresh requests during the ten-minute outage, by the number of tabs open. */
const outages = {};

test.afterAll(() => {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  const lines = [
    '# Fault matrix',
    '',
    'Written by `tests/e2e/faults.spec.js` (Playwright, Chromium, the local Cognito). "Refresh requests" counts the',
    'refresh calls the page sent (`GetTokensFromRefreshToken`).',
    '',
    '| fault | expected | observed | refresh requests |',
    '| --- | --- | --- | ---: |',
    ...rows.map((r) => `| ${r.fault} | ${r.expected} | ${r.observed.replace(/\|/g, '\\|')} | ${r.requests} |`),
    '',
    ...outageReport(),
  ];
  writeFileSync(REPORT, lines.join('\n'));
  console.log(`fault matrix written to ${REPORT}`);
});

/**
 * Refresh requests per tab-minute of a ten-minute outage. Before the tabs shared their back-off,
 * every tab ran the retry loop a lone tab runs, so "before" is the one-tab figure; "now" is the
 * three-tab figure spread over the three tabs.
 */
function outageReport() {
  if (!outages[1] || !outages[3]) return [];
  const perTabMinute = (requests, tabs) => (requests / (tabs * OUTAGE_MINUTES)).toFixed(2);
  return [
    `## Refresh requests per tab-minute of a ${OUTAGE_MINUTES}-minute outage`,
    '',
    '| retry loops | failing requests, 3 tabs | per tab-minute |',
    '| --- | ---: | ---: |',
    `| one per tab (before; each tab as a lone tab: ${outages[1]} requests alone) | ${3 * outages[1]} | ${perTabMinute(outages[1], 1)} |`,
    `| one per browser (now, measured with 3 tabs) | ${outages[3]} | ${perTabMinute(outages[3], 3)} |`,
    '',
  ];
}

/** One row of the matrix: `body` returns what it observed; a failure is recorded too. */
function fault(name, expected, body) {
  test(name, async ({ page, context }) => {
    const app = new AppPage(page);
    let observed = 'did not finish';
    let requests = null;
    try {
      const outcome = await body({ app, page, context });
      // A row may count requests itself (several tabs); else this page's are counted.
      ({ observed, requests = null } = typeof outcome === 'string' ? { observed: outcome } : outcome);
      // Whatever happened, no token reached the console.
      const session = await app.storedSession().catch(() => null);
      for (const token of [session?.access_token, session?.refresh_token].filter(Boolean)) {
        expect(app.console.join('\n')).not.toContain(token);
      }
    } catch (error) {
      observed = `FAILED: ${String(error.message).split('\n')[0]}`;
      throw error;
    } finally {
      rows.push({ fault: name, expected, observed, requests: requests ?? app.count('GetTokensFromRefreshToken') });
    }
  });
}

function signedInWithClock(app, page, config = READ_ONLY_REFRESH) {
  return signedIn(app, { clock: true, config, prefix: 'fault' });
}

const onRefresh = (page, handler) => onOperation(page, 'GetTokensFromRefreshToken', handler);
const cognitoError = (status, type, message) => cognitoAnswer(status, { __type: type, message });

/** A refresh fault that must keep every token; the next read, with the fault gone, refreshes. */
function transient(name, message, answer, paced = false) {
  const next = paced ? 'no request before the back-off ends, then the next read refreshes' : 'next read refreshes';
  fault(name, `signed in, tokens kept, "${message}", ${next}`, async ({ app, page }) => {
    await signedInWithClock(app, page);
    const before = await app.storedSession();
    await onRefresh(page, answer);
    await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
    await app.byTestId('read-token-info').click();
    await expect(app.byTestId('notice')).toContainText(message);
    await expect(app.byTestId('notice')).toContainText('You are still signed in; no token was lost.');
    await expect(app.byTestId('token-info')).toBeVisible();
    expect(await app.storedSession()).toEqual(before);
    const shown = await app.byTestId('notice').textContent();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    if (paced) {
      // Cognito asked to slow down: a read before the back-off's next try sends nothing.
      await app.byTestId('read-token-info').click();
      await expect(app.byTestId('notice')).toContainText('Too many requests right now');
      expect(app.count('GetTokensFromRefreshToken')).toBe(1);
      await page.clock.fastForward('00:03'); // past the first step (1–2 s)
    }
    await app.byTestId('read-token-info').click();
    await expect(app.byTestId('notice')).toContainText('refreshed first');
    expect((await app.storedSession()).refresh_token).not.toBe(before.refresh_token);
    return `kept; "${shown}"; ${paced ? 'a read within the back-off sent nothing; ' : ''}then refreshed`;
  });
}

transient('network drop during refresh', 'Could not reach the sign-in service', (route) => route.abort('internetdisconnected'));
transient('HTTP 500 InternalErrorException', 'The sign-in service had a problem', cognitoError(500, 'InternalErrorException', 'boom'));
transient('400 TooManyRequestsException', 'Too many requests right now', cognitoError(400, 'TooManyRequestsException', 'Rate exceeded'), true);
transient('garbage body (200, not JSON)', 'cannot read', (route) =>
  route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body: '{"AuthenticationResult": ' }),
);
transient('HTML error page (502)', 'cannot read', (route) =>
  route.fulfill({ status: 502, contentType: 'text/html', headers: { 'access-control-allow-origin': '*' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
);

fault('refresh that never answers (timeout)', 'signed in, tokens kept, "did not answer in time"', async ({ app, page }) => {
  await signedInWithClock(app, page);
  const before = await app.storedSession();
  await onRefresh(page, () => {}); // never answered
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await app.byTestId('read-token-info').click();
  await expect.poll(() => app.count('GetTokensFromRefreshToken')).toBe(1);
  await page.clock.fastForward('00:16'); // past the 15 s limit
  await expect(app.byTestId('notice')).toContainText('did not answer in time');
  expect(await app.storedSession()).toEqual(before);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return `kept; "${await app.byTestId('notice').textContent()}"`;
});

for (const [type, message] of [
  ['NotAuthorizedException', 'Refresh Token has been revoked'],
  ['RefreshTokenReuseException', 'Refresh token has been reused'],
]) {
  fault(`400 ${type}`, 'session ended: sign-in page, storage empty, "Your session has ended"', async ({ app, page }) => {
    await signedInWithClock(app, page);
    await onRefresh(page, cognitoError(400, type, message));
    await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
    await app.byTestId('read-token-info').click();
    await expect(app.byTestId('notice')).toHaveText('Your session has ended. Please sign in again.');
    await expect(app.byTestId('sign-in-form')).toBeVisible();
    expect((await app.storages()).session).toEqual({});
    return 'ended; sign-in page; storage empty';
  });
}

fault('offline during refresh, then back online', 'tokens kept, "Offline", refreshed on the online event', async ({ app, page, context }) => {
  await signedInWithClock(app, page, null); // the proactive timer on: it is what retries
  const before = await app.storedSession();
  await context.setOffline(true);
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await expect(app.byTestId('notice')).toContainText('Offline — your session is kept');
  expect(await app.storedSession()).toEqual(before);
  const offline = await app.byTestId('notice').textContent();
  await context.setOffline(false);
  await expect(app.byTestId('log-entry').first()).toContainText('Tokens refreshed ahead of expiry');
  expect((await app.storedSession()).refresh_token).not.toBe(before.refresh_token);
  // The notice described a state that is over: it is withdrawn.
  await expect(app.byTestId('notice')).toHaveCount(0);
  return `kept; "${offline}"; refreshed when back online; the notice withdrawn`;
});

fault('offline, reading the token info', 'tokens kept, "Offline — your session is kept"', async ({ app, page, context }) => {
  await signedInWithClock(app, page);
  const before = await app.storedSession();
  await context.setOffline(true);
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await app.byTestId('read-token-info').click();
  await expect(app.byTestId('notice')).toContainText('Offline — your session is kept');
  await expect(app.byTestId('token-info')).toBeVisible();
  expect(await app.storedSession()).toEqual(before);
  const shown = await app.byTestId('notice').textContent();
  await context.setOffline(false);
  return `kept; "${shown}"`;
});

fault('slow refresh raced by a sign-out', 'signed out, storage empty, the late answer dropped and its new token revoked', async ({ app, page }) => {
  await signedInWithClock(app, page, null); // the proactive timer's refresh is the one raced
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let orphan;
  await onRefresh(page, async (route) => {
    const response = await route.fetch(); // the server rotates now...
    orphan = (await response.json()).AuthenticationResult.RefreshToken;
    await held; // ...but the answer reaches the page only after the sign-out
    await route.fulfill({ response });
  });
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await expect.poll(() => orphan).toBeTruthy();
  await app.byTestId('sign-out').click();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  release();
  await expect.poll(() => app.count('RevokeToken')).toBe(2); // the session's token, then the orphan
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
  expect(await cognito.outcome('GetTokensFromRefreshToken', { ClientId: DEMO.rotationClientId, RefreshToken: orphan })).toBe(
    'NotAuthorizedException',
  );
  return 'signed out; storage empty; late answer dropped; its new refresh token revoked';
});

/** Opens a second tab as "duplicate tab" does: window.open copies this tab's sessionStorage. */
async function duplicateTab(page, context) {
  const [second] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => window.open(location.href))]);
  return new AppPage(second);
}

fault('two tabs refreshing at once with rotation', 'one refresh request; both tabs hold the same new refresh token', async ({ app, page, context }) => {
  const user = await signedInWithClock(app, page, null); // each tab's own timer refreshes
  const before = await app.storedSession();
  const other = await duplicateTab(page, context);
  await other.expectSignedIn(user.username);
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await expect.poll(async () => (await app.storedSession()).refresh_token).not.toBe(before.refresh_token);
  await expect.poll(async () => (await other.storedSession()).refresh_token).toBe((await app.storedSession()).refresh_token);
  await page.clock.fastForward('00:05');
  const requests = app.count('GetTokensFromRefreshToken') + other.count('GetTokensFromRefreshToken');
  expect(requests).toBe(1);
  await other.expectSignedIn(user.username);
  await app.expectSignedIn(user.username);
  const me = await cognito.call('GetUser', { AccessToken: (await other.storedSession()).access_token });
  expect(me.Username).toBe(user.username);
  return { observed: 'both signed in with the same rotated refresh token', requests };
});

const OUTAGE_MINUTES = 10;
/** The shortest wait after `failures` failures in a row (session/policy.rs: 2 s doubling to 2 min, jitter ≥ half). */
const shortestBackOff = (failures) => Math.min(2_000 * 2 ** (failures - 1), 120_000) / 2;

/**
 * A ten-minute outage of the refresh across `count` tabs sharing one session, in page time:
 * every GetTokensFromRefreshToken is answered HTTP 500 (route interception: the local Cognito
 * cannot fail on cue), then the fault ends. The tabs' own timers do the retrying. Page time moves
 * in 1 s steps of the paused clock, so a request's time is known to within one step.
 */
function outage(count) {
  const expected = `at most one refresh per back-off step across ${count === 1 ? 'the tab' : `all ${count} tabs`}; then one refresh that works`;
  fault(`injected: ten-minute outage of the refresh, ${count} tab${count > 1 ? 's' : ''}`, expected, async ({ app, page, context }) => {
    test.setTimeout(240_000);
    const user = await signedInWithClock(app, page, null); // the proactive timers retry
    const tabs = [app];
    while (tabs.length < count) {
      const other = await duplicateTab(page, context);
      await other.expectSignedIn(user.username);
      tabs.push(other);
    }
    let failing = true;
    const sent = []; // { tab, at (page time), failing }
    await context.route(COGNITO_URL, async (route) => {
      const request = route.request();
      if (!request.headers()['x-amz-target']?.endsWith('.GetTokensFromRefreshToken')) return route.continue();
      const from = request.frame().page();
      sent.push({ tab: tabs.findIndex((t) => t.page === from), at: await from.evaluate(() => Date.now()), failing });
      return failing ? cognitoError(500, 'InternalErrorException', 'injected outage')(route) : route.continue();
    });
    const obtained = (await app.storedSession()).obtained_at_ms;
    const started = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(started + 58 * 60_000); // the timers refresh 65 s before the hour ends
    const step = () => page.clock.runFor(1_000);
    while (sent.length === 0) await step();
    const outageStart = sent[0].at;
    while ((await page.evaluate(() => Date.now())) < outageStart + OUTAGE_MINUTES * 60_000) await step();
    const failed = sent.filter((r) => r.failing);
    // One request per step: after k failures in a row nobody tries before the shortest back-off
    // (less one clock step, the precision of a request's time).
    failed.forEach((r, i) => {
      if (i === 0) return;
      const gap = r.at - failed[i - 1].at;
      expect(gap, `request ${i + 1} came ${gap} ms after the one before (tab ${r.tab})`).toBeGreaterThanOrEqual(shortestBackOff(i) - 1_000);
    });
    // The loop really ran: the longest back-offs (2 min) still give at least 8 steps in 10 min.
    expect(failed.length).toBeGreaterThanOrEqual(8);
    let reopened = '';
    if (count > 1) {
      // A tab reloaded during the fault shows the session it holds, and sends nothing.
      const quiet = tabs.find((_, i) => i !== failed.at(-1).tab);
      await quiet.page.reload();
      await quiet.expectSignedIn(user.username);
      await expect(quiet.byTestId('info-expires-in')).toContainText(/^expired — retrying at \d/);
      await expect(quiet.byTestId('notice')).toContainText('another tab of this app is retrying');
      expect(sent.length).toBe(failed.length);
      reopened = `; a reloaded tab shows "${await quiet.byTestId('info-expires-in').textContent()}"`;
    }
    failing = false;
    while (!sent.some((r) => !r.failing)) await step(); // the next step, at most 2 min away
    for (let i = 0; i < 10; i += 1) await step();
    expect(sent.filter((r) => !r.failing)).toHaveLength(1);
    const renewed = (await app.storedSession()).refresh_token;
    for (const tab of tabs) {
      await expect.poll(async () => (await tab.storedSession()).refresh_token).toBe(renewed);
      await expect(tab.byTestId('info-expires-in')).toHaveText(/^(5\d:\d\d|1:00:00)$/);
    }
    expect((await app.storedSession()).obtained_at_ms).not.toBe(obtained);
    outages[count] = failed.length;
    const perStep = `${failed.length} failing requests in ${OUTAGE_MINUTES} min, each at least a back-off step after the last`;
    return { observed: `${perStep}${reopened}; then one refresh, every tab holds its tokens`, requests: sent.length };
  });
}

outage(1);
outage(3);

fault('sign-out in one of two tabs sharing a session', 'both tabs signed out, both storages empty', async ({ app, page, context }) => {
  const user = await signedInWithClock(app, page);
  const other = await duplicateTab(page, context);
  await other.expectSignedIn(user.username);
  await app.byTestId('sign-out').click();
  await expect(other.byTestId('notice')).toHaveText('Signed out in another tab.');
  await expect(other.byTestId('sign-in-form')).toBeVisible();
  expect((await other.storages()).session).toEqual({});
  return 'both signed out';
});

fault('a new tab opened on the app', 'signed in with an open tab\'s session: no password, no request', async ({ app, page, context }) => {
  const user = await signedInWithClock(app, page);
  const other = new AppPage(await context.newPage()); // a new tab: empty sessionStorage
  await other.open();
  await other.expectSignedIn(user.username);
  await expect(other.byTestId('notice')).toHaveText('Signed in with the session of another open tab.');
  expect(other.calls).toEqual([]);
  expect((await other.storedSession()).refresh_token).toBe((await app.storedSession()).refresh_token);
  return 'signed in from the open tab';
});

fault('20 triggers at once after expiry (timer, visibility, online, reads)', 'one refresh request; every trigger sees the new tokens', async ({ app, page }) => {
  await signedInWithClock(app, page, null);
  const before = await app.storedSession();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 61 * 60_000); // expired, no timer yet
  await page.evaluate(() => {
    for (let i = 0; i < 9; i += 1) {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }
    document.querySelector('[data-testid=read-token-info]').click();
  });
  await page.clock.runFor(1_000); // and the keep-alive timer
  await expect.poll(async () => (await app.storedSession()).refresh_token).not.toBe(before.refresh_token);
  await page.clock.runFor(3_000);
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
  await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
  return 'one refresh; the page shows the new tokens';
});

fault('access token near its end', 'refreshed by the timer before expiry, once, without a read', async ({ app, page }) => {
  await signedInWithClock(app, page, null);
  await page.clock.fastForward('59:00');
  await expect(app.byTestId('log-entry').first()).toContainText('Tokens refreshed ahead of expiry');
  await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
  await page.clock.fastForward('00:10');
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
  return 'refreshed 60 s ahead by the timer';
});

for (const hours of [24, -24]) {
  fault(`device clock 24 h ${hours > 0 ? 'ahead' : 'behind'}`, 'signed in, a full hour on the countdown, no refresh loop, drift shown', async ({ app, page }) => {
    const user = await freshUser('skew');
    await page.clock.install({ time: Date.now() + hours * 3_600_000 });
    await app.open();
    await app.signIn(user);
    await app.expectSignedIn(user.username);
    await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
    await expect(app.byTestId('info-drift')).toHaveText(`device is 24 h ${hours > 0 ? 'ahead of' : 'behind'} the server`);
    const drift = await app.byTestId('info-drift').textContent();
    await page.clock.fastForward('05:00');
    expect(app.count('GetTokensFromRefreshToken')).toBe(0);
    await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
    await expect.poll(() => app.count('GetTokensFromRefreshToken')).toBe(1);
    await page.clock.fastForward('00:10');
    expect(app.count('GetTokensFromRefreshToken')).toBe(1);
    const me = await cognito.call('GetUser', { AccessToken: (await app.storedSession()).access_token });
    expect(me.Username).toBe(user.username);
    return `${drift}; countdown a full hour; no refresh for 5 min; one refresh after the hour`;
  });
}

fault('tab hidden (device asleep) across the expiry', 'refreshed once when the tab is visible again', async ({ app, page }) => {
  await signedInWithClock(app, page, null);
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000); // timers stop, as in a sleeping device
  const setVisibility = (state) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  await setVisibility('hidden');
  await page.clock.setSystemTime(now + 61 * 60_000); // time passes, no timer fires
  expect(app.count('GetTokensFromRefreshToken')).toBe(0);
  await setVisibility('visible');
  await expect.poll(() => app.count('GetTokensFromRefreshToken')).toBe(1);
  await expect(app.byTestId('log-entry').first()).toContainText('Tokens refreshed ahead of expiry');
  return 'refreshed on becoming visible';
});

fault('sessionStorage full', 'signed in, session kept in memory, a warning shown', async ({ app, page }) => {
  await app.open();
  await page.evaluate(() => {
    for (const size of [1 << 20, 1 << 14, 1 << 8]) {
      try {
        for (let i = 0; ; i += 1) sessionStorage.setItem(`filler-${size}-${i}`, 'x'.repeat(size));
      } catch {
        // full at this size: go on with smaller pieces
      }
    }
  });
  const user = await freshUser('full');
  await app.signIn(user);
  await app.expectSignedIn(user.username);
  await expect(app.byTestId('storage-warning')).toContainText('sessionStorage is full');
  const english = await app.byTestId('storage-warning').textContent();
  // The reason is the page's own words, so it follows the language like the rest.
  await app.byTestId('language-switch').click();
  await expect(app.byTestId('storage-warning')).toContainText('sessionStorage の容量がいっぱいです');
  await expect(app.byTestId('storage-warning')).not.toContainText('is full');
  await page.evaluate(() => sessionStorage.clear());
  return `signed in; "${english}"`;
});

fault('tampered token in the stored record', 'reset with a message and a clean sign-in page', async ({ app, page }) => {
  const user = await freshUser('tamper');
  await app.open();
  await app.signIn(user);
  await app.expectSignedIn(user.username);
  const key = `cognito-session:${DEMO.rotationClientId}`;
  await page.evaluate((k) => {
    const record = JSON.parse(sessionStorage.getItem(k));
    record.access_token = 'not-a-token';
    sessionStorage.setItem(k, JSON.stringify(record));
  }, key);
  await page.reload();
  await expect(app.byTestId('notice')).toContainText('The saved session could not be read (a token is not in the header.payload.signature form)');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
  return 'reset; clean sign-in page';
});
