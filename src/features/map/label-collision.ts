/** A label's box on screen, in CSS pixels. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * Greedy label placement: keeps labels in priority order (stop 1 first) and hides any label
 * that would overlap one already kept. Returns which labels to show.
 */
export function visibleLabels(boxes: readonly Box[]): boolean[] {
  const kept: Box[] = []
  return boxes.map((box) => {
    if (kept.some((k) => overlaps(k, box))) return false
    kept.push(box)
    return true
  })
}
