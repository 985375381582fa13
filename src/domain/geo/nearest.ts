import { haversineMeters } from './distance.ts'
import type { LngLat, Meters } from './types.ts'

/** The place nearest to `from` (the first of equals), with its distance; undefined for none. */
export function nearest<T extends { readonly location: LngLat }>(
  from: LngLat,
  places: readonly T[],
): { readonly place: T; readonly distanceM: Meters } | undefined {
  let best: { place: T; distanceM: Meters } | undefined
  for (const place of places) {
    const distanceM = haversineMeters(from, place.location)
    if (!best || distanceM < best.distanceM) best = { place, distanceM }
  }
  return best
}
