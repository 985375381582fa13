import { describe, expect, it } from 'vitest'
import { foldKey, foldTap, groupOf } from './marker-fold.ts'

describe('foldTap', () => {
  it('zooms in when the stops stand apart at the deepest zoom', () => {
    // 10 px apart now; 4 levels deeper they are 160 px apart.
    expect(
      foldTap(
        [
          { x: 100, y: 100 },
          { x: 110, y: 100 },
        ],
        4,
        30,
      ),
    ).toBe('zoom')
  })

  it('lists the stops when they share one point, however deep the map can zoom', () => {
    expect(
      foldTap(
        [
          { x: 100, y: 100 },
          { x: 100, y: 100 },
        ],
        20,
        30,
      ),
    ).toBe('list')
  })

  it('lists the stops when the map is already at its deepest zoom', () => {
    expect(
      foldTap(
        [
          { x: 100, y: 100 },
          { x: 110, y: 100 },
        ],
        0,
        30,
      ),
    ).toBe('list')
  })

  it('zooms when only some of the stops would separate (the rest fold again, closer in)', () => {
    expect(
      foldTap(
        [
          { x: 100, y: 100 },
          { x: 100, y: 100 },
          { x: 105, y: 98 },
        ],
        3,
        30,
      ),
    ).toBe('zoom')
  })

  it('still separates stops just short of the radius apart after one level (distances double)', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 16, y: 0 },
    ]
    expect(foldTap(points, 1, 30)).toBe('zoom')
    expect(foldTap(points, 0.5, 30)).toBe('list')
  })
})

describe('foldKey and groupOf', () => {
  it('names a group by its stops and finds the group holding a stop', () => {
    const groups = [[0, 1, 2, 6], [3], [4], [5]]
    expect(foldKey([0, 1, 2, 6])).toBe('0,1,2,6')
    expect(groupOf(groups, 6)).toEqual([0, 1, 2, 6])
    expect(groupOf(groups, 9)).toBeUndefined()
  })
})
