/**
 * Why: to reach 全覆盖 an organiser needs the people, not only the counts: per branch, the
 * members the period has not reached, and a spreadsheet of everyone with each measure to file
 * and filter. These tests make real records on both databases (member1 walks a route in the
 * demo class) and read the untrained lists and the CSV back; names are personal data, so only
 * admins get them and no log line carries one.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../server/admin/csv.ts'
import { COVERAGE_HEADER } from '../../src/domain/archive/coverage-table.ts'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

const FIRST = '延安市直机关第一党支部'
const SECOND = '延安市直机关第二党支部'
const MAY = '?from=2026-05-01&to=2026-05-31'

describe.each(DATABASES)('coverage follow-up on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  /** member1 (李红梅, first branch) walks the demo route; member2 (second branch) does nothing; an admin asks. */
  const world = async () => {
    const server = await start()
    const { device, memberId } = await withMember1(server)
    const route = server.services.content.routes.find((r) => r.id === 'yanan-two-day')!
    for (const stop of route.stops) {
      server.clock.advance(60_000)
      expect((await device.push([device.checkin(memberId, stop.site)])).body.results[0].result).toBe(
        'created',
      )
    }
    // A member without a branch (imported before branches were required); the admin API needs one.
    await server.services.db
      .insertInto('users')
      .values({
        id: 'loose',
        username: 'loose1',
        display_name: '流动党员',
        member_number: '=1+1',
        branch_id: null,
        role: 'member',
        password_hash: 'x',
        disabled_at: null,
        created_at: server.clock.now().toISOString(),
      })
      .execute()
    const admin = new Device(server)
    await admin.loginAs('admin')
    return { server, admin }
  }

  const csvOf = async (server: TestServer, device: Device, query: string) => {
    const res = await fetch(`${server.url}/api/coverage.csv${query}`, {
      headers: { cookie: [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  it('names the untrained members of each branch, and of no branch', async () => {
    const { admin } = await world()
    const r = await admin.request('GET', `/api/coverage${MAY}`)
    expect(r.status, r.text).toBe(200)
    const byName = new Map(r.body.branches.map((b: { branchName: string }) => [b.branchName, b]))
    expect(byName.get(FIRST)).toMatchObject({ members: 1, any: 1, untrained: [] })
    expect(byName.get(SECOND)).toMatchObject({
      members: 1,
      any: 0,
      untrained: [{ displayName: '王建国', username: 'member2', memberNumber: 'YA-2024-0002' }],
    })
    expect(r.body.noBranch).toMatchObject({
      members: 1,
      untrained: [{ displayName: '流动党员', username: 'loose1', memberNumber: '=1+1' }],
    })
    // Before the walk nobody was reached: member1 is on the first branch's list then.
    const april = await admin.request('GET', '/api/coverage?from=2026-04-01&to=2026-04-30')
    const first = april.body.branches.find((b: { branchName: string }) => b.branchName === FIRST)
    expect(first.untrained).toEqual([
      { displayName: '李红梅', username: 'member1', memberNumber: 'YA-2024-0001' },
    ])
  })

  it('exports every member with the four measures as a CSV Excel opens, named with the period', async () => {
    const { server, admin } = await world()
    const { res, bytes } = await csvOf(server, admin, MAY)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toContain('filename="hongtu-coverage-2026-05-01-2026-05-31.csv"')
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      '培训覆盖情况-2026-05-01至2026-05-31.csv',
    )
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell !== ''))
    expect(header).toEqual([...COVERAGE_HEADER])
    // Branches as on the screen (第二 before 第一 in pinyin), the member without a branch last.
    expect(rows).toEqual([
      [SECOND, '王建国', 'member2', 'YA-2024-0002', '否', '否', '否', '否'],
      [FIRST, '李红梅', 'member1', 'YA-2024-0001', '是', '是', '否', '是'],
      // A member number that a spreadsheet would run as a formula is written as text.
      ['', '流动党员', 'loose1', "'=1+1", '否', '否', '否', '否'],
    ])
  })

  it('defaults the export to this year so far and refuses a period that ends before it starts', async () => {
    const { server, admin } = await world()
    const { res } = await csvOf(server, admin, '')
    expect(res.headers.get('content-disposition')).toContain('hongtu-coverage-2026-01-01-2026-05-10.csv')
    const bad = await admin.request('GET', '/api/coverage.csv?from=2026-05-31&to=2026-05-01')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'invalid', path: 'to' })
  })

  it('gives names to admins only, and logs no name', async () => {
    const { server, admin } = await world()
    for (const who of ['member1', 'trainer1'] as const) {
      const device = new Device(server)
      await device.loginAs(who)
      expect((await device.request('GET', `/api/coverage${MAY}`)).status).toBe(403)
      const { res, bytes } = await csvOf(server, device, MAY)
      expect(res.status).toBe(403)
      expect(new TextDecoder().decode(bytes)).not.toContain('王建国')
    }
    expect((await csvOf(server, new Device(server), MAY)).res.status).toBe(401)

    await admin.request('GET', `/api/coverage${MAY}`)
    await csvOf(server, admin, MAY)
    const logs = server.logs.map((l) => l.line).join('\n')
    for (const personal of ['王建国', '李红梅', '流动党员', 'YA-2024-0002', 'loose1'])
      expect(logs).not.toContain(personal)
    expect(server.logs.some((l) => l.event === 'coverage.export')).toBe(true)
  })
})
