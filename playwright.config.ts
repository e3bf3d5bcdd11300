import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs. The browser specs drive the real UI through the web host in Debian's Chromium
 * (`npx playwright install` cannot download browsers here); PLAYWRIGHT_CHROMIUM_PATH overrides the path.
 * The Electron spec launches the built app where the Electron binary exists and skips, saying why, elsewhere.
 */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: /web-.*\.spec\.ts$/u },
    { name: 'electron', testMatch: /electron\.spec\.ts$/u },
  ],
});
