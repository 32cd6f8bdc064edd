// The last step of a release build, after `trunk build --release` (scripts/build-release.sh):
// shrinks what wasm-bindgen wrote without changing what the app does, then fixes the page's
// Subresource Integrity hashes. A plain `trunk build --release` of the same source works as
// well, only larger: tests/e2e/plain-build.spec.js signs in on one.
//
// 1. Dead classes. A `#[wasm_bindgen]` class exported by a dependency stays in the bundle even
//    when nothing can ever make one: its methods are wasm exports, and exports are roots. A
//    class is dead when the glue has no constructor for it and no `Class.__wrap(` (the only way
//    Rust hands an instance to JavaScript). Leptos brings three: `wasm-streams`' stream adapters
//    (through server_fn's browser client, which a client-side app never calls). Their exports
//    leave the wasm (and the code only they reached with them), their classes the glue.
// 2. Short names. wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` and some
//    exports after whole mangled type paths; each name is written twice, in the wasm and in the
//    glue, and the hex digits do not compress. Every import, and every export the glue reads
//    except `memory`, gets a short name in both; the imports' module name becomes `a`.
// 3. wasm-opt once more with the build's own passes (from index.html), to drop the code only the
//    dead exports reached; then esbuild minifies the glue (trunk's minify leaves it alone).
//
// Usage:
//   node scripts/finish-bundle.mjs dist FEATURES
//   node scripts/finish-bundle.mjs --twin BG.wasm GLUE.js OUT.wasm FEATURES
// FEATURES: wasm-opt's `--enable-…` flags for the module (`wasm-opt --print-features` of cargo's
// output; the shipped wasm has its target-features section stripped). `--twin` makes the size
// report's named twin (scripts/build-release.sh): the same steps with `-g`, no glue written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { readU32 } from './wasm-leb.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WASM_OPT = join(ROOT, 'node_modules/.bin/wasm-opt');

function fail(message) {
  console.error(`finish-bundle: ${message}`);
  process.exit(1);
}

// --- the wasm binary format: just enough to rewrite the import and export sections ---

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [bytes.subarray(start, start + length).toString(), start + length];
}

const name = (text) => Buffer.concat([u32(Buffer.byteLength(text)), Buffer.from(text)]);

// Skips an import's description (function, table, memory, global or tag).
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (i) => {
    const flags = bytes[i++];
    [, i] = readU32(bytes, i);
    if (flags & 1) [, i] = readU32(bytes, i);
    return i;
  };
  if (kind === 0) return readU32(bytes, at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return readU32(bytes, at + 1)[1];
  fail(`unknown import kind ${kind}`);
}

function sections(bytes) {
  const list = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    list.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return list;
}

function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out += letters[index % letters.length];
    index = Math.floor(index / letters.length);
  } while (index);
  return out;
}

// --- the glue ---

// `export class Name { … }` with its `if (Symbol.dispose) Name.prototype…` line and its
// `const NameFinalization = …;` registry, as wasm-bindgen 0.2 writes them (unminified).
function deadClasses(glue) {
  const dead = [];
  for (const [, cls] of glue.matchAll(/^export class (\w+) \{$/gm)) {
    const start = glue.indexOf(`export class ${cls} {`);
    const body = glue.slice(start, glue.indexOf('\n}\n', start));
    if (!body.includes('constructor(') && !glue.includes(`${cls}.__wrap(`)) dead.push(cls);
  }
  return dead;
}

function removeClass(glue, cls) {
  const start = glue.indexOf(`export class ${cls} {`);
  const disposeLine = `if (Symbol.dispose) ${cls}.prototype[Symbol.dispose] = ${cls}.prototype.free;\n`;
  const end = glue.indexOf(disposeLine, start);
  if (start < 0 || end < 0) fail(`class ${cls}: not in the shape wasm-bindgen 0.2 writes`);
  const exports = [...glue.slice(start, end).matchAll(/wasm\.(\w+)/g)].map(([, e]) => e);
  let out = glue.slice(0, start) + glue.slice(end + disposeLine.length);
  const registry = new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'm');
  if (!registry.test(out)) fail(`class ${cls}: no ${cls}Finalization registry`);
  out = out.replace(registry, '');
  if (new RegExp(`\\b${cls}\\b`).test(out)) fail(`class ${cls} is still used by the glue`);
  return [out, new Set(exports)];
}

// --- the rewrite ---

