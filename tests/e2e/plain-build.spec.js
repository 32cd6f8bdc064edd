// The same source built with a plain `trunk build --release` (no nightly standard-library
// rebuild, no scripts/finish-bundle.mjs), served like the release build: the app works without
// the release's extra steps, so they only make it smaller (README "Deploying"). scripts/test.sh
// builds it and serves it at PLAIN_APP_URL.
import { test, expect } from './fixtures.js';
import { AppPage, freshUser } from './app.js';

const PLAIN_APP_URL = process.env.PLAIN_APP_URL;
if (!PLAIN_APP_URL) throw new Error('PLAIN_APP_URL is not set: run the end-to-end tests with `bash scripts/test.sh`');

test.describe('a plain `trunk build --release` of the same source', () => {
  test.use({ baseURL: PLAIN_APP_URL });

  test('signs in, shows the token info, refreshes and signs out', async ({ page }) => {
    const app = new AppPage(page);
    const user = await freshUser('plain');
    await app.open();
    await app.signIn(user);
    await app.expectSignedIn(user.username);
    await app.byTestId('refresh-now').click();
    await expect(app.byTestId('notice')).toContainText('Tokens refreshed');
    expect(app.calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'GetTokensFromRefreshToken']);
    await app.byTestId('sign-out').click();
    await expect(app.byTestId('sign-in-form')).toBeVisible();
  });
});
