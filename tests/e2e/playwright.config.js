// End-to-end tests: the release build in Debian's Chromium against a fresh local Cognito.
// Started by scripts/test.sh, which serves the app and the local Cognito first.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: '../../target/e2e-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.APP_URL, // set by scripts/test.sh (scripts/ports.sh)
    // The suite reads the app in English whatever the machine's language; the Japanese pass
    // (screens.spec.js, language.spec.js) asks for ja-JP itself.
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
