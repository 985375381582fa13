import { describe, expect, it } from 'vitest'
import { screenLabelScale } from './screen-label-scale.ts'

describe('screenLabelScale', () => {
  it('leaves titles as they are in a headset session, whatever the canvas', () => {
    expect(screenLabelScale(390, true)).toBe(1)
  })
  it('enlarges titles on a phone-sized canvas, at most four times', () => {
    expect(screenLabelScale(300, false)).toBe(4)
    expect(screenLabelScale(390, false)).toBeCloseTo(1400 / 390)
    expect(screenLabelScale(1024, false)).toBeCloseTo(1400 / 1024)
  })
  it('leaves them on a wide canvas, and ignores a canvas not measured yet', () => {
    expect(screenLabelScale(1600, false)).toBe(1)
    expect(screenLabelScale(0, false)).toBe(1)
  })
})
