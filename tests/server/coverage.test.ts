/**
 * Why: organisers report 全覆盖 (every member of every branch trained) from these counts, so
 * they must count what the definitions say, from real records on both databases: a class
 * attended, a whole route walked, a VR lesson taken, in the chosen period and no other, with
 * members who belong to no branch shown apart.
 */
import { describe, expect, it } from 'vitest'
import { buildClassWorld, type ClassWorld, OTHER_CLASS_ID } from './classes-world.ts'
import { Device } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('coverage on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  let w: ClassWorld

  /** member1 walks the whole demo route; member2 takes a VR lesson; member3 checks in once in their class. */
  const start = async () => {
    const server = await startServer()
    w = await buildClassWorld(server)
    const route = server.services.content.routes.find((r) => r.id === 'yanan-two-day')!
    const m1 = w.devices.member
    for (const stop of route.stops) {
      server.clock.advance(60_000)
      expect((await m1.push([m1.checkin(w.ids.member, stop.site)])).body.results[0].result).toBe('created')
    }
    const member2 = new Device(server)
    await member2.loginAs('member2')
    const vr = member2.record('demo-member2', 'lesson.completed', {
      lessonId: 'oath-renewal',
      siteId: 'vr-center',
      mode: 'vr',
    })
    expect((await member2.push([vr])).body.results[0].result).toBe('created')
    const m3 = w.devices.otherMember
    const tagged = m3.checkin(w.ids.otherMember, 'menglianggu-zhanyi-jinianguan', { classId: OTHER_CLASS_ID })
    expect((await m3.push([tagged])).body.results[0].result).toBe('created')
  }

  const coverage = (query: string) => w.devices.admin.request('GET', `/api/coverage${query}`)

  it('counts each branch by the definitions, totals included', async () => {
    await start()
    const r = await coverage('?from=2026-05-01&to=2026-05-31')
    expect(r.status, r.text).toBe(200)
    expect(r.body.period).toEqual({ from: '2026-05-01', to: '2026-05-31' })
    const byName = new Map(r.body.branches.map((b: { branchName: string }) => [b.branchName, b]))
    expect(byName.get('延安市直机关第一党支部')).toMatchObject({
      members: 1,
      attendedClass: 1,
      completedRoute: 1,
      vrLesson: 0,
      any: 1,
    })
    expect(byName.get('延安市直机关第二党支部')).toMatchObject({
      members: 2,
      attendedClass: 2,
      completedRoute: 0,
      vrLesson: 1,
      any: 2,
    })
    expect(r.body.totals).toEqual({ members: 3, attendedClass: 3, completedRoute: 1, vrLesson: 1, any: 3 })
  })

  it('counts only records inside the period, and defaults to this year so far', async () => {
    await start()
    const before = await coverage('?from=2026-04-01&to=2026-05-09')
    expect(before.body.totals).toMatchObject({ members: 3, any: 0 })
    const byDefault = await coverage('')
    expect(byDefault.body.period).toEqual({ from: '2026-01-01', to: '2026-05-10' })
    expect(byDefault.body.totals.any).toBe(3)
  })

  it('shows members without a branch apart, and leaves disabled members out', async () => {
    await start()
    const now = w.server.clock.now().toISOString()
    await w.server.services.db
      .insertInto('users')
      .values({
        id: 'loose',
        username: 'loose',
        display_name: '流动党员',
        member_number: null,
        branch_id: null,
        role: 'member',
        password_hash: 'x',
        disabled_at: null,
        created_at: now,
      })
      .execute()
    await w.devices.admin.request('POST', '/api/admin/users/member3/disable')
    const r = await coverage('?from=2026-05-01&to=2026-05-31')
    expect(r.body.noBranch).toEqual({
      members: 1,
      attendedClass: 0,
      completedRoute: 0,
      vrLesson: 0,
      any: 0,
      untrained: [{ displayName: '流动党员', username: 'loose', memberNumber: null }],
    })
    expect(r.body.totals).toMatchObject({ members: 3, any: 2 })
  })

  it('refuses a period that ends before it starts, or a date that is not one', async () => {
    await start()
    expect((await coverage('?from=2026-05-31&to=2026-05-01')).body.error).toMatchObject({
      code: 'invalid',
      path: 'to',
    })
    expect((await coverage('?from=2026-13-01')).body.error).toMatchObject({ code: 'invalid', path: 'from' })
  })
})
