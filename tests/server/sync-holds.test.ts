/**
 * Why: a push now writes with one statement per phase (server/sync/record-writes.ts): one insert
 * for the whole batch, and one update that both releases the records held for a parent that
 * arrived and releases, flagged, those that waited past 5 days (fault row 23; Central's 5-day
 * force processing). That update runs for every push, so it must touch exactly the right rows:
 * this member's held rows only, those waiting for a record of this batch (without a new flag),
 * or stale ones (with parent-missing appended to the flags they had). On PostgreSQL it runs
 * under the ingest lock, so a completion and its quiz sent from two devices at the same moment
 * still end linked. sync-verification.test.ts has the plain cases.
 */
import { describe, expect, it } from 'vitest'
import type { SessionUser } from '../../server/context.ts'
import { ingest } from '../../server/sync/ingest.ts'
import { uuidv7 } from '../../src/domain/records/uuidv7.ts'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe.each(DATABASES)('held records on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  const start = async () => withMember1(await startServer())

  function quizFor(device: Device, memberId: string) {
    const lesson = device.server.services.content.lessons.find((l) => l.id === 'yangjialing-lesson')
    return device.record(memberId, 'quiz.submitted', {
      lessonId: 'yangjialing-lesson',
      attempt: 1,
      mode: 'onsite',
      answers: {},
      correct: 0,
      total: lesson?.quiz.questions.length ?? 0,
      passed: false,
    })
  }

  function completionWaitingFor(device: Device, memberId: string, quizId: string, over = {}) {
    return device.record(
      memberId,
      'lesson.completed',
      { lessonId: 'yangjialing-lesson', siteId: 'yangjialing', mode: 'onsite', quizRecordId: quizId },
      over,
    )
  }

  async function stored(server: TestServer, id: string) {
    return server.services.db
      .selectFrom('records')
      .select(['status', 'held_for', 'flags'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  it('a stale held record keeps the flags it had and gets parent-missing appended, as JSON', async () => {
    const { server, device, memberId } = await start()
    const done = completionWaitingFor(device, memberId, uuidv7(), { contentVersion: 'an-older-pack' })
    const first = await device.push([done])
    expect(first.body.results[0]).toMatchObject({ result: 'held', flags: ['content-outdated'] })
    server.clock.advance(5 * DAY + HOUR)
    await device.push([device.record(memberId, 'reflection', { text: '五天后' })])
    const row = await stored(server, done.id)
    expect(row).toEqual({
      status: 'accepted',
      held_for: null,
      flags: JSON.stringify(['content-outdated', 'parent-missing']),
    })
  })

  it('a held record whose parent comes after 6 days is linked, not flagged parent-missing', async () => {
    const { server, device, memberId } = await start()
    const quiz = quizFor(device, memberId)
    const done = completionWaitingFor(device, memberId, quiz.id)
    expect((await device.push([done])).body.results[0].result).toBe('held')
    server.clock.advance(6 * DAY)
    // The parent and the sweep arrive in the same push: the parent wins.
    expect((await device.push([quiz])).body.results[0].result).toBe('created')
    expect(await stored(server, done.id)).toEqual({ status: 'accepted', held_for: null, flags: '[]' })
  })

  it('a parent releases only the records waiting for it, and only its own member’s', async () => {
    const { server, device, memberId } = await start()
    const other = new Device(server)
    const otherId = await other.loginAs('member2')
    const quizA = quizFor(device, memberId)
    const quizB = quizFor(device, memberId)
    const waitsA = completionWaitingFor(device, memberId, quizA.id)
    const waitsB = completionWaitingFor(device, memberId, quizB.id)
    // member2 holds a record waiting for an id that member1 is about to send.
    const othersWaiting = completionWaitingFor(other, otherId, quizA.id)
    expect(
      (await device.push([waitsA, waitsB])).body.results.map((r: { result: string }) => r.result),
    ).toEqual(['held', 'held'])
    expect((await other.push([othersWaiting])).body.results[0].result).toBe('held')

    expect((await device.push([quizA])).body.results[0].result).toBe('created')
    expect((await stored(server, waitsA.id)).status).toBe('accepted')
    expect(await stored(server, waitsB.id)).toMatchObject({ status: 'held', held_for: quizB.id })
    expect(await stored(server, othersWaiting.id)).toMatchObject({ status: 'held', held_for: quizA.id })
  })

  it('a completion sent before its quiz in the same batch is not held', async () => {
    const { device, memberId } = await start()
    const quiz = quizFor(device, memberId)
    const done = completionWaitingFor(device, memberId, quiz.id)
    const r = await device.push([done, quiz])
    expect(r.body.results.map((x: { result: string }) => x.result)).toEqual(['created', 'created'])
  })

  it('a completion and its quiz sent from two devices at the same moment end linked', async () => {
    const { server, device, memberId } = await start()
    const tablet = new Device(server)
    await tablet.loginAs('member1')
    const completions: string[] = []
    for (let round = 0; round < 8; round++) {
      const quiz = quizFor(tablet, memberId)
      const done = completionWaitingFor(device, memberId, quiz.id)
      completions.push(done.id)
      const [a, b] = await Promise.all([device.push([done]), tablet.push([quiz])])
      expect([a.status, b.status]).toEqual([200, 200])
    }
    for (const id of completions)
      expect(await stored(server, id)).toMatchObject({ status: 'accepted', held_for: null })
  })

  it('a batch larger than any push (in-process, 300 records) is stored once, then answered duplicate', async () => {
    const { server, device, memberId } = await start()
    const user = (await server.services.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name as displayName', 'role', 'branch_id as branchId'])
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow()) as Omit<SessionUser, 'sessionId'>
    const batch = Array.from({ length: 300 }, (_, i) =>
      device.record(memberId, 'reflection', { text: `第${i}条` }),
    )
    const first = await ingest(server.services, { ...user, sessionId: 'in-process' }, batch)
    expect(first.results.every((r) => r.result === 'created')).toBe(true)
    const seqs = first.results.map((r) => ('serverSeq' in r ? r.serverSeq : -1))
    expect(new Set(seqs).size).toBe(300)
    const again = await ingest(server.services, { ...user, sessionId: 'in-process' }, batch)
    expect(again.results.map((r) => r.result)).toEqual(Array(300).fill('duplicate'))
    expect(again.results.map((r) => ('serverSeq' in r ? r.serverSeq : -1))).toEqual(seqs)
    const count = await server.services.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(300)
  })
})
