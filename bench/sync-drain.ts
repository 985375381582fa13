import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { loadConfig } from '../server/config.ts'
import { startServer } from '../server/start.ts'

/**
 * Outbox drain on loopback, end to end: a logged-in member's device (headless Chromium, real
 * IndexedDB) holds N unsynced records; from the `online` event to an empty outbox, through the
 * real server (SQLite, synchronous=FULL) and the app's own outbox loop. Records are written
 * straight into the device database first (one transaction per 1,000), so the measure is the
 * drain alone. Also reports bytes per record on the wire (request bodies, uncompressed).
 */
export interface DrainResult {
  readonly records: number
  readonly seconds: number
  readonly recordsPerSecond: number
  readonly bytesPerRecord: number
  readonly requests: number
}

async function seedOutbox(page: Page, memberId: string, count: number, contentVersion: string) {
  for (let start = 0; start < count; start += 1000) {
    await page.evaluate(
      ({ memberId, start, n, contentVersion }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hongtu')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['records', 'outbox'], 'readwrite')
            const base = Date.now()
            for (let i = 0; i < n; i++) {
              const seq = start + i + 1
              const hex = seq.toString(16).padStart(12, '0')
              const ms = (base + seq).toString(16).padStart(12, '0')
              const id = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7000-8000-${hex}`
              const occurredAt = new Date(base + seq).toISOString()
              tx.objectStore('records').put({
                id,
                kind: 'reflection',
                v: 1,
                memberId,
                deviceId: 'bench-device',
                seq,
                occurredAt,
                clockOffsetMs: null,
                classId: null,
                contentVersion,
                payload: { lessonId: 'zaoyuan-lesson', text: `第 ${seq} 条心得` },
              })
              tx.objectStore('outbox').put({
                recordId: id,
                memberId,
                enqueuedAt: occurredAt,
                attempts: 0,
                state: 'pending',
              })
            }
            tx.oncomplete = () => {
              db.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      { memberId, start, n: Math.min(1000, count - start), contentVersion },
    )
  }
}

const outboxCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('hongtu')
        open.onsuccess = () => {
          const r = open.result.transaction('outbox').objectStore('outbox').count()
          r.onsuccess = () => {
            open.result.close()
            resolve(r.result)
          }
        }
      }),
  )

export async function measureDrain(browser: Browser, counts: readonly number[]): Promise<DrainResult[]> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    HONGTU_DATA_DIR: mkdtempSync(join(tmpdir(), 'hongtu-drain-')),
    HONGTU_DIST_DIR: 'dist',
    // One device sends as fast as the server answers; the per-member limit is for abuse.
    HONGTU_SYNC_PUSHES_PER_MINUTE: '100000',
    DATABASE_URL: '',
  })
  const server = await startServer({ config, log: () => {}, announce: () => {} })
  const results: DrainResult[] = []
  try {
    for (const count of counts) {
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' })
      const page = await context.newPage()
      await page.goto('/login')
      await page.getByLabel('用户名（党员编号）').fill('member1')
      await page.getByLabel('密码').fill('hongtu-member1-demo')
      await page.getByRole('button', { name: '登录' }).click()
      await page.getByText(/已登录/).waitFor()
      const memberId = await page.evaluate(async () => {
        const me = (await (await fetch('/api/me')).json()) as { user: { id: string } }
        return me.user.id
      })
      const contentVersion = await page.evaluate(
        async () => ((await (await fetch('/content/pack.json')).json()) as { version: string }).version,
      )
      await seedOutbox(page, memberId, count, contentVersion)
      let bytes = 0
      let requests = 0
      page.on('request', (r) => {
        if (r.url().endsWith('/api/sync/push')) {
          bytes += r.postDataBuffer()?.length ?? 0
          requests++
        }
      })
      const started = performance.now()
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
      while ((await outboxCount(page)) > 0) await page.waitForTimeout(50)
      const seconds = (performance.now() - started) / 1000
      results.push({
        records: count,
        seconds,
        recordsPerSecond: count / seconds,
        bytesPerRecord: bytes / count,
        requests,
      })
      await context.close()
    }
  } finally {
    await server.close()
  }
  return results
}
