/**
 * Server ingest (issue 4; notes/performance.md: "500-record batch acknowledged p99 ≤ 100 ms;
 * ≥ 50k rows/s on SQLite and on PostgreSQL"). The real server, started as in production
 * (server/start.ts: synchronous=FULL on SQLite, synchronous_commit=on on PostgreSQL), on a temp
 * SQLite file and, when HONGTU_TEST_PG_URL is set, on a scratch PostgreSQL database created and
 * dropped here. Two ways of measuring, both reported, never gated on:
 *
 * - `ingest() in-process, 500 records per call`: what the goal names. A push carries at most
 *   100 records (P7), so a 500-record batch exists only inside the server: ingest() is called
 *   with 500 records at a time, one call after another, for a few members in turn. Time from
 *   the call to its results, which come only after the commit. No HTTP, no session lookup.
 * - `the store alone`: a floor to read the first by. The same insert-and-release statements in
 *   the same transaction (with the ingest lock on PostgreSQL), on 500 rows already checked and
 *   hashed (prepareBatch, before the clock): what the database and its driver cost, without the
 *   server's validation, hashing and verification.
 * - `HTTP, 5 sequential 100-record pushes of one device`: a 500-record batch as a device sends
 *   it, over loopback, as the outbox does (gzip body, `Prefer: return=minimal`), bodies built
 *   before the clock starts. Time from the first push sent to the fifth answer read. Beside it,
 *   the server's own time per push (its request log, whole milliseconds).
 *
 * rows/s is records ÷ the wall-clock time of all batches of a case, one at a time (no
 * concurrency). Run alone: `npm run bench:ingest` (writes its section into bench/results.json
 * and regenerates bench/REPORT.md); `npm run bench` runs it too.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { gzipSync } from 'node:zlib'
import { createUser } from '../server/admin/users.ts'
import { DEFAULT_CONFIG } from '../server/config.ts'
import type { SessionUser } from '../server/context.ts'
import { loadPack, startServer } from '../server/start.ts'
import { HOLD_LIMIT_MS, ingest, inPushTransaction, newRecordRow } from '../server/sync/ingest.ts'
import { prepareBatch } from '../server/sync/prepare.ts'
import { insertAndRelease } from '../server/sync/record-writes.ts'
import type { ContentPack } from '../src/domain/content/pack.ts'
import { createThrowawayDatabase } from '../tests/support/throwaway-pg.ts'
import { ingestRecords } from './ingest-records.ts'
import { writeReport } from './report.ts'

export const INGEST_P99_GOAL_MS = 100
export const INGEST_ROWS_PER_SECOND_GOAL = 50_000
const BATCH = 500
const PUSH = 100

export interface IngestCase {
  readonly db: 'sqlite' | 'postgres'
  readonly case: string
  readonly batches: number
  readonly records: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** Absent for the store-alone case: a floor to read the others by, not a goal of its own. */
  readonly goalP99Ms?: number
  readonly rowsPerSecond: number
  readonly goalRowsPerSecond?: number
  /** HTTP case: the server's time per 100-record push (request log), p50 and p99. */
  readonly serverMsPerPush?: { readonly p50: number; readonly p99: number }
}

export interface IngestSection {
  readonly measuredAt: string
  readonly method: string
  /** 1-minute load average before and after: the machine is shared, figures are only as quiet as it. */
  readonly loadAverage: { readonly start: number; readonly end: number }
  readonly runs: readonly IngestCase[]
}

const cheapScrypt = { log2N: 10, r: 8, p: 1 }

/** A push body as the outbox sends it (src/platform/sync/gzip-body.ts). */
const gzipped = (body: unknown) => new Uint8Array(gzipSync(JSON.stringify(body)))

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

function summarize(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  }
}

