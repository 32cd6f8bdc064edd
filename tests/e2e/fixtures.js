// The `test` every spec uses: Playwright's, plus a watch on the Content-Security-Policy that
// the server sends (deploy/nginx.conf with scripts/security-headers.mjs). Every page of every
// test reports its `securitypolicyviolation` events; a test ends with none, so the whole suite
// runs with zero. A test that provokes violations on purpose says so with
// `test.use({ expectCspViolations: true })` and reads them from the `cspViolations` fixture.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend({
  expectCspViolations: [false, { option: true }],
  cspViolations: [
    async ({ context, expectCspViolations }, use, testInfo) => {
      const violations = [];
      await context.exposeBinding('__cspViolation', (_source, violation) => violations.push(violation));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
        });
      });
      await use(violations);
      if (!expectCspViolations) {
        testInfo.annotations.push({ type: 'csp-violations', description: String(violations.length) });
        expect(violations, 'Content-Security-Policy violations').toEqual([]);
      }
    },
    { auto: true },
  ],
});
