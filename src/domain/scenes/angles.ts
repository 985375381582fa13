/**
 * Directions for panorama hotspots and the spawn heading, in three.js' frame (y up, −z ahead).
 * Yaw turns right from straight ahead (clockwise seen from above); pitch is up from the horizon.
 */

export const DEG = Math.PI / 180

/** Unit vector [x, y, z] for a yaw and pitch in degrees. */
export function directionFromYawPitch(yawDeg: number, pitchDeg: number): [number, number, number] {
  const yaw = yawDeg * DEG
  const pitch = pitchDeg * DEG
  return [Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)]
}

/**
 * three.js' rotation about +y (radians, counter-clockwise seen from above) that turns −z toward
 * the given yaw: the two conventions have opposite senses.
 */
export function rotationYForYaw(yawDeg: number): number {
  return -yawDeg * DEG
}

/**
 * Texture coordinates [u, v] (0..1, v = 0 at the top row) of an equirectangular image for a yaw
 * and pitch, when the image's centre column (u = 0.5) is straight ahead. Used to place hotspots
 * on real panoramas and by the sample's generator, so both agree.
 */
export function equirectUv(yawDeg: number, pitchDeg: number): [number, number] {
  const u = (((yawDeg / 360 + 0.5) % 1) + 1) % 1
  return [u, 0.5 - pitchDeg / 180]
}

/** Wraps an angle in degrees into (−180, 180]. */
export function wrapDeg(deg: number): number {
  const w = ((((deg + 180) % 360) + 360) % 360) - 180
  return w === -180 ? 180 : w
}
