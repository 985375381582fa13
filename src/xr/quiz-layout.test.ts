import { describe, expect, it } from 'vitest'
import { QUIZ_MIN_HEIGHT_M, quizLayout } from './quiz-layout.ts'

const BUTTON_HALF_M = 0.05
const STATUS_HALF_M = 0.03

/** Nothing overlaps: header above prompt above each choice above the status line above the buttons. */
function expectStacked(layout: ReturnType<typeof quizLayout>, promptHeight: number) {
  const top = layout.height / 2
  expect(layout.headerY).toBeLessThan(top)
  expect(layout.promptTopY).toBeLessThan(layout.headerY)
  let above = layout.promptTopY - promptHeight
  for (const c of layout.choices) {
    expect(c.y + c.height / 2).toBeLessThan(above)
    above = c.y - c.height / 2
  }
  expect(layout.statusY + STATUS_HALF_M).toBeLessThan(above)
  expect(layout.buttonsY + BUTTON_HALF_M).toBeLessThan(layout.statusY - STATUS_HALF_M)
  expect(layout.buttonsY - BUTTON_HALF_M).toBeGreaterThan(-top)
}

describe('quizLayout', () => {
  it('keeps a short question (two prompt lines, four one-line choices) on the usual panel', () => {
    const prompt = 2 * 0.042 * 1.4
    const layout = quizLayout(prompt, [0.043, 0.043, 0.043, 0.043])
    expect(layout.height).toBe(QUIZ_MIN_HEIGHT_M)
    expect(layout.choices.map((c) => c.height)).toEqual([0.11, 0.11, 0.11, 0.11])
    expectStacked(layout, prompt)
  })

  it('grows the panel and the buttons for a long prompt and two-line choices, with nothing overlapping', () => {
    const prompt = 5 * 0.042 * 1.4
    const layout = quizLayout(prompt, [0.086, 0.043, 0.086, 0.129])
    expect(layout.height).toBeGreaterThan(QUIZ_MIN_HEIGHT_M)
    expect(layout.choices[3]?.height).toBeCloseTo(0.169)
    expectStacked(layout, prompt)
  })

  it('lays out a true-or-false question (two choices) too', () => {
    const layout = quizLayout(0.06, [0.043, 0.043])
    expect(layout.choices).toHaveLength(2)
    expectStacked(layout, 0.06)
  })
})
