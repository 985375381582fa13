/**
 * Why: a trainer may add any member to a class and may move the class's dates, and a class sees
 * its members' records that name no class made within its dates. Without a bound, a trainer who
 * trains a member in nothing could add them to a class dated back a year and read that year of
 * reflections and check-ins (a review found exactly this). A class sees a member's untagged
 * records only from shortly before the member was added (server/classes/enrolment.ts); records
 * the member tagged with the class, and enrolments made by an admin, are not bounded.
 */
import { describe, expect, it } from 'vitest'
import { UNTAGGED_LOOKBACK_MS } from '../../server/classes/enrolment.ts'
import { buildClassWorld, type ClassWorld } from './classes-world.ts'
import type { Device } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

const DAY_MS = 86_400_000

/** YYYY-MM-DD in China Standard Time, as class dates are. */
const chinaDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

/** A class of `device`'s (a trainer or admin) with no members, dated from `daysBack` to tomorrow. */
async function classDatedBack(w: ClassWorld, device: Device, daysBack: number): Promise<string> {
  const now = w.server.clock.now().getTime()
  const r = await device.request('POST', '/api/classes', {
    json: {
      name: '回溯班',
      routeId: 'yanan-two-day',
      startsOn: chinaDate(now - daysBack * DAY_MS),
      endsOn: chinaDate(now + DAY_MS),
    },
  })
  expect(r.status, r.text).toBe(201)
  return r.body.class.id as string
}

/** The texts of the reflections a class's records endpoint returns to `device`. */
async function reflectionTexts(device: Device, classId: string): Promise<string[]> {
  const r = await device.request('GET', `/api/classes/${classId}/records`)
  expect(r.status, r.text).toBe(200)
  return r.body.records
    .map((x: { record: { kind: string; payload: { text?: string } } }) => x.record)
    .filter((rec: { kind: string }) => rec.kind === 'reflection')
    .map((rec: { payload: { text: string } }) => rec.payload.text)
    .sort()
}

describe.each(DATABASES)('what a class sees of a member added to it, on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('a trainer who adds a member sees their untagged records only from shortly before, never their older history', async () => {
    const w = await buildClassWorld(await start())
    const now = w.server.clock.now().getTime()
    // member3 (trainer2's trainee, nothing to trainer1) wrote these on their own, no class named.
    const member = w.devices.otherMember
    const at = (ms: number) => ({ occurredAt: new Date(ms).toISOString() })
    const old = member.record(
      w.ids.otherMember,
      'reflection',
      { text: '一个月前的心得' },
      at(now - 30 * DAY_MS),
    )
    const justBefore = member.record(
      w.ids.otherMember,
      'reflection',
      { text: '加入前一天' },
      at(now - UNTAGGED_LOOKBACK_MS + DAY_MS),
    )
    const pushed = await member.push([old, justBefore])
    expect(pushed.body.results.map((r: { result: string }) => r.result)).toEqual(['created', 'created'])

    const classId = await classDatedBack(w, w.devices.trainer, 60)
    const added = await w.devices.trainer.request('POST', `/api/classes/${classId}/members`, {
      json: { memberIds: [w.ids.otherMember] },
    })
    expect(added.status, added.text).toBe(200)
    const after = member.record(w.ids.otherMember, 'reflection', { text: '加入以后' })
    const tagged = member.record(w.ids.otherMember, 'reflection', { text: '班次心得' }, { classId })
    expect((await member.push([after, tagged])).status).toBe(200)

    expect(await reflectionTexts(w.devices.trainer, classId)).toEqual(
      ['加入以后', '加入前一天', '班次心得'].sort(),
    )
    // The member's archive, as the trainer reads it, and the class's: the old text in neither.
    for (const path of [
      `/api/members/${w.ids.otherMember}/archive.csv`,
      `/api/classes/${classId}/archive.csv`,
    ]) {
      const r = await w.devices.trainer.request('GET', path)
      expect(r.status, `${path}: ${r.text}`).toBe(200)
      expect(r.text).toContain('加入前一天')
      expect(r.text).not.toContain('一个月前的心得')
    }
    // Removing and adding again moves the bound forward, never back.
    await w.devices.trainer.request('DELETE', `/api/classes/${classId}/members/${w.ids.otherMember}`)
    await w.devices.trainer.request('POST', `/api/classes/${classId}/members`, {
      json: { memberIds: [w.ids.otherMember] },
    })
    expect(await reflectionTexts(w.devices.trainer, classId)).not.toContain('一个月前的心得')
  })

  it('a member an admin adds brings all of their untagged records within the class dates', async () => {
    const w = await buildClassWorld(await start())
    const now = w.server.clock.now().getTime()
    const member = w.devices.otherMember
    const old = member.record(
      w.ids.otherMember,
      'reflection',
      { text: '一个月前的心得' },
      { occurredAt: new Date(now - 30 * DAY_MS).toISOString() },
    )
    expect((await member.push([old])).status).toBe(200)
    const classId = await classDatedBack(w, w.devices.admin, 60)
    const added = await w.devices.admin.request('POST', `/api/classes/${classId}/members`, {
      json: { memberIds: [w.ids.otherMember] },
    })
    expect(added.status, added.text).toBe(200)
    expect(await reflectionTexts(w.devices.admin, classId)).toEqual(['一个月前的心得'])
  })
})
