/**
 * Why: the server is where a member's work comes back from when a phone is wiped (fault row 16)
 * and where trainers see their class, so a pull must page through everything exactly once, in
 * order, and progress on the server must be the same projection the device computes (P15): two
 * devices of one member pushing in any interleaving end in one aggregate (row 24, a randomised
 * "chaos" run with a fixed seed). Class views must show the class's members and nothing else.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { type AnyRecord, parseRecord } from '../../src/domain/records/record.ts'
import { mulberry32 } from '../../src/domain/seeded-random.ts'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

/** Seeded, so a failing interleaving can be replayed. */
const prng = mulberry32

describe.each(DATABASES)('pull and progress on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('row 16: a wiped device pulls back every record it made, in pages, each exactly once', async () => {
    const { server, device, memberId } = await withMember1(await start())
    const made = Array.from({ length: 250 }, (_, i) =>
      device.record(memberId, 'reflection', { text: `心得${i}` }),
    )
    for (let i = 0; i < made.length; i += 100)
      expect((await device.push(made.slice(i, i + 100))).status).toBe(200)
    const other = new Device(server)
    const otherId = await other.loginAs('member2')
    await other.push([other.record(otherId, 'reflection', { text: '别人的' })])

    const wiped = new Device(server)
    await wiped.loginAs('member1')
    const got: { serverSeq: number; record: AnyRecord }[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page++) {
      const r = await wiped.pull(cursor, 100)
      got.push(...r.body.records)
      cursor = r.body.cursor
      if (!r.body.more) break
    }
    expect(got.map((g) => g.record.id)).toEqual(made.map((m) => m.id))
    const seqs = got.map((g) => g.serverSeq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    // What comes back is a valid record the device can store again as it was.
    for (const [i, g] of got.entries()) {
      const parsed = parseRecord(g.record)
      expect(parsed.ok && parsed.record).toEqual(made[i])
    }
    const after = await wiped.pull(cursor)
    expect(after.body).toEqual({ records: [], cursor, more: false })
  })

  it("a device following the member's other devices gets their records, not its own, and its cursor passes its own", async () => {
    const server = await start()
    const phone = new Device(server)
    const tablet = new Device(server)
    const memberId = await phone.loginAs('member1')
    await tablet.loginAs('member1')
    const mine = [1, 2, 3].map((i) => phone.record(memberId, 'reflection', { text: `手机${i}` }))
    const theirs = tablet.record(memberId, 'reflection', { text: '平板' })
    expect((await phone.push(mine.slice(0, 2))).status).toBe(200)
    expect((await tablet.push([theirs])).status).toBe(200)
    expect((await phone.push(mine.slice(2))).status).toBe(200)

    const first = await phone.pull(undefined, 2, phone.deviceId)
    expect(first.body.records).toEqual([])
    expect(first.body.more).toBe(true)
    const second = await phone.pull(first.body.cursor, 2, phone.deviceId)
    expect(second.body.records.map((r: { record: AnyRecord }) => r.record.id)).toEqual([theirs.id])
    expect(second.body.more).toBe(false)
    // Nothing new since: the phone's last record is behind the cursor, not read again.
    const third = await phone.pull(second.body.cursor, 2, phone.deviceId)
    expect(third.body).toEqual({ records: [], cursor: second.body.cursor, more: false })
  })

  it('row 24: two devices of one member, random interleaving and repeats, converge on one progress', async () => {
    const server = await start()
    const phone = new Device(server)
    const tablet = new Device(server)
    const memberId = await phone.loginAs('member1')
    await tablet.loginAs('member1')
    const lesson = server.services.content.lessons.find((l) => l.id === 'zaoyuan-lesson')!
    const total = lesson.quiz.questions.length
    const rnd = prng(20260510)
    const quiz = (d: Device, correct: number) =>
      d.record(memberId, 'quiz.submitted', {
        lessonId: lesson.id,
        attempt: 1,
        mode: 'onsite',
        answers: {},
        correct,
        total,
        passed: correct === total,
      })
    const made: Record<string, unknown>[] = []
    for (const d of [phone, tablet]) {
      made.push(d.checkin(memberId, 'zaoyuan'), d.checkin(memberId, 'yangjialing'))
      const q = quiz(d, Math.floor(rnd() * total))
      made.push(
        q,
        d.record(memberId, 'lesson.completed', {
          lessonId: lesson.id,
          siteId: 'zaoyuan',
          mode: 'onsite',
          quizRecordId: q.id,
        }),
      )
      made.push(d.record(memberId, 'reflection', { lessonId: lesson.id, text: '体会' }))
      server.clock.advance(60_000)
    }
    // Each device pushes its own records in random small batches, with random repeats, interleaved.
    const queues = [phone, tablet].map((d) => made.filter((r) => r.deviceId === d.deviceId))
    while (queues.some((q) => q.length > 0)) {
      const i = rnd() < 0.5 ? 0 : 1
      const q = queues[i]!
      if (q.length === 0) continue
      const batch = q.splice(0, 1 + Math.floor(rnd() * 3))
      if (rnd() < 0.3) q.push(batch[0]!) // a lost ack: sent again later
      const shuffled = [...batch].sort(() => rnd() - 0.5)
      const r = await [phone, tablet][i]!.push(shuffled)
      expect(r.status).toBe(200)
    }
    const expected = projectProgress(
      made.map((m) => (parseRecord(m) as { ok: true; record: AnyRecord }).record),
    )
    for (const d of [phone, tablet]) {
      const p = (await d.request('GET', '/api/me/progress')).body
      expect(p.recordCount).toBe(expected.recordCount)
      expect(p.stamps).toEqual([...expected.stamps.values()].sort((a, b) => a.siteId.localeCompare(b.siteId)))
      expect(p.lessons).toEqual([...expected.lessons.values()].map((l) => ({ ...l, modes: [...l.modes] })))
      expect(p.attended).toEqual([...expected.attended.values()])
    }
  })

  it("a trainer's class view shows its members' class records, and not the same members' other records", async () => {
    const server = await start()
    const m1 = new Device(server)
    const m1Id = await m1.loginAs('member1')
    const tagged = m1.checkin(m1Id, 'zaoyuan', { classId: DEMO_CLASS_ID })
    const untaggedDuring = m1.record(m1Id, 'reflection', { text: '班期内' })
    const untaggedBefore = m1.record(
      m1Id,
      'reflection',
      { text: '开班以前' },
      {
        occurredAt: new Date(server.clock.now().getTime() - 30 * 86_400_000).toISOString(),
      },
    )
    await m1.push([tagged, untaggedDuring, untaggedBefore])
    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const records = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/records`)
    expect(records.body.records.map((r: { record: { id: string } }) => r.record.id)).toEqual([
      tagged.id,
      untaggedDuring.id,
    ])
    const progress = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/progress`)
    const mine = progress.body.members.find((m: { member: { id: string } }) => m.member.id === m1Id)
    expect(mine.progress.stamps).toEqual([
      expect.objectContaining({ siteId: 'zaoyuan', recordId: tagged.id }),
    ])
    expect(progress.body.members).toHaveLength(2)
    const detail = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}`)
    expect(detail.body.members.map((m: { id: string }) => m.id).sort()).toEqual([
      'demo-member1',
      'demo-member2',
    ])
  })

  it('a pull cursor that is not one is 400 invalid at path cursor', async () => {
    const server = await start()
    const d = new Device(server)
    await d.loginAs('member1')
    const r = await d.pull('drop table records')
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'invalid', path: 'cursor' })
  })
})
