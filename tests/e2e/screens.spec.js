// Every screen of the app, in English and in Japanese: checked with axe-core (WCAG 2.2 A and
// AA) at phone and desktop widths, light and dark, and photographed for the gallery
// (reports/screens/index.html); each form as password managers read it; and the main flows with
// the keyboard alone (in English).
// The real local Cognito brings each screen up; the factor choice, which it never sends, is
// injected by route interception (the test name says so).
import { test, expect } from './fixtures.js';
import {
  AN_HOUR_AND_A_MINUTE, AppPage, DEMO, PASSWORD, authenticatorUser, cognito, cognitoAnswer, freshUser, injectChallenges,
  onOperation, signedIn, uniqueName, useConfig,
} from './app.js';
import { forms, lookAt, writeGallery } from './screens.js';

test.afterAll(writeGallery);

/**
 * Each language's pass: the browser's preferred language picks it (navigator.languages), and a
 * few words the checks below read, as that language's table (src/i18n) writes them.
 */
const PASSES = {
  en: {
    locale: 'en-US',
    refused: 'Incorrect username or password.',
    mismatch: 'The two passwords are not the same.',
    retrying: 'expired — retrying at',
    appCode: 'Enter the 6-digit code your authenticator app shows.',
  },
  ja: {
    locale: 'ja-JP',
    refused: 'ユーザー名またはパスワードが正しくありません。',
    mismatch: '2つのパスワードが一致しません。',
    retrying: '期限切れ — ',
    appCode: '認証アプリに表示されている6桁のコードを入力してください。',
  },
};

