import type { LngLat, Meters } from './types.ts'

/** WGS84 ellipsoid: semi-major axis a (m) and flattening f. */
const WGS84_A = 6378137
const WGS84_F = 1 / 298.257223563
const WGS84_B = WGS84_A * (1 - WGS84_F)

/** IUGG mean earth radius R1 = (2a + b) / 3, in metres; used by the spherical fallback. */
export const MEAN_EARTH_RADIUS_M = 6371008.8

const rad = (deg: number) => (deg * Math.PI) / 180

/**
 * Great-circle distance on a sphere of radius {@link MEAN_EARTH_RADIUS_M}, by the haversine
 * formula (Sinnott 1984). Error against the ellipsoid up to ~0.5%; used only where
 * Vincenty's iteration does not converge (nearly antipodal points).
 */
export function haversineMeters(a: LngLat, b: LngLat): Meters {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return (2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))) as Meters
}

/**
 * Geodesic distance in metres on the WGS84 ellipsoid, by Vincenty's inverse formula
 * (T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid",
 * Survey Review 23(176), 1975). Accurate to well under a millimetre where it converges;
 * falls back to {@link haversineMeters} for nearly antipodal points, which a route never has.
 */
export function geoDistanceMeters(a: LngLat, b: LngLat): Meters {
  const L = rad(b.lng - a.lng)
  const U1 = Math.atan((1 - WGS84_F) * Math.tan(rad(a.lat)))
  const U2 = Math.atan((1 - WGS84_F) * Math.tan(rad(b.lat)))
  const sinU1 = Math.sin(U1)
  const cosU1 = Math.cos(U1)
  const sinU2 = Math.sin(U2)
  const cosU2 = Math.cos(U2)

  let lambda = L
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda)
    const cosLambda = Math.cos(lambda)
    const sinSigma = Math.sqrt((cosU2 * sinLambda) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) ** 2)
    if (sinSigma === 0) return 0 as Meters // coincident points
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
    const sigma = Math.atan2(sinSigma, cosSigma)
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma
    const cos2Alpha = 1 - sinAlpha * sinAlpha
    // On the equator cos²α = 0 and cos2σm is undefined; its term then vanishes.
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha
    const C = (WGS84_F / 16) * cos2Alpha * (4 + WGS84_F * (4 - 3 * cos2Alpha))
    const lambdaPrev = lambda
    lambda =
      L +
      (1 - C) *
        WGS84_F *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
    if (Math.abs(lambda - lambdaPrev) < 1e-12) {
      const u2 = (cos2Alpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B)) / (WGS84_B * WGS84_B)
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
      const deltaSigma =
        B *
        sinSigma *
        (cos2SigmaM +
          (B / 4) *
            (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
              (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
      return (WGS84_B * A * (sigma - deltaSigma)) as Meters
    }
  }
  return haversineMeters(a, b)
}

/** Length in metres of a path through the given points, in order. */
export function pathLengthMeters(points: readonly LngLat[]): Meters {
  let total = 0
  for (let i = 1; i < points.length; i++)
    total += geoDistanceMeters(points[i - 1] as LngLat, points[i] as LngLat)
  return total as Meters
}
