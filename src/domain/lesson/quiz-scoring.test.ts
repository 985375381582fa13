import { describe, expect, it } from 'vitest'
import { quiz } from '../testing/fixtures.ts'
import { attemptsLeft, scoreQuiz } from './quiz-scoring.ts'

describe('scoreQuiz', () => {
  it('scores a perfect quiz', () => {
    const r = scoreQuiz(quiz, { q1: ['a'], q2: ['c', 'a'], q3: false, q4: true, q5: true })
    expect(r).toMatchObject({ correct: 5, total: 5, share: 1, passed: true })
  })

  it('treats multiple choice as all or nothing', () => {
    expect(scoreQuiz(quiz, { q2: ['a'] }).questions[1]?.correct).toBe(false)
    expect(scoreQuiz(quiz, { q2: ['a', 'b', 'c'] }).questions[1]?.correct).toBe(false)
  })

  it('passes exactly at the pass mark (3 of 5 at 0.6) and fails below it', () => {
    expect(scoreQuiz(quiz, { q1: ['a'], q3: false, q4: true }).passed).toBe(true)
    expect(scoreQuiz(quiz, { q1: ['a'], q3: false }).passed).toBe(false)
  })

  it('counts unanswered questions as wrong and reports them', () => {
    const r = scoreQuiz(quiz, { q3: true })
    expect(r.correct).toBe(0)
    expect(r.questions.filter((q) => !q.answered).map((q) => q.id)).toEqual(['q1', 'q2', 'q4', 'q5'])
  })
})

describe('attemptsLeft', () => {
  it('counts down from maxAttempts, and 0 means unlimited', () => {
    expect(attemptsLeft({ maxAttempts: 3 }, 1)).toBe(2)
    expect(attemptsLeft({ maxAttempts: 3 }, 5)).toBe(0)
    expect(attemptsLeft({ maxAttempts: 0 }, 99)).toBe(Number.POSITIVE_INFINITY)
  })
})
