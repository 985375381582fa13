import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { loadConfig } from '../server/config.ts'
import { startServer } from '../server/start.ts'
import { onDiskContext } from './device-profile.ts'
import { type BenchRecord, benchRecords } from './drain-records.ts'
import { measurePouchDrain, type PeerDrainResult } from './peers/pouchdb-drain.ts'
import { cpuSnapshot, cpuSpent } from './process-cpu.ts'

/**
 * Outbox drain on loopback, end to end (issue 4): a logged-in member's device (headless
 * Chromium, the real app, real IndexedDB) holds N unsynced records; from the `online` event to
 * an empty outbox, through the real server (SQLite, synchronous=FULL) and the app's own outbox
 * loop. Records are written straight into the device database first (one transaction per
 * 1,000), so the measure is the drain alone. Beside it, in the same run, PouchDB replicates the
 * same count of records of the same shape to pouchdb-server (bench/peers/pouchdb-drain.ts).
 *
 * Also reported: bytes per record on the wire (both ways, headers included, bodies as sent:
 * the outbox gzips its batches and the server its answers) and where the
 * time goes: each push's request → answer time (Chromium's network timing; of which the
 * server, to the first byte of the answer) and the client's gap from one answer to the next
 * request (reading the next batch from IndexedDB, settling the last one, the app's re-reads).
 * And the CPU each process spent per push (Node: the server and this bench's Playwright driver;
 * Chromium's browser process, which runs IndexedDB, its renderer, network service and GPU
 * process): on loopback the drain is bound by the cores its parts share, and
 * `cpuCeilingRecordsPerSecond` is the rate at which every core would be busy.
 */
export interface DrainBreakdown {
  readonly pushes: number
  readonly requestMsMean: number
  readonly serverMsMean: number
  readonly clientGapMsMean: number
  /** Share of the drain's wall-clock time outside push requests. */
  readonly clientShare: number
  /** CPU ms per push by process kind (see process-cpu.ts), and their sum. */
  readonly cpuMsPerPush: Readonly<Record<string, number>>
  readonly cpuMsPerPushTotal: number
  /** Busy share of all cores over the drain (1 = all busy throughout). */
  readonly coreShare: number
  /** Records/s if every core were busy at this CPU cost per record: the machine's ceiling for this pipeline. */
  readonly cpuCeilingRecordsPerSecond: number
}

export interface DrainResult {
  readonly records: number
  /** Records that left the outbox; less than `records` when the deadline cut the drain short. */
  readonly drained: number
  readonly completed: boolean
  readonly seconds: number
  readonly recordsPerSecond: number
  /** Everything on the wire per record: request and answer, bodies as sent (compressed) and headers. */
  readonly bytesPerRecord: number
  /** Of which the request bodies alone. */
  readonly requestBodyBytesPerRecord: number
  readonly requests: number
  readonly breakdown: DrainBreakdown
  readonly peers: readonly PeerDrainResult[]
  /** Ours ÷ the fastest peer configuration: above 1, we are faster. */
  readonly ratioToBestPeer: number | null
}

export interface DrainOptions {
  readonly distDir?: string
  /** A drain still running after this long stops counting and reports its rate so far. */
  readonly deadlineSeconds?: number
  /** PouchDB batch sizes to measure beside ours (notes/performance.md: 100 and 500). */
  readonly peerBatchSizes?: readonly number[]
}

async function seedOutbox(page: Page, records: readonly BenchRecord[]) {
  for (let start = 0; start < records.length; start += 1000) {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hongtu')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['records', 'outbox'], 'readwrite')
            for (const record of chunk) {
              tx.objectStore('records').put(record)
              tx.objectStore('outbox').put({
                recordId: record.id,
                memberId: record.memberId,
                enqueuedAt: record.occurredAt,
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
      records.slice(start, start + 1000),
    )
  }
}

const outboxCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hongtu')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const r = open.result.transaction('outbox').objectStore('outbox').count()
          r.onsuccess = () => {
            open.result.close()
            resolve(r.result)
          }
        }
      }),
  )

interface PushTiming {
  readonly start: number
  readonly end: number
  readonly serverMs: number
}

