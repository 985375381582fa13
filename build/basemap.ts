import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { type BBox, clipRing, type Ring, roundRing } from '../src/domain/geo/clip.ts'

/**
 * The offline base map: Natural Earth 1:50m land (public domain, via the world-atlas
 * package), clipped to the region the routes are in and rounded to 0.001° (≈ 100 m, finer
 * than 1:50m data anyway). It is embedded in the map code, so the default map makes no request.
 *
 * It draws land and coast only. Boundaries on maps published in China must follow the
 * official standard map (标准地图); Natural Earth's de facto boundaries do not, so we draw none
 * and leave boundaries to a configured, approved tile provider (e.g. 天地图).
 */

export const BASEMAP_BBOX: BBox = [70, 12, 140, 56]

const require = createRequire(import.meta.url)

export function buildBasemap(bbox: BBox = BASEMAP_BBOX): FeatureCollection<Polygon> {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/land-50m.json'), 'utf8'),
  ) as Topology<{
    land: GeometryCollection
  }>
  const land = feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>
  const features: Feature<Polygon>[] = []
  for (const f of land.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    for (const rings of polygons) {
      const clipped = rings.map((r) => roundRing(clipRing(r as Ring, bbox), 3)).filter((r) => r.length >= 4)
      // Drop a polygon whose outer ring left the box, even if a hole survived.
      if (clipped.length > 0 && rings[0] && roundRing(clipRing(rings[0] as Ring, bbox), 3).length >= 4)
        features.push({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: clipped },
        })
    }
  }
  return { type: 'FeatureCollection', features }
}
