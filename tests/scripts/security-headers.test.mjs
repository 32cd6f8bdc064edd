// scripts/security-headers.mjs: the headers follow the deployment's config.json and page, and
// a config it cannot use is refused with the field named. Run by `node --test tests/scripts/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cognitoOrigin, inlineScriptHashes, securityHeaders } from '../../scripts/security-headers.mjs';

const SCRIPT = new URL('../../scripts/security-headers.mjs', import.meta.url).pathname;
const POOL = { region: 'ap-northeast-1', userPoolId: 'ap-northeast-1_Abc', clientId: 'abc123' };
const PAGE = '<html><head><script type=module>import init from "/app.js"; await init();</script>' +
  '<script src="/other.js"></script></head></html>';

test('the CSP lets the page reach its own region\'s Cognito, or the configured endpoint, and nothing else', () => {
  const csp = (config) => securityHeaders(config, PAGE)['Content-Security-Policy'];
  assert.match(csp(POOL), /connect-src 'self' https:\/\/cognito-idp\.ap-northeast-1\.amazonaws\.com;/);
  assert.match(csp({ ...POOL, endpoint: 'https://auth.example.jp/cognito/' }), /connect-src 'self' https:\/\/auth\.example\.jp;/);
  assert.match(csp({ ...POOL, endpoint: 'http://127.0.0.1:4566/' }), /connect-src 'self' http:\/\/127\.0\.0\.1:4566;/);
  for (const directive of ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "base-uri 'none'",
    "form-action 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'", "trusted-types 'none'"]) {
    assert.ok(csp(POOL).includes(directive), directive);
  }
  assert.doesNotMatch(csp(POOL), /'unsafe-inline'|'unsafe-eval'|\*/);
});

test('the inline start script is allowed by its hash, and only it', () => {
  const body = 'import init from "/app.js"; await init();';
  const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
  assert.deepEqual(inlineScriptHashes(PAGE), [hash]);
  assert.match(securityHeaders(POOL, PAGE)['Content-Security-Policy'], new RegExp(`script-src 'self' 'wasm-unsafe-eval' ${hash.replace(/[+/]/g, '\\$&')};`));
});

test('a config it cannot use is refused, naming the field', () => {
  const refused = (config, field) => assert.throws(() => cognitoOrigin(config), new RegExp(`field "${field}"`));
  refused({ ...POOL, endpoint: 'http://cognito.example.com/' }, 'endpoint');
  refused({ ...POOL, endpoint: 'https://cognito idp.example.com/' }, 'endpoint');
  refused({ ...POOL, endpoint: 'not a url' }, 'endpoint');
  refused({ ...POOL, endpoint: 'https://example.com/?a=b' }, 'endpoint');
  refused({ ...POOL, endpoint: 42 }, 'endpoint');
  refused({ clientId: 'abc' }, 'region');
  assert.throws(() => cognitoOrigin([1]), /must be a JSON object/);
});

test('the command writes nginx lines or a CloudFront policy, and refuses an unreadable config.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  const run = (...args) => spawnSync(process.execPath, [SCRIPT, join(dir, 'config.json'), ...args], { encoding: 'utf8' });

  writeFileSync(join(dir, 'config.json'), JSON.stringify(POOL));
  const nginx = run('nginx');
  assert.equal(nginx.status, 0, nginx.stderr);
  assert.match(nginx.stdout, /^add_header Content-Security-Policy "default-src 'none'; .*" always;$/m);
  assert.match(nginx.stdout, /^add_header X-Content-Type-Options "nosniff" always;$/m);
  const policy = JSON.parse(run('cloudfront').stdout);
  assert.equal(policy.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy, 'no-referrer');
  assert.equal(policy.CustomHeadersConfig.Quantity, policy.CustomHeadersConfig.Items.length);

  writeFileSync(join(dir, 'config.json'), '{"region": "ap-northeast-1",');
  const broken = run('nginx');
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /not readable JSON/);
  assert.equal(broken.stdout, '');

  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...POOL, endpoint: 'http://10.0.0.1/' }));
  const insecure = run('nginx');
  assert.equal(insecure.status, 1);
  assert.match(insecure.stderr, /field "endpoint": .*must start with https:\/\//);
});