async function measureOne(
  db: 'sqlite' | 'postgres',
  content: ContentPack,
  options: { databaseUrl?: string; batches: number; members: number },
): Promise<IngestCase[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-ingest-'))
  const pushServerMs: number[] = []
  const server = await startServer({
    config: {
      ...DEFAULT_CONFIG,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: dataDir,
      projectRoot: process.cwd(),
      syncPushesPerMinute: 1_000_000,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    },
    log: (event, fields) => {
      if (event === 'http' && fields?.path === '/api/sync/push') pushServerMs.push(Number(fields.ms))
    },
    content,
    scrypt: cheapScrypt,
    announce: () => {},
  })
  try {
    const s = server.services
    const makeMember = async (name: string): Promise<SessionUser> => {
      const id = await createUser(
        s.db,
        {
          username: name,
          displayName: name,
          role: 'member',
          branchName: '测试支部',
          password: 'bench-password',
        },
        new Date(),
        cheapScrypt,
      )
      return { id, username: name, displayName: name, role: 'member', branchId: null, sessionId: 'bench' }
    }

    // In-process: 500-record batches, members in turn; two warm-up batches are not counted.
    const members = await Promise.all(
      Array.from({ length: options.members }, (_, m) => makeMember(`ingest${m}`)),
    )
    const warm = await makeMember('warmup')
    for (let w = 0; w < 2; w++) await ingest(s, warm, ingestRecords(content, warm.id, BATCH, w * BATCH))
    const calls = Array.from({ length: options.batches }, (_, b) => {
      const member = members[b % members.length] as SessionUser
      const round = Math.floor(b / members.length)
      return { member, records: ingestRecords(content, member.id, BATCH, round * BATCH) }
    })
    const inProcess: number[] = []
    const t0 = performance.now()
    for (const { member, records } of calls) {
      const t = performance.now()
      const { results } = await ingest(s, member, records)
      inProcess.push(performance.now() - t)
      if (results.some((r) => r.result !== 'created'))
        throw new Error(`ingest on ${db}: a record was not created`)
    }
    const inProcessSeconds = (performance.now() - t0) / 1000

    // The store alone: the same statements in the same transaction on rows checked beforehand.
    const checked = await Promise.all(
      calls.map(async ({ member }, b) => {
        const records = ingestRecords(content, member.id, BATCH, 1_000_000 + b * BATCH)
        const { candidates } = await prepareBatch(s, member, records, Date.now())
        return { member, rows: candidates.map((c) => newRecordRow(c, null)) }
      }),
    )
    const storeOnly: number[] = []
    const t1 = performance.now()
    for (const { member, rows } of checked) {
      const t = performance.now()
      const receivedAt = new Date()
      const inserted = await inPushTransaction(s, (trx) =>
        insertAndRelease(trx, s.dialect, {
          memberId: member.id,
          receivedAt: receivedAt.toISOString(),
          rows,
          batchIds: rows.map((r) => r.id),
          staleBefore: new Date(receivedAt.getTime() - HOLD_LIMIT_MS).toISOString(),
        }),
      )
      storeOnly.push(performance.now() - t)
      if (inserted.size !== BATCH)
        throw new Error(`store on ${db}: ${inserted.size} of ${BATCH} rows inserted`)
    }
    const storeSeconds = (performance.now() - t1) / 1000

    // HTTP: one device, each batch as 5 sequential 100-record pushes, gzipped, minimal answers.
    const deviceId = (await makeMember('device')).id
    const cookie = await login(server.url, 'device')
    const bodies = Array.from({ length: options.batches }, (_, b) =>
      Array.from({ length: BATCH / PUSH }, (_, k) =>
        gzipped({ records: ingestRecords(content, deviceId, PUSH, b * BATCH + k * PUSH) }),
      ),
    )
    const warmup = gzipped({ records: ingestRecords(content, deviceId, PUSH, 10_000_000) })
    const device = await pushFromWorker(server.url, cookie, [[warmup]])
    pushServerMs.length = 0
    const { batchMs: overHttp, seconds: httpSeconds } = await device.run(bodies)
    device.stop()
    const serverSorted = [...pushServerMs].sort((a, b) => a - b)

    const records = options.batches * BATCH
    const goals = { goalP99Ms: INGEST_P99_GOAL_MS, goalRowsPerSecond: INGEST_ROWS_PER_SECOND_GOAL }
    return [
      {
        db,
        case: `ingest() in-process, ${BATCH} records per call`,
        batches: options.batches,
        records,
        ...summarize(inProcess),
        rowsPerSecond: records / inProcessSeconds,
        ...goals,
      },
      {
        db,
        case: `the store alone: the push's statements on ${BATCH} rows checked beforehand`,
        batches: options.batches,
        records,
        ...summarize(storeOnly),
        rowsPerSecond: records / storeSeconds,
      },
      {
        db,
        case: `HTTP, ${BATCH / PUSH} sequential ${PUSH}-record pushes of one device (gzip, minimal answer)`,
        batches: options.batches,
        records,
        ...summarize(overHttp),
        rowsPerSecond: records / httpSeconds,
        ...goals,
        serverMsPerPush: { p50: percentile(serverSorted, 50), p99: percentile(serverSorted, 99) },
      },
    ]
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * The device runs in a worker thread, so building requests and reading answers do not share the
 * server's event loop (as in bench/spike/load-worker.ts). It checks every answer: 200, and each
 * record `created` in the minimal answer.
 */
const DEVICE = `
const { parentPort, workerData } = require('node:worker_threads')
parentPort.on('message', async (batches) => {
  try {
    const batchMs = []
    const t0 = performance.now()
    for (const batch of batches) {
      const t = performance.now()
      for (const body of batch) {
        const r = await fetch(workerData.url + '/api/sync/push', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', prefer: 'return=minimal', cookie: workerData.cookie },
          body,
        })
        const answer = await r.json()
        if (r.status !== 200 || !answer.results.every((x) => x === 'created'))
          throw new Error('push answered ' + r.status + ': ' + JSON.stringify(answer).slice(0, 200))
      }
      batchMs.push(performance.now() - t)
    }
    parentPort.postMessage({ batchMs, seconds: (performance.now() - t0) / 1000 })
  } catch (e) {
    parentPort.postMessage({ error: String(e) })
  }
})
`

async function pushFromWorker(url: string, cookie: string, warmup: Uint8Array<ArrayBuffer>[][]) {
  const worker = new Worker(DEVICE, { eval: true, workerData: { url, cookie } })
  const run = (batches: Uint8Array<ArrayBuffer>[][]) =>
    new Promise<{ batchMs: number[]; seconds: number }>((resolve, reject) => {
      worker.once('message', (m: { batchMs: number[]; seconds: number } | { error: string }) =>
        'error' in m ? reject(new Error(m.error)) : resolve(m),
      )
      worker.once('error', reject)
      worker.postMessage(
        batches,
        batches.flat().map((b) => b.buffer),
      )
    })
  await run(warmup)
  return { run, stop: () => void worker.terminate() }
}

async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`)
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

export async function measureServerIngest(
  options: { batches?: number; members?: number; pgAdminUrl?: string } = {},
): Promise<IngestSection> {
  const loadAtStart = loadavg()[0] ?? 0
  const content = loadPack(process.cwd())
  const batches = options.batches ?? 100
  const members = options.members ?? 10
  const runs = await measureOne('sqlite', content, { batches, members })
  const pgAdminUrl = options.pgAdminUrl ?? process.env.HONGTU_TEST_PG_URL
  if (pgAdminUrl) {
    const scratch = await createThrowawayDatabase(pgAdminUrl, { prefix: 'hongtu_ingest' })
    try {
      runs.push(...(await measureOne('postgres', content, { databaseUrl: scratch.url, batches, members })))
    } finally {
      await scratch.drop()
    }
  }
  return {
    measuredAt: new Date().toISOString(),
    method: `${batches} batches of ${BATCH} records per case, one at a time; records are reflections with a GPS check-in every 20th, one device each (bench/ingest-records.ts); in-process batches go to ${members} members in turn. p99 of ${batches} batches is nearly their maximum.`,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    runs,
  }
}

export function printServerIngest(section: IngestSection): void {
  console.log(
    `\nServer ingest, a ${BATCH}-record batch (goal p99 ≤ ${INGEST_P99_GOAL_MS} ms, ≥ ${INGEST_ROWS_PER_SECOND_GOAL / 1000}k rows/s):`,
  )
  for (const r of section.runs)
    console.log(
      `  ${r.db.padEnd(8)} ${r.case.padEnd(80)} p50 ${r.p50Ms.toFixed(1).padStart(6)} p99 ${r.p99Ms.toFixed(1).padStart(6)} ms  ${Math.round(r.rowsPerSecond).toLocaleString('en-US').padStart(7)} rows/s${r.serverMsPerPush ? `  (server per push p50 ${r.serverMsPerPush.p50} ms, p99 ${r.serverMsPerPush.p99} ms)` : ''}`,
    )
}

/** Replaces the `ingest` section of bench/results.json (re-read right before writing; the rest kept). */
function writeSection(section: IngestSection, path = 'bench/results.json'): void {
  const current = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {}
  const temp = `${path}.tmp-${process.pid}`
  writeFileSync(temp, `${JSON.stringify({ ...current, ingest: section }, null, 2)}\n`)
  renameSync(temp, path)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await measureServerIngest()
  printServerIngest(section)
  writeSection(section)
  console.log(`wrote bench/results.json (ingest) and ${writeReport()}`)
}
