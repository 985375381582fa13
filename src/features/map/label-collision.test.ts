import { describe, expect, it } from 'vitest'
import { visibleLabels } from './label-collision.ts'

describe('visibleLabels', () => {
  it('keeps the first of two overlapping labels and any label clear of them', () => {
    expect(
      visibleLabels([
        { x: 0, y: 0, width: 100, height: 20 },
        { x: 50, y: 10, width: 100, height: 20 },
        { x: 0, y: 40, width: 100, height: 20 },
      ]),
    ).toEqual([true, false, true])
  })

  it('treats touching edges as not overlapping', () => {
    expect(
      visibleLabels([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: 10, y: 0, width: 10, height: 10 },
      ]),
    ).toEqual([true, true])
  })
})
