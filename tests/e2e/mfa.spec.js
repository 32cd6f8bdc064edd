// Multi-factor sign-in end to end: the local Cognito really checks authenticator-app codes
// (RFC 6238) and "sends" text-message codes; the challenges it never sends (EMAIL_OTP,
// SELECT_MFA_TYPE) and an expired challenge are injected by route interception, as the Cognito
// API reference documents them, and the test names say so.
import { test, expect } from './fixtures.js';
import {
  AUTHENTICATOR_SECRET as SECRET, AppPage, COGNITO_URL, DEMO, authenticatorUser, cognito, cognitoAnswer, freshUser, injectChallenges, signedIn, uniqueName, useConfig,
} from './app.js';
import { base32Decode, totp, totpFromKey } from '../../scripts/totp.mjs';
import jsQR from 'jsqr';

/** Six digits that are not the code of this 30 s step nor of its neighbours. */
function wrongCode(secret) {
  const now = Date.now();
  const valid = [-30_000, 0, 30_000].map((d) => totp(secret, now + d));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c));
}

async function enterCode(app, code) {
  await app.byTestId('mfa-code').fill(code);
  await app.byTestId('verify-code').click();
}

test('the TOTP helper computes the RFC 6238 test vectors', () => {
  const key = Buffer.from('12345678901234567890'); // RFC 6238 appendix B, SHA-1
  const vectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) expect(totpFromKey(key, seconds * 1000, 8)).toBe(code);
  expect(base32Decode('GEZDGNBVGY3TQOJQ').toString()).toBe('1234567890');
});

test('an authenticator-app user signs in with the code; a wrong code first keeps the code step', async ({ page }) => {
  const app = new AppPage(page);
  const user = await authenticatorUser();
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('code-form')).toBeVisible();
  await expect(app.byTestId('code-prompt')).toHaveText('Enter the 6-digit code your authenticator app shows.');
  const field = app.byTestId('mfa-code');
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');

  await enterCode(app, wrongCode(SECRET));
  await expect(app.byTestId('notice')).toHaveText('That code is not right. Check it and try again.');
  await expect(app.byTestId('code-form')).toBeVisible();
  await expect(field).toHaveValue('');
  expect((await app.storages()).session).toEqual({});

  const code = totp(SECRET); // once: a 30-second step may end before the check below
  await enterCode(app, code);
  await app.expectSignedIn(user.username);
  const answers = app.bodies.map((b) => JSON.parse(b)).filter((b) => b.ChallengeName === 'SOFTWARE_TOKEN_MFA');
  expect(answers).toHaveLength(2);
  expect(answers[1].Session).toBe(answers[0].Session); // the wrong code did not spend the session
  expect(answers[1].ChallengeResponses).toEqual({ USERNAME: user.username, SOFTWARE_TOKEN_MFA_CODE: code });
});

test('a text-message MFA user is told where the code went and signs in with it', async ({ page }) => {
  const app = new AppPage(page);
  const phone = `+1555${String(Date.now()).slice(-7)}`;
  const user = await freshUser('sms', { phone });
  await cognito.enableSmsMfa(DEMO.userPoolId, user.username);
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('code-prompt')).toHaveText(`We sent a code to ********${phone.slice(-4)}. Enter it here.`);
  const sent = (await cognito.textMessages()).filter((m) => m.phoneNumber === phone);
  expect(sent).toHaveLength(1);
  const code = sent[0].message.match(/\d{6}/)[0];
  await enterCode(app, code);
  await app.expectSignedIn(user.username);
  const answer = JSON.parse(app.bodies.at(-1));
  expect(answer.ChallengeResponses.SMS_MFA_CODE).toBe(code);
});

test('an email code step names the address and signs in (EMAIL_OTP injected by route interception)', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('email');
  const answers = await injectChallenges(page, [
    {
      ChallengeName: 'EMAIL_OTP',
      Session: 'email-session',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
        CODE_DELIVERY_DESTINATION: 'e***@e***.com',
        USER_ID_FOR_SRP: user.username,
      },
    },
  ]);
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('code-prompt')).toHaveText('We sent a code to e***@e***.com. Enter it here.');
  await enterCode(app, '1234 5678');
  await app.expectSignedIn(user.username);
  expect(answers).toEqual([
    {
      ChallengeName: 'EMAIL_OTP',
      ClientId: DEMO.rotationClientId,
      Session: 'email-session',
      ChallengeResponses: { USERNAME: user.username, EMAIL_OTP_CODE: '12345678' },
    },
  ]);
});

