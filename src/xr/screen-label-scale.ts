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
