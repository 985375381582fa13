import { describe, expect, it } from 'vitest'
import { resultReview } from './result-review.ts'

describe('resultReview', () => {
  it('marks right and wrong only, after a failed attempt with attempts left', () => {
    expect(resultReview(false, 2)).toEqual({ show: 'marks', answersAfter: 'passing-or-last-attempt' })
  })

  it('shows the answers once the member has passed', () => {
    expect(resultReview(true, 2)).toEqual({ show: 'answers' })
  })

  it('shows the answers when no attempt is left, passed or not', () => {
    expect(resultReview(false, 0)).toEqual({ show: 'answers' })
  })

  it('with unlimited attempts, holds the answers back until the member passes', () => {
    expect(resultReview(false, Number.POSITIVE_INFINITY)).toEqual({ show: 'marks', answersAfter: 'passing' })
    expect(resultReview(true, Number.POSITIVE_INFINITY)).toEqual({ show: 'answers' })
  })
})
