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
 * that would overlap one already kept, or an obstacle (another stop's number, the map's own
 * controls): a name must never cover a stop or a button. Returns which labels to show.
 */
export function visibleLabels(boxes: readonly Box[], obstacles: readonly Box[] = []): boolean[] {
  const kept: Box[] = []
  return boxes.map((box) => {
    if (obstacles.some((o) => overlaps(o, box))) return false
    if (kept.some((k) => overlaps(k, box))) return false
    kept.push(box)
    return true
  })
}

/**
 * Stops whose numbered markers would sit on one another at this zoom, as groups of indexes in
 * stop order: each stop joins the first group whose leader (its first stop) is within
 * `radiusPx`, or leads a new one. The leader's marker stands for the group ("1–3"), so a stop
 * is never drawn hidden under another.
 */
export function markerGroups(points: readonly { x: number; y: number }[], radiusPx: number): number[][] {
  const groups: number[][] = []
  points.forEach((p, i) => {
    const group = groups.find((g) => {
      const leader = points[g[0] as number] as { x: number; y: number }
      return Math.hypot(leader.x - p.x, leader.y - p.y) < radiusPx
    })
    if (group) group.push(i)
    else groups.push([i])
  })
  return groups
}

/** A group's stop numbers as one short label: "3", "1–3" for a run, "2·5" otherwise. */
export function groupNumberLabel(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b)
  const first = sorted[0]
  const last = sorted.at(-1)
  if (first === undefined || last === undefined) return ''
  if (sorted.length === 1) return String(first)
  const isRun = sorted.every((n, i) => n === first + i)
  return isRun ? `${first}–${last}` : sorted.join('·')
}

/**
 * One more pass of grouping, on what is drawn: a leader's marker grows with its numbers ("1–3"),
 * and can then cover a marker that was clear of it. Groups whose leaders' boxes overlap join the
 * earlier group. Returns the groups unchanged (the same array) when nothing overlaps.
 */
export function mergeCoveredGroups(groups: readonly number[][], leaderBoxes: readonly Box[]): number[][] {
  const kept: { group: number[]; box: Box }[] = []
  groups.forEach((group, i) => {
    const box = leaderBoxes[i] as Box
    const cover = kept.find((k) => overlaps(k.box, box))
    if (cover) cover.group.push(...group)
    else kept.push({ group: [...group], box })
  })
  return kept.length === groups.length ? (groups as number[][]) : kept.map((k) => k.group)
}

/** Where a stop's name goes beside its number: which side, and a narrower width if it wraps. */
export interface LabelPlacement {
  readonly side: 'right' | 'left'
  /** Set when the name wraps: its box's width in CSS pixels, lines of about equal length. */
  readonly wrapWidth?: number
}

/**
 * Places a stop's name within the map's width: on one line to the right of its number if it
 * fits, else to the left; else wrapped, on the side with more room, into the fewest lines no
 * wider than `maxLinePx` and that room, made about equal so no lone character trails; null
 * when not even `minLinePx` fits (the name is then not shown on the map).
 */
export function placeLabel(input: {
  readonly labelWidth: number
  readonly number: { readonly left: number; readonly right: number }
  readonly edge: { readonly left: number; readonly right: number }
  readonly gap: number
  readonly maxLinePx: number
  readonly minLinePx: number
}): LabelPlacement | null {
  const right = input.edge.right - input.number.right - input.gap
  const left = input.number.left - input.edge.left - input.gap
  if (input.labelWidth <= right) return { side: 'right' }
  if (input.labelWidth <= left) return { side: 'left' }
  const side = right >= left ? 'right' : 'left'
  const room = Math.min(Math.max(right, left), input.maxLinePx)
  if (room < input.minLinePx) return null
  const lines = Math.ceil(input.labelWidth / room)
  // A line breaks between characters, so an equal share needs a character's slack.
  const slack = input.minLinePx / 3
  return { side, wrapWidth: Math.min(room, Math.ceil(input.labelWidth / lines + slack)) }
}
