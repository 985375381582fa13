import { geoDistanceMeters } from './distance.ts'
import type { LngLat, Meters } from './types.ts'

/** Per-site check-in settings; defaults follow DESIGN.md (radius ≈ 150 m, accuracy ≈ 100 m). */
export interface GeofenceSettings {
  readonly center: LngLat
  readonly radiusM: number
  readonly maxAccuracyM: number
}

export const DEFAULT_CHECKIN_RADIUS_M = 150
export const DEFAULT_MAX_ACCURACY_M = 100

/** A position fix as the browser reports it: `accuracyM` is the 95% radius, in metres. */
export interface Fix {
  readonly position: LngLat
  readonly accuracyM: number
}

export type GeofenceVerdict =
  | { readonly kind: 'inside'; readonly distanceM: Meters; readonly accuracyM: number }
  | {
      readonly kind: 'outside'
      readonly distanceM: Meters
      readonly accuracyM: number
      readonly remainingM: Meters
    }
  | {
      readonly kind: 'poor-accuracy'
      readonly distanceM: Meters
      readonly accuracyM: number
      readonly neededM: number
    }

/**
 * The worst accuracy (metres) a fix may have to place the member inside the fence:
 * min(radius, maxAccuracy), since a fix less precise than the fence itself cannot.
 */
export const neededAccuracyM = (fence: GeofenceSettings): number =>
  Math.min(fence.radiusM, fence.maxAccuracyM)

/**
 * Judges one fix against a site's geofence. A fix counts as inside only if its accuracy is no
 * worse than {@link neededAccuracyM} and its distance to the centre is at most the radius (the
 * edge counts as inside). A fix too imprecise for that can still tell that the member is
 * outside: when even the near edge of its accuracy circle lies beyond the fence
 * (distance − accuracy > radius), it is `outside`, with the distance still to go, rather than
 * asking the member to wait for accuracy that would not change the answer. A missing (NaN)
 * accuracy tells nothing. The same function runs on the device and on the server.
 */
export function judgeFix(fence: GeofenceSettings, fix: Fix): GeofenceVerdict {
  const distanceM = geoDistanceMeters(fence.center, fix.position)
  const neededM = neededAccuracyM(fence)
  const outside = {
    kind: 'outside',
    distanceM,
    accuracyM: fix.accuracyM,
    remainingM: (distanceM - fence.radiusM) as Meters,
  } as const
  if (!(fix.accuracyM <= neededM))
    return distanceM - fix.accuracyM > fence.radiusM
      ? outside
      : { kind: 'poor-accuracy', distanceM, accuracyM: fix.accuracyM, neededM }
  if (distanceM <= fence.radiusM) return { kind: 'inside', distanceM, accuracyM: fix.accuracyM }
  return outside
}
