import { CylinderGeometry } from 'three'
import { box, useMergedParts } from '../../src/xr/geometry.ts'
import { TeleportFloor } from '../../src/xr/Rig.tsx'

/** The room: 3.6 m wide, 7 m deep (z from 0 at the front to −7), walls 1.8 m then a round vault. */
export const CAVE_WIDTH_M = 3.6
export const CAVE_DEPTH_M = 7
const WALL_M = 1.8

/**
 * The vaulted cave room: the half-cylinder vault and side walls in one call (seen from inside),
 * the back wall, the floor (teleportable) and the lattice front with its door. The loess hill
 * face it is dug into is the Courtyard's.
 */
export function CaveVault() {
  const shell = useMergedParts(() => {
    const r = CAVE_WIDTH_M / 2
    const vault = new CylinderGeometry(r, r, CAVE_DEPTH_M, 16, 1, true, -Math.PI / 2, Math.PI)
    return [
      {
        geometry: vault,
        at: [0, WALL_M, -CAVE_DEPTH_M / 2] as const,
        rotation: [Math.PI / 2, 0, 0] as const,
      },
      box(0.3, WALL_M, CAVE_DEPTH_M, [-r - 0.15, WALL_M / 2, -CAVE_DEPTH_M / 2]),
      box(0.3, WALL_M, CAVE_DEPTH_M, [r + 0.15, WALL_M / 2, -CAVE_DEPTH_M / 2]),
      box(CAVE_WIDTH_M, WALL_M + r, 0.3, [0, (WALL_M + r) / 2, -CAVE_DEPTH_M - 0.15]),
    ]
  })
  const lattice = useMergedParts(() => {
    // Upper window across the arch, side windows at chest height, a 1 m door in the middle.
    const top = WALL_M + CAVE_WIDTH_M / 2
    const half = CAVE_WIDTH_M / 2
    const parts = [
      box(CAVE_WIDTH_M, 0.1, 0.08, [0, 2.1, 0]),
      box(0.1, 2.1, 0.08, [-0.5, 1.05, 0]),
      box(0.1, 2.1, 0.08, [0.5, 1.05, 0]),
    ]
    for (let x = -half + 0.2; x < half; x += 0.3) {
      const arch = Math.sqrt(Math.max(0, half * half - x * x))
      parts.push(box(0.04, WALL_M + arch - 2.1, 0.05, [x, (2.1 + WALL_M + arch) / 2, 0]))
      if (Math.abs(x) > 0.6) parts.push(box(0.04, 1.3, 0.05, [x, 1.45, 0]))
    }
    for (let y = 2.4; y < top; y += 0.3) parts.push(box(CAVE_WIDTH_M * 0.9, 0.04, 0.05, [0, y, 0]))
    for (const side of [-1, 1])
      for (let y = 0.8; y <= 2.1; y += 0.325)
        parts.push(box(half - 0.6, 0.04, 0.05, [(side * (half + 0.6)) / 2, y, 0]))
    return parts
  })
  return (
    <group name="cave">
      <mesh geometry={shell}>
        <meshLambertMaterial color="#d9c3a0" side={2} />
      </mesh>
      <mesh geometry={lattice} name="lattice-front">
        <meshLambertMaterial color="#6b4428" />
      </mesh>
      <TeleportFloor>
        <mesh rotation-x={-Math.PI / 2} position={[0, 0.005, -CAVE_DEPTH_M / 2]}>
          <planeGeometry args={[CAVE_WIDTH_M, CAVE_DEPTH_M]} />
          <meshLambertMaterial color="#a98d6c" />
        </mesh>
      </TeleportFloor>
    </group>
  )
}
