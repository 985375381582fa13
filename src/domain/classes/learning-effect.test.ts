import { describe, expect, it } from 'vitest'
import type { LessonFile } from '../content/schema.ts'
import type { PayloadOf } from '../records/kinds.ts'
import type { AnyRecord } from '../records/record.ts'
import { quiz, record } from '../testing/fixtures.ts'
import { buildLearningEffect, type LearningEffectInput, signTestP } from './learning-effect.ts'

// The fixture quiz: q1 single (a), q2 multiple (a, c), q3 true/false (false), q4 (true), q5 (true).
const ALL_RIGHT = { q1: ['a'], q2: ['a', 'c'], q3: false, q4: true, q5: true }

const lessonFile = (id: string, pretest?: string[]) =>
  ({
    id,
    site: 'site',
    title: { zh: `课程 ${id}` },
    modes: ['onsite'],
    durationMin: 30,
    objectives: [{ zh: '目标' }],
    steps: [],
    keyFacts: [],
    quiz,
    ...(pretest ? { pretest } : {}),
  }) as unknown as LessonFile

const withPretest = lessonFile('with-pretest', ['q1', 'q2', 'q4'])
const plain = lessonFile('plain')

const members = [
  { id: 'm1', displayName: '甲' },
  { id: 'm2', displayName: '乙' },
  { id: 'm3', displayName: '丙' },
]

type QuizPayload = PayloadOf<'quiz.submitted'>

/** A quiz record of a member; `at` is device time, `over` changes envelope fields. */
function quizRecord(
  memberId: string,
  lessonId: string,
  answers: QuizPayload['answers'],
  { attempt = 1, phase, at = '2026-05-01T09:00:00Z', clockOffsetMs = null as number | null } = {} as {
    attempt?: number
    phase?: 'pre' | 'post'
    at?: string
    clockOffsetMs?: number | null
  },
): AnyRecord {
  const payload: QuizPayload = {
    lessonId,
    attempt,
    mode: 'onsite',
    answers,
    correct: 0,
    total: 5,
    passed: false,
    ...(phase ? { phase } : {}),
  }
  return { ...record('quiz.submitted', payload, at), memberId, clockOffsetMs }
}

const build = (records: AnyRecord[], over: Partial<LearningEffectInput> = {}) =>
  buildLearningEffect({ lessons: [withPretest, plain], members, records, ...over })

describe('share right per question', () => {
  it('counts each member once, by their first attempt after the lesson, hardest first', () => {
    const effect = build([
      quizRecord('m1', 'plain', { q1: ['b'], q2: ['a'], q3: false, q4: true, q5: true }),
      // m1's retry gets everything right: practice, not counted.
      quizRecord('m1', 'plain', ALL_RIGHT, { attempt: 2, at: '2026-05-01T09:10:00Z' }),
      quizRecord('m2', 'plain', { q1: ['a'], q2: ['a'], q3: true, q4: true }),
      quizRecord('m3', 'plain', ALL_RIGHT),
    ])
    const lesson = effect.lessons[0]
    expect(lesson?.membersWithPost).toBe(3)
    expect(lesson?.questions.map((q) => [q.questionId, q.post.correct, q.post.attempts])).toEqual([
      ['q2', 1, 3], // 多选 all or nothing: only m3 picked exactly a and c
      ['q1', 2, 3],
      ['q3', 2, 3],
      ['q5', 2, 3], // m2 left it unanswered: wrong
      ['q4', 3, 3],
    ])
    expect(lesson?.questions[0]).toMatchObject({ number: 2, kind: 'multiple', prompt: { zh: '二' } })
    expect(lesson?.questions[0]?.post.share).toBeCloseTo(1 / 3)
    expect(lesson?.questions.every((q) => q.pre === null)).toBe(true)
    expect(lesson?.prePost).toBeNull()
  })

  it('takes the earlier corrected time when two devices each made attempt 1', () => {
    // Device time says the wrong one came first, but its clock ran 20 minutes fast.
    const effect = build([
      quizRecord('m1', 'plain', {}, { at: '2026-05-01T09:05:00Z', clockOffsetMs: 20 * 60_000 }),
      quizRecord('m1', 'plain', ALL_RIGHT, { at: '2026-05-01T09:15:00Z' }),
    ])
    expect(effect.lessons[0]?.questions.every((q) => q.post.correct === 1)).toBe(true)
  })

  it('ignores other people, unknown lessons and repeated records', () => {
    const once = quizRecord('m2', 'plain', ALL_RIGHT)
    const effect = build([
      quizRecord('stranger', 'plain', {}),
      quizRecord('m1', 'no-such-lesson', ALL_RIGHT),
      once,
      once,
    ])
    expect(effect.memberCount).toBe(3)
    expect(effect.lessons.map((l) => l.lessonId)).toEqual(['plain'])
    expect(effect.lessons[0]?.questions[0]?.post).toEqual({ attempts: 1, correct: 1, share: 1 })
  })

  it('reports only lessons with attempts, in the order asked for, then in content order', () => {
    const records = [quizRecord('m1', 'plain', ALL_RIGHT), quizRecord('m1', 'with-pretest', ALL_RIGHT)]
    expect(build(records).lessons.map((l) => l.lessonId)).toEqual(['with-pretest', 'plain'])
    expect(build(records, { lessonOrder: ['plain'] }).lessons.map((l) => l.lessonId)).toEqual([
      'plain',
      'with-pretest',
    ])
    expect(build([]).lessons).toEqual([])
  })
})

