/**
 * Why: a check-in is evidence, not proof, and offline work must never be lost to a failed check,
 * so the server re-verifies what it can and stores flags beside the record instead of rejecting
 * it. These tests send records a device could really send (or a tampered one could) and read
 * the flags back: the geofence from the rounded coordinates and the fix's accuracy (fault row
 * 31), travel faster than 300 km/h (row 31), a device clock days or a year off (row 25), a
 * ten-day-old outbox item (row 21), an older content version (P14), a re-scored quiz, the class
 * dates, and a completion that arrives before its quiz (row 23). QR codes and what is kept of a
 * location are in sync-qr-privacy.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { type Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe.each(DATABASES)('server re-verification on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  const start = async () => withMember1(await startServer())

  async function flagsOf(device: Device, record: unknown): Promise<string[]> {
    const r = await device.push([record])
    expect(r.status).toBe(200)
    expect(['created', 'held']).toContain(r.body.results[0].result)
    return r.body.results[0].flags
  }

  it('a GPS check-in at the site carries no flags', async () => {
    const { device, memberId } = await start()
    expect(await flagsOf(device, device.checkin(memberId, 'zaoyuan'))).toEqual([])
  })

  it('row 31: a fix outside the radius (beyond rounding) is flagged, not rejected', async () => {
    const { server, device, memberId } = await start()
    const site = server.services.content.sites.find((s) => s.id === 'yangjialing')!
    // 0.01° of latitude ≈ 1.1 km north of the centre: far outside a 150–300 m fence.
    const far = { lng: site.location.lng, lat: site.location.lat + 0.01 }
    expect(await flagsOf(device, device.checkin(memberId, 'yangjialing', {}, far))).toEqual([
      'geofence-outside',
    ])
  })

  it('row 31: a fix just past the radius but within the 100 m rounding allowance is not flagged', async () => {
    const { server, device, memberId } = await start()
    const site = server.services.content.sites.find((s) => s.id === 'yangjialing')!
    const metresPerDegLat = 111_320
    const near = {
      lng: site.location.lng,
      lat: site.location.lat + (site.checkin.radiusM + 40) / metresPerDegLat,
    }
    expect(await flagsOf(device, device.checkin(memberId, 'yangjialing', {}, near))).toEqual([])
  })

  it('row 31: accuracy of 150 m is flagged as poor accuracy', async () => {
    const { device, memberId } = await start()
    const r = device.checkin(memberId, 'baotashan')
    r.payload = { ...(r.payload as object), gps: { ...(r.payload as { gps: object }).gps, accuracyM: 150 } }
    expect(await flagsOf(device, r)).toEqual(['geofence-accuracy'])
  })

  it('row 31: 300 km in 10 minutes is flagged as impossible travel; a drive across town is not', async () => {
    const { server, device, memberId } = await start()
    const t0 = server.clock.now().getTime()
    const at = (ms: number) => ({ occurredAt: new Date(ms).toISOString() })
    expect(await flagsOf(device, device.checkin(memberId, 'zaoyuan', at(t0)))).toEqual([])
    // 杨家岭 is a few km from 枣园: 30 minutes later is an ordinary drive.
    expect(await flagsOf(device, device.checkin(memberId, 'yangjialing', at(t0 + 30 * 60_000)))).toEqual([])
    // 会宁 is about 500 km from 延安: 10 minutes later is impossible.
    expect(
      await flagsOf(device, device.checkin(memberId, 'huining-huishi-jiuzhi', at(t0 + 40 * 60_000))),
    ).toEqual(['impossible-travel'])
  })

  it('row 31: impossible travel is found also when the earlier check-in arrives later', async () => {
    const { server, device, memberId } = await start()
    const t0 = server.clock.now().getTime()
    const later = device.checkin(memberId, 'yimeng-geming-jinianguan', {
      occurredAt: new Date(t0 + 5 * 60_000).toISOString(),
    })
    const earlier = device.checkin(memberId, 'zaoyuan', { occurredAt: new Date(t0).toISOString() })
    expect(await flagsOf(device, later)).toEqual([])
    expect(await flagsOf(device, earlier)).toEqual(['impossible-travel'])
  })

  it('row 25: a device clock 3 days ahead with a known offset is flagged clock-skew, its time corrected', async () => {
    const { server, device, memberId } = await start()
    const now = server.clock.now().getTime()
    const r = device.record(
      memberId,
      'reflection',
      { text: '时钟偏差' },
      {
        occurredAt: new Date(now + 3 * DAY).toISOString(),
        clockOffsetMs: -3 * DAY,
      },
    )
    expect(await flagsOf(device, r)).toEqual(['clock-skew'])
    const row = await server.services.db
      .selectFrom('records')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow()
    expect(row.occurred_at).toBe(r.occurredAt)
    expect(row.occurred_at_corrected).toBe(new Date(now).toISOString())
  })

  it('row 25: a clock a year behind with no known offset is kept and flagged clock-suspect', async () => {
    const { server, device, memberId } = await start()
    const now = server.clock.now().getTime()
    const r = device.record(
      memberId,
      'reflection',
      { text: '一年前？' },
      {
        occurredAt: new Date(now - 365 * DAY).toISOString(),
        clockOffsetMs: null,
      },
    )
    expect(await flagsOf(device, r)).toEqual(['clock-suspect'])
  })

  it('row 21: a record made offline ten days ago is accepted without flags', async () => {
    const { server, device, memberId } = await start()
    const r = device.record(
      memberId,
      'reflection',
      { text: '十天前写的' },
      {
        occurredAt: new Date(server.clock.now().getTime() - 10 * DAY).toISOString(),
      },
    )
    expect(await flagsOf(device, r)).toEqual([])
  })

  it('P14: a record made with another content version is accepted and tagged content-outdated', async () => {
    const { device, memberId } = await start()
    const r = device.record(
      memberId,
      'reflection',
      { text: '旧内容' },
      { contentVersion: '0123456789abcdef' },
    )
    expect(await flagsOf(device, r)).toEqual(['content-outdated'])
  })

  it('a lesson completed in a VR scene only (the oath renewal) is a known lesson; a made-up one is flagged', async () => {
    const { device, memberId } = await start()
    const completed = (lessonId: string) =>
      device.record(memberId, 'lesson.completed', { lessonId, siteId: 'vr-center', mode: 'vr' })
    expect(await flagsOf(device, completed('oath-renewal'))).toEqual([])
    expect(await flagsOf(device, completed('no-such-lesson'))).toEqual(['unknown-lesson'])
  })

  it('a quiz whose claimed score the content does not give is flagged quiz-score-mismatch', async () => {
    const { server, device, memberId } = await start()
    const lesson = server.services.content.lessons.find((l) => l.id === 'zaoyuan-lesson')!
    const total = lesson.quiz.questions.length
    const r = device.record(memberId, 'quiz.submitted', {
      lessonId: lesson.id,
      attempt: 1,
      mode: 'onsite',
      answers: {},
      correct: total,
      total,
      passed: true,
    })
    expect(await flagsOf(device, r)).toEqual(['quiz-score-mismatch'])
  })

  it('a record tagged with the class but made before its dates is flagged outside-class-window', async () => {
    const { server, device, memberId } = await start()
    const r = device.record(
      memberId,
      'reflection',
      { text: '开班前' },
      {
        classId: DEMO_CLASS_ID,
        occurredAt: new Date(server.clock.now().getTime() - 2 * DAY).toISOString(),
      },
    )
    expect(await flagsOf(device, r)).toEqual(['outside-class-window'])
  })

  it('row 23: a completion before its quiz is held, then linked when the quiz arrives', async () => {
    const { server, device, memberId } = await start()
    const quiz = device.record(memberId, 'quiz.submitted', {
      lessonId: 'yangjialing-lesson',
      attempt: 1,
      mode: 'onsite',
      answers: {},
      correct: 0,
      total: server.services.content.lessons.find((l) => l.id === 'yangjialing-lesson')!.quiz.questions
        .length,
      passed: false,
    })
    const done = device.record(memberId, 'lesson.completed', {
      lessonId: 'yangjialing-lesson',
      siteId: 'yangjialing',
      mode: 'onsite',
      quizRecordId: quiz.id,
    })
    const first = await device.push([done])
    expect(first.body.results[0]).toMatchObject({ result: 'held' })
    const before = await device.request('GET', '/api/me/progress')
    expect(before.body.lessons).toEqual([])
    const second = await device.push([quiz])
    expect(second.body.results[0]).toMatchObject({ result: 'created' })
    const row = await server.services.db
      .selectFrom('records')
      .select(['status', 'held_for'])
      .where('id', '=', done.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'accepted', held_for: null })
    const after = await device.request('GET', '/api/me/progress')
    expect(after.body.lessons).toEqual([
      expect.objectContaining({ lessonId: 'yangjialing-lesson', completed: true, attempts: 1 }),
    ])
  })

  it('row 23: a held record whose parent never comes is released after 5 days, flagged parent-missing', async () => {
    const { server, device, memberId } = await start()
    const done = device.record(memberId, 'lesson.completed', {
      lessonId: 'zaoyuan-lesson',
      siteId: 'zaoyuan',
      mode: 'onsite',
      quizRecordId: '01890000-0000-7000-8000-000000000000',
    })
    expect((await device.push([done])).body.results[0].result).toBe('held')
    server.clock.advance(5 * DAY + HOUR)
    await device.push([device.record(memberId, 'reflection', { text: '五天后' })])
    const pulled = await device.pull()
    const held = pulled.body.records.find((r: { record: { id: string } }) => r.record.id === done.id)
    expect(held).toMatchObject({ status: 'accepted', flags: ['parent-missing'] })
  })
})
