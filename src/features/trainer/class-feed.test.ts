import { describe, expect, it } from 'vitest'
import { record } from '../../domain/testing/fixtures.ts'
import type { ClassSnapshot } from './class-cache.ts'
import { ClassFeed, type FeedStore } from './class-feed.ts'

/**
 * The class feed against a tiny in-memory class API (the server's answers, shaped as
 * server/classes/routes.ts gives them), stepped by hand: the device copy first, a full pull,
 * pulls after the cursor, a roster that grows, going offline, and a class that disappears.
 */

type Row = { serverSeq: number; status: 'accepted' | 'held'; flags: string[]; record: unknown }

function fakeServer() {
  const server = {
    online: true,
    status: 200,
    members: [{ id: 'm1', displayName: '甲', memberNumber: null, branch: { id: 'b1', name: '一支部' } }] as {
      id: string
      displayName: string
      memberNumber: string | null
      branch: { id: string; name: string } | null
    }[],
    rows: [] as Row[],
    calls: [] as string[],
    add(
      memberId: string,
      r = record('checkin', { siteId: 's', method: 'gps', verdict: 'inside' }),
      flags: string[] = [],
    ) {
      server.rows.push({
        serverSeq: server.rows.length + 1,
        status: 'accepted',
        flags,
        record: { ...r, memberId },
      })
    },
    fetch: (async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://x')
      server.calls.push(url.pathname + url.search)
      if (!server.online) throw new TypeError('Failed to fetch')
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
      if (server.status !== 200)
        return json({ error: { code: 'not_found', message: 'no such class' } }, server.status)
      if (url.pathname === '/api/classes/k')
        return json({
          class: {
            id: 'k',
            name: '班',
            routeId: null,
            sceneIds: [],
            startsOn: '2026-05-01',
            endsOn: '2026-05-02',
            createdBy: null,
            relation: 'trainer',
          },
          trainers: [],
          members: server.members,
        })
      const after = Number(url.searchParams.get('cursor'))
      const visible = server.rows.filter((r) =>
        server.members.some((m) => m.id === (r.record as { memberId: string }).memberId),
      )
      const page = visible.filter((r) => r.serverSeq > after)
      return json({ records: page, cursor: String(page.at(-1)?.serverSeq ?? after), more: false })
    }) as typeof fetch,
  }
  return server
}

function memoryStore(initial?: ClassSnapshot) {
  const saved = new Map<string, ClassSnapshot>(initial ? [[initial.classId, initial]] : [])
  const store: FeedStore = {
    load: async (id, owner) => (saved.get(id)?.ownerId === owner ? saved.get(id) : undefined),
    save: async (s) => void saved.set(s.classId, s),
    drop: async (id) => void saved.delete(id),
  }
  return { store, saved }
}

const feedOf = (server: ReturnType<typeof fakeServer>, store: FeedStore) =>
  new ClassFeed('k', 't1', { store, fetch: server.fetch, isOnline: () => server.online })

