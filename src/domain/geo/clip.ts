/** A [west, south, east, north] box in degrees, as in GeoJSON bbox. */
export type BBox = readonly [number, number, number, number]
export type Ring = [number, number][]

/**
 * Clips a polygon ring to an axis-aligned box (Sutherland–Hodgman, 1974). Exact for a
 * rectangular clip window; a concave ring may gain zero-width edges along the box border,
 * which are invisible when filled. Returns a closed ring, or an empty one when nothing is inside.
 */
export function clipRing(ring: readonly [number, number][], [w, s, e, n]: BBox): Ring {
  type Edge = {
    inside: (p: [number, number]) => boolean
    cross: (a: [number, number], b: [number, number]) => [number, number]
  }
  const atX =
    (x: number) =>
    (a: [number, number], b: [number, number]): [number, number] => [
      x,
      a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]),
    ]
  const atY =
    (y: number) =>
    (a: [number, number], b: [number, number]): [number, number] => [
      a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]),
      y,
    ]
  const edges: Edge[] = [
    { inside: (p) => p[0] >= w, cross: atX(w) },
    { inside: (p) => p[0] <= e, cross: atX(e) },
    { inside: (p) => p[1] >= s, cross: atY(s) },
    { inside: (p) => p[1] <= n, cross: atY(n) },
  ]
  // Work on the open ring (without the repeated closing point).
  let points: [number, number][] = ring.slice(
    0,
    ring.length > 1 && sameXY(ring[0], ring[ring.length - 1]) ? -1 : undefined,
  )
  for (const edge of edges) {
    const input = points
    points = []
    for (let i = 0; i < input.length; i++) {
      const current = input[i] as [number, number]
      const previous = input[(i + input.length - 1) % input.length] as [number, number]
      const curIn = edge.inside(current)
      const prevIn = edge.inside(previous)
      if (curIn) {
        if (!prevIn) points.push(edge.cross(previous, current))
        points.push(current)
      } else if (prevIn) {
        points.push(edge.cross(previous, current))
      }
    }
    if (points.length === 0) return []
  }
  if (points.length < 3) return []
  return [...points, points[0] as [number, number]]
}

function sameXY(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1]
}

/** Rounds coordinates to `decimals` places and drops consecutive duplicates (0.001° ≈ 100 m). */
export function roundRing(ring: Ring, decimals: number): Ring {
  const f = 10 ** decimals
  const out: Ring = []
  for (const [x, y] of ring) {
    const p: [number, number] = [Math.round(x * f) / f, Math.round(y * f) / f]
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  return out.length >= 4 ? out : []
}
