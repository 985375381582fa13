import { describe, expect, it } from 'vitest'
import type { Lesson } from '../../domain/content/pack.ts'
import { RECORD_KINDS } from '../../domain/records/kinds.ts'
import {
  beforeAfter,
  initialPretestState,
  parsePretestDraft,
  pretestMayOpen,
  pretestPayload,
  pretestRecordOf,
  pretestReducer,
} from './pretest-flow.ts'
import { quiz, record } from './test-fixtures.ts'

// The fixture quiz: q1 single (a), q2 multiple (a, c), q3 true/false (false), q4 (true), q5 (true).
const lesson = { id: 'l1', site: 's1', quiz, pretest: ['q1', 'q2', 'q4'] } as unknown as Lesson
const noPretest = { ...lesson, pretest: undefined } as Lesson
const noDrafts = { quiz: null, reflection: null }

const preRecord = (answers: Record<string, string[] | boolean>, at = '2026-05-01T08:00:00.000Z') =>
  record('quiz.submitted', pretestPayload(lesson, 'remote', answers), at)

describe('when the pre-test is offered', () => {
  it('opens for a member with nothing of the lesson yet', () => {
    expect(pretestMayOpen(lesson, [], noDrafts)).toBe(true)
    expect(pretestMayOpen(noPretest, [], noDrafts)).toBe(false)
  })

  it('stays closed once the member has anything of the lesson: a pre-test, a quiz, a reflection or a draft', () => {
    expect(pretestMayOpen(lesson, [preRecord({})], noDrafts)).toBe(false)
    expect(pretestMayOpen(lesson, [record('reflection', { lessonId: 'l1', text: '心得' })], noDrafts)).toBe(
      false,
    )
    expect(pretestMayOpen(lesson, [], { quiz: { v: 1 }, reflection: null })).toBe(false)
    expect(pretestMayOpen(lesson, [], { quiz: null, reflection: { v: 1 } })).toBe(false)
    // Another lesson's records do not count.
    expect(pretestMayOpen(lesson, [record('reflection', { lessonId: 'l2', text: '心得' })], noDrafts)).toBe(
      true,
    )
  })
})

describe('the pre-test record', () => {
  it('holds only the pre-test answers, scored on its questions, with no pass mark, and is a valid record', () => {
    const payload = pretestPayload(lesson, 'onsite', { q1: ['a'], q2: ['a'], q3: false, q4: true })
    expect(payload).toEqual({
      lessonId: 'l1',
      attempt: 1,
      mode: 'onsite',
      answers: { q1: ['a'], q2: ['a'], q4: true },
      correct: 2,
      total: 3,
      passed: false,
      phase: 'pre',
    })
    expect(RECORD_KINDS['quiz.submitted'].schema.safeParse(payload).success).toBe(true)
  })

  it('is found as the earliest pre-test, never a quiz attempt', () => {
    const later = preRecord({ q1: ['a'] }, '2026-05-01T09:00:00.000Z')
    const earlier = preRecord({}, '2026-05-01T07:00:00.000Z')
    const post = record('quiz.submitted', {
      lessonId: 'l1',
      attempt: 1,
      mode: 'remote',
      answers: {},
      correct: 0,
      total: 5,
      passed: false,
    })
    expect(pretestRecordOf([later, post, earlier], 'l1')?.id).toBe(earlier.id)
    expect(pretestRecordOf([post], 'l1')).toBeNull()
  })

  it('compares before and after on the same questions only', () => {
    const records = [preRecord({ q1: ['a'], q2: ['b'] })]
    expect(
      beforeAfter(lesson, records, { q1: ['a'], q2: ['a', 'c'], q3: false, q4: true, q5: false }),
    ).toEqual({
      before: 1,
      after: 3,
      total: 3,
    })
    expect(beforeAfter(lesson, [], { q1: ['a'] })).toBeNull()
  })
})

describe('the pre-test draft', () => {
  it('restores only answers to pre-test questions that fit the content', () => {
    expect(
      parsePretestDraft(lesson, {
        v: 1,
        mode: 'remote',
        answers: { q1: ['z'], q2: ['a'], q3: true, q4: true },
      }),
    ).toEqual({ v: 1, mode: 'remote', answers: { q2: ['a'], q4: true } })
    expect(parsePretestDraft(lesson, { v: 1, mode: 'remote', answers: { q3: true } })).toBeNull()
    expect(parsePretestDraft(lesson, { v: 2, mode: 'remote', answers: { q4: true } })).toBeNull()
    expect(parsePretestDraft(lesson, 'junk')).toBeNull()
  })
})

describe('pretestReducer', () => {
  it('keeps the answers through a failed save and ends in done after a save', () => {
    let s = initialPretestState({ v: 1, mode: 'remote', answers: { q4: true } })
    s = pretestReducer(s, { type: 'answer', questionId: 'q1', answer: ['a'] })
    s = pretestReducer(s, { type: 'submitting' })
    expect(pretestReducer(s, { type: 'answer', questionId: 'q2', answer: ['a'] })).toBe(s)
    s = pretestReducer(s, { type: 'submit-failed', problem: 'storage-full' })
    expect(s).toEqual({ phase: 'answering', answers: { q4: true, q1: ['a'] }, problem: 'storage-full' })
    s = pretestReducer(s, { type: 'answer', questionId: 'q1', answer: [] })
    expect(s).toEqual({ phase: 'answering', answers: { q4: true }, problem: null })
    s = pretestReducer(pretestReducer(s, { type: 'submitting' }), { type: 'submitted', correct: 1, total: 3 })
    expect(s).toEqual({ phase: 'done', correct: 1, total: 3 })
  })
})
