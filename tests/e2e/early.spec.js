// The sign-in screen index.html draws before the app has arrived (docs/first-load.md): shown at
// once to a tab with no session, the same as the app's own in words and layout, in the page's
// language; what is typed or pressed there is taken over by the app. To act before the app runs,
// these tests hold the wasm back with route interception (the page itself is the real build,
// and Cognito the real local one).
import { test, expect } from './fixtures.js';
import { AppPage, freshUser, holdBack, signedIn } from './app.js';
import { lookAt } from './screens.js';

/** Text as seen: the early screen holds each word in both languages, one of them hidden. */
const SEEN = { useInnerText: true };

/** The widths the screens are compared at: a phone's, and a desktop's. */
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 720 } };

/** Holds back the app's wasm until the returned function is called. */
const holdWasm = (page) => holdBack(page, '**/*.wasm');

/** The app has drawn its own first page in the early screen's place. */
async function appArrived(page) {
  await page.locator('[data-testid=pool], [data-testid=config-error]').first().waitFor();
  await expect(page.locator('#early-sign-in')).toHaveCount(0);
}

/**
 * The screen as a person and a password manager meet it: the page's language and title, and
 * each heading, label, field and button shown — its words, what it is, and where it is.
 */
function screen(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('main')].filter((main) => main.getClientRects().length);
    const parts = shown.flatMap((main) => [...main.querySelectorAll('h1, h2, form, label, input, button, ol')]);
    return {
      mains: shown.length,
      lang: document.documentElement.lang,
      title: document.title,
      parts: parts.map((part) => {
        const { x, y, width, height } = part.getBoundingClientRect();
        return {
          tag: part.tagName,
          words: part.innerText.trim(),
          testid: part.dataset.testid ?? null,
          id: part.id || null,
          for: part.getAttribute('for'),
          type: part.type ?? null,
          autocomplete: part.getAttribute('autocomplete'),
          inputmode: part.getAttribute('inputmode'),
          required: part.required ?? null,
          disabled: part.disabled ?? null,
          box: [x, y, width, height].map(Math.round),
        };
      }),
    };
  });
}

for (const [locale, lang, signIn] of [['en-US', 'en', 'Sign in'], ['ja-JP', 'ja', 'サインイン']]) {
  test.describe(`a browser that prefers ${locale}`, () => {
    test.use({ locale });

    test('before the app arrives the sign-in screen is there, in the page\'s language, and the app draws the same one in its place', async ({ page }) => {
      const release = await holdWasm(page);
      await page.goto('/');
      await expect(page.getByTestId('sign-in')).toHaveText(signIn, SEEN);
      await expect(page.locator('#early-sign-in')).toBeVisible();
      await expect(page.getByTestId('username')).toBeEditable();
      await lookAt(page, 'early-sign-in', 'Sign in, before the app has arrived', lang);
      await page.emulateMedia({ colorScheme: 'light' });
      const early = {};
      for (const [width, size] of Object.entries(WIDTHS)) {
        await page.setViewportSize(size);
        early[width] = await screen(page);
      }
      expect(early.desktop.mains).toBe(1);
      expect(early.desktop.lang).toBe(lang);

      release();
      await appArrived(page);
      for (const [width, size] of Object.entries(WIDTHS)) {
        await page.setViewportSize(size);
        expect(await screen(page), `the app's screen against the early one, ${width}`).toEqual(early[width]);
      }
    });
  });
}

test('what is typed before the app arrives is kept, with the focus and the caret', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByTestId('username').fill('someone');
  await page.getByTestId('password').fill('secret-word');
  await page.getByTestId('password').press('ArrowLeft');
  await page.getByTestId('password').press('ArrowLeft');

  release();
  await appArrived(page);
  await expect(page.getByTestId('username')).toHaveValue('someone');
  await expect(page.getByTestId('password')).toHaveValue('secret-word');
  await expect(page.getByTestId('password')).toBeFocused();
  // Typing goes on where the caret was.
  await page.keyboard.type('X');
  await expect(page.getByTestId('password')).toHaveValue('secret-woXrd');
});

test('a sign-in sent before the app arrives is carried out once it has, once', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('early');
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByTestId('username').fill(user.username);
  await page.getByTestId('password').fill(user.password);
  await page.getByTestId('password').press('Enter');
  // Noted, not sent: nothing can send it yet, and the button says so.
  await expect(page.getByTestId('sign-in')).toBeDisabled();
  await expect(page).toHaveURL(/\/$/);
  expect(app.calls).toEqual([]);

  release();
  await app.expectSignedIn(user.username);
  expect(app.count('InitiateAuth')).toBe(1);
});

test('an empty form is not sent before the app arrives: the browser asks for the fields', async ({ page }) => {
  const app = new AppPage(page);
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByTestId('sign-in').click();
  // Not noted: a noted sign-in disables the button until the app carries it out.
  await expect(page.getByTestId('sign-in')).toBeEnabled();
  expect(await page.getByTestId('username').evaluate((input) => input.validity.valueMissing)).toBe(true);
  release();
  await appArrived(page);
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  expect(app.calls).toEqual([]);
});

