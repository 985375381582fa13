import { describe, expect, it } from 'vitest'
import {
  groupNumberLabel,
  markerGroups,
  mergeCoveredGroups,
  placeLabel,
  visibleLabels,
} from './label-collision.ts'

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

  it('hides a label over an obstacle (another stop, a map button), so the next one may show', () => {
    const stop3 = { x: 120, y: 0, width: 20, height: 20 }
    expect(
      visibleLabels(
        [
          { x: 30, y: 5, width: 150, height: 14 },
          { x: 145, y: 5, width: 60, height: 14 },
        ],
        [stop3],
      ),
    ).toEqual([false, true])
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

describe('placeLabel', () => {
  // A 360 px phone's map: 10 to 350 px; a name 0.8rem (12.8 px) a character.
  const base = { edge: { left: 10, right: 350 }, gap: 5, maxLinePx: 102, minLinePx: 38 }
  const at = (x: number) => ({ left: x - 16, right: x + 16 })

  it('keeps a name that fits on one line to the right of its number', () => {
    expect(placeLabel({ ...base, labelWidth: 200, number: at(60) })).toEqual({ side: 'right' })
  })

  it('puts it to the left near the right edge', () => {
    expect(placeLabel({ ...base, labelWidth: 120, number: at(300) })).toEqual({ side: 'left' })
  })

  it('wraps a name too long for either side on the roomier side, in the fewest lines', () => {
    // 21 characters (269 px) at x = 200: 129 px of room right, 169 left; at most 102 a line.
    const p = placeLabel({ ...base, labelWidth: 269, number: at(200) })
    expect(p?.side).toBe('left')
    expect(p?.wrapWidth).toBeGreaterThan(269 / 3)
    expect(p?.wrapWidth).toBeLessThanOrEqual(102)
  })

  it('makes the lines about equal, so no lone character trails onto the last', () => {
    // 9 characters (115 px) with 99 px of room either side: two lines of about 58, not 99 + 16.
    const p = placeLabel({ ...base, edge: { left: 10, right: 250 }, labelWidth: 115, number: at(130) })
    expect(p?.side).toBe('right')
    expect(p?.wrapWidth).toBeGreaterThan(115 / 2)
    expect(p?.wrapWidth).toBeLessThan(80)
  })

  it('never wraps wider than the room there is', () => {
    const p = placeLabel({ ...base, labelWidth: 400, number: at(80) })
    expect(p).toEqual({ side: 'right', wrapWidth: expect.any(Number) })
    expect(p?.wrapWidth).toBeLessThanOrEqual(102)
  })

  it('gives up when not even a short line fits', () => {
    expect(
      placeLabel({ ...base, edge: { left: 10, right: 100 }, labelWidth: 300, number: at(55) }),
    ).toBeNull()
  })
})