describe('before and after', () => {
  const pre = (memberId: string, answers: QuizPayload['answers'], at = '2026-05-01T08:00:00Z') =>
    quizRecord(memberId, 'with-pretest', answers, { phase: 'pre', at })
  const post = (memberId: string, answers: QuizPayload['answers'], attempt = 1) =>
    quizRecord(memberId, 'with-pretest', answers, { attempt, at: `2026-05-01T09:0${attempt}:00Z` })

  it('compares each member on the pre-test questions and summarises the class over members with both', () => {
    const effect = build([
      pre('m1', { q1: ['a'] }), // 1 of q1, q2, q4
      post('m1', ALL_RIGHT), // 3
      pre('m2', { q1: ['a'], q2: ['a', 'c'], q4: true }), // 3
      post('m2', { q1: ['a'], q2: ['a', 'c'] }), // 2
      post('m2', ALL_RIGHT, 2), // a retry: not counted
      post('m3', ALL_RIGHT), // skipped the pre-test
    ])
    const prePost = effect.lessons[0]?.prePost
    expect(prePost?.questionIds).toEqual(['q1', 'q2', 'q4'])
    expect(prePost?.members).toEqual([
      { memberId: 'm1', displayName: '甲', pre: 1, post: 3, total: 3, delta: 2 },
      { memberId: 'm2', displayName: '乙', pre: 3, post: 2, total: 3, delta: -1 },
      { memberId: 'm3', displayName: '丙', pre: null, post: 3, total: 3, delta: null },
    ])
    const s = prePost?.summary
    expect(s).toMatchObject({
      membersWithPre: 2,
      membersWithPost: 3,
      membersWithBoth: 2,
      improved: 1,
      unchanged: 0,
      declined: 1,
      signTestP: 1,
    })
    expect(s?.meanPre).toBeCloseTo(4 / 6)
    expect(s?.meanPost).toBeCloseTo(5 / 6)
    expect(s?.meanDelta).toBeCloseTo(1 / 6)
    // Per question, before and after; only pre-test questions have a before.
    const q1 = effect.lessons[0]?.questions.find((q) => q.questionId === 'q1')
    expect(q1?.pre).toEqual({ attempts: 2, correct: 2, share: 1 })
    expect(effect.lessons[0]?.questions.find((q) => q.questionId === 'q3')?.pre).toBeNull()
  })

  it('never counts a pre-test as an attempt after the lesson', () => {
    const effect = build([pre('m1', ALL_RIGHT)])
    const lesson = effect.lessons[0]
    expect(lesson?.membersWithPost).toBe(0)
    expect(lesson?.questions.every((q) => q.post.attempts === 0 && q.post.share === null)).toBe(true)
    expect(lesson?.prePost?.members).toEqual([
      { memberId: 'm1', displayName: '甲', pre: 3, post: null, total: 3, delta: null },
    ])
    expect(lesson?.prePost?.summary).toMatchObject({ membersWithBoth: 0, meanDelta: null, signTestP: null })
  })

  it('ignores a pre-test made after the member had already taken the quiz', () => {
    const effect = build([post('m1', ALL_RIGHT), pre('m1', {}, '2026-05-01T10:00:00Z')])
    expect(effect.lessons[0]?.prePost?.members[0]).toMatchObject({ pre: null, post: 3 })
  })
})

describe('signTestP', () => {
  it('is the exact two-sided binomial tail at one half', () => {
    expect(signTestP(5, 0)).toBeCloseTo(2 / 32)
    expect(signTestP(1, 7)).toBeCloseTo((2 * (1 + 8)) / 256)
    expect(signTestP(3, 3)).toBe(1)
    expect(signTestP(0, 0)).toBeNull()
  })

  it('does not underflow for a large class', () => {
    const p = signTestP(700, 500)
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(1e-6)
  })
})
