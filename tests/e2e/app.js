// What the tests share: the local Cognito, fresh users, and a page object for the app.
import { expect } from '@playwright/test';
import { DEMO, Fakecloud } from '../../scripts/fakecloud.mjs';

export { DEMO };
/** The local Cognito the app under test talks to; scripts/test.sh sets it (scripts/ports.sh). */
export const COGNITO_URL = process.env.COGNITO_URL;
if (!COGNITO_URL) throw new Error('COGNITO_URL is not set: run the end-to-end tests with `bash scripts/test.sh`');
export const cognito = new Fakecloud(COGNITO_URL);
export const PASSWORD = 'Str0ng-Passw0rd!';

/** Playwright clock time past the access token's hour. */
export const AN_HOUR_AND_A_MINUTE = '01:01:00';
/** For tests about the refresh a read makes: the proactive timer is switched off. */
export const READ_ONLY_REFRESH = { proactiveRefreshSeconds: 0 };

let counter = 0;
/** A username no other test uses. */
export function uniqueName(prefix = 'user') {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A new user of the demo pool, so no test shares tokens with another (`phone` optional). */
export async function freshUser(prefix = 'user', options = {}) {
  const username = uniqueName(prefix);
  const user = { username, password: options.password ?? PASSWORD, email: `${username}@example.com`, phone: options.phone };
  await cognito.createUser(DEMO.userPoolId, user, options);
  return user;
}

/** The authenticator-app secret the tests enrol (base32 of "12345678901234567890"). */
export const AUTHENTICATOR_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A user of the demo pool (MFA optional) with an authenticator app set up. */
export async function authenticatorUser(prefix = 'totp') {
  const user = await freshUser(prefix);
  await cognito.enrolAuthenticator(DEMO.userPoolId, user.username, AUTHENTICATOR_SECRET);
  return user;
}

/**
 * Answers the page's calls of one Cognito operation with `handler` (a Playwright route
 * handler); every other call goes through to the local Cognito. For faults and answers the
 * server cannot produce.
 */
export async function onOperation(page, operation, handler) {
  await page.route(COGNITO_URL, (route) =>
    route.request().headers()['x-amz-target']?.endsWith(`.${operation}`) ? handler(route) : route.continue(),
  );
}

/** A route handler that answers as Cognito would, with `body` as JSON. */
export const cognitoAnswer = (status, body) => (route) =>
  route.fulfill({
    status,
    contentType: 'application/x-amz-json-1.1',
    headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  });

/**
 * Puts `challenges` between the password step and the tokens: the page's answer to
 * PASSWORD_VERIFIER goes to the local Cognito, whose tokens are held back and given for the
 * answer to the last injected challenge. Returns the answers the page sent them.
 */
export async function injectChallenges(page, challenges) {
  const answers = [];
  const queue = [...challenges];
  let tokens = null;
  await onOperation(page, 'RespondToAuthChallenge', async (route) => {
    const body = JSON.parse(route.request().postData());
    if (body.ChallengeName === 'PASSWORD_VERIFIER') {
      tokens = await (await route.fetch()).json();
    } else {
      answers.push(body);
    }
    await cognitoAnswer(200, queue.shift() ?? tokens)(route);
  });
  return answers;
}

/**
 * Holds back the page's requests for `url` (a Playwright route glob) until the returned function
 * is called: a late config.json, an app whose wasm has not arrived yet.
 */
export async function holdBack(page, url) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Serves config.json with other values (e.g. the legacy client) — deployment data, not Cognito. */
export async function useConfig(page, changes) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = { ...(await response.json()), ...changes };
    await route.fulfill({ response, json: config });
  });
}

/**
 * A fresh user, signed in on `app`. `clock` installs Playwright's clock first (to move time
 * later); `config` changes config.json for this page.
 */
export async function signedIn(app, { clock = false, config = null, prefix = 'user' } = {}) {
  if (config) await useConfig(app.page, config);
  const user = await freshUser(prefix);
  if (clock) await app.page.clock.install();
  await app.open();
  await app.signIn(user);
  await app.expectSignedIn(user.username);
  return user;
}

export class AppPage {
  constructor(page) {
    this.page = page;
    /** Every Cognito call the page makes, by operation name, in order, and their bodies. */
    this.calls = [];
    this.bodies = [];
    this.console = [];
    page.on('request', (request) => {
      const target = request.headers()['x-amz-target'];
      if (request.method() === 'POST' && target) {
        this.calls.push(target.split('.').pop());
        this.bodies.push(request.postData() ?? '');
      }
    });
    page.on('console', (message) => this.console.push(message.text()));
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  count(operation) {
    return this.calls.filter((c) => c === operation).length;
  }

  /** Loads the app and waits until it has started (read its config and its saved session). */
  async open() {
    await this.page.goto('/');
    await this.page.locator('[data-testid=pool], [data-testid=config-error]').first().waitFor();
  }

  async signIn({ username, password }) {
    await this.byTestId('username').fill(username);
    await this.byTestId('password').fill(password);
    await this.byTestId('sign-in').click();
  }

  async expectSignedIn(username) {
    await expect(this.byTestId('info-username')).toHaveText(username);
  }

  /** The session record this page keeps (there is one key per app client). */
  async storedSession() {
    return this.page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('cognito-session:'));
      return key ? JSON.parse(sessionStorage.getItem(key)) : null;
    });
  }

  /** Everything the page keeps: sessionStorage, localStorage, cookies. */
  async storages() {
    return this.page.evaluate(() => ({
      session: Object.fromEntries(Object.entries(sessionStorage)),
      local: Object.fromEntries(Object.entries(localStorage)),
      cookies: document.cookie,
    }));
  }
}