test('a user with several factors picks one, then enters its code (SELECT_MFA_TYPE injected by route interception)', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('select');
  const answers = await injectChallenges(page, [
    {
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: 'select-session',
      ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: user.username },
    },
    { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'totp-session', ChallengeParameters: {} },
  ]);
  await app.open();
  await app.signIn(user);
  const choice = app.byTestId('factor-choice');
  await expect(choice.getByRole('button')).toHaveText(['Text message (SMS)', 'Authenticator app']);
  await app.byTestId('factor-SOFTWARE_TOKEN_MFA').click();
  await expect(app.byTestId('code-prompt')).toContainText('authenticator app');
  await enterCode(app, '246810');
  await app.expectSignedIn(user.username);
  expect(answers.map((a) => [a.ChallengeName, a.Session, a.ChallengeResponses])).toEqual([
    ['SELECT_MFA_TYPE', 'select-session', { USERNAME: user.username, ANSWER: 'SOFTWARE_TOKEN_MFA' }],
    ['SOFTWARE_TOKEN_MFA', 'totp-session', { USERNAME: user.username, SOFTWARE_TOKEN_MFA_CODE: '246810' }],
  ]);
});

test('a code step whose session has expired goes back to sign-in saying why (NotAuthorizedException injected by route interception)', async ({ page }) => {
  const app = new AppPage(page);
  const user = await authenticatorUser();
  await page.route(COGNITO_URL, (route) =>
    JSON.parse(route.request().postData() ?? '{}').ChallengeName === 'SOFTWARE_TOKEN_MFA'
      ? cognitoAnswer(400, { __type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' })(route)
      : route.continue(),
  );
  await app.open();
  await app.signIn(user);
  await enterCode(app, totp(SECRET));
  await expect(app.byTestId('notice')).toHaveText('This sign-in took too long and has expired. Please sign in again.');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  expect((await app.storages()).session).toEqual({});
});

/** The secret the setup screen shows, as typed into an app (groups joined). */
async function shownSecret(app) {
  const secret = (await app.byTestId('totp-secret').textContent()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  return secret;
}

/** Everything a user or a script could read the secret from afterwards: storage, console, log. */
async function expectSecretNowhere(app, secret) {
  expect(JSON.stringify(await app.storages())).not.toContain(secret);
  expect(app.console.join('\n')).not.toContain(secret);
  expect(await app.byTestId('log').textContent()).not.toContain(secret);
}

async function signOutAndIn(app, user) {
  await app.byTestId('sign-out').click();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  await app.signIn(user);
}

test('an authenticator app set up on the account screen is asked for at the next sign-in, and turned off again', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'enrol' });
  await app.byTestId('load-profile').click();
  await expect(app.byTestId('mfa-SOFTWARE_TOKEN_MFA')).toHaveText('Authenticator app: off');
  await expect(app.byTestId('mfa-SMS_MFA')).toHaveText('Text message (SMS): off');
  await expect(app.byTestId('mfa-sms-on')).toHaveCount(0); // no verified phone number

  await app.byTestId('mfa-app-setup').click();
  const secret = await shownSecret(app);
  await expect(app.byTestId('totp-qr').locator('path')).toHaveAttribute('d', /^M\d+ \d+h\d+v1H\d+z/);
  await app.byTestId('setup-code').fill(wrongCode(secret));
  await app.byTestId('verify-app').click();
  await expect(app.byTestId('notice')).toHaveText('That code is not right. Check it and try again.');
  await expect(app.byTestId('setup-code')).toHaveValue('');
  await expect(app.byTestId('mfa-SOFTWARE_TOKEN_MFA')).toHaveText('Authenticator app: off');

  await app.byTestId('setup-code').fill(totp(secret));
  await app.byTestId('device-name').fill("Ann's phone");
  await app.byTestId('verify-app').click();
  await expect(app.byTestId('notice')).toHaveText('Authenticator app set up. Sign-ins now ask for its code.');
  await expect(app.byTestId('app-setup')).toHaveCount(0);
  await expect(app.byTestId('mfa-SOFTWARE_TOKEN_MFA')).toHaveText('Authenticator app: on, asked for first');
  const verify = app.bodies[app.calls.lastIndexOf('VerifySoftwareToken')];
  expect(JSON.parse(verify)).toMatchObject({ FriendlyDeviceName: "Ann's phone" });
  await expectSecretNowhere(app, secret);

  await signOutAndIn(app, user);
  await expect(app.byTestId('code-prompt')).toHaveText('Enter the 6-digit code your authenticator app shows.');
  await enterCode(app, totp(secret));
  await app.expectSignedIn(user.username);

  await app.byTestId('load-profile').click();
  await app.byTestId('mfa-app-off').click();
  await expect(app.byTestId('notice')).toHaveText('Authenticator-app codes turned off.');
  await expect(app.byTestId('mfa-SOFTWARE_TOKEN_MFA')).toHaveText('Authenticator app: off');
  await signOutAndIn(app, user);
  await app.expectSignedIn(user.username);
});

test('setting up an app can be cancelled, and leaves the factors as they were', async ({ page }) => {
  const app = new AppPage(page);
  await signedIn(app, { prefix: 'cancel' });
  await app.byTestId('load-profile').click();
  await app.byTestId('mfa-app-setup').click();
  await expect(app.byTestId('totp-secret')).toBeVisible();
  await app.byTestId('cancel-app-setup').click();
  await expect(app.byTestId('app-setup')).toHaveCount(0);
  await expect(app.byTestId('mfa-SOFTWARE_TOKEN_MFA')).toHaveText('Authenticator app: off');
  expect(app.count('VerifySoftwareToken') + app.count('SetUserMFAPreference')).toBe(0);
});

