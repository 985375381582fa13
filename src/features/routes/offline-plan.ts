import type { Route } from '../../domain/content/pack.ts'
import { corridorTiles, tileUrl } from '../../domain/offline/tiles.ts'
import type { DownloadItem } from '../../platform/offline-download.ts'
import { toDisplay } from '../map/overlays.ts'
import type { MapProvider } from '../map/provider-config.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

/** Typical size of one 256 px raster tile, for the estimate shown before downloading. */
export const EST_TILE_BYTES = 20_000
const CORRIDOR = { bufferM: 1500, minZoom: 8, maxTiles: 4000 }

export interface RoutePlan {
  readonly media: readonly string[]
  readonly tiles: number
  /** The deepest zoom that fits the tile cap; undefined without a tile provider. */
  readonly maxZoom?: number
  readonly items: readonly DownloadItem[]
}

/**
 * What a route needs beyond the app itself (whose shell, content and map code the service
 * worker already precaches): its lessons' media, and map tiles along the route when a tile
 * provider is configured. Tiles go as deep as fits under the cap, from z15 down.
 */
export function planRoute(
  route: Route,
  content: ContentIndex,
  provider: MapProvider,
  mediaSize: (url: string) => number = () => 0,
): RoutePlan {
  const media = new Set<string>()
  for (const stop of route.stops)
    for (const lessonId of content.site(stop.site)?.lessons ?? [])
      for (const step of content.lesson(lessonId)?.steps ?? [])
        if (step.kind === 'image' || step.kind === 'audio') media.add(`/${step.src}`)
  const items: DownloadItem[] = [...media].map((url) => ({ url, estBytes: mediaSize(url) }))

  if (provider.kind !== 'tiles') return { media: [...media], tiles: 0, items }
  const points = route.stops.flatMap((s) => {
    const site = content.site(s.site)
    return site ? [toDisplay(site.location, provider.datum)] : []
  })
  for (let maxZoom = 15; maxZoom >= CORRIDOR.minZoom; maxZoom--) {
    const tiles = corridorTiles(points, { ...CORRIDOR, maxZoom })
    if (!tiles) continue
    tiles.forEach((t, i) => {
      items.push({ url: tileUrl(provider.urls[i % provider.urls.length] ?? '', t), estBytes: EST_TILE_BYTES })
    })
    return { media: [...media], tiles: tiles.length, maxZoom, items }
  }
  return { media: [...media], tiles: 0, items }
}
