import { describe, expect, it } from 'vitest'
import { groupNumberLabel, markerGroups, mergeCoveredGroups, visibleLabels } from './label-collision.ts'

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

describe('markerGroups', () => {
  it('groups markers within the radius of a group leader, in stop order', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 100, y: 100 }, // the same place (two sites on one ground)
      { x: 110, y: 95 },
      { x: 300, y: 100 },
      { x: 105, y: 300 },
    ]
    expect(markerGroups(points, 28)).toEqual([[0, 1, 2], [3], [4]])
  })

  it('leaves markers apart when none are close', () => {
    expect(
      markerGroups(
        [
          { x: 0, y: 0 },
          { x: 40, y: 0 },
        ],
        28,
      ),
    ).toEqual([[0], [1]])
  })
})

describe('groupNumberLabel', () => {
  it('writes a run as a range and anything else as a list', () => {
    expect(groupNumberLabel([3])).toBe('3')
    expect(groupNumberLabel([2, 1, 3])).toBe('1–3')
    expect(groupNumberLabel([2, 5])).toBe('2·5')
  })
})

describe('mergeCoveredGroups', () => {
  it('joins a group whose marker is covered by an earlier, wider one', () => {
    const groups = [[0, 1, 2], [3], [4]]
    const boxes = [
      { x: 0, y: 0, width: 60, height: 36 }, // "1–3"
      { x: 50, y: 10, width: 36, height: 36 }, // covered
      { x: 200, y: 0, width: 36, height: 36 },
    ]
    expect(mergeCoveredGroups(groups, boxes)).toEqual([[0, 1, 2, 3], [4]])
  })

  it('returns the same groups when nothing is covered', () => {
    const groups = [[0], [1]]
    const boxes = [
      { x: 0, y: 0, width: 36, height: 36 },
      { x: 40, y: 0, width: 36, height: 36 },
    ]
    expect(mergeCoveredGroups(groups, boxes)).toBe(groups)
  })
})
