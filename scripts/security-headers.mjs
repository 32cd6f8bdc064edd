// The security headers for one deployment, written from its own config.json (the Cognito
// endpoint the page may talk to) and the index.html beside it (the hashes of its inline
// scripts: the early sign-in screen's and Trunk's bootstrap):
//
//   node scripts/security-headers.mjs dist/config.json nginx       > cognito-client-headers.conf
//   node scripts/security-headers.mjs dist/config.json cloudfront  > response-headers-policy.json
//   node scripts/security-headers.mjs dist/config.json list        (one "Name: value" per line)
//
// nginx: `add_header` lines for deploy/nginx.conf to include. cloudfront: a
// ResponseHeadersPolicyConfig for `aws cloudfront create-response-headers-policy
// --response-headers-policy-config file://…`. A config.json it cannot read is refused, naming
// the field, as the app itself would.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function fail(message) {
  console.error(`security-headers: ${message}`);
  process.exit(1);
}

/** The origin the app sends its Cognito requests to: the rules of src/config.rs. */
export function cognitoOrigin(config) {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error('config.json: must be a JSON object');
  }
  const field = (name, problem) => new Error(`config.json, field "${name}": ${problem}`);
  const { region, endpoint } = config;
  if (typeof region !== 'string' || !/^[a-z0-9-]+$/.test(region) || !region.includes('-')) {
    throw field('region', 'must be an AWS region such as "eu-west-1"');
  }
  if (endpoint === undefined) return `https://cognito-idp.${region}.amazonaws.com`;
  if (typeof endpoint !== 'string') throw field('endpoint', 'must be a string');
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    throw field('endpoint', `"${endpoint}" is not a URL`);
  }
  const thisDevice = ['localhost', '[::1]'].includes(url.hostname) ||
    url.hostname.endsWith('.localhost') || url.hostname.startsWith('127.');
  if (/[\s?#]/.test(endpoint) || url.username || url.password) {
    throw field('endpoint', `"${endpoint}" is not a plain URL (no spaces, user, query or fragment)`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && thisDevice)) {
    throw field('endpoint', `"${endpoint}" must start with https:// (http:// is only for a server on this device)`);
  }
  return url.origin;
}

/**
 * sha256 sources for every inline <script> of the page (index.html runs the early sign-in screen
 * with one, Trunk writes one to start the wasm).
 */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter(([tag]) => !/\bsrc\s*=/.test(tag.slice(0, tag.indexOf('>'))))
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/** Every header, name to value. */
export function securityHeaders(config, html) {
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self'",
    `connect-src 'self' ${cognitoOrigin(config)}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    // Trusted Types, with no policy: no HTML string ever becomes markup (innerHTML and the
    // like throw). The app's views never use `view!` for a fully static element, which tachys
    // would make from an HTML string (src/ui/mod.rs; tests/scripts/trusted-types.test.mjs).
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': [
      'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
      'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment',
      'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb',
      'xr-spatial-tracking',
    ].map((feature) => `${feature}=()`).join(', '),
  };
}

function nginx(headers) {
  return [
    '# Written by scripts/security-headers.mjs from this deployment\'s config.json; do not edit.',
    ...Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`),
    '',
  ].join('\n');
}

function cloudfront(headers) {
  const custom = ['Cross-Origin-Opener-Policy', 'Permissions-Policy'];
  return JSON.stringify({
    Name: 'cognito-client-security-headers',
    Comment: 'Written by scripts/security-headers.mjs from config.json',
    SecurityHeadersConfig: {
      ContentSecurityPolicy: { Override: true, ContentSecurityPolicy: headers['Content-Security-Policy'] },
      StrictTransportSecurity: {
        Override: true, AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: false,
      },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { Override: true, ReferrerPolicy: 'no-referrer' },
    },
    CustomHeadersConfig: {
      Quantity: custom.length,
      Items: custom.map((name) => ({ Header: name, Value: headers[name], Override: true })),
    },
  }, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [configFile, format = 'nginx'] = process.argv.slice(2);
  if (!configFile || !['nginx', 'cloudfront', 'list'].includes(format)) {
    fail('usage: security-headers.mjs path/to/config.json [nginx|cloudfront|list]');
  }
  let config;
  let html;
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (e) {
    fail(`${configFile}: not readable JSON (${e.message})`);
  }
  try {
    html = readFileSync(join(dirname(configFile), 'index.html'), 'utf8');
  } catch {
    fail(`no index.html beside ${configFile}: give the config.json of a built dist/ folder`);
  }
  let headers;
  try {
    headers = securityHeaders(config, html);
  } catch (e) {
    fail(e.message);
  }
  if (format === 'nginx') process.stdout.write(nginx(headers));
  else if (format === 'cloudfront') process.stdout.write(cloudfront(headers));
  else for (const [name, value] of Object.entries(headers)) console.log(`${name}: ${value}`);
}
