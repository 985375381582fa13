import { legibleGlyphM } from './comfort.ts'

/**
 * How much a hotspot's title is enlarged so it can be read from where the viewer is. A title is
 * modelled a few centimetres tall, which reads well up close but shrinks with distance: in 会宁
 * from the spawn the titles were 5–13 dmm in a headset and 2–5 px on a screen.
 *
 * - In a headset: enough for MIN_LEGIBLE_DMM (comfort.ts) at the title's distance from the eyes.
 * - On a screen: enough for `minPx` CSS pixels of glyph on the canvas. A glyph h metres tall at
 *   d metres projects to h / d × (canvas height / 2) / tan(vertical fov / 2) pixels (a perspective
 *   camera's focal length in pixels; three.js' fov is vertical).
 *
 * Never below 1 (a near title stays as modelled) nor above LABEL_MAX_BOOST (a far title stops
 * growing rather than covering the scene). The title grows from its foot, which stays just above
 * its marker (Hotspot.tsx), so it never drifts away from what it names.
 */
export const LABEL_MAX_BOOST = 8

export type LabelView =
  | { readonly kind: 'headset' }
  | {
      readonly kind: 'screen'
      readonly canvasHeightPx: number
      readonly fovDeg: number
      readonly minPx: number
    }

/** CSS pixels of a title's glyph on a screen: about the page's body text (18 px; 22 px in 大字). */
export const SCREEN_TITLE_PX = 16
export const SCREEN_TITLE_PX_LARGE = 20

/** The focal length of a perspective camera in CSS pixels: pixels per unit of tangent. */
export function focalLengthPx(canvasHeightPx: number, fovDeg: number): number {
  return canvasHeightPx / 2 / Math.tan((fovDeg * Math.PI) / 360)
}

/** The scale for a title whose glyph is `glyphM` metres tall (as modelled) at `distanceM` from the eye. */
export function titleScale(view: LabelView, glyphM: number, distanceM: number): number {
  if (!(glyphM > 0) || !(distanceM > 0)) return 1
  let wanted: number
  if (view.kind === 'headset') wanted = legibleGlyphM(distanceM) / glyphM
  else {
    // A canvas not measured yet: leave the title as it is until it is.
    if (!(view.canvasHeightPx > 0)) return 1
    const px = (glyphM / distanceM) * focalLengthPx(view.canvasHeightPx, view.fovDeg)
    wanted = view.minPx / px
  }
  return Math.min(LABEL_MAX_BOOST, Math.max(1, wanted))
}

/**
 * The least size a hotspot's marker and its hit area keep from wherever the viewer is, as an
 * angle in a headset and as CSS pixels on a screen. Modelled at 18 cm and 80 cm across, a marker
 * at the 会师门 (15.9 m) was a 4-pixel speck on a phone and its hit area a 20-pixel target for a
 * finger; in a headset the hit area was under 3° for a ray held in an older visitor's hand.
 * The marker is something to see (about a line of text); the hit area is something to touch
 * (44 CSS px, the usual fingertip target) or to aim a shaky ray at.
 */
export interface SizeTarget {
  readonly headsetDeg: number
  readonly screenPx: number
}
export const MARKER_MIN_SIZE: SizeTarget = { headsetDeg: 1, screenPx: 14 }
export const HIT_AREA_MIN_SIZE: SizeTarget = { headsetDeg: 4, screenPx: 44 }

/**
 * The scale that gives an object `sizeM` metres across (as modelled) at least `target`'s size
 * from `distanceM` away: never below 1, never above LABEL_MAX_BOOST.
 */
export function growScale(view: LabelView, sizeM: number, distanceM: number, target: SizeTarget): number {
  if (!(sizeM > 0) || !(distanceM > 0)) return 1
  let wanted: number
  if (view.kind === 'headset')
    wanted = (2 * distanceM * Math.tan((target.headsetDeg * Math.PI) / 360)) / sizeM
  else {
    if (!(view.canvasHeightPx > 0)) return 1
    const px = (sizeM / distanceM) * focalLengthPx(view.canvasHeightPx, view.fovDeg)
    wanted = target.screenPx / px
  }
  return Math.min(LABEL_MAX_BOOST, Math.max(1, wanted))
}
