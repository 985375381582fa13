import { IDBKeyRange } from 'fake-indexeddb'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { type AnyRecord, parseRecord } from '../../src/domain/records/record.ts'
import { pullAll } from '../../src/platform/sync/pull.ts'
import type { DbKind } from '../server/harness.ts'
import { testContent } from '../server/harness.ts'
import { type NetStats, SimDevice, type Timers } from './chaos-device.ts'
import { ChaosServer } from './chaos-server.ts'
import { Prng } from './prng.ts'

/**
 * The chaos run of fault row 24 (notes/reliability.md): simulated devices of several members
 * against the real server, driven by one seeded PRNG through random steps (records, offline,
 * kills, lost answers, server restarts, skewed clocks, the same record pushed from two devices).
 * At the end: the server holds exactly the records created, each once; every device's
 * projection equals the server's; no outbox item is left.
 */

export interface ChaosOptions {
  readonly seed: number
  readonly steps: number
  readonly db: DbKind
}

export interface ChaosCounts {
  records: number
  devices: number
  members: number
  kills: number
  restarts: number
  serverRestarts: number
  drops: number
  offline: number
  skews: number
  duplicatePushes: number
  pulls: number
}

export interface ChaosResult {
  readonly options: ChaosOptions
  readonly ok: boolean
  readonly counts: ChaosCounts
  readonly problems: string[]
  /** The last steps, to read with a failure. */
  readonly trace: string[]
  readonly ms: number
  /** A hash of every created record id in order: equal for two runs of one seed, or the run did not replay. */
  readonly fingerprint: string
}

const DAY = 86_400_000
const SKEWS = [0, 0, 3 * DAY, 2 * DAY, -5 * DAY, -365 * DAY]
/** Members as [username, password]; demo members exist already, the rest are created. */
const MEMBERS: readonly [string, string, boolean][] = [
  ['member1', 'hongtu-member1-demo', false],
  ['member2', 'hongtu-member2-demo', false],
  ['chaos3', 'chaos-member-3-passphrase', true],
  ['chaos4', 'chaos-member-4-passphrase', true],
]
/** Devices per member: two members own two devices each, so row 24 is exercised. */
const DEVICES_PER_MEMBER = [2, 2, 1, 1]

const WEIGHTS = {
  create: 40,
  kick: 6,
  toggleOnline: 8,
  kill: 5,
  boot: 6,
  skew: 3,
  samePush: 5,
  pull: 4,
  serverRestart: 2,
} as const

globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = performance.now()
  const rng = new Prng(options.seed)
  const counts: ChaosCounts = {
    records: 0,
    devices: 0,
    members: 0,
    kills: 0,
    restarts: 0,
    serverRestarts: 0,
    drops: 0,
    offline: 0,
    skews: 0,
    duplicatePushes: 0,
    pulls: 0,
  }
  const stats: NetStats = { drops: 0 }
  const trace: string[] = []
  const note = (line: string) => {
    trace.push(line)
    if (trace.length > 40) trace.shift()
  }
  const problems: string[] = []
  const createdIds: string[] = []
  const server = await ChaosServer.create(options.db)
  try {
    const timers = new SimTimers(server.clock.now().getTime())
    const devices = await setUp(server, options.seed, timers, stats, counts)
    const created = new Map<string, AnyRecord>()
    const content = testContent()

    let step = 0
    try {
      for (; step < options.steps; step++) {
        const action = rng.weighted(WEIGHTS)
        const d = rng.pick(devices)
        note(`${step} ${action} ${d.name}`)
        switch (action) {
          case 'create': {
            if (!d.log) break
            const [kind, payload] = randomRecord(rng, content)
            const record = await d.log.append(kind, payload as never, {
              memberId: d.memberId,
              contentVersion: content.version,
            })
            created.set(record.id, record)
            createdIds.push(record.id)
            await d.kick()
            break
          }
          case 'kick':
            await d.kick()
            break
          case 'toggleOnline':
            d.online = !d.online
            if (!d.online) counts.offline += 1
            else await d.kick()
            break
          case 'kill':
            if (!d.alive) break
            await d.kill()
            counts.kills += 1
            break
          case 'boot':
            if (d.alive) break
            await d.boot()
            counts.restarts += 1
            await d.kick()
            break
          case 'skew':
            d.skewMs = rng.pick(SKEWS)
            counts.skews += 1
            break
          case 'samePush': {
            // The member copies a record to their other device (an export file): both push it.
            const others = devices.filter((o) => o !== d && o.memberId === d.memberId && o.alive)
            if (!d.log || others.length === 0) break
            const other = rng.pick(others)
            if (!other.log) break
            const records = await d.log.records(d.memberId)
            if (records.length === 0) break
            await other.log.importUnsynced([rng.pick(records)], d.memberId)
            counts.duplicatePushes += 1
            await Promise.all([d.kick(), other.kick()])
            break
          }
          case 'pull':
            if (!d.log || !d.online || !server.up) break
            await pullAll(d.log, d.memberId, d.fetch)
            counts.pulls += 1
            break
          case 'serverRestart':
            await server.stop()
            counts.serverRestarts += 1
            break
        }
        // A stopped server comes back after a few steps, so devices meet it down meanwhile.
        if (!server.up && rng.chance(0.3)) await server.start()
        await timers.advance(rng.int(0, 8000))
      }
      await drainAll(server, devices, timers)
    } catch (e) {
      problems.push(`step ${step}: ${(e as Error).stack ?? String(e)}`)
    }
    if (problems.length === 0) problems.push(...(await check(devices, created)))
    counts.records = created.size
    counts.drops = stats.drops
    for (const d of devices) await d.kill()
  } finally {
    await server.dispose()
  }
  const fingerprint = fnv1a([...createdIds].join(','))
  return {
    options,
    ok: problems.length === 0,
    counts,
    problems,
    trace,
    ms: performance.now() - started,
    fingerprint,
  }
}

