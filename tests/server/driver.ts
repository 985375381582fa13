import { DEMO_USERS } from '../../server/db/seed.ts'
import { uuidv7 } from '../../src/domain/records/uuidv7.ts'
import type { TestServer } from './harness.ts'

/**
 * A test's view of the server: an HTTP client with its own cookie jar (one per simulated
 * device), speaking to the server over real sockets with fetch, and builders for records as a
 * device makes them. Tests read like what a device or a person does.
 */

export interface Reply {
  readonly status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers field by field and assert on them
  readonly body: any
  readonly headers: Headers
  readonly text: string
}

export class Device {
  readonly cookies = new Map<string, string>()
  private seq = 0
  readonly deviceId = `dev-${Math.random().toString(36).slice(2, 10)}`

  constructor(
    readonly server: TestServer,
    private readonly ip?: string,
  ) {}

  nextSeq() {
    this.seq += 1
    return this.seq
  }

  async request(
    method: string,
    path: string,
    options: {
      json?: unknown
      raw?: string
      bytes?: Uint8Array<ArrayBuffer>
      headers?: Record<string, string>
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers }
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (this.ip) headers['x-forwarded-for'] = this.ip
    let body: string | Uint8Array<ArrayBuffer> | undefined
    if (options.json !== undefined || options.raw !== undefined || options.bytes !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = options.bytes ?? options.raw ?? JSON.stringify(options.json)
    }
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (!pair || eq < 0) continue
      const name = pair.slice(0, eq)
      const value = pair.slice(eq + 1)
      if (/Max-Age=0\b/.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await res.text()
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      parsed = undefined
    }
    return { status: res.status, body: parsed, headers: res.headers, text }
  }

  login(username: string, password: string) {
    return this.request('POST', '/api/auth/login', { json: { username, password } })
  }

  /** Logs in as one of the demo accounts and fails the test if that does not work. */
  async loginAs(username: (typeof DEMO_USERS)[number]['username']): Promise<string> {
    const user = DEMO_USERS.find((u) => u.username === username)
    if (!user) throw new Error(`no demo user ${username}`)
    const r = await this.login(user.username, user.password)
    if (r.status !== 200) throw new Error(`login as ${username} failed: ${r.status} ${r.text}`)
    return r.body.user.id as string
  }

  push(records: unknown[]) {
    return this.request('POST', '/api/sync/push', { json: { records } })
  }

  pull(cursor?: string, limit?: number, exceptDevice?: string) {
    const q = new URLSearchParams()
    if (cursor !== undefined) q.set('cursor', cursor)
    if (limit !== undefined) q.set('limit', String(limit))
    if (exceptDevice !== undefined) q.set('exceptDevice', exceptDevice)
    return this.request('GET', `/api/sync/pull?${q}`)
  }

  /** A record as the device makes it; `over` replaces envelope fields. */
  record(memberId: string, kind: string, payload: unknown, over: Record<string, unknown> = {}) {
    const occurredAt = (over.occurredAt as string | undefined) ?? this.server.clock.now().toISOString()
    return {
      id: uuidv7(Date.parse(occurredAt)),
      kind,
      v: 1,
      memberId,
      deviceId: this.deviceId,
      seq: this.nextSeq(),
      occurredAt,
      clockOffsetMs: 0,
      classId: null,
      contentVersion: this.server.services.content.version,
      payload,
      ...over,
    }
  }

  /** A GPS check-in at a site of the content pack, at its centre unless `at` is given. */
  checkin(
    memberId: string,
    siteId: string,
    over: Record<string, unknown> = {},
    at?: { lng: number; lat: number },
  ) {
    const site = this.server.services.content.sites.find((s) => s.id === siteId)
    if (!site) throw new Error(`no site ${siteId}`)
    const p = at ?? site.location
    const round = (d: number) => Math.round(d * 1000) / 1000
    return this.record(
      memberId,
      'checkin',
      {
        siteId,
        method: 'gps',
        verdict: 'inside',
        gps: { lat: round(p.lat), lng: round(p.lng), accuracyM: 20, distanceM: 0 }, // 12 m, as the app sends it: to 50 m
      },
      over,
    )
  }
}

/** Demo member1 logged in on a device of their own: where most sync tests begin. */
export async function withMember1(server: TestServer) {
  const device = new Device(server)
  const memberId = await device.loginAs('member1')
  return { server, device, memberId }
}

export const DEMO = Object.fromEntries(DEMO_USERS.map((u) => [u.username, u])) as Record<
  (typeof DEMO_USERS)[number]['username'],
  (typeof DEMO_USERS)[number]
>
