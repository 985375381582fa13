/**
 * Why: a trainer takes a trainee added by mistake off a class from the class dashboard, and the
 * dashboard's confirmation promises that their records are not deleted. The roster is the only
 * thing that changes: the member keeps every record in their own account, the class's records
 * and progress stop including them, and adding them back brings the same records back. Each
 * removal leaves an audit line naming who removed whom. Against the real server, on SQLite and
 * (with HONGTU_TEST_PG_URL) PostgreSQL.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { buildClassWorld } from './classes-world.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('removing a trainee from a class on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)

  it('keeps their records; the class stops counting them, and counts them again once re-added', async () => {
    const w = await buildClassWorld(await startServer())
    const { member, trainer } = w.devices
    const memberId = w.ids.member
    const checkin = member.checkin(memberId, 'zaoyuan', { classId: DEMO_CLASS_ID })
    const pushed = await member.push([checkin])
    expect(pushed.status, pushed.text).toBe(200)
    expect(pushed.body.results[0].result).toBe('created')

    const path = `/api/classes/${DEMO_CLASS_ID}`
    const classRecordIds = async () => {
      const r = await trainer.request('GET', `${path}/records?cursor=0&limit=500`)
      expect(r.status, r.text).toBe(200)
      return r.body.records.map((x: { record: { id: string } }) => x.record.id) as string[]
    }
    expect(await classRecordIds()).toContain(checkin.id)

    const removed = await trainer.request('DELETE', `${path}/members/${memberId}`)
    expect(removed.status, removed.text).toBe(204)
    const audit = w.server.logs
      .filter((l) => l.event === 'class.members.remove')
      .map((l) => JSON.parse(l.line))
    expect(audit).toEqual([
      { event: 'class.members.remove', user: w.ids.trainer, class: DEMO_CLASS_ID, target: memberId },
    ])

    // The member's own account still holds the record; the class no longer shows it or them.
    const own = await member.pull('0', 500)
    expect(own.body.records.map((x: { record: { id: string } }) => x.record.id)).toContain(checkin.id)
    expect(await classRecordIds()).not.toContain(checkin.id)
    const progress = await trainer.request('GET', `${path}/progress`)
    expect(progress.body.members.map((m: { member: { id: string } }) => m.member.id)).not.toContain(memberId)
    expect((await member.request('GET', path)).status).toBe(404)

    const back = await trainer.request('POST', `${path}/members`, { json: { memberIds: [memberId] } })
    expect(back.status, back.text).toBe(200)
    expect(await classRecordIds()).toContain(checkin.id)
  })
})
