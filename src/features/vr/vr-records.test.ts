import { describe, expect, it } from 'vitest'
import type { Lesson } from '../../domain/content/pack.ts'
import { scoreQuiz } from '../../domain/lesson/quiz-scoring.ts'
import { RECORD_KINDS } from '../../domain/records/kinds.ts'
import type { SceneFile } from '../../domain/scenes/schema.ts'
import { record } from '../../domain/testing/fixtures.ts'
import {
  attemptsUsed,
  quizPassed,
  vrLessonCompletion,
  vrQuizPayload,
  vrStandaloneCompletion,
} from './vr-records.ts'

const lesson = {
  id: 'zaoyuan-lesson',
  site: 'zaoyuan',
  quiz: {
    passMark: 0.6,
    maxAttempts: 3,
    questions: [{ id: 'q1', kind: 'truefalse', prompt: { zh: '?' }, explanation: { zh: '.' }, answer: true }],
  },
} as unknown as Lesson

describe('what a VR session records', () => {
  it('a quiz attempt and the completion it earns, with mode vr, valid for the record log', () => {
    const result = scoreQuiz(lesson.quiz, { q1: true })
    const quiz = vrQuizPayload(lesson, 1, { q1: true }, result)
    expect(RECORD_KINDS['quiz.submitted'].schema.parse(quiz)).toEqual({
      lessonId: 'zaoyuan-lesson',
      attempt: 1,
      mode: 'vr',
      answers: { q1: true },
      correct: 1,
      total: 1,
      passed: true,
    })
    const done = vrLessonCompletion(lesson, result, 'rec-1')
    expect(RECORD_KINDS['lesson.completed'].schema.parse(done)).toEqual({
      lessonId: 'zaoyuan-lesson',
      siteId: 'zaoyuan',
      mode: 'vr',
      score: 1,
      quizRecordId: 'rec-1',
    })
  })

  it('the oath renewal as lesson oath-renewal at vr-center, which the record kinds accept', () => {
    const scene = { standaloneCompletion: { lessonId: 'oath-renewal', siteId: 'vr-center' } } as SceneFile
    const payload = vrStandaloneCompletion(scene)
    expect(RECORD_KINDS['lesson.completed'].schema.parse(payload)).toEqual({
      lessonId: 'oath-renewal',
      siteId: 'vr-center',
      mode: 'vr',
    })
  })
})

describe('attemptsUsed', () => {
  it('counts quiz attempts in any mode but not a pre-test (课前测)', () => {
    const payload = {
      lessonId: 'zaoyuan-lesson',
      attempt: 1,
      answers: {},
      correct: 0,
      total: 1,
      passed: false,
    }
    const records = [
      record('quiz.submitted', { ...payload, mode: 'onsite' }),
      record('quiz.submitted', { ...payload, mode: 'vr', attempt: 2 }),
      record('quiz.submitted', { ...payload, mode: 'remote', phase: 'pre' }),
      record('quiz.submitted', { ...payload, lessonId: 'other', mode: 'vr' }),
    ]
    expect(attemptsUsed(records, 'zaoyuan-lesson')).toBe(2)
  })
})

describe('quizPassed', () => {
  const payload = {
    lessonId: 'zaoyuan-lesson',
    attempt: 1,
    answers: {},
    correct: 1,
    total: 1,
    mode: 'vr',
  } as const
  it('is true once an attempt at the lesson passed, in any mode', () => {
    const records = [
      record('quiz.submitted', { ...payload, passed: false }),
      record('quiz.submitted', { ...payload, attempt: 2, mode: 'onsite', passed: true }),
    ]
    expect(quizPassed(records, 'zaoyuan-lesson')).toBe(true)
  })

  it('is false for a passed pre-test (课前测) or another lesson', () => {
    const records = [
      record('quiz.submitted', { ...payload, phase: 'pre', passed: true }),
      record('quiz.submitted', { ...payload, lessonId: 'other', passed: true }),
    ]
    expect(quizPassed(records, 'zaoyuan-lesson')).toBe(false)
  })
})
