import { LngLatBounds, type Map as MapLibre, Marker } from 'maplibre-gl'
import type { Strings } from '../../i18n/strings.ts'
import type { StopWithSite } from '../routes/stops.ts'
import {
  type Box,
  groupNumberLabel,
  markerGroups,
  mergeCoveredGroups,
  placeLabel,
  visibleLabels,
} from './label-collision.ts'
import { type FoldTap, foldKey, foldTap, groupOf } from './marker-fold.ts'
import { type FoldElement, foldMarker, stopMarker } from './stop-marker-dom.ts'
import './stop-markers.css'

/** Between a stop's number and its name (0.3rem in styles.css `.map-stop`). */
const LABEL_GAP_PX = 5
/** Closer than this on screen, two stop markers (2rem across) would cover each other. */
const MARKER_GROUP_RADIUS_PX = 30
/** Around the stops a folded marker zooms to, so their names have room. */
const FOLD_ZOOM_PADDING_PX = 64
const NO_BOX: Box = { x: 0, y: 0, width: 0, height: 0 }

interface Fold extends FoldElement {
  readonly group: readonly number[]
  readonly marker: Marker
  tap: FoldTap
}

/**
 * Puts the route's numbered stop markers on the map and keeps them readable as it zooms: stops
 * that would pile up become one folded marker that says what it holds and, tapped, zooms in
 * until they separate, or lists them when they share a point; names that still collide are
 * hidden (the marker stays, named, and the list below the map names every stop). Returns the
 * cleanup.
 */
