/// <reference types="vite/client" />

declare module 'virtual:hongtu-basemap' {
  const land: import('geojson').FeatureCollection<import('geojson').Polygon>
  export default land
}

interface ImportMetaEnv {
  readonly VITE_MAP_STYLE_URL?: string
  readonly VITE_MAP_TILE_URL?: string
  readonly VITE_MAP_TILE_SUBDOMAINS?: string
  readonly VITE_MAP_ATTRIBUTION?: string
  readonly VITE_MAP_DATUM?: string
}
