/**
 * Guided mode: how long from a trainer's command to every member's screen, with 200 members
 * connected on loopback (issue 7). Each member is a real WebSocket client in this process,
 * logged in with an account of its own; the trainer is one more. The servers are real
 * `tsx server/main.ts` child processes:
 *
 * - one process on SQLite (the VR-center laptop);
 * - two processes behind one PostgreSQL database, members split across both and the trainer on
 *   the first, so half the members hear the command through LISTEN/NOTIFY (needs
 *   HONGTU_BENCH_PG_URL or HONGTU_TEST_PG_URL; skipped without).
 *
 * Latency is measured in this process, from just before the trainer's frame is sent to the
 * moment each member's client has the command parsed; members acknowledge as a real app does, so
 * the trainer's presence updates are part of the load. Per command, every member's latency is a
 * sample (p50, p99, max), and so is the time until the last member had it.
 *
 * Run alone: `npm run bench:guide` (merges into bench/results.json); `npm run bench` runs it too.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import WebSocket from 'ws'
import { createUser } from '../server/admin/users.ts'
import { openDatabase } from '../server/db/open.ts'
import { DEMO_CLASS_ID } from '../server/db/seed.ts'
import { GUIDE_WS_PATH } from '../src/domain/guide/messages.ts'

export interface GuideLatencyRun {
  readonly mode: string
  readonly processes: number
  readonly clients: number
  readonly commands: number
  /** Command → one member's screen, every member of every command, ms. */
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** Command → the last of the members, per command, ms. */
  readonly allP50Ms: number
  readonly allP99Ms: number
  /** The same per server process (the first holds the trainer; the others hear through NOTIFY). */
  readonly byProcess: readonly { readonly process: number; readonly p50Ms: number; readonly p99Ms: number }[]
}

export interface GuideLatencyResult {
  readonly clients: number
  readonly runs: readonly GuideLatencyRun[]
  readonly skipped: readonly string[]
}

const CHEAP_SCRYPT = { log2N: 10, r: 8, p: 1 }
const STOPS = [
  'yanan-geming-jinianguan',
  'wangjiaping',
  'yangjialing',
  'zaoyuan',
  'nanniwan',
  'xibeiju',
  'baotashan',
]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

async function startProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HONGTU_SEED_DEMO: '1',
      HONGTU_GUIDE_COMMANDS_PER_MINUTE: '100000',
      HONGTU_SYNC_PUSHES_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child }
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    if (Date.now() > deadline) throw new Error('server did not start within 60 s')
    await new Promise((r) => setTimeout(r, 200))
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

interface Client {
  readonly ws: WebSocket
  /** Command seq → performance.now() at arrival. */
  readonly got: Map<number, number>
  onCommand?: () => void
}

