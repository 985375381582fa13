/**
 * Which way a visitor should turn to face a point, from where it lies in their view: x to the
 * right, z toward them (three.js view space: ahead is −z). Null when it is already in view, within
 * `inViewDeg` of straight ahead sideways; `around` when it is more than 135° off, behind them.
 */
export type Turn = 'left' | 'right' | 'around' | null

export function turnToward(viewX: number, viewZ: number, inViewDeg = 35): Turn {
  const offDeg = (Math.atan2(viewX, -viewZ) * 180) / Math.PI
  if (Math.abs(offDeg) <= inViewDeg) return null
  if (Math.abs(offDeg) > 135) return 'around'
  return offDeg > 0 ? 'right' : 'left'
}