async function setUp(
  server: ChaosServer,
  seed: number,
  timers: Timers,
  stats: NetStats,
  counts: ChaosCounts,
) {
  const devices: SimDevice[] = []
  // Each device draws from its own PRNG (ids, backoff jitter, lost answers): two devices'
  // sends can overlap, and the order of their draws must not depend on socket timing.
  const deviceRng = () => new Prng(Math.imul(seed, 0x9e3779b1) + devices.length + 1)
  for (const [i, [username, password, create]] of MEMBERS.entries()) {
    if (create) await server.addMember(username, password)
    for (let k = 0; k < (DEVICES_PER_MEMBER[i] ?? 1); k++) {
      const memberId = await memberIdOf(server, username, password)
      const d = new SimDevice(`${username}/d${k + 1}`, memberId, server, deviceRng(), timers, stats)
      d.dropRate = 0.15
      await d.login(username, password)
      await d.boot()
      devices.push(d)
    }
  }
  counts.members = MEMBERS.length
  counts.devices = devices.length
  return devices
}

async function memberIdOf(server: ChaosServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await res.json()) as { user?: { id?: string } }
  if (!body.user?.id) throw new Error(`login as ${username} failed: ${res.status}`)
  return body.user.id
}

/** The end: everything online, no more lost answers, every outbox sent (bounded). */
async function drainAll(server: ChaosServer, devices: SimDevice[], timers: SimTimers) {
  await server.start()
  for (const d of devices) {
    d.online = true
    d.dropRate = 0
    await d.boot()
  }
  for (let round = 0; round < 20; round++) {
    let left = 0
    for (const d of devices) {
      await d.kick()
      left += (await d.log?.outbox(d.memberId))?.length ?? 0
    }
    if (left === 0) break
    await timers.advance(60_000)
  }
}

/** Server records of a member, by a plain pull (not into any device). */
async function serverRecords(d: SimDevice): Promise<AnyRecord[]> {
  const out: AnyRecord[] = []
  let cursor = '0'
  for (let page = 0; page < 1000; page++) {
    const res = await d.fetch(`/api/sync/pull?cursor=${cursor}&limit=500`)
    const body = (await res.json()) as { records: { record: unknown }[]; cursor: string; more: boolean }
    for (const r of body.records) {
      const parsed = parseRecord(r.record)
      if (!parsed.ok) throw new Error(`server returned an unreadable record: ${JSON.stringify(r.record)}`)
      out.push(parsed.record)
    }
    if (!body.more || body.cursor === cursor) break
    cursor = body.cursor
  }
  return out
}

