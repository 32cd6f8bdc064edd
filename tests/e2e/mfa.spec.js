// Multi-factor sign-in end to end: the local Cognito really checks authenticator-app codes
// (RFC 6238) and "sends" text-message codes; the challenges it never sends (EMAIL_OTP,
// SELECT_MFA_TYPE) and an expired challenge are injected by route interception, as the Cognito
// API reference documents them, and the test names say so.
import { test, expect } from '@playwright/test';
import { AppPage, COGNITO_URL, DEMO, cognito, cognitoAnswer, freshUser, onOperation } from './app.js';
import { base32Decode, totp, totpFromKey } from '../../scripts/totp.mjs';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A user of the demo pool (MFA optional) with an authenticator app set up. */
async function authenticatorUser() {
  const user = await freshUser('totp');
  await cognito.enrolAuthenticator(DEMO.userPoolId, user.username, SECRET);
  return user;
}

/** Six digits that are not the code of this 30 s step nor of its neighbours. */
function wrongCode(secret) {
  const now = Date.now();
  const valid = [-30_000, 0, 30_000].map((d) => totp(secret, now + d));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c));
}

/**
 * Puts `challenges` between the password step and the tokens: the page's answer to
 * PASSWORD_VERIFIER goes to the local Cognito, whose tokens are held back and given for the
 * answer to the last injected challenge. Returns the answers the page sent them.
 */
async function injectChallenges(page, challenges) {
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

  await enterCode(app, totp(SECRET));
  await app.expectSignedIn(user.username);
  const answers = app.bodies.map((b) => JSON.parse(b)).filter((b) => b.ChallengeName === 'SOFTWARE_TOKEN_MFA');
  expect(answers).toHaveLength(2);
  expect(answers[1].Session).toBe(answers[0].Session); // the wrong code did not spend the session
  expect(answers[1].ChallengeResponses).toEqual({ USERNAME: user.username, SOFTWARE_TOKEN_MFA_CODE: totp(SECRET) });
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
