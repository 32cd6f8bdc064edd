// The app end to end: the release build in Chromium, a real local Cognito over HTTP, reached
// cross-origin with CORS as AWS answers it.
import { test, expect } from './fixtures.js';
import {
  AN_HOUR_AND_A_MINUTE, AppPage, DEMO, COGNITO_URL, READ_ONLY_REFRESH, cognito, cognitoAnswer, freshUser, onOperation,
  holdBack, signedIn, useConfig,
} from './app.js';

test('sign in shows the token info, survives a reload, and keeps tokens only in sessionStorage', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app);
  await expect(app.byTestId('info-email')).toHaveText(user.email);
  await expect(app.byTestId('info-has-refresh')).toHaveText('yes');
  await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
  const before = await app.byTestId('info-expires-in').textContent();
  await expect(app.byTestId('info-expires-in')).not.toHaveText(before); // it counts down

  const stored = await app.storedSession();
  expect(stored.v).toBe(1);
  expect(stored.refresh_token).toBeTruthy();
  const all = await app.storages();
  expect(Object.keys(all.session)).toEqual([`cognito-session:${DEMO.rotationClientId}`]);
  expect(all.local).toEqual({});
  expect(all.cookies).toBe('');

  await page.reload();
  await app.expectSignedIn(user.username);
  expect(app.count('GetTokensFromRefreshToken')).toBe(0);

  // No token anywhere but the short previews: not in the page, the URL or the console.
  const html = await page.content();
  for (const token of [stored.access_token, stored.id_token, stored.refresh_token]) {
    expect(html).not.toContain(token);
    expect(page.url()).not.toContain(token);
    expect(app.console.join('\n')).not.toContain(token);
  }
  await expect(app.byTestId('preview-access')).toHaveText(`${stored.access_token.slice(0, 10)}…${stored.access_token.slice(-6)}`);
});

test('a double-clicked sign-in sends one request, shows progress, and the log can be cleared', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser();
  await app.open();
  await app.byTestId('username').fill(user.username);
  await app.byTestId('password').fill(user.password);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(COGNITO_URL, async (route) => {
    await held;
    await route.continue();
  });
  await app.byTestId('sign-in').click();
  await expect(app.byTestId('sign-in')).toHaveText('Signing in…');
  await expect(app.byTestId('sign-in')).toBeDisabled();
  await expect(app.byTestId('sign-in')).toHaveAttribute('aria-busy', 'true');
  await app.byTestId('sign-in').dispatchEvent('click'); // a second click, even on a disabled button
  await app.byTestId('password').press('Enter'); // and a submit from the keyboard
  release();
  await app.expectSignedIn(user.username);
  expect(app.count('InitiateAuth')).toBe(1);
  await expect(app.byTestId('log-entry')).toHaveCount(2);
  await app.byTestId('log-clear').click();
  await expect(app.byTestId('log-entry')).toHaveCount(0);
});

test('SRP sign-in proves the password to the server without ever sending it', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'srp' });
  expect(app.calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(JSON.parse(app.bodies[0]).AuthFlow).toBe('USER_SRP_AUTH');
  expect(JSON.parse(app.bodies[1]).ChallengeName).toBe('PASSWORD_VERIFIER');
  for (const body of app.bodies) expect(body).not.toContain(user.password);
  // fakecloud checked the proof: a wrong password is refused the same way.
  await app.byTestId('sign-out').click();
  await app.signIn({ ...user, password: 'Wrong-Passw0rd!' });
  await expect(app.byTestId('notice')).toHaveText('Incorrect username or password.');
});

test('USER_PASSWORD_AUTH stays available as a config option', async ({ page }) => {
  const app = new AppPage(page);
  await useConfig(page, { signInFlow: 'USER_PASSWORD_AUTH' });
  const user = await signedIn(app, { prefix: 'plain' });
  expect(app.calls).toEqual(['InitiateAuth']);
  expect(JSON.parse(app.bodies[0]).AuthFlow).toBe('USER_PASSWORD_AUTH');
});

test('a challenge the app cannot answer is named, not a blank screen (CUSTOM_CHALLENGE injected by route interception)', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('custom');
  // A pool with a custom-auth Lambda asks this; the local Cognito's pool has none.
  await onOperation(
    page,
    'RespondToAuthChallenge',
    cognitoAnswer(200, { ChallengeName: 'CUSTOM_CHALLENGE', Session: 'opaque', ChallengeParameters: {} }),
  );
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('notice')).toContainText('does not support yet (CUSTOM_CHALLENGE)');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
});

