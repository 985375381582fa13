import { TeleportFloor } from '../../src/xr/Rig.tsx'

/** The loess ground and the paved memorial square (24 m × 24 m), both teleportable. */
export function Ground() {
  return (
    <TeleportFloor>
      <mesh rotation-x={-Math.PI / 2} name="ground">
        <planeGeometry args={[160, 160]} />
        <meshLambertMaterial color="#c8a878" />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position={[0, 0.01, 0]} name="square">
        <planeGeometry args={[24, 24]} />
        <meshLambertMaterial color="#cfcac0" />
      </mesh>
    </TeleportFloor>
  )
}
