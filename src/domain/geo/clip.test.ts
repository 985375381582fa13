import { describe, expect, it } from 'vitest'
import { clipRing, roundRing } from './clip.ts'

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
]

const area = (ring: [number, number][]) =>
  Math.abs(
    ring
      .slice(0, -1)
      .reduce((a, [x, y], i) => a + x * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * y, 0),
  ) / 2

describe('clipRing', () => {
  it('keeps a ring inside the box unchanged', () => {
    expect(clipRing(square(1, 1, 2, 2), [0, 0, 10, 10])).toEqual(square(1, 1, 2, 2))
  })

  it('cuts a ring that crosses the box to the overlap', () => {
    const clipped = clipRing(square(-5, -5, 5, 5), [0, 0, 10, 10])
    expect(area(clipped)).toBeCloseTo(25, 9)
    expect(clipped[0]).toEqual(clipped[clipped.length - 1])
  })

  it('drops a ring entirely outside', () => {
    expect(clipRing(square(20, 20, 30, 30), [0, 0, 10, 10])).toEqual([])
  })
})

describe('roundRing', () => {
  it('rounds, removes repeated points and drops rings that collapse', () => {
    expect(roundRing(square(0.00001, 0, 1, 1), 3)).toEqual(square(0, 0, 1, 1))
    expect(roundRing(square(0, 0, 0.0001, 0.0001), 3)).toEqual([])
  })
})