test('a wrong password says so and stores nothing', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser();
  await app.open();
  await app.signIn({ ...user, password: 'Wrong-Passw0rd!' });
  await expect(app.byTestId('notice')).toHaveText('Incorrect username or password.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
  // An unknown user reads the same, so usernames cannot be probed.
  await app.signIn({ username: 'nobody-at-all', password: 'Wrong-Passw0rd!' });
  await expect(app.byTestId('log-entry').first()).toContainText('Sign-in failed: Incorrect username or password.');
});

test('a user who must change password is asked for a new one and signed in', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('newbie', { permanent: false, password: 'Temp-Passw0rd!' });
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('new-password-form')).toBeVisible();
  await app.byTestId('new-password').fill('Brand-New-Passw0rd!');
  await app.byTestId('new-password-confirm').fill('Not-The-Same-1!');
  await app.byTestId('set-password').click();
  await expect(app.byTestId('password-mismatch')).toBeVisible();
  await app.byTestId('new-password-confirm').fill('Brand-New-Passw0rd!');
  await app.byTestId('set-password').click();
  await app.expectSignedIn(user.username);
  expect(app.count('RespondToAuthChallenge')).toBe(2); // PASSWORD_VERIFIER, then NEW_PASSWORD_REQUIRED
  // The new password is the one that works now.
  const outcome = await cognito.outcome('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: DEMO.rotationClientId,
    AuthParameters: { USERNAME: user.username, PASSWORD: 'Brand-New-Passw0rd!' },
  });
  expect(outcome).toBe('OK');
});

test('an expired access token is refreshed once, with rotation, when the token info is read', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { clock: true, config: READ_ONLY_REFRESH });
  const before = await app.storedSession();

  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await expect(app.byTestId('info-expires-in')).toHaveText('expired');
  expect(app.count('GetTokensFromRefreshToken')).toBe(0); // nothing until the info is read
  await app.byTestId('read-token-info').click();
  await expect(app.byTestId('notice')).toContainText('The access token had expired, so it was refreshed first.');
  await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
  expect(app.count('InitiateAuth')).toBe(1); // the sign-in only

  const after = await app.storedSession();
  expect(after.access_token).not.toBe(before.access_token);
  expect(after.refresh_token).not.toBe(before.refresh_token);
  await expect(app.byTestId('notice')).toContainText(`rotated: …${before.refresh_token.slice(-6)} → …${after.refresh_token.slice(-6)}`);
  // The server takes the new access token and refuses the rotated-away refresh token.
  const me = await cognito.call('GetUser', { AccessToken: after.access_token });
  expect(me.Username).toBe(user.username);
  expect(
    await cognito.outcome('GetTokensFromRefreshToken', { ClientId: DEMO.rotationClientId, RefreshToken: before.refresh_token }),
  ).toBe('NotAuthorizedException');

  // Reading again with a fresh token asks nothing.
  await app.byTestId('read-token-info').click();
  await expect(app.byTestId('log-entry').first()).toContainText('still valid');
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
});

test('a reload after expiry refreshes before showing the token info', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { clock: true, config: READ_ONLY_REFRESH });
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await page.reload();
  await app.expectSignedIn(user.username);
  await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
});

test('legacy mode refreshes with REFRESH_TOKEN_AUTH and keeps the refresh token', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { clock: true, config: { ...READ_ONLY_REFRESH, clientId: DEMO.legacyClientId, refreshMode: 'legacy' } });
  await expect(app.byTestId('pool')).toContainText('legacy refresh');
  const before = await app.storedSession();
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await app.byTestId('read-token-info').click();
  await expect(app.byTestId('notice')).toContainText('The refresh token was kept (not rotated).');
  expect(app.count('InitiateAuth')).toBe(2); // sign-in, then one REFRESH_TOKEN_AUTH
  expect(app.count('GetTokensFromRefreshToken')).toBe(0);
  const after = await app.storedSession();
  expect(after.refresh_token).toBe(before.refresh_token);
  expect(after.access_token).not.toBe(before.access_token);
  await expect(app.byTestId('info-rotated-at')).toHaveText('not yet');
});

test('refresh now reports the rotation with old and new token tails', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app);
  const before = await app.storedSession();
  await app.byTestId('refresh-now').click();
  await expect(app.byTestId('notice')).toContainText('Tokens refreshed. The refresh token rotated');
  const after = await app.storedSession();
  await expect(app.byTestId('notice')).toContainText(`…${before.refresh_token.slice(-6)} → …${after.refresh_token.slice(-6)}`);
  await expect(app.byTestId('info-rotated-at')).not.toHaveText('not yet');
  await expect(app.byTestId('preview-refresh')).toContainText(after.refresh_token.slice(-6));
  expect(app.count('GetTokensFromRefreshToken')).toBe(1);
});

