import { box, useMergedParts } from '../../src/xr/geometry.ts'

/**
 * The 延园 gate: two stone pillars (the name is carved on them; this scene does not render the
 * carving) framing the way in, at the courtyard's south-west. One draw call.
 */
export function Gate() {
  const geometry = useMergedParts(() => [
    box(0.5, 2.6, 0.5, [-6.3, 1.3, 7]),
    box(0.5, 2.6, 0.5, [-3.7, 1.3, 7]),
    box(0.7, 0.2, 0.7, [-6.3, 2.7, 7]),
    box(0.7, 0.2, 0.7, [-3.7, 2.7, 7]),
  ])
  return (
    <mesh geometry={geometry} name="gate">
      <meshLambertMaterial color="#a7a39b" />
    </mesh>
  )
}
