import { box, useMergedParts } from '../../src/xr/geometry.ts'

/** The 幸福渠 channel crossing the courtyard, east side: stone banks and the water. Two calls. */
export function WaterChannel() {
  const banks = useMergedParts(() => [
    box(10, 0.25, 0.2, [6, 0.125, 4.6]),
    box(10, 0.25, 0.2, [6, 0.125, 5.4]),
  ])
  return (
    <group name="water-channel">
      <mesh geometry={banks}>
        <meshLambertMaterial color="#9d9488" />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position={[6, 0.08, 5]}>
        <planeGeometry args={[10, 0.6]} />
        <meshLambertMaterial color="#5f8fa6" />
      </mesh>
    </group>
  )
}
