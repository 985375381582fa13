import { describe, expect, it } from 'vitest'
import type { QuestionId } from '../ids.ts'
import { RECORD_KINDS } from '../records/kinds.ts'
import { quiz } from '../testing/fixtures.ts'
import { hasPretest, pretestQuestions, quizPhaseOf, scorePretest } from './pretest.ts'

const lesson = { quiz, pretest: ['q4', 'q2', 'q1'] as QuestionId[] }

describe('pre-test', () => {
  it('lists its questions in the order the lesson names them', () => {
    expect(pretestQuestions(lesson).map((q) => q.id)).toEqual(['q4', 'q2', 'q1'])
    expect(hasPretest(lesson)).toBe(true)
    expect(hasPretest({ quiz })).toBe(false)
  })

  it('scores only its own questions, multiple choice all or nothing, unanswered as wrong', () => {
    const r = scorePretest(lesson, { q4: true, q2: ['a'], q3: false, q5: true })
    expect(r).toMatchObject({ correct: 1, total: 3 })
    expect(r.questions.map((q) => [q.id, q.correct, q.answered])).toEqual([
      ['q4', true, true],
      ['q2', false, true],
      ['q1', false, false],
    ])
  })

  it('reads records without a phase as the quiz after the lesson', () => {
    const old = {
      lessonId: 'l',
      attempt: 1,
      mode: 'onsite',
      answers: { q1: ['a'] },
      correct: 1,
      total: 5,
      passed: false,
    }
    const schema = RECORD_KINDS['quiz.submitted'].schema
    expect(quizPhaseOf(schema.parse(old))).toBe('post')
    expect(quizPhaseOf(schema.parse({ ...old, phase: 'pre' }))).toBe('pre')
    expect(schema.safeParse({ ...old, phase: 'during' }).success).toBe(false)
  })
})
