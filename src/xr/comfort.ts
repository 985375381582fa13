/**
 * Comfort and legibility constants (DESIGN.md "VR classroom"; Meta's text guidance of about
 * 24–28 dmm, i.e. 24–28 mm tall characters per metre of distance, for comfortable reading).
 */

/** Eye heights in metres: a standing adult, and a seated one (used to lift a seated member's origin). */
export const EYE_HEIGHT_STANDING_M = 1.6
export const EYE_HEIGHT_SEATED_M = 1.2

export type Posture = 'standing' | 'seated'

/** How far the XR origin is raised so a seated member sees from a standing eye height, metres. */
export function originLiftM(posture: Posture): number {
  return posture === 'seated' ? EYE_HEIGHT_STANDING_M - EYE_HEIGHT_SEATED_M : 0
}

/** Panels open this far in front of the viewer, metres. */
export const PANEL_DISTANCE_M = 1.5
/** Panel centre height relative to the eyes, metres (slightly below the horizon is most comfortable). */
export const PANEL_DROP_M = 0.15
/** Glyph heights in metres at PANEL_DISTANCE_M: 0.042 m at 1.5 m ≈ 28 dmm (body), titles larger. */
export const TEXT_BODY_M = 0.042
export const TEXT_TITLE_M = 0.06
export const TEXT_LABEL_M = 0.09
/** The least angular size of text a visitor must read, dmm (mm of glyph per metre of distance). */
export const MIN_LEGIBLE_DMM = 24

/** A glyph's angular size in dmm: its height over its distance from the eye, ×1000. */
export function glyphDmm(glyphM: number, distanceM: number): number {
  return (glyphM / distanceM) * 1000
}

/** The glyph height, metres, that reads at MIN_LEGIBLE_DMM from `distanceM` away. */
export function legibleGlyphM(distanceM: number): number {
  return (MIN_LEGIBLE_DMM * distanceM) / 1000
}
/** Snap turn step, degrees (no smooth rotation: it is the main cause of VR sickness). */
export const SNAP_TURN_DEG = 30
/** A hotspot's hit radius, metres: large, so selecting it needs no pointing precision. */
export const HOTSPOT_HIT_RADIUS_M = 0.4
