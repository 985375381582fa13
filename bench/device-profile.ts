import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type BrowserContextOptions, chromium } from '@playwright/test'

/** Chromium as every bench and the e2e tests launch it: Debian's build, nothing fetched from elsewhere. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * A member's browser as a phone has it: a profile on disk, in a throwaway folder. Measures of
 * IndexedDB (a save, a drain) need it: Playwright's `browser.newContext()` is an incognito
 * context, whose IndexedDB lives in memory, and there a count over 10,000 outbox entries took
 * 1.5 ms where on disk it took 45–65 ms. The drain bench ran in one until 2026-11-23 and hid
 * exactly that cost.
 */
export async function onDiskContext(
  options: BrowserContextOptions,
): Promise<{ readonly context: BrowserContext; readonly close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hongtu-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    ...options,
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
