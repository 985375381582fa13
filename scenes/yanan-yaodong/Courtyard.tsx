import { CylinderGeometry } from 'three'
import { box, useMergedParts } from '../../src/xr/geometry.ts'
import { TeleportFloor } from '../../src/xr/Rig.tsx'
import { CAVE_WIDTH_M } from './CaveVault.tsx'

/**
 * The courtyard in front of the cave (z > 0, teleportable) and the loess hill face the caves are
 * dug into, with the stone-faced arches of two neighbouring caves. Two draw calls.
 */
export function Courtyard() {
  const face = useMergedParts(() => {
    const r = CAVE_WIDTH_M / 2
    const parts = [
      box(8.2 - r, 9, 3, [-(r + (8.2 - r) / 2), 4.5, -1.5]),
      box(8.2 - r, 9, 3, [r + (8.2 - r) / 2, 4.5, -1.5]),
      box(CAVE_WIDTH_M, 9 - 1.8 - r, 3, [0, 1.8 + r + (9 - 1.8 - r) / 2, -1.5]),
    ]
    // Arches of the neighbouring caves, set into the face.
    for (const x of [-4.8, 4.8]) {
      parts.push({
        geometry: new CylinderGeometry(r, r, 0.1, 16, 1, false, -Math.PI / 2, Math.PI),
        at: [x, 1.8, 0.02] as const,
        rotation: [Math.PI / 2, 0, 0] as const,
      })
      parts.push(box(CAVE_WIDTH_M, 1.8, 0.1, [x, 0.9, 0.02]))
    }
    return parts
  })
  return (
    <group name="courtyard">
      <mesh geometry={face}>
        <meshLambertMaterial color="#c9a777" />
      </mesh>
      <TeleportFloor>
        <mesh rotation-x={-Math.PI / 2} position={[0, 0, 7]}>
          <planeGeometry args={[26, 14]} />
          <meshLambertMaterial color="#cdb28a" />
        </mesh>
      </TeleportFloor>
    </group>
  )
}
