/**
 * Hotspot titles are sized for a headset, where they keep an angular size. On a phone the same
 * scene is drawn into a canvas a few hundred pixels wide and the titles shrink to 6–8 px. Outside
 * a session they are enlarged in proportion to how narrow the canvas is, up to four times their size;
 * in a session, or on a canvas as wide as a laptop's, they stay as they are.
 */
export const LABEL_FULL_SIZE_WIDTH_PX = 1400
export const LABEL_MAX_BOOST = 4

export function screenLabelScale(canvasWidthPx: number, inSession: boolean): number {
  if (inSession || !(canvasWidthPx > 0)) return 1
  return Math.min(LABEL_MAX_BOOST, Math.max(1, LABEL_FULL_SIZE_WIDTH_PX / canvasWidthPx))
}
