import { describe, expect, it } from 'vitest'
import { buttonRowCentres, QUIZ_MIN_HEIGHT_M, quizLayout, reviewLayout } from './quiz-layout.ts'

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

describe('reviewLayout', () => {
  /** Each block ends above the next one's top, and the last one above the buttons. */
  function expectReviewStacked(layout: ReturnType<typeof reviewLayout>, heights: readonly number[]) {
    expect(layout.tops[0]).toBeLessThan(layout.height / 2)
    for (const [i, h] of heights.entries()) {
      const next = layout.tops[i + 1] ?? layout.buttonsY + BUTTON_HALF_M
      expect((layout.tops[i] ?? 0) - h).toBeGreaterThan(next)
    }
    expect(layout.buttonsY - BUTTON_HALF_M).toBeGreaterThan(-layout.height / 2)
  }

  it('keeps a short review on the usual panel', () => {
    const heights = [0.042, 0.118, 0.05, 0.05, 0.236]
    const layout = reviewLayout(heights)
    expect(layout.height).toBe(QUIZ_MIN_HEIGHT_M)
    expectReviewStacked(layout, heights)
  })

  it('grows the panel for a long explanation, with nothing running into the buttons', () => {
    const heights = [0.042, 0.236, 0.1, 0.1, 0.7]
    const layout = reviewLayout(heights)
    expect(layout.height).toBeGreaterThan(QUIZ_MIN_HEIGHT_M)
    expectReviewStacked(layout, heights)
  })
})

describe('buttonRowCentres', () => {
  it('puts buttons side by side, apart, centred on the panel', () => {
    const widths = [0.52, 0.36, 0.36]
    const centres = buttonRowCentres(widths, 0.06)
    for (let i = 1; i < widths.length; i++) {
      const rightOfPrevious = (centres[i - 1] ?? 0) + (widths[i - 1] ?? 0) / 2
      const leftOfThis = (centres[i] ?? 0) - (widths[i] ?? 0) / 2
      expect(leftOfThis - rightOfPrevious).toBeCloseTo(0.06)
    }
    expect((centres[0] ?? 0) - 0.26 + ((centres[2] ?? 0) + 0.18)).toBeCloseTo(0)
  })

  it('centres a lone button', () => {
    expect(buttonRowCentres([0.36])).toEqual([0])
  })
})
