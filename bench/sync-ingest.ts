/**
 * `npm run bench:sync [-- --members 50 --records 200 --batch 100 --clients 4]`: sync ingest over
 * loopback. Starts the real server on a temp SQLite file (and on PostgreSQL too when
 * HONGTU_TEST_PG_URL is set: it creates and drops a database), creates members, and has
 * `clients` devices at a time each push one member's records (a field trip's worth: check-ins
 * and reflections, one a minute) in sequential batches, like the device outbox.
 * Prints records/s and batch latency percentiles. Wall-clock figures: compare runs on the same
 * machine, never gate on them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createUser } from '../server/admin/users.ts'
import { DEFAULT_CONFIG } from '../server/config.ts'
import { silentLogger } from '../server/log.ts'
import { loadPack, startServer } from '../server/start.ts'
import { ingestRecords } from './ingest-records.ts'

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '50' },
    records: { type: 'string', default: '200' },
    batch: { type: 'string', default: '100' },
    clients: { type: 'string', default: '4' },
  },
})
const MEMBERS = Number(values.members)
const RECORDS = Number(values.records)
const BATCH = Number(values.batch)
const CLIENTS = Number(values.clients)
const content = loadPack(process.cwd())

async function login(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`)
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

const makeRecords = (memberId: string, n: number) => ingestRecords(content, memberId, n)

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-bench-'))
  const server = await startServer({
    config: {
      ...DEFAULT_CONFIG,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: dataDir,
      projectRoot: process.cwd(),
      syncPushesPerMinute: 100_000,
      ...(databaseUrl ? { databaseUrl } : {}),
    },
    log: silentLogger,
    content,
    announce: () => {},
  })
  try {
    const cheap = { log2N: 10, r: 8, p: 1 }
    const now = new Date()
    const members: { cookie: string; records: ReturnType<typeof makeRecords> }[] = []
    for (let m = 0; m < MEMBERS; m++) {
      const username = `bench${m}`
      const id = await createUser(
        server.services.db,
        {
          username,
          displayName: `学员${m}`,
          role: 'member',
          branchName: '测试支部',
          password: 'bench-password',
        },
        now,
        cheap,
      )
      members.push({
        cookie: await login(server.url, username, 'bench-password'),
        records: makeRecords(id, RECORDS),
      })
    }
    const latencies: number[] = []
    const queue = [...members]
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let member = queue.shift(); member; member = queue.shift()) {
          const { cookie, records } = member
          for (let i = 0; i < records.length; i += BATCH) {
            const t = performance.now()
            const r = await fetch(`${server.url}/api/sync/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ records: records.slice(i, i + BATCH) }),
            })
            const body = (await r.json()) as { results?: { result: string }[] }
            if (r.status !== 200 || body.results?.some((x) => x.result !== 'created'))
              throw new Error(`push failed: ${r.status}`)
            latencies.push(performance.now() - t)
          }
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? '-'
    const total = MEMBERS * RECORDS
    console.log(
      `${label}: ${total} records, batch ${BATCH}, ${CLIENTS} client(s): ${Math.round(total / seconds)} records/s; batch ms p50 ${pct(50)} p95 ${pct(95)} p99 ${pct(99)}`,
    )
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await run('sqlite')
const pgUrl = process.env.HONGTU_TEST_PG_URL
if (pgUrl) {
  const name = `hongtu_bench_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(pgUrl)
  url.pathname = `/${name}`
  try {
    await run('postgres', url.toString())
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}
