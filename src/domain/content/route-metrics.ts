import { geoDistanceMeters } from '../geo/distance.ts'
import type { LngLat, Meters } from '../geo/types.ts'
import type { SiteId } from '../ids.ts'

export interface RouteLeg {
  readonly from: SiteId
  readonly to: SiteId
  /** Straight-line (geodesic) distance; road distance is longer. */
  readonly straightM: Meters
}

export interface RouteMetrics {
  readonly legs: readonly RouteLeg[]
  readonly totalStraightM: Meters
}

/** Legs between consecutive stops and their sum, from the sites' WGS84 positions. */
export function routeMetrics(stops: readonly { site: SiteId; location: LngLat }[]): RouteMetrics {
  const legs: RouteLeg[] = []
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]
    const b = stops[i]
    if (!a || !b) continue
    legs.push({ from: a.site, to: b.site, straightM: geoDistanceMeters(a.location, b.location) })
  }
  return { legs, totalStraightM: legs.reduce((sum, l) => sum + l.straightM, 0) as Meters }
}

/** Rounds a distance for display: metres under 1 km, one decimal under 10 km, whole km above. */
export function roundDistance(m: number): { value: number; unit: 'm' | 'km' } {
  if (m < 1000) return { value: Math.round(m / 10) * 10, unit: 'm' }
  if (m < 10000) return { value: Math.round(m / 100) / 10, unit: 'km' }
  return { value: Math.round(m / 1000), unit: 'km' }
}