export function showStopMarkers(
  map: MapLibre,
  stops: readonly StopWithSite[],
  input: {
    readonly t: Strings
    readonly nameOf: (stop: StopWithSite) => string
    readonly lngLatOf: (stop: StopWithSite) => [number, number]
  },
): () => void {
  const { t, nameOf } = input
  const names = stops.map(nameOf)
  const spokenOf = (i: number) => t.mapStop(stops[i]?.number ?? 0, names[i] ?? '')
  const markers = stops.map((stop, i) =>
    new Marker({ element: stopMarker(stop, names[i] ?? '', spokenOf(i)), anchor: 'left', offset: [-16, 0] })
      .setLngLat(input.lngLatOf(stop))
      .addTo(map),
  )
  const elements = markers.map((m) => m.getElement())
  const folds = new Map<string, Fold>()

  const setOpen = (fold: Fold, open: boolean) => {
    fold.list.hidden = !open
    fold.root.classList.toggle('map-fold--open', open)
    if (fold.tap === 'list') fold.button.setAttribute('aria-expanded', String(open))
    if (open) fitListInMap(fold, map.getContainer())
  }

  const onTap = (fold: Fold) => {
    if (fold.tap === 'list') {
      setOpen(fold, !isOpen(fold))
      return
    }
    const bounds = new LngLatBounds()
    for (const i of fold.group) bounds.extend(markers[i]?.getLngLat() ?? [0, 0])
    // The next redraw (on `moveend`) keeps the focus on whatever marker then holds this fold's
    // first stop, so a keyboard user stays where they were.
    map.fitBounds(bounds, { padding: FOLD_ZOOM_PADDING_PX, maxZoom: map.getMaxZoom(), duration: 600 })
  }

  const makeFold = (group: readonly number[]): Fold => {
    const leader = group[0] as number
    const element = foldMarker({
      stops: group.map((i) => ({
        stop: stops[i] as StopWithSite,
        name: names[i] ?? '',
        spoken: spokenOf(i),
      })),
      number: groupNumberLabel(group.map((i) => stops[i]?.number ?? 0)),
      label: t.mapFold(names[leader] ?? '', group.length),
    })
    const marker = new Marker({ element: element.root, anchor: 'left', offset: [-16, 0] })
      .setLngLat(markers[leader]?.getLngLat() ?? [0, 0])
      .addTo(map)
    const fold: Fold = { ...element, group, marker, tap: 'zoom' }
    element.button.addEventListener('click', () => onTap(fold))
    element.root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !isOpen(fold)) return
      setOpen(fold, false)
      fold.button.focus()
    })
    return fold
  }

  /** Shows one marker per group (a stop's own, or a fold) and returns it, in group order. */
  const show = (groups: readonly (readonly number[])[]): HTMLElement[] => {
    const used = new Set<string>()
    const shown = groups.map((group) => {
      if (group.length === 1) return elements[group[0] as number] as HTMLElement
      const key = foldKey(group)
      used.add(key)
      let fold = folds.get(key)
      if (!fold) {
        fold = makeFold(group)
        folds.set(key, fold)
      }
      return fold.root
    })
    const folded = new Set(groups.filter((g) => g.length > 1).flat())
    // Hidden, a folded stop's own link leaves the tab order and the accessibility tree; its
    // fold names it instead.
    elements.forEach((e, i) => {
      if (folded.has(i)) e.style.setProperty('visibility', 'hidden')
      else e.style.removeProperty('visibility')
    })
    for (const [key, fold] of folds)
      if (!used.has(key)) {
        fold.marker.remove()
        folds.delete(key)
      }
    return shown
  }

  /** The first stop that the focused marker (a stop's, a fold's, or a link in a fold) stands for. */
  const focusedStop = (): number | undefined => {
    const active = document.activeElement
    if (!active) return undefined
    const own = elements.indexOf(active as HTMLElement)
    if (own >= 0) return own
    for (const fold of folds.values()) if (fold.root.contains(active)) return fold.group[0]
    return undefined
  }

  const declutter = () => {
    const hadFocus = focusedStop()
    let groups = markerGroups(
      markers.map((m) => map.project(m.getLngLat())),
      MARKER_GROUP_RADIUS_PX,
    )
    let shown = show(groups)
    // A fold's marker is wider than a stop's ("1–3") and may now cover a neighbour: merge
    // until nothing does.
    for (let pass = 0; pass < stops.length; pass++) {
      const merged = mergeCoveredGroups(groups, shown.map(numberBox))
      if (merged === groups) break
      groups = merged
      shown = show(groups)
    }
    for (const fold of folds.values()) updateFold(fold)
    placeLabels(map, shown)
    if (hadFocus !== undefined && !shownHas(shown, document.activeElement)) {
      const group = groupOf(groups, hadFocus)
      const target = group && shown[groups.indexOf(group as number[])]
      ;(target?.querySelector<HTMLElement>('button') ?? target)?.focus()
    }
  }

  /** A fold's tap and spoken name follow the zoom: at the deepest zoom it lists, not zooms. */
  const updateFold = (fold: Fold) => {
    const points = fold.group.map((i) => map.project(markers[i]?.getLngLat() ?? [0, 0]))
    const tap = foldTap(points, map.getMaxZoom() - map.getZoom(), MARKER_GROUP_RADIUS_PX)
    if (tap !== fold.tap && isOpen(fold)) setOpen(fold, false)
    fold.tap = tap
    const label = t.mapFold(names[fold.group[0] as number] ?? '', fold.group.length)
    const listed = fold.group.map((i) => ({ number: stops[i]?.number ?? 0, name: names[i] ?? '' }))
    fold.spoken.textContent = t.mapFoldStops(label, listed) + (tap === 'zoom' ? t.mapFoldZoomHint : '')
    if (tap === 'list') {
      fold.button.setAttribute('aria-expanded', String(isOpen(fold)))
      fold.button.setAttribute('aria-controls', fold.list.id)
    } else {
      fold.button.removeAttribute('aria-expanded')
      fold.button.removeAttribute('aria-controls')
    }
  }

  // A tap elsewhere on the map closes an open list (a tap on a marker reaches the map too).
  const closeLists = (e: { originalEvent: Event }) => {
    for (const fold of folds.values())
      if (isOpen(fold) && !fold.root.contains(e.originalEvent.target as Node)) setOpen(fold, false)
  }

  declutter()
  map.on('moveend', declutter)
  map.on('click', closeLists)
  return () => {
    map.off('moveend', declutter)
    map.off('click', closeLists)
    for (const fold of folds.values()) fold.marker.remove()
    for (const m of markers) m.remove()
  }
}

