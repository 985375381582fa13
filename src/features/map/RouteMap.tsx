import {
  AttributionControl,
  type GeoJSONSource,
  type LayerSpecification,
  LngLatBounds,
  Map as MapLibre,
  Marker,
  NavigationControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import type { Fix } from '../../domain/geo/geofence.ts'
import { nearest } from '../../domain/geo/nearest.ts'
import { useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { browserGeolocation } from '../../platform/geolocation.ts'
import { formatDistance } from '../../ui/Distance.tsx'
import type { StopWithSite } from '../routes/stops.ts'
import { baseStyle } from './base-style.ts'
import { MAP_IDLE_MARK } from './marks.ts'
import { fenceCircles, routeLine, toDisplay } from './overlays.ts'
import { readMapProvider } from './provider-config.ts'
import { showStopMarkers } from './stop-markers.ts'

// The bundled worker must be named explicitly, or maplibre cannot find it after bundling.
setWorkerUrl(workerUrl)

const provider = readMapProvider()
const RED = '#b0121b'

/**
 * The route's own layers (check-in fences, the route line, the member's accuracy circle), put
 * into the style before the map first draws it, whatever the base style is: added after
 * `load`, they cost the map a second style update and more frames while it loads, and each
 * frame on a phone is main-thread time.
 */
function withOverlays(style: StyleSpecification, stops: readonly StopWithSite[]): StyleSpecification {
  const fences = stops.map((s) => ({ center: s.site.location, radiusM: s.site.checkin.radiusM }))
  const layers: LayerSpecification[] = [
    { id: 'fence-fill', type: 'fill', source: 'fences', paint: { 'fill-color': RED, 'fill-opacity': 0.15 } },
    { id: 'fence-line', type: 'line', source: 'fences', paint: { 'line-color': RED, 'line-width': 1.5 } },
    // Dashed: stops are joined by straight lines, not by the roads between them.
    {
      id: 'route-line',
      type: 'line',
      source: 'route',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': RED, 'line-width': 4, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'me-accuracy',
      type: 'fill',
      source: 'me',
      paint: { 'fill-color': '#1f6fe0', 'fill-opacity': 0.15 },
    },
  ]
  return {
    ...style,
    sources: {
      ...style.sources,
      route: { type: 'geojson', data: routeLine(stops, provider.datum) },
      fences: { type: 'geojson', data: fenceCircles(fences, provider.datum) },
      me: { type: 'geojson', data: fenceCircles([], provider.datum) },
    },
    layers: [...style.layers, ...layers],
  }
}

/** Closer than this to a stop, the member is at it ("0 米" would read as an error). */
const AT_STOP_M = 50

type PositionState = { kind: 'off' } | { kind: 'locating' } | { kind: 'shown'; fix: Fix } | { kind: 'error' }

export default function RouteMap({ stops, label }: { stops: readonly StopWithSite[]; label: string }) {
  const t = useStrings()
  const text = useLocalizedString()
  const container = useRef<HTMLDivElement>(null)
  const mapRef = useRef<MapLibre | null>(null)
  const [ready, setReady] = useState(false)
  const [position, setPosition] = useState<PositionState>({ kind: 'off' })
  /** Whether the map was widened to the member's first fix since the last tap on the button. */
  const fittedToMember = useRef(false)

  useEffect(() => {
    if (!container.current) return
    const map = new MapLibre({
      container: container.current,
      style: provider.kind === 'style' ? provider.url : baseStyle(provider),
      transformStyle: (_previous, next) => withOverlays(next, stops),
      // Nothing of ours fades (no symbols; a provider's raster tiles may appear at once), and a
      // fade is a run of frames drawn while the map loads.
      fadeDuration: 0,
      attributionControl: false,
      locale: {
        'Map.Title': label,
        'NavigationControl.ZoomIn': t.mapZoomIn,
        'NavigationControl.ZoomOut': t.mapZoomOut,
        'NavigationControl.ResetBearing': t.mapNorthUp,
        'AttributionControl.ToggleAttribution': t.mapAttribution,
      },
      cooperativeGestures: false,
      dragRotate: false,
    })
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    map.addControl(new AttributionControl({ compact: true }), 'bottom-right')
    const bounds = new LngLatBounds()
    for (const s of stops) {
      const p = toDisplay(s.site.location, provider.datum)
      bounds.extend([p.lng, p.lat])
    }
    map.fitBounds(bounds, { padding: 48, maxZoom: 14, duration: 0 })
    map.on('load', () => setReady(true))
    map.once('idle', () => {
      if (performance.getEntriesByName(MAP_IDLE_MARK).length === 0) performance.mark(MAP_IDLE_MARK)
    })
    mapRef.current = map
    return () => {
      mapRef.current = null
      setReady(false)
      map.remove()
    }
    // `t` changes with the language, as `label` does: the map is made again with its controls' names.
  }, [stops, label, t])

  // Stop markers carry names in the current language, so they follow the language switch.
  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready) return
    return showStopMarkers(map, stops, {
      t,
      nameOf: (stop) => text(stop.site.name),
      lngLatOf: (stop) => {
        const p = toDisplay(stop.site.location, provider.datum)
        return [p.lng, p.lat]
      },
    })
  }, [stops, ready, text, t])

  useEffect(() => {
    const map = mapRef.current
    if (!map || !ready || position.kind !== 'shown') return
    const p = toDisplay(position.fix.position, provider.datum)
    const dot = document.createElement('div')
    dot.className = 'map-me'
    dot.setAttribute('role', 'img')
    dot.setAttribute('aria-label', t.myPosition)
    const marker = new Marker({ element: dot }).setLngLat([p.lng, p.lat]).addTo(map)
    // The first fix off the map's view: widen it to show the member beside the route, once per
    // tap (later fixes do not move the map under the member's fingers).
    if (!fittedToMember.current && !map.getBounds().contains([p.lng, p.lat])) {
      const bounds = new LngLatBounds([p.lng, p.lat], [p.lng, p.lat])
      for (const s of stops) {
        const q = toDisplay(s.site.location, provider.datum)
        bounds.extend([q.lng, q.lat])
      }
      map.fitBounds(bounds, { padding: 48, maxZoom: 14, duration: 0 })
    }
    fittedToMember.current = true
    ;(map.getSource('me') as GeoJSONSource | undefined)?.setData(
      fenceCircles([{ center: position.fix.position, radiusM: position.fix.accuracyM }], provider.datum),
    )
    return () => {
      marker.remove()
    }
  }, [position, ready, t, stops])

  // Watching starts when the member asks and stops when they turn it off or it fails.
  const watching = position.kind === 'locating' || position.kind === 'shown'
  useEffect(() => {
    if (!watching) return
    fittedToMember.current = false
    return browserGeolocation.watch(
      (fix) => setPosition({ kind: 'shown', fix }),
      () => setPosition({ kind: 'error' }),
    )
  }, [watching])

  // Where the member is, in words: the dot may be small, or far from every stop.
  const closest =
    position.kind === 'shown'
      ? nearest(
          position.fix.position,
          stops.map((s) => ({ ...s, location: s.site.location })),
        )
      : undefined

  return (
    <>
      <div ref={container} className="route-map" data-testid="route-map" data-ready={ready} />
      <div className="map-toolbar">
        <button
          type="button"
          aria-pressed={position.kind === 'shown' || position.kind === 'locating'}
          onClick={() =>
            setPosition(
              position.kind === 'off' || position.kind === 'error' ? { kind: 'locating' } : { kind: 'off' },
            )
          }
        >
          {t.showMyPosition}
        </button>
        {position.kind === 'error' && (
          <span role="alert" className="hint">
            {t.positionUnavailable}
          </span>
        )}
        {closest && (
          // Not a live region: it changes with every few metres walked, and would talk over the
          // member; it is there to read, beside the button.
          <span className="hint" data-testid="nearest-stop">
            {closest.distanceM < AT_STOP_M
              ? t.atStop(closest.place.number, text(closest.place.site.name))
              : t.nearestStop(
                  closest.place.number,
                  text(closest.place.site.name),
                  formatDistance(closest.distanceM, t),
                )}
          </span>
        )}
      </div>
    </>
  )
}
