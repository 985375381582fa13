import { TorusGeometry } from 'three'
import { box, cylinder, useMergedParts } from '../../src/xr/geometry.ts'

/** Where the spinning wheel stands: by the left wall, its wheel 0.6 m across. */
const AT: [number, number, number] = [-1.2, 0, -4.6]
const WHEEL_R_M = 0.3

/**
 * A hand spinning wheel (纺车) of the kind used in the great production movement: a low frame,
 * a spoked wheel on a post, and the spindle end. One draw call.
 */
export function SpinningWheel() {
  const geometry = useMergedParts(() => {
    const [x, , z] = AT
    const hub: [number, number, number] = [x, 0.55, z]
    const parts = [
      box(0.1, 0.06, 1.1, [x, 0.08, z + 0.2]),
      box(0.06, 0.55, 0.06, [x, 0.3, z]),
      box(0.06, 0.25, 0.06, [x, 0.2, z + 0.7]),
      cylinder(0.01, 0.01, 0.25, 6, [x, 0.35, z + 0.7], [Math.PI / 2, 0, 0]),
      {
        geometry: new TorusGeometry(WHEEL_R_M, 0.015, 6, 24),
        at: hub,
        rotation: [0, Math.PI / 2, 0] as const,
      },
    ]
    for (let i = 0; i < 8; i++) parts.push(box(0.012, WHEEL_R_M * 2, 0.012, hub, [(i / 8) * Math.PI, 0, 0]))
    return parts
  })
  return (
    <mesh geometry={geometry} name="spinning-wheel">
      <meshLambertMaterial color="#8a5a33" />
    </mesh>
  )
}
