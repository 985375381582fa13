import type { Datum } from '../../domain/geo/types.ts'

/**
 * An optional online map provider, from public VITE_* build variables (see .env.example).
 * Without one, the map uses only the embedded base map and makes no request at all.
 */
export type MapProvider =
  | { readonly kind: 'none'; readonly datum: 'wgs84' }
  | { readonly kind: 'style'; readonly url: string; readonly datum: Datum }
  | {
      readonly kind: 'tiles'
      readonly urls: readonly string[]
      readonly attribution: string
      readonly datum: Datum
    }

export function readMapProvider(env: Record<string, string | undefined> = import.meta.env): MapProvider {
  const datum: Datum = env.VITE_MAP_DATUM === 'gcj02' ? 'gcj02' : 'wgs84'
  const style = env.VITE_MAP_STYLE_URL?.trim()
  if (style) return { kind: 'style', url: style, datum }
  const tiles = env.VITE_MAP_TILE_URL?.trim()
  if (tiles) {
    // {s} subdomains, e.g. 天地图's t0–t7, expand to several URLs.
    const subdomains = (env.VITE_MAP_TILE_SUBDOMAINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const urls =
      tiles.includes('{s}') && subdomains.length > 0
        ? subdomains.map((s) => tiles.replace('{s}', s))
        : [tiles]
    return { kind: 'tiles', urls, attribution: env.VITE_MAP_ATTRIBUTION ?? '', datum }
  }
  return { kind: 'none', datum: 'wgs84' }
}