for (const [lang, words] of Object.entries(PASSES)) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: words.locale });

    test(`the config-error page (${lang})`, async ({ page }) => {
      const app = new AppPage(page);
      await useConfig(page, { userPoolId: 'eu-west-1_Wrong' });
      await app.open();
      await expect(app.byTestId('config-error')).toBeVisible();
      await lookAt(page, 'config-error', 'Config error', lang);
    });

    test(`the signed-out screens: sign in, a refused password, sign up, confirm, forgot, reset (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      const app = new AppPage(page);
      await app.open();
      await lookAt(page, 'sign-in', 'Sign in', lang);
      expect(await forms(page)).toEqual({ 'sign-in-form': { submits: 1, fields: ['username', 'current-password'] } });

      const user = await freshUser('screens');
      await app.signIn({ ...user, password: 'Wrong-Passw0rd!' });
      await expect(app.byTestId('notice')).toContainText(words.refused);
      await lookAt(page, 'sign-in-refused', 'Sign in, password refused', lang);

      await app.byTestId('go-sign-up').click();
      await expect(app.byTestId('sign-up-form')).toBeVisible();
      await lookAt(page, 'sign-up', 'Sign up', lang);
      expect(await forms(page)).toEqual({ 'sign-up-form': { submits: 1, fields: ['username', 'email', 'new-password'] } });
      const username = uniqueName('screens');
      await app.byTestId('sign-up-username').fill(username);
      await app.byTestId('sign-up-email').fill(`${username}@example.com`);
      await app.byTestId('sign-up-password').fill(PASSWORD);
      await app.byTestId('sign-up').click();
      await expect(app.byTestId('confirm-form')).toBeVisible();
      await lookAt(page, 'confirm', 'Confirm the account', lang);
      expect(await forms(page)).toEqual({ 'confirm-form': { submits: 1, fields: ['one-time-code'] } });

      await app.byTestId('go-sign-in').click();
      await app.byTestId('go-forgot-password').click();
      await expect(app.byTestId('forgot-form')).toBeVisible();
      await lookAt(page, 'forgot', 'Forgot password', lang);
      expect(await forms(page)).toEqual({ 'forgot-form': { submits: 1, fields: ['username'] } });
      await app.byTestId('forgot-username').fill(user.username);
      await app.byTestId('send-reset-code').click();
      await expect(app.byTestId('reset-form')).toBeVisible();
      await lookAt(page, 'reset', 'Reset password', lang);
      expect(await forms(page)).toEqual({ 'reset-form': { submits: 1, fields: ['hidden:username', 'one-time-code', 'new-password'] } });
      await expect(app.byTestId('hidden-username')).toHaveValue(user.username);
    });

    test(`the new-password screen (${lang})`, async ({ page }) => {
      const app = new AppPage(page);
      const user = await freshUser('screens', { permanent: false, password: 'Temp-Passw0rd!' });
      await app.open();
      await app.signIn(user);
      await expect(app.byTestId('new-password-form')).toBeVisible();
      await lookAt(page, 'new-password', 'New password', lang);
      expect(await forms(page)).toEqual({ 'new-password-form': { submits: 1, fields: ['hidden:username', 'new-password', 'new-password'] } });
      await expect(app.byTestId('hidden-username')).toHaveValue(user.username);
      // A mismatch is said beside the field and tied to it.
      await app.byTestId('new-password').fill('Brand-New-Passw0rd!');
      await app.byTestId('new-password-confirm').fill('Not-The-Same-1!');
      await app.byTestId('set-password').click();
      await expect(app.byTestId('new-password-confirm')).toHaveAttribute('aria-invalid', 'true');
      await expect(app.byTestId('new-password-confirm')).toHaveAccessibleDescription(words.mismatch);
      await lookAt(page, 'new-password-mismatch', 'New password, the two not the same', lang);
    });

    test(`the code step of an authenticator-app sign-in (${lang})`, async ({ page }) => {
      const app = new AppPage(page);
      const user = await authenticatorUser('screens');
      await app.open();
      await app.signIn(user);
      await expect(app.byTestId('code-form')).toBeVisible();
      await lookAt(page, 'code', 'Code step', lang);
      expect(await forms(page)).toEqual({ 'code-form': { submits: 1, fields: ['one-time-code'] } });
      await expect(app.byTestId('mfa-code')).toHaveAccessibleDescription(words.appCode);
    });

    test(`the choice of factor (SELECT_MFA_TYPE injected by route interception) (${lang})`, async ({ page }) => {
      const app = new AppPage(page);
      const user = await freshUser('screens');
      await injectChallenges(page, [
        { ChallengeName: 'SELECT_MFA_TYPE', Session: 'select-session', ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' } },
      ]);
      await app.open();
      await app.signIn(user);
      await expect(app.byTestId('factor-choice')).toBeVisible();
      await lookAt(page, 'choose-factor', 'Choice of factor', lang);
    });

    test(`setting up an authenticator app at sign-in, in a pool that requires MFA (${lang})`, async ({ page }) => {
      const app = new AppPage(page);
      const username = uniqueName('screens');
      const user = { username, password: DEMO.setupUser.password, email: `${username}@example.com` };
      await cognito.createUser(DEMO.mfaPoolId, user);
      await useConfig(page, { userPoolId: DEMO.mfaPoolId, clientId: DEMO.mfaClientId });
      await app.open();
      await app.signIn(user);
      await expect(app.byTestId('totp-qr')).toBeVisible();
      await lookAt(page, 'set-up-app', 'Set up an authenticator app at sign-in', lang);
    });

    test(`the signed-in screens: token info, account with profile, app setup (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      const app = new AppPage(page);
      await signedIn(app, { prefix: 'screens' });
      await lookAt(page, 'signed-in', 'Signed in: token info and account', lang);
      expect(await forms(page)).toEqual({ 'change-password-form': { submits: 1, fields: ['hidden:username', 'current-password', 'new-password'] } });
      await expect(app.byTestId('hidden-username')).toHaveValue(await app.byTestId('info-username').textContent());
      await app.byTestId('load-profile').click();
      await expect(app.byTestId('mfa-status')).toBeVisible();
      await app.byTestId('mfa-app-setup').click();
      await expect(app.byTestId('totp-qr')).toBeVisible();
      await lookAt(page, 'account-app-setup', 'Account: profile and authenticator-app setup', lang);
      expect((await forms(page))['app-setup-form']).toEqual({ submits: 1, fields: ['one-time-code', 'off'] });
    });

    test(`a session whose refresh keeps failing: expired and retrying, its notice, a long log (the refresh answered with a server fault by route interception) (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      const app = new AppPage(page);
      await signedIn(app, { clock: true, prefix: 'screens' });
      const fault = cognitoAnswer(500, { __type: 'InternalErrorException', message: 'injected fault' });
      await onOperation(page, 'GetTokensFromRefreshToken', fault);
      await page.clock.fastForward(AN_HOUR_AND_A_MINUTE);
      for (let read = 0; read < 12; read++) {
        if (read > 0) await page.clock.fastForward('00:20');
        await app.byTestId('read-token-info').click();
        await expect(app.byTestId('notice')).toBeVisible();
        await expect(app.byTestId('read-token-info')).toBeEnabled();
      }
      await expect(app.byTestId('info-expires-in')).toContainText(words.retrying);
      expect(await app.byTestId('log-entry').count()).toBeGreaterThanOrEqual(12);
      await lookAt(page, 'refresh-failing', 'Signed in: the refresh failing, a long log', lang);
    });
  });
}

/**
 * The element that has the focus: its tag, test id and text. The app moves the focus to a new
 * screen's heading after the next frame, so a check of that polls.
 */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName.toLowerCase(), id: el.dataset.testid ?? null, text: el.textContent.trim() };
  });

test('keyboard only: sign up, confirm, sign in and sign out with Tab, Enter and Space; each new screen starts at its heading', async ({ page }) => {
  const app = new AppPage(page);
  const username = uniqueName('keys');
  await app.open();
  const tab = async (times = 1) => {
    for (let i = 0; i < times; i += 1) await page.keyboard.press('Tab');
  };
  await tab();
  expect((await focused(page)).id).toBe('language-switch');
  await tab();
  expect((await focused(page)).id).toBe('username');
  await tab(3);
  expect((await focused(page)).id).toBe('go-sign-up');
  // The focus ring is there for keyboard users.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(app.byTestId('sign-up-form')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Create an account' });
  await tab();
  await page.keyboard.type(username);
  await tab();
  await page.keyboard.type(`${username}@example.com`);
  await tab();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(app.byTestId('confirm-form')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: `Confirm the account ${username}` });
  await tab();
  await page.keyboard.type(await cognito.confirmationCode(DEMO.userPoolId, username));
  await page.keyboard.press('Enter');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Sign in' });
  await tab(2); // the username is filled in: on to the password
  expect((await focused(page)).id).toBe('password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await app.expectSignedIn(username);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Token info' });
  await tab(3);
  expect((await focused(page)).id).toBe('sign-out');
  await page.keyboard.press('Space');
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Sign in' });
});