function breakdownOf(
  pushes: readonly PushTiming[],
  seconds: number,
  drained: number,
  cpu: ReturnType<typeof cpuSpent>,
): DrainBreakdown {
  const sorted = [...pushes].sort((a, b) => a.start - b.start)
  const requestMs = sorted.reduce((n, p) => n + (p.end - p.start), 0)
  const serverMs = sorted.reduce((n, p) => n + p.serverMs, 0)
  const gaps = sorted.slice(1).map((p, i) => p.start - (sorted[i]?.end ?? p.start))
  const n = Math.max(1, sorted.length)
  return {
    pushes: sorted.length,
    requestMsMean: requestMs / n,
    serverMsMean: serverMs / n,
    clientGapMsMean: gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length),
    clientShare: seconds > 0 ? Math.max(0, 1 - requestMs / 1000 / seconds) : 0,
    cpuMsPerPush: Object.fromEntries(
      Object.entries(cpu.byKind).map(([kind, msSpent]) => [kind, msSpent / n]),
    ),
    cpuMsPerPushTotal: cpu.totalMs / n,
    coreShare: cpu.coreShare,
    cpuCeilingRecordsPerSecond: cpu.totalMs > 0 ? (drained * cpu.cores * 1000) / cpu.totalMs : 0,
  }
}

async function drainOnce(
  baseURL: string,
  count: number,
  deadlineSeconds: number,
): Promise<Omit<DrainResult, 'peers' | 'ratioToBestPeer'>> {
  // On disk, as on a phone (device-profile.ts): in memory, IndexedDB hid most of the drain's cost.
  const { context, close } = await onDiskContext({ baseURL, serviceWorkers: 'block' })
  try {
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
    await seedOutbox(page, benchRecords(0, count, Date.now(), memberId, contentVersion))

    // The pushes are only collected while the drain runs: asking Playwright for each one's sizes
    // and timing is a round trip through this process, which shares the cores with the server and
    // the browser, so it is done once the drain is over.
    const finished: Request[] = []
    page.on('requestfinished', (r: Request) => {
      if (r.url().endsWith('/api/sync/push')) finished.push(r)
    })
    const expectedPushes = Math.ceil(count / 100)
    const cpuBefore = cpuSnapshot()
    const started = performance.now()
    const deadline = started + deadlineSeconds * 1000
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    // Counting the outbox is a transaction on the store being drained: look only once the
    // expected answers are in (or every 2 s, in case the client splits batches), not all along.
    let left = count
    let lastLook = started
    while (performance.now() < deadline) {
      const now = performance.now()
      if (finished.length >= expectedPushes || now - lastLook > 2000) {
        left = await outboxCount(page)
        lastLook = now
        if (left === 0) break
      }
      await page.waitForTimeout(finished.length >= expectedPushes ? 5 : 25)
    }
    const seconds = (performance.now() - started) / 1000
    const cpu = cpuSpent(cpuBefore, cpuSnapshot(), seconds * 1000)
    if (left !== 0) left = await outboxCount(page)
    const drained = count - left
    const wire = { requestBody: 0, total: 0 }
    const pushes: PushTiming[] = []
    for (const r of finished) {
      // Bytes as they crossed the wire: compressed bodies, and every header both ways.
      const z = await r.sizes()
      wire.requestBody += z.requestBodySize
      wire.total += z.requestBodySize + z.requestHeadersSize + z.responseBodySize + z.responseHeadersSize
      const t = r.timing()
      pushes.push({
        start: t.startTime,
        end: t.startTime + t.responseEnd,
        serverMs: Math.max(0, t.responseStart - t.requestStart),
      })
    }
    return {
      records: count,
      drained,
      completed: left === 0,
      seconds,
      recordsPerSecond: drained / seconds,
      bytesPerRecord: drained > 0 ? wire.total / drained : 0,
      requestBodyBytesPerRecord: drained > 0 ? wire.requestBody / drained : 0,
      requests: pushes.length,
      breakdown: breakdownOf(pushes, seconds, drained, cpu),
    }
  } finally {
    await close()
  }
}

export async function measureDrain(
  counts: readonly number[],
  options: DrainOptions = {},
): Promise<DrainResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-drain-'))
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    HONGTU_DATA_DIR: dataDir,
    HONGTU_DIST_DIR: options.distDir ?? 'dist',
    // One device sends as fast as the server answers; the per-member limit is for abuse.
    HONGTU_SYNC_PUSHES_PER_MINUTE: '100000',
    DATABASE_URL: '',
  })
  const server = await startServer({ config, log: () => {}, announce: () => {} })
  const results: DrainResult[] = []
  try {
    // Ours then the peer for each count, so that drift over the run touches both alike.
    for (const count of counts) {
      const ours = await drainOnce(server.url, count, options.deadlineSeconds ?? 300)
      const peers = await measurePouchDrain([count], options.peerBatchSizes ?? [100, 500])
      const best = Math.max(0, ...peers.map((p) => p.recordsPerSecond))
      results.push({ ...ours, peers, ratioToBestPeer: best > 0 ? ours.recordsPerSecond / best : null })
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return results
}
