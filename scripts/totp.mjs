// RFC 6238 one-time codes (HMAC-SHA-1, 30 s steps), as an authenticator app computes them from
// the secret Cognito hands out (base32). For the tests and the run command's demo user; the
// tests check it against the RFC's own vectors.
//
//   node scripts/totp.mjs <base32 secret>     prints the code for now
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The bytes of a base32 text (RFC 4648; case, spaces and padding ignored). */
export function base32Decode(text) {
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The code for `key` (bytes) at `timeMs`, `digits` long. */
export function totpFromKey(key, timeMs, digits = 6) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** digits).padStart(digits, '0');
}

/** The 6-digit code an authenticator app shows for `secret` (base32) at `timeMs`. */
export function totp(secret, timeMs = Date.now()) {
  return totpFromKey(base32Decode(secret), timeMs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) {
    console.error('usage: node scripts/totp.mjs <base32 secret>');
    process.exit(2);
  }
  console.log(totp(process.argv[2]));
}
