// The page's language: Japanese for a browser that prefers it, a switch that changes every word
// at once without losing what was typed, the choice remembered (the language alone) in
// localStorage, <html lang> following, and times written by the browser's Intl in the user's
// language and time zone. Against the real local Cognito.
import { test, expect } from './fixtures.js';
import { AppPage, PASSWORD, freshUser, uniqueName } from './app.js';

const REMEMBERED = 'cognito-client:language';

/** The hour `timeZone` shows now, as `locale` writes it (`19`, or `7` for 7 PM in en). */
const hourNow = (locale, timeZone) =>
  new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', hour12: locale.startsWith('en') })
    .formatToParts(new Date())
    .find((part) => part.type === 'hour').value;

/** Checks that `text` is a time of day written as `locale` does, at this hour in `timeZone`. */
async function expectTimeNow(locator, locale, timeZone) {
  const before = String(Number(hourNow(locale, timeZone)));
  const text = (await locator.textContent()).trim();
  const after = String(Number(hourNow(locale, timeZone)));
  const shape = locale.startsWith('en') ? /^(\d{1,2}):\d\d:\d\d\s?[AP]M$/ : /^(\d{1,2}):\d\d:\d\d$/;
  expect(text).toMatch(shape);
  expect([before, after]).toContain(String(Number(text.match(shape)[1])));
}

test.describe('a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

  test('gets Japanese; the switch changes every word at once, keeps what was typed and is remembered, the language alone', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page).toHaveTitle('Cognito セッション');
    await expect(page.locator('main .card h2').first()).toHaveText('サインイン');
    await expect(page.getByLabel('パスワード', { exact: true })).toBeVisible();
    const change = app.byTestId('language-switch');
    await expect(change).toHaveText('English');
    await expect(change).toHaveAttribute('lang', 'en');
    expect((await app.storages()).local).toEqual({});

    await app.byTestId('username').fill('someone');
    await app.byTestId('password').fill('typed-but-not-sent');
    await change.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Cognito session');
    await expect(page.locator('main .card h2').first()).toHaveText('Sign in');
    await expect(app.byTestId('sign-in')).toHaveText('Sign in');
    await expect(change).toHaveText('日本語');
    await expect(change).toHaveAttribute('lang', 'ja');
    // Nothing typed is lost, and nothing was sent.
    await expect(app.byTestId('username')).toHaveValue('someone');
    await expect(app.byTestId('password')).toHaveValue('typed-but-not-sent');
    expect(app.calls).toEqual([]);
    // Only the language is remembered, and only in localStorage.
    expect(await app.storages()).toEqual({ session: {}, local: { [REMEMBERED]: 'en' }, cookies: '' });

    // The choice outlives a reload, against the browser's own preference.
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('main .card h2').first()).toHaveText('Sign in');
    await change.click();
    await expect(page.locator('main .card h2').first()).toHaveText('サインイン');
    expect((await app.storages()).local).toEqual({ [REMEMBERED]: 'ja' });
  });

  test('signed in: Cognito errors, token facts, the log and times in Japanese; the switch redraws the notice and the log', async ({ page }) => {
    const app = new AppPage(page);
    const user = await freshUser('lang');
    await app.open();
    await app.signIn({ ...user, password: 'Wrong-Passw0rd!' });
    await expect(app.byTestId('notice')).toHaveText('ユーザー名またはパスワードが正しくありません。');
    await expect(app.byTestId('log-entry').first()).toContainText('サインインに失敗しました：');
    await expectTimeNow(app.byTestId('log-entry').first().locator('time'), 'ja-JP', 'Asia/Tokyo');

    await app.signIn(user);
    await app.expectSignedIn(user.username);
    await expect(app.byTestId('token-info').locator('h2')).toHaveText('トークン情報');
    await expect(app.byTestId('info-drift')).toHaveText('サーバーと一致しています');
    await expect(app.byTestId('info-rotated-at')).toHaveText('まだありません');
    await expect(app.byTestId('info-expires-in')).toHaveText(/^(59:\d\d|1:00:00)$/);
    await expectTimeNow(app.byTestId('info-obtained-at'), 'ja-JP', 'Asia/Tokyo');
    await expect(app.byTestId('log-entry').first()).toHaveText(new RegExp(`${user.username} としてサインインしました。$`));

    await app.byTestId('refresh-now').click();
    await expect(app.byTestId('notice')).toContainText('トークンを更新しました。リフレッシュトークンがローテーションされました：…');
    await expectTimeNow(app.byTestId('info-rotated-at'), 'ja-JP', 'Asia/Tokyo');

    const sent = app.calls.length;
    await app.byTestId('language-switch').click();
    await expect(app.byTestId('notice')).toContainText('Tokens refreshed. The refresh token rotated: …');
    await expect(app.byTestId('token-info').locator('h2')).toHaveText('Token info');
    await expect(app.byTestId('info-drift')).toHaveText('in step with the server');
    await expect(app.byTestId('log')).toContainText('Sign-in failed: Incorrect username or password.');
    // English times, still in the user's time zone.
    await expectTimeNow(app.byTestId('info-obtained-at'), 'en', 'Asia/Tokyo');
    await expectTimeNow(app.byTestId('log-entry').first().locator('time'), 'en', 'Asia/Tokyo');
    // The switch sends nothing and leaves the session as it was.
    expect(app.calls.length).toBe(sent);
    await app.expectSignedIn(user.username);
  });

  test("Cognito's own words are kept beside the translation: a refused password", async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.byTestId('go-sign-up').click();
    await expect(app.byTestId('password-policy')).toHaveText('8文字以上で、英大文字・英小文字・数字・記号をそれぞれ含めてください。');
    const username = uniqueName('lang');
    await app.byTestId('sign-up-username').fill(username);
    await app.byTestId('sign-up-email').fill(`${username}@example.com`);
    await app.byTestId('sign-up-password').fill('short');
    await app.byTestId('sign-up').click();
    // The translation, then Cognito's message as it sent it (English).
    await expect(app.byTestId('notice')).toHaveText(/^そのパスワードは使えません：[A-Za-z]/);
    await app.byTestId('sign-up-password').fill(PASSWORD);
    await app.byTestId('sign-up').click();
    await expect(page.locator('main .card h2').first()).toHaveText(`アカウント ${username} の確認`);
  });
});

test.describe('a browser that prefers English', () => {
  test.use({ locale: 'en-GB', timezoneId: 'America/New_York' });

  test("gets English, with times in the user's own English and time zone", async ({ page }) => {
    const app = new AppPage(page);
    const user = await freshUser('lang');
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.byTestId('language-switch')).toHaveText('日本語');
    await app.signIn(user);
    await app.expectSignedIn(user.username);
    // en-GB writes a 24-hour clock, unlike en-US: the user's own variant is used.
    const shown = (await app.byTestId('info-obtained-at').textContent()).trim();
    expect(shown).toMatch(/^\d\d:\d\d:\d\d$/);
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' }).format(new Date());
    expect([hour, String((Number(hour) + 23) % 24).padStart(2, '0')]).toContain(shown.slice(0, 2));
  });
});
