import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../../server/app.ts'
import { checkInAt } from './checkin-driver.ts'
import { northOf, site } from './content.ts'
import { expect, test } from './fixtures.ts'
import { readStore } from './idb.ts'

/**
 * Rows 18 and 19 of the fault matrix: a new app version must never reload the page by itself
 * while work is unsynced, and a newer database version in another tab must never be blocked.
 * Row 18 serves a private copy of the build so the test can publish "version 2" of it.
 */

test('a service-worker update with unsynced work: prompt, no reload, nothing lost', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'hongtu-v1-'))
  cpSync('dist', dir, { recursive: true })
  const server = serve({ fetch: createApp({ distDir: dir }).fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => server.once('listening', r))
  const port = (server.address() as { port: number }).port
  const context = await browser.newContext({
    baseURL: `http://localhost:${port}`,
    permissions: ['geolocation'],
    geolocation: { ...northOf(site('zaoyuan').location, 5), accuracy: 10 },
  })
  try {
    const page = await context.newPage()
    await page.goto('/sites/zaoyuan/checkin')
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 })
    await page.getByRole('button', { name: '定位打卡' }).click()
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByText(/已保存/)).toBeVisible()
    await page.evaluate(() => {
      ;(window as { __sameDocument?: boolean }).__sameDocument = true
    })

    // Publish version 2: any byte change to sw.js makes the browser install it.
    const sw = join(dir, 'sw.js')
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// v2\n`)
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())

    await expect(page.getByText('新版本已就绪。')).toBeVisible({ timeout: 20_000 })
    // It waits for the member: still the same document, and the record is still pending.
    await page.waitForTimeout(1000)
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
    await expect(page.getByTestId('pending-badge')).toHaveText('1 条待同步（需登录）')

    await page.getByRole('button', { name: '立即更新' }).click()
    // Accepted: the page reloads into version 2 (a new document without the marker).
    await expect
      .poll(
        () => page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument).catch(() => true),
        {
          timeout: 15_000,
        },
      )
      .toBeUndefined()
    await expect(page.getByTestId('pending-badge')).toHaveText('1 条待同步（需登录）')
    expect(await readStore(page, 'outbox')).toHaveLength(1)
  } finally {
    await context.close()
    server.close()
  }
})

test('another tab opening a newer database version is not blocked, and no data is lost', async ({
  page,
  context,
}) => {
  await checkInAt(page, context, 'zaoyuan')

  const newer = await context.newPage()
  await newer.goto('/nowhere')
  const outboxInNewVersion = await newer.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('hongtu', 1000)
        req.onblocked = () => reject(new Error('upgrade blocked by the old tab'))
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const count = req.result.transaction('outbox').objectStore('outbox').count()
          count.onsuccess = () => {
            req.result.close()
            resolve(count.result)
          }
        }
      }),
  )
  expect(outboxInNewVersion).toBe(1)
  await expect(page.getByText(/新版本已在另一个页面打开/)).toBeVisible()
})
