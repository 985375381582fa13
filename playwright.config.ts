import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './bench/device-profile.ts'

/**
 * End-to-end tests drive the production build, served by the real server, in Debian's
 * Chromium (no browser downloads here). `npm test` builds first; run alone, build first.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173)
/** A fresh SQLite database (with the demo accounts) for every run. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'hongtu-e2e-'))
/** The build to serve: `dist` (what `npm test` builds); another folder lets two runs share a machine. */
const DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node_modules/.bin/tsx server/main.ts',
    // The e2e build trusts the test QR key (scripts/test-all.ts), so the server must too.
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      HONGTU_DIST_DIR: DIST_DIR,
      HONGTU_DATA_DIR: DATA_DIR,
      HONGTU_TRUST_TEST_KEYS: '1',
    },
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
