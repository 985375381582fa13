import { cylinder, useMergedParts } from '../../src/xr/geometry.ts'
import { DESK_AT, DESK_TOP_M } from './Desk.tsx'

/** A small oil lamp (油灯) on the desk: iron base and bowl in one call, its flame in another. */
export function OilLamp() {
  const [x, , z] = DESK_AT
  const at: [number, number, number] = [x + 0.4, DESK_TOP_M + 0.025, z - 0.1]
  const body = useMergedParts(() => [
    cylinder(0.06, 0.07, 0.02, 10, [at[0], at[1] + 0.01, at[2]]),
    cylinder(0.012, 0.015, 0.22, 6, [at[0], at[1] + 0.13, at[2]]),
    cylinder(0.06, 0.03, 0.04, 10, [at[0], at[1] + 0.26, at[2]]),
  ])
  return (
    <group name="oil-lamp">
      <mesh geometry={body}>
        <meshLambertMaterial color="#3b3330" />
      </mesh>
      <mesh position={[at[0], at[1] + 0.31, at[2]]}>
        <coneGeometry args={[0.012, 0.05, 6]} />
        <meshBasicMaterial color="#ffb347" toneMapped={false} />
      </mesh>
    </group>
  )
}
