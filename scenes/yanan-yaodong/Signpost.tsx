import { box, useMergedParts } from '../../src/xr/geometry.ts'

/** A wooden signpost pointing east, toward the back valley (后沟). One draw call. */
export function Signpost() {
  const geometry = useMergedParts(() => [
    box(0.1, 1.6, 0.1, [5.5, 0.8, 1]),
    box(0.9, 0.25, 0.04, [5.85, 1.35, 1]),
  ])
  return (
    <mesh geometry={geometry} name="signpost">
      <meshLambertMaterial color="#6b4428" />
    </mesh>
  )
}