test('text-message codes are turned on for a verified phone, asked for at sign-in, and turned off', async ({ page }) => {
  const app = new AppPage(page);
  const phone = '+15555550177';
  const user = await freshUser('smson', { phone });
  await app.open();
  await app.signIn(user);
  await app.expectSignedIn(user.username);
  await app.byTestId('load-profile').click();
  await app.byTestId('mfa-sms-on').click();
  await expect(app.byTestId('notice')).toHaveText('Text-message codes turned on.');
  await expect(app.byTestId('mfa-SMS_MFA')).toHaveText('Text message (SMS): on, asked for first');

  await signOutAndIn(app, user);
  await expect(app.byTestId('code-prompt')).toContainText('We sent a code to');
  const sent = (await cognito.textMessages()).filter((m) => m.phoneNumber === phone);
  await enterCode(app, sent.at(-1).message.match(/\d{6}/)[0]);
  await app.expectSignedIn(user.username);

  await app.byTestId('load-profile').click();
  await app.byTestId('mfa-sms-off').click();
  await expect(app.byTestId('mfa-SMS_MFA')).toHaveText('Text message (SMS): off');
  await signOutAndIn(app, user);
  await app.expectSignedIn(user.username);
});

test('a pool that requires MFA has a user with none set up an app at sign-in (session chaining bridged by route interception)', async ({ page }) => {
  const app = new AppPage(page);
  const username = uniqueName('setup');
  const user = { username, password: DEMO.setupUser.password, email: `${username}@example.com` };
  await cognito.createUser(DEMO.mfaPoolId, user);
  await useConfig(page, { userPoolId: DEMO.mfaPoolId, clientId: DEMO.mfaClientId });
  // The local Cognito checks the code and ends the sign-in, but knows only the MFA_SETUP
  // challenge's own session and returns none from VerifySoftwareToken. So each call's session
  // is checked to be the one the previous answer gave, then swapped back for the challenge's on
  // the way to the server; VerifySoftwareToken's answer gets a session of its own, as Cognito's has.
  const seen = { challenge: null, associated: null, verified: 'verified-session-1', hops: [] };
  await page.route(COGNITO_URL, async (route) => {
    const target = route.request().headers()['x-amz-target'] ?? '';
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (target.endsWith('.AssociateSoftwareToken')) {
      seen.challenge = body.Session;
      const response = await route.fetch();
      seen.associated = (await response.json()).Session;
      return route.fulfill({ response });
    }
    if (target.endsWith('.VerifySoftwareToken')) {
      seen.hops.push(body.Session === seen.associated);
      const response = await route.fetch({ postData: JSON.stringify({ ...body, Session: seen.challenge }) });
      const answer = await response.json();
      return cognitoAnswer(response.status(), response.ok() ? { ...answer, Session: seen.verified } : answer)(route);
    }
    if (body.ChallengeName === 'MFA_SETUP') {
      seen.hops.push(body.Session === seen.verified);
      return route.continue({ postData: JSON.stringify({ ...body, Session: seen.challenge }) });
    }
    return route.continue();
  });
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('notice')).toHaveText('This account needs a second sign-in step. Set up an authenticator app to go on.');
  const secret = await shownSecret(app);
  await expect(app.byTestId('totp-qr')).toBeVisible();
  expect(seen.associated).toBeTruthy();

  await app.byTestId('setup-code').fill(wrongCode(secret));
  await app.byTestId('verify-app').click();
  await expect(app.byTestId('notice')).toHaveText('That code is not right. Check it and try again.');
  await expect(app.byTestId('setup-code')).toHaveValue('');
  await app.byTestId('setup-code').fill(totp(secret));
  await app.byTestId('verify-app').click();
  await app.expectSignedIn(user.username);
  // Wrong code, right code, MFA_SETUP: each sent the session the previous answer gave.
  expect(seen.hops).toEqual([true, true, true]);
  await expectSecretNowhere(app, secret);

  // The app now guards the account: the next sign-in asks for its code.
  await signOutAndIn(app, user);
  await enterCode(app, totp(secret));
  await app.expectSignedIn(user.username);
});

test('the setup QR code, decoded from the page, holds the otpauth URI with the issuer, the user and the secret', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'qr', config: { mfaIssuer: 'Example Corp' } });
  await app.byTestId('load-profile').click();
  await app.byTestId('mfa-app-setup').click();
  const secret = await shownSecret(app);
  const svg = app.byTestId('totp-qr');
  const [viewBox, d] = [await svg.getAttribute('viewBox'), await svg.locator('path').getAttribute('d')];
  expect(decodeQrPath(viewBox, d)).toBe(
    `otpauth://totp/Example%20Corp:${encodeURIComponent(user.username)}?secret=${secret}&issuer=Example%20Corp`,
  );
});

/** Paints the SVG path's rectangles (`M x y h w v1 H x z`) and reads them with a QR decoder. */
function decodeQrPath(viewBox, d, scale = 4) {
  const side = Number(viewBox.split(' ')[2]);
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
      for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}
