import type { LngLat } from './types.ts'

/** WGS84 semi-major axis and first eccentricity squared. */
const A = 6378137
const E2 = 0.00669437999014

/**
 * A ring of `steps` points approximating a circle of `radiusM` metres around `center`, as a
 * closed GeoJSON ring ([lng, lat] pairs, first point repeated). Uses the local radii of
 * curvature of the WGS84 ellipsoid, accurate to centimetres for geofence-sized circles.
 */
export function circleRing(center: LngLat, radiusM: number, steps = 64): [number, number][] {
  const phi = (center.lat * Math.PI) / 180
  const s = Math.sin(phi)
  const w = Math.sqrt(1 - E2 * s * s)
  const meridional = (A * (1 - E2)) / (w * w * w) // M, metres per radian of latitude
  const primeVertical = A / w // N, metres per radian of longitude at the equator
  const ring: [number, number][] = []
  for (let i = 0; i <= steps; i++) {
    const theta = (2 * Math.PI * (i % steps)) / steps
    const dLat = (radiusM * Math.cos(theta)) / meridional
    const dLng = (radiusM * Math.sin(theta)) / (primeVertical * Math.cos(phi))
    ring.push([center.lng + (dLng * 180) / Math.PI, center.lat + (dLat * 180) / Math.PI])
  }
  return ring
}
