import { describe, expect, it } from 'vitest'
import { reviewPages, turnPage } from './review-pages.ts'

const result = (...correct: boolean[]) => ({
  questions: correct.map((c, i) => ({ id: `q${i}`, correct: c, answered: true })),
})

describe('reviewPages', () => {
  it('reviews only the questions answered wrong, in quiz order', () => {
    expect(reviewPages(result(true, false, true, false))).toEqual([1, 3])
  })

  it('reviews every question when none was wrong', () => {
    expect(reviewPages(result(true, true, true))).toEqual([0, 1, 2])
  })
})

describe('turnPage', () => {
  it('moves one page either way and stays put past either end', () => {
    expect(turnPage(0, 1, 3)).toBe(1)
    expect(turnPage(2, 1, 3)).toBe(2)
    expect(turnPage(1, -1, 3)).toBe(0)
    expect(turnPage(0, -1, 3)).toBe(0)
  })
})
