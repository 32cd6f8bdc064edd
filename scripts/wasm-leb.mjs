// The wasm binary format's unsigned LEB128 numbers, read: shared by finish-bundle.mjs (which
// rewrites the import and export sections) and wasm-breakdown.mjs (which sizes the code).

/** The number at `bytes[at]`, and where the next field starts: `[value, next]`. */
export function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