function finish(wasm, glue) {
  let js = glue;
  const dropped = new Set();
  const droppedClasses = deadClasses(glue);
  for (const cls of droppedClasses) {
    const [out, exports] = removeClass(js, cls);
    js = out;
    for (const e of exports) dropped.add(e);
  }
  for (const e of dropped) {
    if (new RegExp(`wasm\\.${e}\\b`).test(js)) fail(`export ${e} is still used by the glue`);
  }

  const renamed = new Map();
  const rename = (old) => {
    if (!renamed.has(old)) renamed.set(old, shortName(renamed.size));
    return renamed.get(old);
  };
  let module;
  const out = [wasm.subarray(0, 8)];
  for (const { id, body } of sections(wasm)) {
    let rewritten = body;
    if (id === 2) {
      const [count, first] = readU32(body, 0);
      const parts = [u32(count)];
      let at = first;
      for (let i = 0; i < count; i++) {
        let field;
        [module, at] = readName(body, at);
        [field, at] = readName(body, at);
        const desc = at;
        at = skipImportDesc(body, at);
        parts.push(name('a'), name(rename(field)), body.subarray(desc, at));
      }
      rewritten = Buffer.concat(parts);
    } else if (id === 7) {
      const [count, first] = readU32(body, 0);
      const parts = [];
      let at = first;
      for (let i = 0; i < count; i++) {
        let field;
        [field, at] = readName(body, at);
        const desc = at;
        at = readU32(body, at + 1)[1];
        if (dropped.has(field)) continue;
        // Exports the glue never reads (`main`, markers for wasm-bindgen's tools) keep theirs.
        const read = field !== 'memory' && new RegExp(`\\bwasm\\.${field}\\b`).test(js);
        parts.push(name(read ? rename(field) : field), body.subarray(desc, at));
      }
      rewritten = Buffer.concat([u32(parts.length / 2), ...parts]);
    }
    out.push(Buffer.from([id]), u32(rewritten.length), rewritten);
  }

  // In the glue an import is a key of the imports object (`name: function`) and an export is
  // read as `wasm.name`: rename exactly those, and check each was found.
  for (const [old, short] of renamed) {
    const before = js;
    js = js.replace(new RegExp(`^(\\s*)${old}:`, 'm'), `$1${short}:`);
    js = js.replaceAll(new RegExp(`\\bwasm\\.${old}\\b`, 'g'), `wasm.${short}`);
    if (js === before) fail(`${old}: neither an import key nor a wasm export in the glue`);
  }
  const moduleKey = `"${module}": import0`;
  if (!js.includes(moduleKey)) fail(`no imports object for the module ${module}`);
  js = js.replace(moduleKey, 'a: import0');
  return { wasm: Buffer.concat(out), glue: js, droppedClasses, renamed: renamed.size };
}

function optimise(input, output, features, extra) {
  const page = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const passes = page.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean);
  if (!passes) fail('index.html has no data-wasm-opt-params');
  const run = spawnSync(WASM_OPT, [...features, '-Oz', ...passes, ...extra, input, '-o', output], {
    stdio: 'inherit',
  });
  if (run.status !== 0) fail(`wasm-opt failed on ${input}`);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function finishDist(dir, features) {
  const only = (suffix) => {
    const found = readdirSync(dir).filter((f) => f.endsWith(suffix));
    if (found.length !== 1) fail(`expected one ${suffix} in ${dir}/, found ${found.length}`);
    return join(dir, found[0]);
  };
  const wasmFile = only('_bg.wasm');
  const jsFile = only('.js');
  const htmlFile = join(dir, 'index.html');
  const oldWasm = readFileSync(wasmFile);
  const oldJs = readFileSync(jsFile);
  let html = readFileSync(htmlFile, 'utf8');
  for (const bytes of [oldWasm, oldJs]) {
    if (!html.includes(sri(bytes))) fail('index.html has no integrity hash for the wasm or the glue');
  }
  const done = finish(oldWasm, oldJs.toString());
  writeFileSync(wasmFile, done.wasm);
  optimise(wasmFile, wasmFile, features, []);
  const newWasm = readFileSync(wasmFile);
  const newJs = transformSync(done.glue, { minify: true, format: 'esm' }).code;
  writeFileSync(jsFile, newJs);
  html = html.replaceAll(sri(oldWasm), sri(newWasm)).replaceAll(sri(oldJs), sri(newJs));
  writeFileSync(htmlFile, html);
  const classes = done.droppedClasses.join(', ') || 'none';
  console.log(
    `finish-bundle: dead classes dropped: ${classes}; ${done.renamed} names shortened; ` +
      `wasm ${oldWasm.length} -> ${newWasm.length} bytes, glue ${oldJs.length} -> ${newJs.length} bytes`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--twin') {
  const [, bg, glue, output, features = ''] = args;
  const done = finish(readFileSync(bg), readFileSync(glue, 'utf8'));
  writeFileSync(output, done.wasm);
  optimise(output, output, features.split(/\s+/).filter(Boolean), ['-g', '--strip-dwarf']);
} else if (args.length >= 1) {
  finishDist(args[0], (args[1] ?? '').split(/\s+/).filter(Boolean));
} else {
  fail('usage: finish-bundle.mjs dist FEATURES | --twin BG.wasm GLUE.js OUT.wasm FEATURES');
}