async function check(devices: SimDevice[], created: Map<string, AnyRecord>): Promise<string[]> {
  const problems: string[] = []
  for (const d of devices) {
    const left = (await d.log?.outbox(d.memberId)) ?? []
    if (left.length > 0)
      problems.push(
        `${d.name}: ${left.length} outbox item(s) left: ${left.map((e) => `${e.recordId}(${e.state}${e.reason ? `:${e.reason}` : ''})`).join(', ')}`,
      )
  }
  const seen = new Map<string, number>()
  const byMember = new Map<string, AnyRecord[]>()
  for (const d of devices) {
    if (byMember.has(d.memberId)) continue
    const records = await serverRecords(d)
    byMember.set(d.memberId, records)
    for (const r of records) {
      seen.set(r.id, (seen.get(r.id) ?? 0) + 1)
      const mine = created.get(r.id)
      if (!mine) problems.push(`server holds ${r.id}, which no device created`)
      else if (stable(mine) !== stable(r)) problems.push(`server's ${r.id} differs from the device's`)
    }
  }
  for (const [id, n] of seen) if (n > 1) problems.push(`server holds ${id} ${n} times`)
  for (const [id, r] of created)
    if (!seen.has(id))
      problems.push(`lost: ${id} (${r.kind}, ${r.memberId}, seq ${r.seq}) is not on the server`)

  for (const d of devices) {
    if (!d.log) continue
    await pullAll(d.log, d.memberId, d.fetch)
    const onServer = byMember.get(d.memberId) ?? []
    const local = await d.log.records(d.memberId)
    const missing = onServer.filter((r) => !local.some((l) => l.id === r.id)).length
    if (missing > 0 || local.length !== onServer.length)
      problems.push(`${d.name}: holds ${local.length} records after a pull, the server ${onServer.length}`)
    const [mine, theirs] = [progressKey(local), progressKey(onServer)]
    if (mine !== theirs)
      problems.push(`${d.name}: its progress differs from the server's: ${firstDifference(mine, theirs)}`)
  }
  return problems
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Where two texts part, with a little context, so a failure says what differs. */
function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const from = Math.max(0, i - 120)
  return `device …${a.slice(from, i + 80)}… server …${b.slice(from, i + 80)}…`
}

/** A projection as comparable text (maps and object keys in order: only values may differ). */
function progressKey(records: AnyRecord[]): string {
  const p = projectProgress(records)
  const sorted = <V>(m: ReadonlyMap<string, V>) => [...m].sort(([a], [b]) => a.localeCompare(b))
  return stable([sorted(p.stamps), sorted(p.lessons), p.recordCount])
}

/** JSON with keys in order, so a record compares equal however the server reorders its fields. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

type Content = ReturnType<typeof testContent>

function randomRecord(rng: Prng, content: Content): [AnyRecord['kind'], unknown] {
  const lesson = rng.pick(content.lessons)
  const site = rng.pick(content.sites)
  const mode = rng.pick(['onsite', 'remote', 'vr'] as const)
  switch (rng.pick(['reflection', 'lesson.completed', 'quiz.submitted', 'checkin'] as const)) {
    case 'reflection':
      return ['reflection', { lessonId: lesson.id, text: `感想 ${rng.int(1, 1_000_000)}` }]
    case 'lesson.completed':
      return ['lesson.completed', { lessonId: lesson.id, siteId: site.id, mode, score: rng.int(0, 10) / 10 }]
    case 'quiz.submitted': {
      const total = rng.int(1, 5)
      const correct = rng.int(0, total)
      return [
        'quiz.submitted',
        {
          lessonId: lesson.id,
          attempt: rng.int(1, 5),
          mode,
          answers: { q1: [rng.pick(['a', 'b', 'c'])] },
          correct,
          total,
          passed: correct * 2 >= total,
        },
      ]
    }
    case 'checkin': {
      const round = (x: number) => Math.round(x * 1000) / 1000
      const { lat, lng } = site.location
      return [
        'checkin',
        {
          siteId: site.id,
          method: 'gps',
          verdict: 'inside',
          gps: { lat: round(lat), lng: round(lng), accuracyM: 20, distanceM: 0 }, // 10 m, as the app sends it: to 50 m
        },
      ]
    }
  }
}

/** Retry timers on the simulated clock, fired in due order by `advance`. */
class SimTimers implements Timers {
  private ms: number
  private nextId = 1
  private pending: { id: number; due: number; device: SimDevice; fn: () => void }[] = []

  constructor(startMs: number) {
    this.ms = startMs
  }

  now = () => this.ms

  add(device: SimDevice, fn: () => void, ms: number): number {
    const id = this.nextId++
    this.pending.push({ id, due: this.ms + ms, device, fn })
    return id
  }

  remove(handle: unknown) {
    this.pending = this.pending.filter((t) => t.id !== handle)
  }

  dropAllOf(device: SimDevice) {
    this.pending = this.pending.filter((t) => t.device !== device)
  }

  /** Moves the clock on, firing each due timer and waiting for the send it starts. */
  async advance(ms: number) {
    const until = this.ms + ms
    for (;;) {
      const next = this.pending.filter((t) => t.due <= until).sort((a, b) => a.due - b.due || a.id - b.id)[0]
      if (!next) break
      this.remove(next.id)
      this.ms = Math.max(this.ms, next.due)
      next.fn()
      await next.device.sync?.settled()
    }
    this.ms = until
  }
}