const isOpen = (fold: FoldElement) => fold.list.hidden === false
const numberOf = (e: Element | undefined) => e?.querySelector<HTMLElement>('.map-stop-number')
const labelOf = (e: Element | undefined) => e?.querySelector<HTMLElement>('.map-stop-label')
const numberBox = (e: Element) => numberOf(e)?.getBoundingClientRect() ?? new DOMRect()
const boxOf = (e: Element | null | undefined): Box => {
  const r = e?.getBoundingClientRect()
  return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : NO_BOX
}
const shownHas = (shown: readonly HTMLElement[], e: Element | null) =>
  e !== null && e !== document.body && shown.some((s) => s.contains(e))

const centreInside = (r: DOMRect, edge: DOMRect) => {
  const x = r.x + r.width / 2
  const y = r.y + r.height / 2
  return x >= edge.left && x <= edge.right && y >= edge.top && y <= edge.bottom
}

/** An open list below its fold, or above it when below would run off the map's bottom. */
function fitListInMap(fold: FoldElement, container: HTMLElement) {
  fold.root.classList.remove('map-fold--up', 'map-fold--end')
  const list = fold.list.getBoundingClientRect()
  const edge = container.getBoundingClientRect()
  if (list.bottom > edge.bottom) fold.root.classList.add('map-fold--up')
  if (list.right > edge.right) fold.root.classList.add('map-fold--end')
}

/**
 * Each name stays within the map: to the right of its number, or left near the right edge, or
 * wrapped into lines of about equal length; one that fits nowhere, or would cover another name,
 * a number or a map button, is not shown (the list below the map names every stop).
 */
function placeLabels(map: MapLibre, shown: readonly HTMLElement[]) {
  const labels = shown.map(labelOf)
  for (const l of labels) l?.style.removeProperty('visibility')
  const edge = map.getContainer().getBoundingClientRect()
  const unfit = new Set<HTMLElement>()
  shown.forEach((element, k) => {
    const label = labels[k]
    const number = numberOf(element)
    if (!label || !number) return
    // A stop off the map (after a zoom) must not leave its name on it, cut at the edge.
    if (!centreInside(number.getBoundingClientRect(), edge)) {
      unfit.add(label)
      return
    }
    element.classList.remove('map-stop--flip')
    label.style.removeProperty('width')
    label.classList.remove('map-stop-label--wrap')
    // In characters of the label's own size, so large type keeps the same proportions.
    const char = Number.parseFloat(getComputedStyle(label).fontSize) || 13
    const place = placeLabel({
      labelWidth: label.getBoundingClientRect().width,
      number: number.getBoundingClientRect(),
      edge,
      gap: LABEL_GAP_PX,
      maxLinePx: char * 9,
      minLinePx: char * 3,
    })
    if (!place) {
      unfit.add(label)
      return
    }
    if (place.side === 'left') element.classList.add('map-stop--flip')
    if (place.wrapWidth !== undefined) {
      label.classList.add('map-stop-label--wrap')
      label.style.setProperty('width', `${place.wrapWidth}px`)
    }
  })
  // A name not shown takes no room from the others.
  const boxes = labels.map((l) => (l && !unfit.has(l) ? boxOf(l) : NO_BOX))
  // What no name may cover: every marker's number (each name sits clear of its own, by
  // LABEL_GAP_PX), and the zoom buttons and attribution in the map's corners.
  const obstacles = [
    ...shown.map((e) => boxOf(numberOf(e))),
    ...[...map.getContainer().querySelectorAll('.maplibregl-ctrl')].map(boxOf),
  ]
  visibleLabels(boxes, obstacles).forEach((show, i) => {
    const label = labels[i]
    if (label && (!show || unfit.has(label))) label.style.setProperty('visibility', 'hidden')
  })
}
