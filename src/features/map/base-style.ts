import basemap from 'virtual:hongtu-basemap'
import type { StyleSpecification } from 'maplibre-gl'
import type { MapProvider } from './provider-config.ts'

/**
 * The embedded map style: sea, land and coast from the bundled base map, under an optional
 * raster provider. No glyphs and no sprite, so drawing it needs no request; labels are DOM
 * markers rendered with the device's own CJK font.
 */
export function baseStyle(provider: MapProvider): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      land: { type: 'geojson', data: basemap, attribution: 'Natural Earth' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe2ec' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f3ede1' } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#8fb3c4', 'line-width': 1 } },
    ],
  }
  if (provider.kind === 'tiles') {
    style.sources.provider = {
      type: 'raster',
      tiles: [...provider.urls],
      tileSize: 256,
      attribution: provider.attribution,
    }
    style.layers.push({ id: 'provider', type: 'raster', source: 'provider' })
  }
  return style
}
