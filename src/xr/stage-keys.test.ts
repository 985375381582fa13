import { describe, expect, it } from 'vitest'
import { keysMoveView, visibleHeightPx } from './stage-keys.ts'

/** A 520 px stage in an 800 px window, wholly in view, and scrolled away above the window. */
const inView = { topPx: 250, bottomPx: 770 }
const scrolledAway = { topPx: -600, bottomPx: -80 }

describe('keysMoveView', () => {
  it('gives the keys to the view when the stage, or nothing, has focus and the stage shows', () => {
    expect(keysMoveView('stage', inView, 800)).toBe(true)
    expect(keysMoveView('nothing', inView, 800)).toBe(true)
  })
  it('leaves them to the page while a control has focus, wherever the stage is', () => {
    expect(keysMoveView('elsewhere', inView, 800)).toBe(false)
  })
  it('leaves them to the page once the stage is scrolled mostly out of view', () => {
    expect(keysMoveView('nothing', scrolledAway, 800)).toBe(false)
    expect(keysMoveView('stage', { topPx: 600, bottomPx: 1120 }, 800)).toBe(false)
  })
  it('counts a stage taller than the window as in view when it fills half the window', () => {
    expect(keysMoveView('nothing', { topPx: -200, bottomPx: 700 }, 600)).toBe(true)
  })
})

describe('visibleHeightPx', () => {
  it('is the part of the stage between the window’s top and bottom', () => {
    expect(visibleHeightPx(250, 770, 800)).toBe(520)
    expect(visibleHeightPx(600, 1120, 800)).toBe(200)
    expect(visibleHeightPx(-600, -80, 800)).toBe(0)
  })
})
