import { describe, expect, it } from 'vitest'
import { geoDistanceMeters } from './distance.ts'
import { judgeFix } from './geofence.ts'
import type { LngLat } from './types.ts'

const center = { lng: 109.4336, lat: 36.6335 }
const fence = { center, radiusM: 150, maxAccuracyM: 100 }

/** A point `m` metres due north of `p` (1° of latitude ≈ 110 990 m at 36.6°N on WGS84). */
function north(p: LngLat, m: number): LngLat {
  let lat = p.lat + m / 110990
  // Newton-refine so the test does not depend on the approximation above.
  for (let i = 0; i < 5; i++) lat += (m - geoDistanceMeters(p, { lng: p.lng, lat })) / 110990
  return { lng: p.lng, lat }
}

describe('judgeFix', () => {
  it('accepts a precise fix at the centre', () => {
    expect(judgeFix(fence, { position: center, accuracyM: 10 }).kind).toBe('inside')
  })

  it('counts the fence edge as inside and one metre beyond as outside', () => {
    expect(judgeFix(fence, { position: north(center, 150), accuracyM: 10 }).kind).toBe('inside')
    const beyond = judgeFix(fence, { position: north(center, 151), accuracyM: 10 })
    expect(beyond.kind).toBe('outside')
    if (beyond.kind === 'outside') expect(beyond.remainingM).toBeCloseTo(1, 3)
  })

  it('reports the distance still to go when 420 m away', () => {
    const v = judgeFix(fence, { position: north(center, 570), accuracyM: 20 })
    expect(v.kind).toBe('outside')
    if (v.kind === 'outside') {
      expect(Math.round(v.distanceM)).toBe(570)
      expect(Math.round(v.remainingM)).toBe(420)
    }
  })

  it('refuses a fix whose accuracy is worse than the limit, even at the centre', () => {
    const v = judgeFix(fence, { position: center, accuracyM: 180 })
    expect(v).toMatchObject({ kind: 'poor-accuracy', accuracyM: 180, neededM: 100 })
  })

  it('accepts accuracy exactly at the limit, and bounds it by a smaller radius', () => {
    expect(judgeFix(fence, { position: center, accuracyM: 100 }).kind).toBe('inside')
    const small = { center, radiusM: 50, maxAccuracyM: 100 }
    expect(judgeFix(small, { position: center, accuracyM: 60 })).toMatchObject({
      kind: 'poor-accuracy',
      neededM: 50,
    })
  })

  it('says how far a poor fix is when even its near edge lies beyond the fence', () => {
    const v = judgeFix(fence, { position: north(center, 5000), accuracyM: 300 })
    expect(v).toMatchObject({ kind: 'outside', accuracyM: 300 })
    if (v.kind === 'outside') expect(Math.round(v.remainingM)).toBe(4850)
  })

  it('asks for better accuracy only while a poor fix could still reach into the fence', () => {
    // 450 m out with a 150 m radius: the accuracy circle leaves the fence at 300 m.
    expect(judgeFix(fence, { position: north(center, 450), accuracyM: 299.9 }).kind).toBe('outside')
    expect(judgeFix(fence, { position: north(center, 450), accuracyM: 300.1 }).kind).toBe('poor-accuracy')
    expect(judgeFix(fence, { position: north(center, 400), accuracyM: 300 }).kind).toBe('poor-accuracy')
  })

  it('treats a missing (NaN) accuracy as not good enough, even far away', () => {
    expect(judgeFix(fence, { position: north(center, 5000), accuracyM: Number.NaN }).kind).toBe(
      'poor-accuracy',
    )
  })

  it('treats a missing (NaN) accuracy as not good enough', () => {
    expect(judgeFix(fence, { position: center, accuracyM: Number.NaN }).kind).toBe('poor-accuracy')
  })
})
