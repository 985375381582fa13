import type { LngLat } from '../geo/types.ts'

/**
 * Web-Mercator ("slippy map") tile arithmetic, as used by XYZ tile providers
 * (OpenStreetMap wiki, "Slippy map tilenames"). Tile (x, y) at zoom z covers 1/2^z of the
 * world's width; y grows southwards. Latitudes are clamped to ±85.0511°, the projection's limit.
 */
export interface Tile {
  readonly z: number
  readonly x: number
  readonly y: number
}

const MAX_LAT = 85.05112878

export function lngLatToTile(p: LngLat, z: number): Tile {
  const n = 2 ** z
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, p.lat))
  const rad = (lat * Math.PI) / 180
  const x = Math.floor(((p.lng + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) }
}

/** Metres per degree of latitude (mean); good enough for a corridor buffer. */
const M_PER_DEG_LAT = 111_320

export interface CorridorOptions {
  /** Half-width of the corridor around the route, in metres. */
  readonly bufferM: number
  readonly minZoom: number
  readonly maxZoom: number
  /** Refuse plans larger than this many tiles (a typo in maxZoom must not fill a phone). */
  readonly maxTiles: number
}

/**
 * The tiles covering a corridor of `bufferM` around the straight legs between `points`, at
 * every zoom from minZoom to maxZoom. Legs are sampled every ~bufferM/2 so no tile along the
 * way is skipped. Returns undefined when the plan would exceed maxTiles.
 */
export function corridorTiles(points: readonly LngLat[], o: CorridorOptions): Tile[] | undefined {
  const samples: LngLat[] = []
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as LngLat
    const b = points[i + 1]
    samples.push(a)
    if (!b) break
    const legM = Math.hypot(
      (b.lat - a.lat) * M_PER_DEG_LAT,
      (b.lng - a.lng) * M_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180),
    )
    const steps = Math.ceil(legM / Math.max(1, o.bufferM / 2))
    for (let s = 1; s < steps; s++)
      samples.push({ lng: a.lng + ((b.lng - a.lng) * s) / steps, lat: a.lat + ((b.lat - a.lat) * s) / steps })
  }
  const seen = new Set<string>()
  const tiles: Tile[] = []
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    for (const p of samples) {
      const dLat = o.bufferM / M_PER_DEG_LAT
      const dLng = o.bufferM / (M_PER_DEG_LAT * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)))
      const nw = lngLatToTile({ lng: p.lng - dLng, lat: p.lat + dLat }, z)
      const se = lngLatToTile({ lng: p.lng + dLng, lat: p.lat - dLat }, z)
      for (let x = nw.x; x <= se.x; x++)
        for (let y = nw.y; y <= se.y; y++) {
          const key = `${z}/${x}/${y}`
          if (seen.has(key)) continue
          seen.add(key)
          tiles.push({ z, x, y })
          if (tiles.length > o.maxTiles) return undefined
        }
    }
  }
  return tiles
}

/** Fills an XYZ template ({z}, {x}, {y}; {s} was expanded earlier) for one tile. */
export function tileUrl(template: string, t: Tile): string {
  return template.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y))
}
