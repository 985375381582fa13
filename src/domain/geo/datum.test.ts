import { describe, expect, it } from 'vitest'
import { bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from './datum.ts'
import { geoDistanceMeters } from './distance.ts'

const yanan = { lng: 109.4897, lat: 36.5853 }

describe('GCJ-02', () => {
  it('shifts positions in China by a few hundred metres, as the published algorithm does', () => {
    const shift = geoDistanceMeters(yanan, wgs84ToGcj02(yanan))
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
  })

  it('inverts to within 5 cm across China', () => {
    for (const p of [
      yanan,
      { lng: 105.05, lat: 35.69 },
      { lng: 118.35, lat: 35.1 },
      { lng: 87.6, lat: 43.8 },
    ]) {
      expect(geoDistanceMeters(p, gcj02ToWgs84(wgs84ToGcj02(p)))).toBeLessThan(0.05)
    }
  })

  it('leaves positions outside China unchanged', () => {
    const paris = { lng: 2.35, lat: 48.85 }
    expect(wgs84ToGcj02(paris)).toEqual(paris)
    expect(gcj02ToWgs84(paris)).toEqual(paris)
  })
})

describe('BD-09', () => {
  it('round-trips through GCJ-02 to within 10 cm', () => {
    const gcj = wgs84ToGcj02(yanan)
    expect(geoDistanceMeters(gcj, bd09ToGcj02(gcj02ToBd09(gcj)))).toBeLessThan(0.1)
  })

  it('converts a Baidu position back to the WGS84 it came from', () => {
    const baidu = gcj02ToBd09(wgs84ToGcj02(yanan))
    expect(geoDistanceMeters(yanan, toWgs84(baidu, 'bd09'))).toBeLessThan(0.1)
    expect(toWgs84(yanan, 'wgs84')).toBe(yanan)
  })
})
