import { markerGroups } from './label-collision.ts'

/** A point on the map's screen, in CSS pixels from its top left. */
export interface ScreenPoint {
  readonly x: number
  readonly y: number
}

/**
 * What tapping a folded marker (several stops drawn as one) does: `zoom` in to the stops' bounds
 * when they would stand apart at the map's deepest zoom, else `list` them as links: stops on one
 * point (two sites on one ground) never separate, however far the member zooms.
 */
export type FoldTap = 'zoom' | 'list'

/**
 * Decides a fold's tap from its stops' screen points now and the zoom levels left above the
 * current one. On a web-mercator map every zoom level doubles screen distances, so at the
 * deepest zoom two points lie `2 ** zoomHeadroom` times as far apart as now; they separate when
 * `markerGroups` (the grouping the map draws with) would no longer put them in one group.
 */
export function foldTap(points: readonly ScreenPoint[], zoomHeadroom: number, radiusPx: number): FoldTap {
  const origin = points[0]
  if (!origin) return 'list'
  const scale = 2 ** Math.max(0, zoomHeadroom)
  const deepest = points.map((p) => ({ x: (p.x - origin.x) * scale, y: (p.y - origin.y) * scale }))
  return markerGroups(deepest, radiusPx).length > 1 ? 'zoom' : 'list'
}

/** A group's identity across redraws: its stop indexes, in order ("0,1,2,6"). */
export function foldKey(group: readonly number[]): string {
  return group.join(',')
}

/** The group holding stop `index`, or undefined when no group does. */
export function groupOf(
  groups: readonly (readonly number[])[],
  index: number,
): readonly number[] | undefined {
  return groups.find((g) => g.includes(index))
}
