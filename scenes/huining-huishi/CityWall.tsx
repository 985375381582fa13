import { box, useMergedParts } from '../../src/xr/geometry.ts'

/** Wall height and thickness, metres (the Ming-era town wall, approximate). */
export const WALL_HEIGHT_M = 7
const WALL_THICKNESS_M = 5
/** The wall runs north–south along x = WALL_X_M; the gate opening is centred on z = GATE_Z_M. */
export const WALL_X_M = -15
export const GATE_Z_M = -2
const GATE_WIDTH_M = 4.5
const GATE_HEIGHT_M = 4.5
const LENGTH_M = 40

/**
 * A stretch of the old town wall with the west gate's passage (西津门, renamed 会师门 after 1949):
 * two wall blocks, the block over the passage and a row of crenels. One draw call.
 */
export function CityWall() {
  const geometry = useMergedParts(() => {
    const half = LENGTH_M / 2
    const southLen = half - GATE_Z_M - GATE_WIDTH_M / 2
    const northLen = half + GATE_Z_M - GATE_WIDTH_M / 2
    const parts = [
      box(WALL_THICKNESS_M, WALL_HEIGHT_M, northLen, [
        WALL_X_M,
        WALL_HEIGHT_M / 2,
        GATE_Z_M - GATE_WIDTH_M / 2 - northLen / 2,
      ]),
      box(WALL_THICKNESS_M, WALL_HEIGHT_M, southLen, [
        WALL_X_M,
        WALL_HEIGHT_M / 2,
        GATE_Z_M + GATE_WIDTH_M / 2 + southLen / 2,
      ]),
      box(WALL_THICKNESS_M, WALL_HEIGHT_M - GATE_HEIGHT_M, GATE_WIDTH_M, [
        WALL_X_M,
        GATE_HEIGHT_M + (WALL_HEIGHT_M - GATE_HEIGHT_M) / 2,
        GATE_Z_M,
      ]),
    ]
    for (let z = -half + 1; z < half; z += 2.5)
      parts.push(box(0.6, 0.8, 1.2, [WALL_X_M + WALL_THICKNESS_M / 2 - 0.3, WALL_HEIGHT_M + 0.4, z]))
    return parts
  })
  return (
    <mesh geometry={geometry} name="city-wall">
      <meshLambertMaterial color="#9c8f80" />
    </mesh>
  )
}
