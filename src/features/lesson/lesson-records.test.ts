import { describe, expect, it } from 'vitest'
import {
  attemptFromRecord,
  completionFor,
  hasStudied,
  latestQuizRecord,
  lessonStatus,
  reflectionsOf,
} from './lesson-records.ts'
import { quiz, record } from './test-fixtures.ts'

const submitted = (attempt: number, passed: boolean, mode: 'onsite' | 'remote' = 'onsite', lessonId = 'l1') =>
  record('quiz.submitted', {
    lessonId,
    attempt,
    mode,
    answers: { q1: ['a'] },
    correct: passed ? 3 : 1,
    total: 5,
    passed,
  })

describe('latestQuizRecord', () => {
  it('picks the highest attempt of the lesson', () => {
    const second = submitted(2, true)
    const records = [submitted(1, false), second, submitted(3, false, 'onsite', 'other')]
    expect(latestQuizRecord(records, 'l1')).toBe(second)
    expect(latestQuizRecord(records, 'none')).toBeNull()
  })

  it('never returns a pre-test (课前测), which is not a quiz attempt', () => {
    const first = submitted(1, false)
    const pre = record('quiz.submitted', {
      lessonId: 'l1',
      attempt: 1,
      mode: 'onsite',
      answers: {},
      correct: 0,
      total: 3,
      passed: false,
      phase: 'pre',
    })
    expect(latestQuizRecord([first, pre], 'l1')).toBe(first)
    expect(latestQuizRecord([pre], 'l1')).toBeNull()
  })
})

describe('attemptFromRecord', () => {
  it('keeps the totals the record counted and explains each question against the quiz', () => {
    const r = submitted(1, false)
    const a = attemptFromRecord(quiz, r as Parameters<typeof attemptFromRecord>[1])
    expect(a.result).toMatchObject({ correct: 1, total: 5, share: 0.2, passed: false })
    expect(a.result.questions.map((q) => q.correct)).toEqual([true, false, false, false, false])
    expect(a).toMatchObject({ recordId: r.id, attempt: 1, mode: 'onsite', answers: { q1: ['a'] } })
  })
})

describe('completionFor', () => {
  it('finds the completion that names the quiz record', () => {
    const quizRecord = submitted(1, true)
    const done = record('lesson.completed', {
      lessonId: 'l1',
      siteId: 's1',
      mode: 'remote',
      score: 0.6,
      quizRecordId: quizRecord.id,
    })
    expect(completionFor([quizRecord, done], quizRecord.id)).toBe(done)
    expect(completionFor([quizRecord], quizRecord.id)).toBeNull()
  })
})

describe('reflectionsOf', () => {
  it("lists this lesson's reflections, newest first", () => {
    const older = record('reflection', { lessonId: 'l1', text: '一' }, '2026-05-01T09:00:00.000Z')
    const newer = record('reflection', { lessonId: 'l1', text: '二' }, '2026-05-02T09:00:00.000Z')
    const other = record('reflection', { lessonId: 'l2', text: '三' })
    expect(reflectionsOf([older, other, newer], 'l1')).toEqual([newer, older])
  })
})

describe('hasStudied', () => {
  it('is true once the member has a quiz attempt, a completion or a reflection of this lesson', () => {
    expect(hasStudied([submitted(1, false)], 'l1')).toBe(true)
    expect(hasStudied([record('reflection', { lessonId: 'l1', text: '一' })], 'l1')).toBe(true)
    expect(
      hasStudied([submitted(1, false, 'remote', 'l2'), record('reflection', { text: '二' })], 'l1'),
    ).toBe(false)
  })
})

describe('lessonStatus', () => {
  const base = {
    lessonId: 'l1',
    completed: false,
    modes: [],
    attempts: 0,
    passedAttempt: false,
    reflections: 0,
  }
  it('tells not started, started, tried and completed apart', () => {
    expect(lessonStatus(undefined)).toEqual({ kind: 'not-started' })
    expect(lessonStatus({ ...base, reflections: 1 })).toEqual({ kind: 'started' })
    expect(lessonStatus({ ...base, attempts: 2, bestScore: 0.4 })).toEqual({
      kind: 'tried',
      attempts: 2,
      bestScore: 0.4,
    })
    expect(lessonStatus({ ...base, attempts: 2, completed: true, bestScore: 0.8 })).toEqual({
      kind: 'completed',
      bestScore: 0.8,
    })
  })
})