test('sign out revokes the refresh token and empties storage', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app);
  const stored = await app.storedSession();
  await app.byTestId('sign-out').click();
  await expect(app.byTestId('notice')).toHaveText('Signed out. The refresh token was revoked.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect(app.count('RevokeToken')).toBe(1);
  expect((await app.storages()).session).toEqual({});
  expect(
    await cognito.outcome('GetTokensFromRefreshToken', { ClientId: DEMO.rotationClientId, RefreshToken: stored.refresh_token }),
  ).toBe('NotAuthorizedException');
  await page.reload();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
});

test('sign-out leaves the session at once, before a slow revoke answers', async ({ page }) => {
  const app = new AppPage(page);
  await signedIn(app);
  // Held back by route interception: the local Cognito cannot be made slow.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await onOperation(page, 'RevokeToken', async (route) => {
    await held;
    await route.continue();
  });
  await app.byTestId('sign-out').click();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  await expect(app.byTestId('token-info')).toHaveCount(0);
  await expect(app.byTestId('notice')).toHaveText('Signed out on this device. Revoking the refresh token…');
  expect((await app.storages()).session).toEqual({});
  await expect(app.byTestId('sign-in')).toBeEnabled();
  release();
  await expect(app.byTestId('notice')).toHaveText('Signed out. The refresh token was revoked.');
});

test('a failed revoke still signs out here and says so', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app);
  // A fault the server cannot produce: the network drops the revoke.
  await onOperation(page, 'RevokeToken', (route) => route.abort('internetdisconnected'));
  await app.byTestId('sign-out').click();
  await expect(app.byTestId('notice')).toContainText('Signed out on this device, but the refresh token could not be revoked');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
});

test('a dead refresh token leads back to sign-in with a message', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { clock: true, config: READ_ONLY_REFRESH });
  await cognito.expireTokens(DEMO.userPoolId, user.username);
  await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
  await app.byTestId('read-token-info').click();
  await expect(app.byTestId('notice')).toHaveText('Your session has ended. Please sign in again.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
});

test('markup in a username is shown as text, never run', async ({ page }) => {
  const app = new AppPage(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    return dialog.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  await app.open();
  await app.signIn({ username: evil, password: 'Whatever-1!' });
  await expect(app.byTestId('log-entry').nth(1)).toContainText(`Signing in as ${evil}…`);
  await expect(app.byTestId('notice')).toHaveText('Incorrect username or password.');
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a corrupted session record gives a clear message and a clean sign-in page', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate((key) => sessionStorage.setItem(key, '{"v":1,"access_token":"eyJ'), `cognito-session:${DEMO.rotationClientId}`);
  await page.reload();
  await expect(app.byTestId('notice')).toHaveText(
    'The saved session could not be read (it is not valid JSON), so it was cleared. Please sign in again.',
  );
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
  const user = await freshUser();
  await app.signIn(user);
  await app.expectSignedIn(user.username);
});

test('a broken config.json names the field at fault', async ({ page }) => {
  const app = new AppPage(page);
  await useConfig(page, { userPoolId: 'eu-west-1_Wrong' });
  await app.open();
  await expect(app.byTestId('config-error')).toContainText('config.json, field "userPoolId"');
});

test('a late config.json (held back by route interception), in a tab with a session: the page says it is loading it, then shows the session', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'late' });
  const release = await holdBack(page, '**/config.json');
  await page.reload();
  await expect(app.byTestId('loading-config')).toBeVisible();
  await expect(app.byTestId('language-switch')).toBeVisible();
  await expect(page.locator('#early-sign-in')).toBeHidden();
  release();
  await app.expectSignedIn(user.username);
  await expect(app.byTestId('loading-config')).toHaveCount(0);
});

test('a late config.json (held back by route interception), in a tab with no session: the early sign-in screen stays, with no "loading" line over it', async ({ page }) => {
  const app = new AppPage(page);
  await page.clock.install();
  const release = await holdBack(page, '**/config.json');
  await page.goto('/');
  // The app has started (its empty page is in); its "late" timer runs out.
  await expect(page.locator('main')).toHaveCount(2);
  await page.clock.runFor(1000);
  await expect(page.locator('#early-sign-in')).toBeVisible();
  // The app has drawn its "loading" line, and it is kept out of sight.
  await expect(app.byTestId('loading-config')).toBeAttached();
  await expect(app.byTestId('loading-config')).toBeHidden();
  release();
  await app.byTestId('pool').waitFor();
  await expect(page.locator('#early-sign-in')).toHaveCount(0);
  await expect(app.byTestId('sign-in-form')).toBeVisible();
});

