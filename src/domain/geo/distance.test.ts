import { describe, expect, it } from 'vitest'
import { geoDistanceMeters, haversineMeters, pathLengthMeters } from './distance.ts'

const dms = (d: number, m: number, s: number) => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600)

describe('geoDistanceMeters (WGS84, Vincenty)', () => {
  it('matches Vincenty’s published Flinders Peak – Buninyong geodesic, 54 972.271 m', () => {
    const flinders = { lng: dms(144, 25, 29.5244), lat: dms(-37, 57, 3.7203) }
    const buninyong = { lng: dms(143, 55, 35.3839), lat: dms(-37, 39, 10.1561) }
    expect(geoDistanceMeters(flinders, buninyong)).toBeCloseTo(54972.271, 0)
  })

  it('gives a·Δλ for one degree along the equator (111 319.491 m)', () => {
    expect(Math.abs(geoDistanceMeters({ lng: 0, lat: 0 }, { lng: 1, lat: 0 }) - 111319.491)).toBeLessThan(1)
  })

  it('gives the meridian arc for the first degree of latitude (110 574.389 m)', () => {
    expect(Math.abs(geoDistanceMeters({ lng: 109, lat: 0 }, { lng: 109, lat: 1 }) - 110574.389)).toBeLessThan(
      1,
    )
  })

  it('is zero for the same point and symmetric', () => {
    const a = { lng: 109.4336, lat: 36.6335 }
    const b = { lng: 109.4881, lat: 36.5924 }
    expect(geoDistanceMeters(a, a)).toBe(0)
    expect(geoDistanceMeters(a, b)).toBeCloseTo(geoDistanceMeters(b, a), 6)
  })

  it('stays within 0.5% of the spherical haversine for city-scale distances', () => {
    const a = { lng: 109.4336, lat: 36.6335 }
    const b = { lng: 109.4881, lat: 36.5924 }
    const ellipsoidal = geoDistanceMeters(a, b)
    expect(Math.abs(ellipsoidal - haversineMeters(a, b)) / ellipsoidal).toBeLessThan(0.005)
  })

  it('falls back to a finite distance for antipodal points', () => {
    const d = geoDistanceMeters({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })
    expect(d).toBeGreaterThan(19_900_000)
    expect(d).toBeLessThan(20_040_000)
  })
})

describe('pathLengthMeters', () => {
  it('adds the legs in order and is zero for fewer than two points', () => {
    const pts = [
      { lng: 0, lat: 0 },
      { lng: 1, lat: 0 },
      { lng: 2, lat: 0 },
    ]
    expect(pathLengthMeters(pts)).toBeCloseTo(2 * geoDistanceMeters(pts[0]!, pts[1]!), 3)
    expect(pathLengthMeters(pts.slice(0, 1))).toBe(0)
  })
})
