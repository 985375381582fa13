import type { Datum, LngLat } from './types.ts'

/**
 * Conversions from the datums Chinese map services publish to WGS84.
 *
 * GCJ-02 ("Mars coordinates", used by Amap, Tencent and Google China) is WGS84 shifted by a
 * published obfuscation polynomial on the Krasovsky 1940 ellipsoid (a = 6 378 245 m,
 * e² = 0.006 693 421 622 965 94). It has no closed-form inverse: we invert it by fixed-point
 * iteration, which converges to well under 0.1 m inside China in a handful of steps.
 * BD-09 (Baidu) is GCJ-02 with a further rotation and offset.
 * Outside China's bounding box both services publish WGS84 unchanged.
 */

const KRASOVSKY_A = 6378245.0
const KRASOVSKY_EE = 0.006693421622965943
const X_PI = (Math.PI * 3000.0) / 180.0

/** Rough bounding box in which GCJ-02 is applied (the convention of the published algorithm). */
export function isInChinaBox(p: LngLat): boolean {
  return p.lng >= 72.004 && p.lng <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** WGS84 → GCJ-02 (the forward obfuscation). */
export function wgs84ToGcj02(p: LngLat): LngLat {
  if (!isInChinaBox(p)) return p
  const dLatRaw = transformLat(p.lng - 105.0, p.lat - 35.0)
  const dLngRaw = transformLng(p.lng - 105.0, p.lat - 35.0)
  const radLat = (p.lat / 180.0) * Math.PI
  const s = Math.sin(radLat)
  const magic = 1 - KRASOVSKY_EE * s * s
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (dLatRaw * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (dLngRaw * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lng: p.lng + dLng, lat: p.lat + dLat }
}

/** GCJ-02 → WGS84, inverting {@link wgs84ToGcj02} by iteration until the residual is below ~1 cm. */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (!isInChinaBox(p)) return p
  let guess = p
  for (let i = 0; i < 30; i++) {
    const forward = wgs84ToGcj02(guess)
    const dLng = forward.lng - p.lng
    const dLat = forward.lat - p.lat
    guess = { lng: guess.lng - dLng, lat: guess.lat - dLat }
    if (Math.abs(dLng) < 1e-7 && Math.abs(dLat) < 1e-7) break
  }
  return guess
}

/** BD-09 → GCJ-02 (Baidu's published inverse rotation). */
export function bd09ToGcj02(p: LngLat): LngLat {
  const x = p.lng - 0.0065
  const y = p.lat - 0.006
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI)
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI)
  return { lng: z * Math.cos(theta), lat: z * Math.sin(theta) }
}

/** GCJ-02 → BD-09. */
export function gcj02ToBd09(p: LngLat): LngLat {
  const z = Math.sqrt(p.lng * p.lng + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * X_PI)
  const theta = Math.atan2(p.lat, p.lng) + 0.000003 * Math.cos(p.lng * X_PI)
  return { lng: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 }
}

/** Converts a position written in `datum` to WGS84. */
export function toWgs84(p: LngLat, datum: Datum): LngLat {
  switch (datum) {
    case 'wgs84':
      return p
    case 'gcj02':
      return gcj02ToWgs84(p)
    case 'bd09':
      return gcj02ToWgs84(bd09ToGcj02(p))
  }
}