test('a config.json that is there at start: no "loading" line is ever drawn before the form', async ({ page }) => {
  const app = new AppPage(page);
  // Records every element with a test id that enters the page, from the first one on.
  await page.addInitScript(() => {
    window.drawn = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          for (const el of [node, ...node.querySelectorAll('[data-testid]')]) {
            if (el.dataset.testid) window.drawn.push(el.dataset.testid);
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await app.open();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  const drawn = await page.evaluate(() => window.drawn);
  expect(drawn).toContain('sign-in-form');
  expect(drawn).not.toContain('loading-config');
});

for (const idle of ['with', 'without']) {
  // Safari has no requestIdleCallback: there a timer does the warm-up.
  test(`the clock's locale data is loaded while the page is idle, ${idle} requestIdleCallback`, async ({ page }) => {
    const app = new AppPage(page);
    // Counts the times the page writes; with none on the sign-in page, only the warm-up writes one.
    await page.addInitScript((remove) => {
      if (remove) delete window.requestIdleCallback;
      window.timesWritten = 0;
      const write = Date.prototype.toLocaleTimeString;
      Date.prototype.toLocaleTimeString = function (...args) {
        window.timesWritten += 1;
        return write.apply(this, args);
      };
    }, idle === 'without');
    await app.open();
    await expect(app.byTestId('sign-in-form')).toBeVisible();
    expect(await page.evaluate(() => typeof window.requestIdleCallback)).toBe(idle === 'with' ? 'function' : 'undefined');
    await expect.poll(() => page.evaluate(() => window.timesWritten)).toBe(1);
  });
}

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says the app needs it, in Japanese and English, instead of staying blank', async ({ page }) => {
    await page.goto('/');
    // Playwright's text selectors skip <noscript>; CSS ones do not.
    await expect(page.locator('noscript p[lang=ja]')).toBeVisible();
    await expect(page.locator('noscript p[lang=ja]')).toContainText('このアプリには JavaScript が必要です');
    await expect(page.locator('noscript p:not([lang])')).toHaveText('This app needs JavaScript. Turn it on, then reload the page.');
    // index.html's early sign-in form is not shown: without the app it could never be sent.
    await expect(page.locator('#early-sign-in')).toBeHidden();
  });
});

test('the profile is read with the access token (GetUser)', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'profile' });
  await app.byTestId('load-profile').click();
  await expect(app.byTestId('profile-email')).toHaveText(user.email);
  expect(app.count('GetUser')).toBe(1);
  expect(JSON.parse(app.bodies.at(-1)).AccessToken).toBe((await app.storedSession()).access_token);
});

test('nothing of one user survives into the next: another tab signs out, a new user signs in', async ({ page, context }) => {
  const app = new AppPage(page);
  const first = await signedIn(app, { prefix: 'first' });
  await app.byTestId('load-profile').click();
  await expect(app.byTestId('profile-email')).toHaveText(first.email);
  // A second tab takes up the shared session, then signs out of it.
  const other = new AppPage(await context.newPage());
  await other.open();
  await other.expectSignedIn(first.username);
  await other.byTestId('sign-out').click();
  await expect(app.byTestId('notice')).toHaveText('Signed out in another tab.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  const second = await freshUser('second');
  await app.signIn(second);
  await app.expectSignedIn(second.username);
  await expect(app.byTestId('profile')).toHaveCount(0);
  const shown = await app.byTestId('account').textContent();
  expect(shown).not.toContain(first.email);
  expect(await app.byTestId('token-info').textContent()).not.toContain(first.username);
});

test('sign out everywhere ends the session on the server too', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'global' });
  const stored = await app.storedSession();
  await app.byTestId('sign-out-everywhere').click();
  await expect(app.byTestId('notice')).toHaveText('Signed out on every device.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect(app.count('GlobalSignOut')).toBe(1);
  expect((await app.storages()).session).toEqual({});
  expect(await cognito.outcome('GetUser', { AccessToken: stored.access_token })).toBe('NotAuthorizedException');
  expect(
    await cognito.outcome('GetTokensFromRefreshToken', { ClientId: DEMO.rotationClientId, RefreshToken: stored.refresh_token }),
  ).toBe('NotAuthorizedException');
});