for (const [link, form] of [['go-sign-up', 'sign-up-form'], ['go-forgot-password', 'forgot-form']]) {
  test(`"${link}" pressed before the app arrives is followed once it has`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto('/');
    await page.getByTestId(link).click();
    release();
    await expect(page.getByTestId(form)).toBeVisible();
  });
}

test('the language switch works before the app arrives, and the app keeps the choice', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page).toHaveTitle('Cognito セッション');
  await expect(page.getByTestId('sign-in')).toHaveText('サインイン', SEEN);
  await expect(page.getByTestId('language-switch')).toHaveText('English', SEEN);
  expect(await page.evaluate(() => localStorage.getItem('cognito-client:language'))).toBe('ja');

  release();
  await appArrived(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('sign-in')).toHaveText('サインイン', SEEN);

  // Remembered: the next visit's early screen is Japanese too, for this English browser.
  const again = await holdWasm(page);
  await page.reload();
  await expect(page.getByTestId('sign-in')).toHaveText('サインイン', SEEN);
  again();
  await appArrived(page);
});

test('the switch pressed after the app started but before its first page: the app follows it', async ({ page }) => {
  // The config held back instead: the app has read the language, and waits for its config.
  const release = await holdBack(page, '**/config.json');
  await page.goto('/');
  // The app has started (its empty page is in) while the early screen is still on show.
  await expect(page.locator('main')).toHaveCount(2);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('sign-in')).toHaveText('サインイン', SEEN);
  release();
  await appArrived(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('sign-in')).toHaveText('サインイン', SEEN);
});

test('a tab that holds a session never shows the sign-in screen before the app draws the signed-in one', async ({ page }) => {
  const app = new AppPage(page);
  const user = await signedIn(app, { prefix: 'early' });

  const release = await holdWasm(page);
  await page.reload();
  await expect(page.getByTestId('sign-in-form')).toBeHidden();
  await expect(page.locator('html')).not.toHaveClass(/early-sign-in/);
  release();
  await app.expectSignedIn(user.username);
  await expect(page.locator('#early-sign-in')).toHaveCount(0);
});

const FAILED = {
  en: 'The app could not start. Reload the page; if it still does not start, this browser may be too old for it (it needs Chrome or Edge 91, Firefox 89, Safari 16.4 or later).',
  ja: 'アプリを起動できませんでした。ページを再読み込みしてください。それでも起動しない場合は、このブラウザーが古い可能性があります（Chrome・Edge 91、Firefox 89、Safari 16.4 以降が必要です）。',
};

for (const [locale, lang, withSession] of [['en-US', 'en', false], ['ja-JP', 'ja', false], ['en-US', 'en', true]]) {
  test.describe(`a browser that prefers ${locale}`, () => {
    test.use({ locale });

    test(`a wasm that cannot start (a broken one, injected by route interception)${withSession ? ', in a tab with a session' : ''}: the page says so, in place of a form that could never send`, async ({ page }) => {
      if (withSession) await signedIn(new AppPage(page), { prefix: 'early' });
      await page.route('**/*.wasm', (route) =>
        route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not a wasm module' }),
      );
      await page.goto('/');
      const failed = page.locator('#app-failed');
      await expect(failed).toBeVisible();
      await expect(failed.getByRole('alert')).toHaveText(FAILED[lang], SEEN);
      await expect(page.getByTestId('sign-in-form')).toBeHidden();
      if (!withSession) await lookAt(page, 'app-failed', 'The app could not start', lang);
    });
  });
}

test('a page that starts shows no start failure, also after an error in a script of its own later', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // The error event comes first: timers run in the order they were set.
  await page.evaluate(() => new Promise((resolve) => {
    setTimeout(() => {
      throw new Error('a later error');
    });
    setTimeout(resolve);
  }));
  await expect(page.locator('#app-failed')).toBeHidden();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
});

test('an error before the app started that did not stop it (a missing script added to index.html by route interception): no failure notice once the app is there', async ({ page }) => {
  const app = new AppPage(page);
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script src="/no-such-script.js"></script></body>');
    await route.fulfill({ response, body: html });
  });
  // Notes whether the page ever said the app could not start.
  await page.addInitScript(() => {
    // Set up before <html> exists: the document is watched, for the class of <html>.
    new MutationObserver(() => {
      window.saidFailed ||= document.documentElement.classList.contains('app-failed');
    }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
  });
  await app.open();
  await expect(app.byTestId('sign-in-form')).toBeVisible();
  await expect(page.locator('#app-failed')).toBeHidden();
  // The error did come before the app's page: the notice was up, and went.
  expect(await page.evaluate(() => window.saidFailed)).toBe(true);
});
