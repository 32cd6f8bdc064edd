// The release build never turns an HTML string into markup, so the Trusted Types policy
// (`require-trusted-types-for 'script'`, no policy) never refuses it. Leptos's `view!` makes a
// fully static element (only literal attributes and text) from an HTML string through a
// template's innerHTML (tachys' InertElement), and that string is compiled into the wasm's data;
// so the wasm's data must hold no markup (src/ui/mod.rs). Run after the release build, by
// `node --test tests/scripts/` in scripts/test.sh; the end-to-end tests also count the page's
// policy violations (zero in every test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readU32 } from '../../scripts/wasm-leb.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;

/** The bytes of a wasm module's data section (id 11), as latin1 text. */
function dataSection(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [length, start] = readU32(bytes, at + 1);
    if (id === 11) return bytes.subarray(start, start + length).toString('latin1');
    at = start + length;
  }
  return '';
}

/** The HTML elements written out in `text`: `<p class="x">…</p>`, `<input …>`. */
function markup(text) {
  const element = /<([a-z][a-z0-9]*)(?:\s[^<>\x00]*)?>[^\x00]*?<\/\1>|<(?:input|br|hr|img|meta|link)(?:\s[^<>\x00]*)?>/g;
  return text.match(element) ?? [];
}

test('the check finds the HTML strings tachys would write into innerHTML', () => {
  assert.deepEqual(markup('\x00<p class="links">Sign in</p>\x00'), ['<p class="links">Sign in</p>']);
  assert.deepEqual(markup('\x00<input type="text" hidden>\x00'), ['<input type="text" hidden>']);
  assert.deepEqual(markup('\x00a <b or <Authenticator> c>d\x00'), []);
});

test('the release wasm holds no HTML string (Trusted Types would refuse it)', () => {
  const wasm = readdirSync(DIST).filter((name) => name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm in ${DIST} (run the release build first)`);
  const data = dataSection(readFileSync(join(DIST, wasm[0])));
  assert.ok(data.length > 10_000, 'the data section was found');
  assert.deepEqual(markup(data), []);
});
