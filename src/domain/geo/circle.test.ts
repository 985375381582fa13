import { describe, expect, it } from 'vitest'
import { circleRing } from './circle.ts'
import { geoDistanceMeters } from './distance.ts'

describe('circleRing', () => {
  it('puts every point at the radius (±0.5 m) and closes the ring', () => {
    const center = { lng: 118.35, lat: 35.1 }
    const ring = circleRing(center, 150, 32)
    expect(ring).toHaveLength(33)
    expect(ring[0]).toEqual(ring[32])
    for (const [lng, lat] of ring)
      expect(Math.abs(geoDistanceMeters(center, { lng, lat }) - 150)).toBeLessThan(0.5)
  })
})
