import { BackSide } from 'three'
import { TeleportFloor } from '../../src/xr/Rig.tsx'

/** The hall, metres: 12 wide, 5 high, from the front wall at z = −4.5 to the back at z = 6. */
export const HALL = { width: 12, height: 5, front: -4.5, back: 6 } as const

/** Walls and ceiling as one box seen from inside, and the floor (teleportable). Two calls. */
export function Hall() {
  const depth = HALL.back - HALL.front
  return (
    <group name="hall">
      <mesh position={[0, HALL.height / 2, (HALL.front + HALL.back) / 2]}>
        <boxGeometry args={[HALL.width, HALL.height, depth]} />
        <meshLambertMaterial color="#efe6d8" side={BackSide} />
      </mesh>
      <TeleportFloor>
        <mesh rotation-x={-Math.PI / 2} position={[0, 0.005, (HALL.front + HALL.back) / 2]}>
          <planeGeometry args={[HALL.width, depth]} />
          <meshLambertMaterial color="#7a2a22" />
        </mesh>
      </TeleportFloor>
    </group>
  )
}