describe('ClassFeed', () => {
  it('pulls everything, then only what is after the cursor, and keeps a copy on the device', async () => {
    const server = fakeServer()
    server.add('m1')
    const { store, saved } = memoryStore()
    const feed = feedOf(server, store)
    await feed.start()
    const first = feed.current
    expect(first.status === 'ready' && first.snapshot.records.length).toBe(1)
    expect(first.status === 'ready' && first.connection).toBe('live')

    server.add('m1', undefined, ['geofence-outside'])
    await feed.refresh()
    const second = feed.current
    expect(second.status === 'ready' && second.snapshot.records.map((r) => r.flags)).toEqual([
      [],
      ['geofence-outside'],
    ])
    expect(server.calls.filter((c) => c.includes('/records'))).toEqual([
      '/api/classes/k/records?cursor=0&limit=500',
      '/api/classes/k/records?cursor=1&limit=500',
    ])
    expect(saved.get('k')?.records).toHaveLength(2)
  })

  it('keeps the same data objects when a pull brings no news (screens recompute only on news)', async () => {
    const server = fakeServer()
    server.add('m1')
    const feed = feedOf(server, memoryStore().store)
    await feed.start()
    const a = feed.current
    await feed.refresh()
    const b = feed.current
    if (a.status !== 'ready' || b.status !== 'ready') throw new Error('not ready')
    expect(b.snapshot.records).toBe(a.snapshot.records)
    expect(b.snapshot.detail).toBe(a.snapshot.detail)
    expect(b.snapshot.pulledAt >= a.snapshot.pulledAt).toBe(true)
  })

  it('shows the device copy offline, marked offline, and never the copy of another trainer', async () => {
    const server = fakeServer()
    server.add('m1')
    const { store, saved } = memoryStore()
    await feedOf(server, store).start()

    server.online = false
    const offline = feedOf(server, store)
    await offline.start()
    const state = offline.current
    expect(state.status).toBe('ready')
    expect(state.status === 'ready' && [state.connection, state.snapshot.records.length]).toEqual([
      'offline',
      1,
    ])

    const other = new ClassFeed('k', 'someone-else', { store, fetch: server.fetch, isOnline: () => false })
    await other.start()
    expect(other.current.status).toBe('offline-empty')
    expect(saved.get('k')?.ownerId).toBe('t1')
  })

  it('reads the roster again and pulls everything when a member it does not know appears', async () => {
    const server = fakeServer()
    server.add('m2') // before m2 joins the class: not the class's yet
    server.add('m1')
    const { store } = memoryStore()
    const feed = feedOf(server, store)
    await feed.start()
    const before = feed.current
    expect(before.status === 'ready' && before.snapshot.cursor).toBe('2')
    // m2 joins, and their earlier record (behind the cursor) now belongs to the class too.
    server.members = [...server.members, { id: 'm2', displayName: '乙', memberNumber: '2', branch: null }]
    server.add('m2')
    await feed.refresh()
    const state = feed.current
    expect(state.status === 'ready' && state.snapshot.detail.members.map((m) => m.id)).toEqual(['m1', 'm2'])
    expect(state.status === 'ready' && state.snapshot.records.map((r) => r.serverSeq)).toEqual([1, 2, 3])
  })

  it('after a change made on this device, reads the class and all its records again', async () => {
    const server = fakeServer()
    server.members = [...server.members, { id: 'm2', displayName: '乙', memberNumber: '2', branch: null }]
    server.add('m1')
    server.add('m2')
    const feed = feedOf(server, memoryStore().store)
    await feed.start()
    // m2 was added by mistake and is taken off the roster: no record says so.
    server.members = server.members.filter((m) => m.id !== 'm2')
    await feed.refresh()
    const stale = feed.current
    expect(stale.status === 'ready' && stale.snapshot.detail.members.map((m) => m.id)).toEqual(['m1', 'm2'])
    await feed.reload()
    const state = feed.current
    expect(state.status === 'ready' && state.snapshot.detail.members.map((m) => m.id)).toEqual(['m1'])
    expect(state.status === 'ready' && state.snapshot.records.map((r) => r.record.memberId)).toEqual(['m1'])
  })

  it('forgets its copy when the class is gone or no longer this trainer’s', async () => {
    const server = fakeServer()
    server.add('m1')
    const { store, saved } = memoryStore()
    const feed = feedOf(server, store)
    await feed.start()
    server.status = 404
    await feed.refresh()
    expect(feed.current.status).toBe('not-found')
    await Promise.resolve()
    expect(saved.has('k')).toBe(false)
  })

  it('runs one pull at a time, and one more after it when asked meanwhile', async () => {
    const server = fakeServer()
    const { store } = memoryStore()
    const feed = feedOf(server, store)
    await feed.start()
    server.calls.length = 0
    await Promise.all([feed.refresh(), feed.refresh(), feed.refresh()])
    expect(server.calls.filter((c) => c.includes('/records'))).toHaveLength(2)
  })

  it('says logged-out on a 401, keeping nothing from before visible', async () => {
    const server = fakeServer()
    server.status = 401
    const { store } = memoryStore()
    const feed = feedOf(server, store)
    await feed.start()
    expect(feed.current.status).toBe('logged-out')
  })
})