function connect(url: string, cookie: string, classId: string, ack: boolean): Promise<Client> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}${GUIDE_WS_PATH}`, {
    headers: { cookie, origin: url },
    perMessageDeflate: false,
  })
  const client: Client = { ws, got: new Map() }
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const at = performance.now()
      const m = JSON.parse(data.toString()) as { type: string; event?: { seq: number }; classId?: string }
      if (m.type === 'subscribed') resolve(client)
      else if (m.type === 'command' && m.event) {
        client.got.set(m.event.seq, at)
        if (ack) ws.send(JSON.stringify({ type: 'ack', classId, seq: m.event.seq }))
        client.onCommand?.()
      }
    })
    ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', classId })))
    ws.once('error', reject)
  })
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN

async function measure(
  mode: string,
  urls: readonly string[],
  db: ReturnType<typeof openDatabase>,
  options: { clients: number; commands: number },
): Promise<GuideLatencyRun> {
  const now = new Date()
  const prefix = `bench${Date.now().toString(36)}`
  const members: string[] = []
  for (let i = 0; i < options.clients; i++) {
    const username = `${prefix}m${i}`
    const id = await createUser(
      db.db,
      {
        username,
        displayName: `学员${i + 1}`,
        role: 'member',
        password: `${username}-password`,
        branchName: '压测支部',
      },
      now,
      CHEAP_SCRYPT,
    )
    await db.db
      .insertInto('class_members')
      .values({ class_id: DEMO_CLASS_ID, user_id: id, untagged_from: '' })
      .execute()
    members.push(username)
  }
  const [first] = urls as [string]
  const trainer = await connect(
    first,
    await login(first, 'trainer1', 'hongtu-trainer1-demo'),
    DEMO_CLASS_ID,
    false,
  )
  const clients: Client[] = []
  /** Which process each client is connected to. */
  const processOf: number[] = []
  // Logins a few at a time (each is one scrypt), connections spread over the processes.
  for (let i = 0; i < members.length; i += 20) {
    const batch = members.slice(i, i + 20)
    clients.push(
      ...(await Promise.all(
        batch.map(async (username, j) => {
          processOf[i + j] = (i + j) % urls.length
          const url = urls[(i + j) % urls.length] as string
          return connect(url, await login(url, username, `${username}-password`), DEMO_CLASS_ID, true)
        }),
      )),
    )
  }
  const samples: number[] = []
  const lasts: number[] = []
  const perProcess: number[][] = urls.map(() => [])
  const warmUp = 3
  let seq = 0
  for (let n = 0; n < options.commands + warmUp; n++) {
    seq += 1
    const want = seq
    const all = new Promise<void>((resolve) => {
      const check = () => {
        if (clients.every((c) => c.got.has(want))) resolve()
      }
      for (const c of clients) c.onCommand = check
    })
    const sentAt = performance.now()
    trainer.ws.send(
      JSON.stringify({
        type: 'command',
        classId: DEMO_CLASS_ID,
        ref: `b${n}`,
        command: { type: 'gather', siteId: STOPS[n % STOPS.length] },
      }),
    )
    await Promise.race([
      all,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`command ${want} not delivered in 10 s`)), 10_000),
      ),
    ])
    if (n >= warmUp) {
      const times = clients.map((c) => (c.got.get(want) as number) - sentAt)
      samples.push(...times)
      for (const [k, t] of times.entries()) perProcess[processOf[k] as number]?.push(t)
      lasts.push(Math.max(...times))
    }
    // Let the acknowledgements and the trainer's presence update settle, as between real clicks.
    await new Promise((r) => setTimeout(r, 100))
  }
  for (const c of [trainer, ...clients]) c.ws.close()
  samples.sort((a, b) => a - b)
  lasts.sort((a, b) => a - b)
  const round = (x: number) => Math.round(x * 100) / 100
  return {
    mode,
    processes: urls.length,
    clients: clients.length,
    commands: options.commands,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(samples.at(-1) ?? Number.NaN),
    allP50Ms: round(percentile(lasts, 50)),
    allP99Ms: round(percentile(lasts, 99)),
    byProcess: perProcess.map((list, k) => {
      const sorted = [...list].sort((a, b) => a - b)
      return { process: k + 1, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) }
    }),
  }
}

async function sqliteRun(options: { clients: number; commands: number }): Promise<GuideLatencyRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-guide-bench-'))
  const { url, child } = await startProcess({
    HONGTU_DATA_DIR: dataDir,
    HONGTU_DIST_DIR: dataDir,
    DATABASE_URL: '',
  })
  const db = openDatabase({ sqliteFile: join(dataDir, 'hongtu.sqlite') })
  try {
    return await measure('1 process, SQLite', [url], db, options)
  } finally {
    await db.close()
    await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function postgresRun(
  adminUrl: string,
  options: { clients: number; commands: number },
): Promise<GuideLatencyRun> {
  const name = `hongtu_bench_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-guide-bench-'))
  const env = { HONGTU_DATA_DIR: dataDir, HONGTU_DIST_DIR: dataDir, DATABASE_URL: url.toString() }
  const children: ChildProcess[] = []
  let db: ReturnType<typeof openDatabase> | undefined
  try {
    // The first process migrates and seeds; the second finds the database ready.
    const a = await startProcess(env)
    children.push(a.child)
    const b = await startProcess(env)
    children.push(b.child)
    db = openDatabase({ databaseUrl: url.toString(), sqliteFile: join(dataDir, 'unused.sqlite') })
    return await measure('2 processes, PostgreSQL', [a.url, b.url], db, options)
  } finally {
    await db?.close()
    for (const c of children) await stop(c)
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function measureGuideLatency(
  options: { clients?: number; commands?: number; pgUrl?: string | undefined } = {},
): Promise<GuideLatencyResult> {
  const o = { clients: options.clients ?? 200, commands: options.commands ?? 40 }
  const runs: GuideLatencyRun[] = [await sqliteRun(o)]
  const skipped: string[] = []
  const pgUrl = options.pgUrl ?? process.env.HONGTU_BENCH_PG_URL ?? process.env.HONGTU_TEST_PG_URL
  if (pgUrl) runs.push(await postgresRun(pgUrl, o))
  else skipped.push('2 processes, PostgreSQL: set HONGTU_BENCH_PG_URL (or HONGTU_TEST_PG_URL) to run it')
  return { clients: o.clients, runs, skipped }
}

export function printGuideLatency(result: GuideLatencyResult) {
  console.log(`\nGuided mode: trainer's command → ${result.clients} members' screens on loopback (ms):`)
  for (const r of result.runs)
    console.log(
      `  ${r.mode.padEnd(24)} p50 ${r.p50Ms.toFixed(1).padStart(6)}  p99 ${r.p99Ms.toFixed(1).padStart(6)}  max ${r.maxMs.toFixed(1).padStart(6)}   last member: p50 ${r.allP50Ms.toFixed(1).padStart(6)}  p99 ${r.allP99Ms.toFixed(1).padStart(6)}  (${r.commands} commands)${r.byProcess.length > 1 ? `; by process: ${r.byProcess.map((p) => `#${p.process} p50 ${p.p50Ms.toFixed(1)} p99 ${p.p99Ms.toFixed(1)}`).join(', ')}` : ''}`,
    )
  for (const s of result.skipped) console.log(`  skipped: ${s}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureGuideLatency()
  printGuideLatency(result)
  const path = 'bench/results.json'
  let results: Record<string, unknown> = {}
  try {
    results = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    // no earlier results
  }
  writeFileSync(
    path,
    `${JSON.stringify({ ...results, guideLatency: { measuredAt: new Date().toISOString(), ...result } }, null, 2)}\n`,
  )
  console.log(`wrote ${path} (guideLatency)`)
}
