/**
 * Why: every API request looks its session up, and writing the session row back on each one was
 * a second durable commit per push (issue 4). The expiry slides at most once an hour instead
 * (server/auth/sessions.ts), and on SQLite that write does not wait for the disk
 * (db/open.ts writeWithoutFlush). These tests hold the promises that must survive that:
 * sessions are still extended by use, still end when idle, and a logout or a disabled account
 * still ends a session at once, between two slides; and the SQLite connection is back to
 * synchronous=FULL for the records that follow.
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { SLIDE_STEP_MS } from '../../server/auth/sessions.ts'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

const MINUTE = 60_000
const DAY = 86_400_000

describe.each(DATABASES)('sliding session expiry on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)

  async function start() {
    const { server, device, memberId } = await withMember1(await startServer())
    const session = () =>
      server.services.db
        .selectFrom('sessions')
        .select(['last_seen_at', 'expires_at'])
        .where('user_id', '=', memberId)
        .executeTakeFirstOrThrow()
    return { server, device, memberId, session }
  }

  it('requests within the hour do not rewrite the session; the first one after it slides the expiry', async () => {
    const { server, device, memberId, session } = await start()
    const atLogin = await session()
    for (let i = 0; i < 5; i++) {
      server.clock.advance(10 * MINUTE)
      const r = await device.push([device.record(memberId, 'reflection', { text: `第${i}条` })])
      expect(r.status).toBe(200)
      // No new cookie either: its Max-Age moves only with the stored expiry.
      expect(r.headers.getSetCookie()).toEqual([])
    }
    expect(await session()).toEqual(atLogin)

    server.clock.advance(SLIDE_STEP_MS - 50 * MINUTE)
    const slid = await device.request('GET', '/api/me')
    expect(slid.status).toBe(200)
    expect(slid.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__Host-hongtu_session=.*Max-Age=7776000$/),
    ])
    const after = await session()
    expect(after.last_seen_at).toBe(server.clock.now().toISOString())
    expect(Date.parse(after.expires_at) - Date.parse(atLogin.expires_at)).toBe(SLIDE_STEP_MS)
  })

  it('a session used every 50 minutes stays alive past its idle limit, and ends after it without use', async () => {
    const s = await startServer({ config: { sessionIdleDays: 1, sessionMaxDays: 30 } })
    const device = new Device(s)
    await device.loginAs('member1')
    // Each step is below the slide step, so some requests slide and some do not.
    for (let t = 0; t < 2 * DAY; t += 50 * MINUTE) {
      s.clock.advance(50 * MINUTE)
      expect((await device.request('GET', '/api/me')).status).toBe(200)
    }
    s.clock.advance(DAY + MINUTE)
    expect((await device.request('GET', '/api/me')).status).toBe(401)
  })

  it('logout and disabling end a session at once, a minute after it slid', async () => {
    const { server, device } = await start()
    const other = new Device(server)
    await other.loginAs('member2')
    server.clock.advance(SLIDE_STEP_MS)
    expect((await device.request('GET', '/api/me')).status).toBe(200)
    expect((await other.request('GET', '/api/me')).status).toBe(200)
    server.clock.advance(MINUTE)
    expect((await device.request('POST', '/api/auth/logout')).status).toBe(204)
    expect((await device.request('GET', '/api/me')).status).toBe(401)

    const admin = new Device(server)
    await admin.loginAs('admin')
    const member2 = await server.services.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'member2')
      .executeTakeFirstOrThrow()
    expect((await admin.request('POST', `/api/admin/users/${member2.id}/disable`)).status).toBe(200)
    expect((await other.request('GET', '/api/me')).status).toBe(401)
  })

  it.runIf(dbKind === 'sqlite')(
    'after a slide the SQLite connection is back to synchronous=FULL for the next push',
    async () => {
      const { server, device, memberId } = await start()
      server.clock.advance(SLIDE_STEP_MS)
      const r = await device.push([device.record(memberId, 'reflection', { text: '滑动之后' })])
      expect(r.status).toBe(200)
      expect(r.headers.getSetCookie()).toHaveLength(1)
      const mode = await sql<{ synchronous: number }>`pragma synchronous`.execute(server.services.db)
      expect(mode.rows).toEqual([{ synchronous: 2 }])
    },
  )
})
