import { describe, expect, it } from 'vitest'
import {
  ATTEST_STEP_S,
  attestStep,
  msUntilNextStep,
  secondsLeftInStep,
  stepStartMs,
  withinAttestWindow,
} from './window.ts'

/** The step maths at its boundaries: the first and last millisecond of a step, and ±2 steps exactly. */

const STEP = 59_000_000 // 2026-02-08, a step in the years the app runs
const start = stepStartMs(STEP)

describe('attestStep', () => {
  it('counts 30-second steps from the Unix epoch, like TOTP', () => {
    expect(ATTEST_STEP_S).toBe(30)
    expect(attestStep(0)).toBe(0)
    expect(attestStep(29_999)).toBe(0)
    expect(attestStep(30_000)).toBe(1)
    expect(attestStep(Date.UTC(2026, 4, 10, 2, 0, 0))).toBe(Date.UTC(2026, 4, 10, 2, 0, 0) / 30_000)
  })

  it('puts the first and last millisecond of a step in that step', () => {
    expect(attestStep(start)).toBe(STEP)
    expect(attestStep(start + 29_999)).toBe(STEP)
    expect(attestStep(start - 1)).toBe(STEP - 1)
    expect(attestStep(start + 30_000)).toBe(STEP + 1)
  })
})

describe('countdown', () => {
  it('shows 30 s at the start of a step and 1 s in its last second', () => {
    expect(msUntilNextStep(start)).toBe(30_000)
    expect(secondsLeftInStep(start)).toBe(30)
    expect(secondsLeftInStep(start + 1)).toBe(30)
    expect(secondsLeftInStep(start + 1000)).toBe(29)
    expect(secondsLeftInStep(start + 29_000)).toBe(1)
    expect(secondsLeftInStep(start + 29_999)).toBe(1)
    expect(msUntilNextStep(start + 29_999)).toBe(1)
  })
})

describe('withinAttestWindow', () => {
  it('accepts a code two steps old or two steps ahead, to the last millisecond', () => {
    // Two steps later: the verifier's step is STEP + 2 until start + 90 s.
    expect(withinAttestWindow(STEP, start + 3 * 30_000 - 1)).toBe(true)
    // Two steps earlier (the member's clock behind): from start − 60 s.
    expect(withinAttestWindow(STEP, start - 2 * 30_000)).toBe(true)
    expect(withinAttestWindow(STEP, start)).toBe(true)
  })

  it('refuses a code three steps old or three steps ahead, from the first millisecond', () => {
    expect(withinAttestWindow(STEP, start + 3 * 30_000)).toBe(false)
    expect(withinAttestWindow(STEP, start - 2 * 30_000 - 1)).toBe(false)
    expect(withinAttestWindow(STEP, start + 3_600_000)).toBe(false)
  })
})
