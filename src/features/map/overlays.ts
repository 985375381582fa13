import type { FeatureCollection, LineString, Polygon } from 'geojson'
import { circleRing } from '../../domain/geo/circle.ts'
import { wgs84ToGcj02 } from '../../domain/geo/datum.ts'
import type { Datum, LngLat } from '../../domain/geo/types.ts'
import type { StopWithSite } from '../routes/stops.ts'

/**
 * Our data is WGS84. A provider drawing GCJ-02 tiles (most Chinese web maps) would show it
 * several hundred metres off, so overlays are shifted into the provider's datum for display only.
 */
export function toDisplay(p: LngLat, datum: Datum): LngLat {
  return datum === 'gcj02' ? wgs84ToGcj02(p) : p
}

export function routeLine(stops: readonly StopWithSite[], datum: Datum): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: stops.map((s) => {
            const p = toDisplay(s.site.location, datum)
            return [p.lng, p.lat]
          }),
        },
      },
    ],
  }
}

export function fenceCircles(
  circles: readonly { center: LngLat; radiusM: number }[],
  datum: Datum,
): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: circles.map(({ center, radiusM }) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [circleRing(toDisplay(center, datum), radiusM)] },
    })),
  }
}
