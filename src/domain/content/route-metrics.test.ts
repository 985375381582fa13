import { describe, expect, it } from 'vitest'
import type { SiteId } from '../ids.ts'
import { roundDistance, routeMetrics } from './route-metrics.ts'

const id = (s: string) => s as SiteId

describe('routeMetrics', () => {
  it('measures each leg in order and sums them', () => {
    const m = routeMetrics([
      { site: id('a'), location: { lng: 0, lat: 0 } },
      { site: id('b'), location: { lng: 1, lat: 0 } },
      { site: id('c'), location: { lng: 1, lat: 1 } },
    ])
    expect(m.legs.map((l) => [l.from, l.to])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ])
    expect(m.legs[0]?.straightM).toBeCloseTo(111319.49, 0)
    expect(m.totalStraightM).toBeCloseTo((m.legs[0]?.straightM ?? 0) + (m.legs[1]?.straightM ?? 0), 6)
  })
})

describe('roundDistance', () => {
  it('picks a readable unit and precision', () => {
    expect(roundDistance(434)).toEqual({ value: 430, unit: 'm' })
    expect(roundDistance(2345)).toEqual({ value: 2.3, unit: 'km' })
    expect(roundDistance(45678)).toEqual({ value: 46, unit: 'km' })
  })
})
