import { IDBFactory } from 'fake-indexeddb'
import { RecordLog } from '../../src/platform/storage/record-log.ts'
import { OutboxSync } from '../../src/platform/sync/outbox-sync.ts'
import type { ChaosServer } from './chaos-server.ts'
import type { Prng } from './prng.ts'

/** Retry timers of all devices, on the simulated clock; fired by the simulator, never by Node. */
export interface Timers {
  now(): number
  add(device: SimDevice, fn: () => void, ms: number): number
  remove(handle: unknown): void
  dropAllOf(device: SimDevice): void
}

export interface NetStats {
  drops: number
}

/**
 * One simulated device. Its IndexedDB (the factory) outlives a kill, as a phone's storage
 * does; its memory (the open RecordLog and the OutboxSync with its timers) does not.
 */
export class SimDevice {
  readonly factory = new IDBFactory()
  log: RecordLog | undefined
  sync: OutboxSync | undefined
  online = true
  skewMs = 0
  /** Probability that a push's response is lost after the server handled it (fault row 6). */
  dropRate = 0
  private readonly cookies = new Map<string, string>()

  constructor(
    readonly name: string,
    readonly memberId: string,
    private readonly server: ChaosServer,
    private readonly rng: Prng,
    private readonly timers: Timers,
    private readonly stats: NetStats,
  ) {}

  get alive(): boolean {
    return this.log !== undefined
  }

  /** The device's own clock: the simulated time plus its skew. */
  readonly now = () => this.timers.now() + this.skewMs

  /** The device's fetch: offline and a down server throw like a real network error. */
  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!this.online || !this.server.up) throw new TypeError('fetch failed')
    const path = String(input)
    const headers = new Headers(init?.headers)
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(`${this.server.url}${path}`, { ...init, headers })
    this.keepCookies(res)
    if (path.startsWith('/api/sync/push') && this.rng.chance(this.dropRate)) {
      // The server has committed and answered; the answer never reaches the device.
      await res.arrayBuffer()
      this.stats.drops += 1
      throw new TypeError('connection reset after the server answered')
    }
    return res
  }) as typeof fetch

  private keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (!pair || eq < 0) continue
      const value = pair.slice(eq + 1)
      if (/Max-Age=0\b/.test(line) || value === '') this.cookies.delete(pair.slice(0, eq))
      else this.cookies.set(pair.slice(0, eq), value)
    }
  }

  async login(username: string, password: string) {
    const res = await fetch(`${this.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    this.keepCookies(res)
    if (res.status !== 200) throw new Error(`${this.name}: login as ${username} failed: ${res.status}`)
  }

  /** Starts the app: opens the same IndexedDB again and starts a fresh outbox loop. */
  async boot() {
    if (this.log) return
    this.log = await RecordLog.open({
      factory: this.factory,
      clock: { now: this.now },
      random: this.rng.bytes,
    })
    this.sync = new OutboxSync({
      log: this.log,
      memberId: this.memberId,
      fetch: this.fetch,
      now: this.now,
      random: this.rng.next,
      setTimer: (fn, ms) => this.timers.add(this, fn, ms),
      clearTimer: (h) => this.timers.remove(h),
    })
  }

  /** The app is killed between two steps: everything in memory goes, IndexedDB stays. */
  async kill() {
    if (!this.log) return
    this.sync?.stop()
    await this.sync?.settled()
    this.timers.dropAllOf(this)
    this.log.close()
    this.log = undefined
    this.sync = undefined
  }

  /** What the app does on `online`, on start and after a save: try to send now. */
  async kick() {
    await this.sync?.kick()
  }
}
