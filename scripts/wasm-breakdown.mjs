// Where the shipped wasm's bytes go: its function bodies by crate, and this crate's by module.
//
// The shipped wasm has no names, so the names come from a twin: the same cargo output put
// through the same wasm-bindgen and wasm-opt with `-g` (scripts/build-release.sh makes it at
// target/size/named.wasm). Every section but the names must match the shipped file byte for
// byte in size, or the breakdown says it does not describe the shipped wasm.
// (twiggy 0.7 was the first choice; it panics on wasm-opt's output, "should not parse the same
// key into multiple items", so the wasm is read here: sections, code bodies, the name section.)
//
//   node scripts/wasm-breakdown.mjs target/size/named.wasm dist/<name>_bg.wasm
import { readFileSync } from 'node:fs';
import { readU32 } from './wasm-leb.mjs';

/** The module's sections: `sizes[id]` (custom sections summed), code body sizes, function names. */
function readWasm(file) {
  const buf = readFileSync(file);
  let at = 8;
  const leb = () => {
    let value;
    [value, at] = readU32(buf, at);
    return value;
  };
  const skipName = () => {
    const length = leb();
    at += length;
  };
  const sizes = {};
  const bodies = [];
  const names = new Map();
  let importedFunctions = 0;
  while (at < buf.length) {
    const id = buf[at++];
    const length = leb();
    const start = at;
    sizes[id] = (sizes[id] ?? 0) + length;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        skipName();
        skipName();
        const kind = buf[at++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          at++;
          if (buf[at++] & 1) leb();
          leb();
        } else if (kind === 2) {
          if (buf[at++] & 1) leb();
          leb();
        } else {
          at += 2;
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const size = leb();
        bodies.push(size);
        at += size;
      }
    } else if (id === 0) {
      const nameLength = leb();
      const section = buf.subarray(at, at + nameLength).toString();
      at += nameLength;
      while (section === 'name' && at < start + length) {
        const sub = buf[at++];
        const subLength = leb();
        const subStart = at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const size = leb();
            names.set(index, buf.subarray(at, at + size).toString());
            at += size;
          }
        }
        at = subStart + subLength;
      }
    }
    at = start + length;
  }
  return { sizes, bodies, names, importedFunctions };
}

/** The path a demangled name is filed under: the type of `<T as Trait>::f`, else the path. */
function pathOf(name) {
  // `<_ as Trait>::f` (a blanket impl) is the trait's.
  let text = name.replace(/\[[0-9a-f]+\]/g, '').replace(/^<_ as /, '');
  text = text.replace(/^[<&]+|^(mut |dyn )+/g, '');
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    if (depth === 0 && (text.startsWith(' as ', i) || text.startsWith('::<', i) || c === '>')) {
      text = text.slice(0, i);
      break;
    }
    if (depth > 0 && i === 0) return [];
  }
  return text.split('<')[0].split('::').filter((s) => s && !s.startsWith('{'));
}

const crateOf = (name) => {
  const first = pathOf(name)[0];
  return first && /^[a-z][a-z0-9_]*$/.test(first) ? first : '(tuples, slices, runtime shims)';
};

/** This crate's module of a function: its path's lower-case segments before the item. */
const moduleOf = (name) => {
  const path = pathOf(name).slice(1, -1);
  const modules = [];
  for (const segment of path) {
    if (!/^[a-z][a-z0-9_]*$/.test(segment)) break;
    modules.push(segment);
  }
  return modules.join('::') || '(crate root)';
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const SECTION_NAMES = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data' };

/** Markdown lines: the breakdown of `shipped`, named from `named`. */
export function breakdown(named, shipped, crateName = 'cognito_client') {
  const twin = readWasm(named);
  const real = readWasm(shipped);
  const lines = ['## Where the wasm\'s bytes go', ''];
  const differ = Object.keys({ ...twin.sizes, ...real.sizes })
    .filter((id) => id !== '0' && twin.sizes[id] !== real.sizes[id])
    .map((id) => SECTION_NAMES[id] ?? id);
  if (differ.length > 0) {
    lines.push(`**The named twin differs from the shipped wasm in: ${differ.join(', ')}; the figures below do not describe it.**`, '');
  }
  lines.push(
    'Raw bytes of the shipped wasm (before brotli) by section, then its function bodies by crate',
    '(drop glue is filed under `core`, a generic function under the crate that defines it) and',
    `this crate's by module. Made by \`scripts/wasm-breakdown.mjs\`.`,
    '',
    '| section | raw |',
    '| --- | ---: |',
    ...Object.entries(real.sizes)
      .filter(([, size]) => size >= 1024)
      .sort((a, b) => b[1] - a[1])
      .map(([id, size]) => `| ${SECTION_NAMES[id] ?? id} | ${kb(size)} |`),
    '',
  );
  const byCrate = new Map();
  const byModule = new Map();
  twin.bodies.forEach((size, i) => {
    const name = twin.names.get(twin.importedFunctions + i) ?? '(unnamed)';
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    if (crate === crateName) {
      const module = moduleOf(name);
      byModule.set(module, (byModule.get(module) ?? 0) + size);
    }
  });
  const code = twin.bodies.reduce((a, b) => a + b, 0);
  const table = (title, map, limit) => {
    const rows = [...map].sort((a, b) => b[1] - a[1]);
    const shown = rows.slice(0, limit);
    const rest = rows.slice(limit).reduce((sum, [, size]) => sum + size, 0);
    return [
      `| ${title} | code | share of all code |`,
      '| --- | ---: | ---: |',
      ...shown.map(([key, size]) => `| ${key} | ${kb(size)} | ${((100 * size) / code).toFixed(1)} % |`),
      ...(rest > 0 ? [`| ${rows.length - limit} more | ${kb(rest)} | ${((100 * rest) / code).toFixed(1)} % |`] : []),
      '',
    ];
  };
  lines.push(...table('crate', byCrate, 20), ...table(`module of ${crateName}`, byModule, 25));
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [named, shipped] = process.argv.slice(2);
  console.log(breakdown(named, shipped).join('\n'));
}
