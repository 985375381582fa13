/**
 * Why: a trainer judges a lesson by this answer ("which questions are hard", "did the class learn
 * anything"), so it must come from the records members really pushed, count each member's first
 * attempt after the lesson only, compare the pre-test (课前测) with the same questions after, and
 * never let a pre-test pass a lesson. It is read by the class's trainers and admins only: a member
 * of the class gets 403, anyone else 404, as for the class's records (P17). Runs on SQLite and,
 * when configured, PostgreSQL, with records pushed through /api/sync/push like a device does.
 */
import { describe, expect, it } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { Device } from './driver.ts'
import { DATABASES, serverPerTest, TEST_SCRYPT } from './harness.ts'

const LESSON = 'yangjialing-lesson'
// yangjialing-lesson: q1 b, q2 b, q3 [a, b, c], q4 true, q5 false, q6 a; its pre-test asks q1, q2, q3, q6.
const ALL_RIGHT = { q1: ['b'], q2: ['b'], q3: ['a', 'b', 'c'], q4: true, q5: false, q6: ['a'] }
const EFFECT = `/api/classes/${DEMO_CLASS_ID}/learning-effect`

describe.each(DATABASES)('learning effect on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  /** A quiz record as the lesson player writes it, scored like the device scores it. */
  const quiz = (
    d: Device,
    memberId: string,
    answers: Record<string, string[] | boolean>,
    o: { phase?: 'pre'; attempt?: number; correct: number; total: number; passed: boolean },
  ) =>
    d.record(memberId, 'quiz.submitted', {
      lessonId: LESSON,
      attempt: o.attempt ?? 1,
      mode: 'remote',
      answers,
      correct: o.correct,
      total: o.total,
      passed: o.passed,
      ...(o.phase ? { phase: o.phase } : {}),
    })

  async function pushAll(d: Device, records: unknown[]) {
    const r = await d.push(records)
    expect(r.status).toBe(200)
    expect(r.body.results.map((x: { result: string }) => x.result)).toEqual(records.map(() => 'created'))
  }

  it('gives the trainer shares per question, hardest first, and each member before and after', async () => {
    const server = await start()
    const phone1 = new Device(server)
    const m1 = await phone1.loginAs('member1')
    const phone2 = new Device(server)
    const m2 = await phone2.loginAs('member2')

    // member1: pre-test 1 of 4 right; then the quiz with q2 wrong; then a perfect retry.
    await pushAll(phone1, [
      quiz(
        phone1,
        m1,
        { q1: ['b'], q2: ['a'], q3: ['a'] },
        { phase: 'pre', correct: 1, total: 4, passed: false },
      ),
    ])
    server.clock.advance(40 * 60_000)
    await pushAll(phone1, [
      quiz(phone1, m1, { ...ALL_RIGHT, q2: ['c'] }, { correct: 5, total: 6, passed: true }),
      quiz(phone1, m1, ALL_RIGHT, { attempt: 2, correct: 6, total: 6, passed: true }),
    ])
    // member2 skipped the pre-test and got q2 and q6 wrong.
    await pushAll(phone2, [
      quiz(phone2, m2, { ...ALL_RIGHT, q2: ['a'], q6: ['b'] }, { correct: 4, total: 6, passed: true }),
    ])
    // A member of another class: none of this counts here.
    await createUser(
      server.services.db,
      {
        id: 'outsider',
        username: 'outsider',
        displayName: '外班学员',
        role: 'member',
        branchName: '测试党支部',
        password: 'outsider-pass',
      },
      server.clock.now(),
      TEST_SCRYPT,
    )
    const stranger = new Device(server)
    expect((await stranger.login('outsider', 'outsider-pass')).status).toBe(200)
    await pushAll(stranger, [quiz(stranger, 'outsider', {}, { correct: 0, total: 6, passed: false })])

    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const r = await trainer.request('GET', EFFECT)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ classId: DEMO_CLASS_ID, memberCount: 2 })
    expect(r.body.lessons).toHaveLength(1)
    const lesson = r.body.lessons[0]
    expect(lesson).toMatchObject({ lessonId: LESSON, membersWithPost: 2, title: { zh: expect.any(String) } })
    expect(
      lesson.questions.map((q: { questionId: string; post: { correct: number; attempts: number } }) => [
        q.questionId,
        q.post.correct,
        q.post.attempts,
      ]),
    ).toEqual([
      ['q2', 0, 2],
      ['q6', 1, 2],
      ['q1', 2, 2],
      ['q3', 2, 2],
      ['q4', 2, 2],
      ['q5', 2, 2],
    ])
    const q2 = lesson.questions[0]
    expect(q2.prompt.zh).toBe('延安文艺座谈会是在哪一年召开的？')
    expect(q2.pre).toEqual({ attempts: 1, correct: 0, share: 0 })
    expect(lesson.questions.find((q: { questionId: string }) => q.questionId === 'q4').pre).toBeNull()

    expect(lesson.prePost.questionIds).toEqual(['q1', 'q2', 'q3', 'q6'])
    expect(lesson.prePost.members).toEqual([
      { memberId: m1, displayName: '李红梅', pre: 1, post: 3, total: 4, delta: 2 },
      { memberId: m2, displayName: '王建国', pre: null, post: 2, total: 4, delta: null },
    ])
    expect(lesson.prePost.summary).toMatchObject({
      membersWithPre: 1,
      membersWithPost: 2,
      membersWithBoth: 1,
      meanPre: 0.25,
      meanPost: 0.75,
      meanDelta: 0.5,
      improved: 1,
      declined: 0,
      signTestP: 1,
    })

    // The pre-test is not an attempt: member1 has two attempts and passed with the quiz, not before.
    const progress = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/progress`)
    const mine = progress.body.members.find((m: { member: { id: string } }) => m.member.id === m1)
    expect(mine.progress.lessons).toEqual([
      expect.objectContaining({ lessonId: LESSON, attempts: 2, passedAttempt: true, bestScore: 1 }),
    ])
  })

  it('re-scores a pre-test on its own questions: a true score is not flagged, a false one is', async () => {
    const server = await start()
    const phone = new Device(server)
    const m1 = await phone.loginAs('member1')
    const honest = quiz(phone, m1, ALL_RIGHT, { phase: 'pre', correct: 4, total: 4, passed: false })
    const inflated = quiz(phone, m1, {}, { phase: 'pre', correct: 4, total: 4, passed: false })
    await pushAll(phone, [honest, inflated])
    const pulled = await phone.pull()
    const flagsOf = (id: string) =>
      pulled.body.records.find((x: { record: { id: string } }) => x.record.id === id).flags as string[]
    expect(flagsOf(honest.id)).not.toContain('quiz-score-mismatch')
    expect(flagsOf(inflated.id)).toContain('quiz-score-mismatch')
  })

  it('leaves out a lesson that is not the class’s, even when its record names the class', async () => {
    const server = await start()
    const phone = new Device(server)
    const m1 = await phone.loginAs('member1')
    // The demo class follows the Yan'an route; 会宁's lesson is studied on the member's own.
    const other = phone.record(
      m1,
      'quiz.submitted',
      {
        lessonId: 'huining-huishi-jiuzhi-lesson',
        attempt: 1,
        mode: 'remote',
        answers: {},
        correct: 0,
        total: 6,
        passed: false,
      },
      { classId: DEMO_CLASS_ID },
    )
    await pushAll(phone, [other, quiz(phone, m1, ALL_RIGHT, { correct: 6, total: 6, passed: true })])
    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const r = await trainer.request('GET', EFFECT)
    expect(r.status).toBe(200)
    expect(r.body.lessons.map((l: { lessonId: string }) => l.lessonId)).toEqual([LESSON])
  })

  it('answers 403 to a member of the class and 404 to a trainer of another class', async () => {
    const server = await start()
    const member = new Device(server)
    await member.loginAs('member1')
    expect((await member.request('GET', EFFECT)).status).toBe(403)
    await createUser(
      server.services.db,
      {
        id: 'trainer-x',
        username: 'trainerx',
        displayName: '外班老师',
        role: 'trainer',
        password: 'trainer-x-pass',
      },
      server.clock.now(),
      TEST_SCRYPT,
    )
    const other = new Device(server)
    expect((await other.login('trainerx', 'trainer-x-pass')).status).toBe(200)
    const r = await other.request('GET', EFFECT)
    expect(r.status).toBe(404)
    expect((await other.request('GET', '/api/classes/no-such-class/learning-effect')).body).toEqual(r.body)
    const admin = new Device(server)
    await admin.loginAs('admin')
    const empty = await admin.request('GET', EFFECT)
    expect(empty.status).toBe(200)
    expect(empty.body).toMatchObject({ memberCount: 2, lessons: [] })
  })
})
