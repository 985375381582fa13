import { DEG, equirectUv } from './angles.ts'

/**
 * Which part of an equirectangular panorama a flat view can show: the first frame uploads only
 * that part (a 4096 × 2048 image is 8.4 million pixels; a phone's view needs about a sixth of
 * them), at full resolution. Image coordinates as equirectUv: the centre column straight ahead,
 * row 0 at the top (pitch +90°).
 */
export interface PixelRect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A camera at pitch 0: vertical field of view and heading, degrees; aspect = width / height. */
export interface FlatView {
  readonly fovDeg: number
  readonly yawDeg: number
  readonly aspect: number
}

/**
 * Half the horizontal field of view, degrees, of a pinhole camera with vertical field of view
 * `fovDeg` and aspect ratio `aspect` (tan(h/2) = aspect · tan(v/2)).
 */
export function halfHorizontalFovDeg(fovDeg: number, aspect: number): number {
  return Math.atan(aspect * Math.tan((fovDeg / 2) * DEG)) / DEG
}

/**
 * The pixels a view at pitch 0 samples, plus `marginPx` on each side for the texture filter.
 * Rows: a pinhole camera at pitch 0 sees its highest latitude straight up the middle of the
 * view, at exactly fov/2 (a ray (x, y, −1) has latitude atan(y / √(x² + 1))). Columns: the
 * view's longitudes are exactly yaw ± the half horizontal field of view, widened to at least
 * `minHalfWidthDeg` so that a box of another shape is still covered (90: any shape). A range that would cross the image's left/right seam takes the full width instead.
 */
export function visibleRect(
  image: { readonly widthPx: number; readonly heightPx: number },
  view: FlatView,
  { minHalfWidthDeg = 0, marginPx = 4 }: { minHalfWidthDeg?: number; marginPx?: number } = {},
): PixelRect {
  const { widthPx, heightPx } = image
  const halfRows = (Math.min(180, view.fovDeg) / 2 / 180) * heightPx
  const top = Math.max(0, Math.floor(heightPx / 2 - halfRows) - marginPx)
  const bottom = Math.min(heightPx, Math.ceil(heightPx / 2 + halfRows) + marginPx)
  const halfDeg = Math.max(minHalfWidthDeg, halfHorizontalFovDeg(view.fovDeg, view.aspect))
  const centre = equirectUv(view.yawDeg, 0)[0] * widthPx
  const halfCols = (halfDeg / 360) * widthPx
  const left = Math.floor(centre - halfCols) - marginPx
  const right = Math.ceil(centre + halfCols) + marginPx
  const fullWidth = left < 0 || right > widthPx
  return {
    x: fullWidth ? 0 : left,
    y: top,
    width: fullWidth ? widthPx : right - left,
    height: bottom - top,
  }
}
