import type { ContentPack } from '../../src/domain/content/pack.ts'
import { geoDistanceMeters } from '../../src/domain/geo/distance.ts'
import type { LngLat } from '../../src/domain/geo/types.ts'
import { ROUNDING_ALLOWANCE_M } from './verify.ts'

/**
 * Impossible travel (notes/reliability.md P21, fault row 31): two consecutive check-ins of one
 * member, by corrected time, that would need more than 300 km/h. Distances are measured between
 * the sites (where the member said they were), less the slack each check-in allows (the site's
 * radius, or for a site the server does not know, the rounding allowance plus the fix's
 * accuracy), so neighbouring sites checked in quickly never trip it.
 */
export const MAX_SPEED_KMH = 300
const MAX_SPEED_MPS = (MAX_SPEED_KMH * 1000) / 3600
/**
 * Check-ins further apart in time than this can never be too fast: 24 h at 300 km/h is
 * 7,200 km, more than any two places in China are apart (≈ 5,500 km).
 */
export const TRAVEL_HORIZON_MS = 24 * 3_600_000

export interface CheckinPoint {
  readonly recordId: string
  /** Corrected time, ms since the epoch (UTC). */
  readonly t: number
  readonly position: LngLat
  /** Metres the true position may be from `position`. */
  readonly slackM: number
}

/** Where a check-in places the member, or undefined when neither the site nor a fix is known. */
export function checkinPoint(
  recordId: string,
  t: number,
  payload: { siteId: string; gps?: { lat: number; lng: number; accuracyM: number } | undefined },
  pack: ContentPack,
): CheckinPoint | undefined {
  const site = pack.sites.find((s) => s.id === payload.siteId)
  if (site) return { recordId, t, position: site.location, slackM: site.checkin.radiusM }
  if (payload.gps)
    return {
      recordId,
      t,
      position: { lng: payload.gps.lng, lat: payload.gps.lat },
      slackM: ROUNDING_ALLOWANCE_M + payload.gps.accuracyM,
    }
  return undefined
}

function tooFast(a: CheckinPoint, b: CheckinPoint): boolean {
  const metres = geoDistanceMeters(a.position, b.position) - a.slackM - b.slackM
  if (metres <= 0) return false
  const seconds = Math.abs(b.t - a.t) / 1000
  return seconds === 0 || metres / seconds > MAX_SPEED_MPS
}

/**
 * Whether `point` is impossibly far from its neighbours in time. `timeline` is sorted by time
 * and may include `point` itself; the neighbours are found by binary search.
 */
export function isImpossibleTravel(point: CheckinPoint, timeline: readonly CheckinPoint[]): boolean {
  let lo = 0
  let hi = timeline.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((timeline[mid] as CheckinPoint).t <= point.t) lo = mid + 1
    else hi = mid
  }
  // timeline[0..lo) are at or before point.t; the nearest earlier other one is the last of them.
  let before: CheckinPoint | undefined
  for (let i = lo - 1; i >= 0; i--)
    if ((timeline[i] as CheckinPoint).recordId !== point.recordId) {
      before = timeline[i]
      break
    }
  const after = timeline[lo]
  return (before !== undefined && tooFast(before, point)) || (after !== undefined && tooFast(point, after))
}
