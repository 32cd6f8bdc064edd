// Every screen, looked at as its users meet it: axe-core's WCAG 2.2 A and AA rules must find
// nothing, at phone and desktop widths, in the light and the dark theme; and each look is saved
// as a picture in reports/screens/, with an index.html that shows them side by side (the gallery).
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SCREENS_DIR = process.env.SCREENS_DIR ?? path.resolve('reports/screens');
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const SCHEMES = ['light', 'dark'];
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The screens looked at so far, in order: `{ lang, name, title, files }`. */
const looked = [];

/**
 * Checks the screen the page shows now with axe-core in every width and theme, and photographs
 * each. `name` names the files; `title` is what the gallery calls it.
 */
export async function lookAt(page, name, title, lang = 'en') {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // The picture is filed under the language the page says it is in.
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const problems = [];
  const files = [];
  for (const [width, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(RULES).analyze();
      for (const v of violations) {
        const where = v.nodes.map((n) => n.target.join(' ')).join(', ');
        problems.push(`${width}, ${colorScheme}: ${v.id} (${v.impact}): ${v.help} — ${where}`);
      }
      const file = `${lang}-${name}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: path.join(SCREENS_DIR, file), fullPage: true, animations: 'disabled' });
      files.push({ file, width, colorScheme });
    }
  }
  looked.push({ lang, name, title, files });
  expect(problems, `axe-core on the "${title}" screen`).toEqual([]);
}

/**
 * The forms the page shows, as a password manager reads them: for each form (by its test id)
 * the number of submit buttons and each input's `autocomplete` token (`hidden:` before a field
 * the user does not see).
 */
export function forms(page) {
  return page.$$eval('form', (all) =>
    Object.fromEntries(
      all.map((form) => [
        form.dataset.testid,
        {
          submits: form.querySelectorAll('button[type=submit], input[type=submit]').length,
          fields: [...form.querySelectorAll('input')].map((i) => `${i.hidden ? 'hidden:' : ''}${i.autocomplete}`),
        },
      ]),
    ),
  );
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * Writes reports/screens/index.html: one section per screen, one row per language (English
 * above Japanese), each row its four pictures side by side.
 */
export function writeGallery() {
  if (looked.length === 0) return;
  const names = [...new Set(looked.map(({ name }) => name))];
  const row = ({ lang, title, files }) => {
    const cells = files
      .map(({ file, width, colorScheme }) => `<figure><a href="${file}"><img src="${file}" alt="${escape(`${title}, ${lang}, ${width}, ${colorScheme}`)}" loading="lazy"></a><figcaption>${lang}, ${width}, ${colorScheme}</figcaption></figure>`)
      .join('');
    return `<div class="row">${cells}</div>`;
  };
  const rows = names.map((name) => {
    const looks = looked.filter((look) => look.name === name).sort((a, b) => a.lang.localeCompare(b.lang));
    return `<section><h2>${escape(looks[0].title)}</h2>${looks.map(row).join('')}</section>`;
  });
  const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Every screen of the app</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}.row{display:flex;gap:1rem;align-items:flex-start;overflow-x:auto;margin-bottom:1rem}
figure{margin:0}img{max-height:28rem;border:1px solid #ccc}figcaption{font-size:.85rem;color:#555}</style></head>
<body><h1>Every screen of the app</h1>
<p>Written by <code>tests/e2e/screens.spec.js</code> on each test run: English and Japanese, phone (390 px) and desktop (1280 px) widths, light and dark themes. axe-core found no WCAG 2.2 A/AA violation on any of them.</p>
${rows.join('\n')}
</body></html>
`;
  writeFileSync(path.join(SCREENS_DIR, 'index.html'), page);
  console.log(`gallery written to ${path.join(SCREENS_DIR, 'index.html')}`);
}
