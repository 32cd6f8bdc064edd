// The account lifecycle end to end: sign-up, confirmation, password reset and change, against
// the local Cognito (codes read from its test endpoint, as a user would read their email).
import { test, expect } from './fixtures.js';
import { AppPage, DEMO, PASSWORD, cognito, cognitoAnswer, freshUser, onOperation, signedIn, uniqueName } from './app.js';

const passwordWorks = (username, password) =>
  cognito.outcome('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: DEMO.rotationClientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });

test('sign up, confirm with the emailed code, then sign in', async ({ page }) => {
  const app = new AppPage(page);
  const username = uniqueName('new');
  await app.open();
  await app.byTestId('go-sign-up').click();
  await expect(app.byTestId('password-policy')).toContainText('At least 8 characters');
  await app.byTestId('sign-up-username').fill(username);
  await app.byTestId('sign-up-email').fill(`${username}@example.com`);
  // The server's own password rule is shown as it says it.
  await app.byTestId('sign-up-password').fill('short');
  await app.byTestId('sign-up').click();
  await expect(app.byTestId('notice')).toContainText('That password was not accepted:');
  await app.byTestId('sign-up-password').fill(PASSWORD);
  await app.byTestId('sign-up').click();
  await expect(app.byTestId('confirm-form')).toBeVisible();
  await expect(app.byTestId('notice')).toContainText('Account created.');
  // A wrong code, then a new code, then the right one.
  await app.byTestId('confirm-code').fill('000000');
  await app.byTestId('confirm').click();
  await expect(app.byTestId('notice')).toContainText('That code is not right');
  await app.byTestId('resend-code').click();
  await expect(app.byTestId('notice')).toContainText('A code was sent');
  await app.byTestId('confirm-code').fill(await cognito.confirmationCode(DEMO.userPoolId, username));
  await app.byTestId('confirm').click();
  await expect(app.byTestId('notice')).toHaveText(`Account ${username} confirmed. Sign in with it.`);
  await expect(app.byTestId('username')).toHaveValue(username);
  await app.byTestId('password').fill(PASSWORD);
  await app.byTestId('sign-in').click();
  await app.expectSignedIn(username);
  expect(app.calls.filter((c) => ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode'].includes(c))).toEqual([
    'SignUp',
    'SignUp',
    'ConfirmSignUp',
    'ResendConfirmationCode',
    'ConfirmSignUp',
  ]);
});

test('signing in before confirming leads to the confirm step', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('unconfirmed');
  // fakecloud lets unconfirmed users sign in; AWS answers this.
  await onOperation(
    page,
    'InitiateAuth',
    cognitoAnswer(400, { __type: 'UserNotConfirmedException', message: 'User is not confirmed.' }),
  );
  await app.open();
  await app.signIn(user);
  await expect(app.byTestId('confirm-form')).toBeVisible();
  await expect(app.byTestId('notice')).toContainText('This account is not confirmed yet');
});

test('forgot password: a code, a new password, and signed in', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('forgot');
  await app.open();
  await app.byTestId('go-forgot-password').click();
  await app.byTestId('forgot-username').fill(user.username);
  await app.byTestId('send-reset-code').click();
  await expect(app.byTestId('reset-form')).toBeVisible();
  await app.byTestId('reset-code').fill(await cognito.confirmationCode(DEMO.userPoolId, user.username));
  await app.byTestId('reset-password').fill('Reset-Passw0rd!');
  await app.byTestId('reset').click();
  await app.expectSignedIn(user.username);
  expect(await passwordWorks(user.username, 'Reset-Passw0rd!')).toBe('OK');
  expect(await passwordWorks(user.username, user.password)).toBe('NotAuthorizedException');
});

test('change password: the old one is refused afterwards', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'change' });
  await app.byTestId('current-password').fill('Not-The-Passw0rd!');
  await app.byTestId('changed-password').fill('Changed-Passw0rd!');
  await app.byTestId('change-password').click();
  await expect(app.byTestId('notice')).toHaveText('The current password is not right.');
  await app.byTestId('current-password').fill(user.password);
  await app.byTestId('changed-password').fill('Changed-Passw0rd!');
  await app.byTestId('change-password').click();
  await expect(app.byTestId('notice')).toHaveText('Password changed.');
  await app.expectSignedIn(user.username);
  expect(await passwordWorks(user.username, 'Changed-Passw0rd!')).toBe('OK');
  expect(await passwordWorks(user.username, user.password)).toBe('NotAuthorizedException');
});
